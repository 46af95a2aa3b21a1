import { append } from './fields';
import { WhoStore } from './whoStore';
import type {
  DebuggerDevice,
  DebuggerDevnode,
  DebuggerDriver,
  DebuggerIrp,
  DebuggerObject,
  DebuggerProblem,
  DebuggerStack,
  ProblemKind,
  SessionContext,
  Source,
} from './types';

/**
 * Where the readers put what they read. The same object printed by several
 * commands (a device by `!drvobj`, `!devobj` and `!devstack`) is one entry,
 * found by its address (a driver also by its name); a later print sets what
 * it printed and leaves the rest. Entries keep the order they first appeared.
 */

/** Problems listed before the rest are summed up in one line: a 5 MB paste of junk stays a small answer. */
export const MAX_PROBLEMS = 2000;

type Fields<T> = { [K in keyof T]?: T[K] | undefined };

/** Sets the fields `patch` has (a field printed again wins: it is the later state of the machine). */
function assign<T extends object>(target: T, patch: Fields<T>): T {
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/** Sources come in line order, so a repeat is the last one: checking it keeps a huge paste linear. */
function addSource(sources: Source[], s: Source): void {
  const last = sources[sources.length - 1];
  if (!last || last.line !== s.line || last.command !== s.command) sources.push(s);
}

/** The entry at `address` (made if new), with what this print set and where it was printed. */
function record<T extends { sources: Source[] }>(
  map: Map<string, T>,
  address: string,
  make: () => T,
  src: Source,
  patch: Fields<T>,
): T {
  let entry = map.get(address);
  if (!entry) {
    entry = make();
    map.set(address, entry);
  }
  assign(entry, patch);
  addSource(entry.sources, src);
  return entry;
}

export class Store {
  readonly drivers: DebuggerDriver[] = [];
  readonly devices = new Map<string, DebuggerDevice>();
  readonly devnodes = new Map<string, DebuggerDevnode>();
  readonly irps = new Map<string, DebuggerIrp>();
  readonly objects = new Map<string, DebuggerObject>();
  readonly problems: DebuggerProblem[] = [];
  /** Processes, handles and threads: who holds a device, who sent an IRP. */
  readonly who = new WhoStore();
  /** Live session, dump, or a breakpoint inside DriverEntry (session.ts). */
  readonly context: SessionContext = {};
  private readonly stackByKey = new Map<string, DebuggerStack>();
  private readonly byName = new Map<string, DebuggerDriver>();
  private readonly byAddress = new Map<string, DebuggerDriver>();
  /** Each driver's device list as a set, so adding to a long list stays cheap. */
  private readonly listed = new WeakMap<DebuggerDriver, Set<string>>();
  private dropped = 0;
  private droppedFrom = 0;

  get stacks(): DebuggerStack[] {
    return [...this.stackByKey.values()];
  }

  problem(line: number, kind: ProblemKind, message: string, endLine?: number): DebuggerProblem | undefined {
    if (this.problems.length >= MAX_PROBLEMS) {
      if (this.dropped === 0) this.droppedFrom = line;
      this.dropped++;
      return undefined;
    }
    const p: DebuggerProblem = { line, message, kind, ...(endLine === undefined ? {} : { endLine }) };
    this.problems.push(p);
    return p;
  }

  /**
   * A driver by name and/or address. A driver object printed without its
   * name (the name line cut off) is kept aside, and joins the named entry
   * once a print shows both; only named drivers are listed.
   */
  driver(name: string | undefined, address: string | undefined, src: Source): DebuggerDriver {
    const named = name === undefined ? undefined : this.byName.get(name.toLowerCase());
    const addressed = address === undefined ? undefined : this.byAddress.get(address);
    // An address printed with another driver's name was reused (that driver unloaded): a new entry.
    const sameDriver =
      addressed && (name === undefined || addressed.name === '' || sameName(addressed.name, name));
    let d = named ?? (sameDriver ? addressed : undefined) ?? { name: '', devices: [], sources: [] };
    if (named && addressed && named !== addressed && addressed.name === '') {
      for (const dev of addressed.devices) this.list(named, dev);
      for (const s of addressed.sources) addSource(named.sources, s);
      named.unloadRoutine ??= addressed.unloadRoutine;
      named.listPrinted ??= addressed.listPrinted;
      named.addDevice ??= addressed.addDevice;
      d = named;
    }
    if (name !== undefined && d.name === '') {
      d.name = name;
      this.byName.set(name.toLowerCase(), d);
      this.drivers.push(d);
    }
    if (address !== undefined) {
      d.address = address;
      this.byAddress.set(address, d);
    }
    addSource(d.sources, src);
    return d;
  }

  /** Adds `device` to a driver's device list (once). */
  list(drv: DebuggerDriver, device: string): void {
    let set = this.listed.get(drv);
    if (!set) {
      set = new Set(drv.devices);
      this.listed.set(drv, set);
    }
    if (set.has(device)) return;
    set.add(device);
    drv.devices.push(device);
  }

  device(address: string, src: Source, patch: Fields<DebuggerDevice> = {}): DebuggerDevice {
    return record(this.devices, address, () => ({ address, flags: [], sources: [] }), src, patch);
  }

  /** Records that `device` belongs to the driver named beside it. */
  owns(driverName: string, device: string, src: Source): void {
    this.listDevice(this.driver(driverName, undefined, src), device, src);
  }

  /** Adds `device` to a driver's list and creates its entry (named after the driver once it has a name). */
  listDevice(drv: DebuggerDriver, device: string, src: Source): void {
    this.list(drv, device);
    this.device(device, src, drv.name === '' ? {} : { driver: drv.name });
  }

  /** Records that `device` belongs to the driver object at `driverAddress` (named now, or later). */
  ownsByAddress(driverAddress: string, device: string, src: Source): void {
    this.listDevice(
      this.byAddress.get(driverAddress) ?? this.driver(undefined, driverAddress, src),
      device,
      src,
    );
  }

  flag(device: DebuggerDevice, names: readonly string[]): void {
    append(device.flags, names, true);
  }

  devnode(address: string, src: Source, patch: Fields<DebuggerDevnode> = {}): DebuggerDevnode {
    return record(this.devnodes, address, () => ({ address, sources: [] }), src, patch);
  }

  /** A printed stack; the same stack printed twice (same devices, same order) is one entry. */
  stack(s: DebuggerStack): DebuggerStack {
    const key = s.devices.join(' ');
    const same = this.stackByKey.get(key);
    if (!same) {
      this.stackByKey.set(key, s);
      return s;
    }
    assign(same, { queried: s.queried, devnode: s.devnode, complete: s.complete });
    for (const src of s.sources) addSource(same.sources, src);
    return same;
  }

  /** An IRP printed again replaces the earlier print (it is the later state); their sources join. */
  irp(irp: DebuggerIrp): void {
    const old = this.irps.get(irp.address);
    if (old) irp.sources.unshift(...old.sources.filter((s) => s.line < (irp.sources[0]?.line ?? 0)));
    this.irps.set(irp.address, irp);
  }

  object(address: string, src: Source, patch: Fields<DebuggerObject> = {}): DebuggerObject {
    return record(this.objects, address, () => ({ address, sources: [] }), src, patch);
  }

  /** The device entries of named drivers get the name once it is known (a name printed after the list). */
  settleNames(): void {
    for (const drv of this.drivers)
      for (const dev of drv.devices) {
        const d = this.devices.get(dev);
        if (d && d.driver === undefined) d.driver = drv.name;
      }
  }

  /** The line that sums up problems past MAX_PROBLEMS, if any were left out. */
  finishProblems(): void {
    if (this.dropped === 0) return;
    this.problems.push({
      line: this.droppedFrom,
      kind: 'limit',
      message: `${this.dropped} more lines could not be read from here on; only the first ${MAX_PROBLEMS} are listed`,
    });
  }
}

/** Object names are case-insensitive in the object manager (`\Driver\Kbdclass` is `\Driver\kbdclass`). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
