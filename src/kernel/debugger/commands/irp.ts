import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { driverToken, normAddress, pointer, words, type Line } from '../text';
import type { IrpLocation } from '../types';

/**
 * `!irp <addr> [detail]` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-irp):
 *
 *   Irp is active with <N> stacks <M> is current (= 0x<current stack location>)
 *    No Mdl: No System Buffer: Thread <addr>:  Irp stack trace.  [Pending has been returned]
 *        cmd  flg cl Device   File     Completion-Context
 *   >[IRP_MJ_READ(3), N/A(0)]                          Windows 10: names; Vista: "[  3, 0]" numbers
 *               0 e1 <device> <file> <routine>-<context> Success Error Cancel pending
 *              \Driver\<driver>  <completion routine>
 *               Args: …
 *
 * `>` marks the current location; `pending` that the location returned
 * STATUS_PENDING. Vista prints the location's columns on its `[…]` line.
 * "Irp is completed." replaces "Irp stack trace." once the current
 * location is past the last (kdexts' format strings).
 */

/**
 * Sizes of IRP and IO_STACK_LOCATION, to work out the IRP's address from
 * its current stack location when no `!irp <addr>` prompt was pasted: the
 * stack locations follow the IRP. The docs' examples agree: x86 0xac598dc8 →
 * 0xac598e38 at location 1 (0x70); x64 0xfffffa800ab61bd0 → 0xfffffa800ab61e08
 * at location 6 (0xd0 + 5 × 0x48).
 */
const LAYOUT = { x86: { irp: 0x70n, location: 0x24n }, x64: { irp: 0xd0n, location: 0x48n } };

const LOCATION = '"[IRP_MJ_…(n), IRP_MN_…(n)]" or "[  n, n]" (a stack location)';

export class IrpReader extends BaseReader {
  readonly kind = 'irp';
  private state: 'header' | 'body' = 'header';
  private stackCount?: number;
  private currentLocation?: number;
  private currentStack?: string;
  private completed = false;
  private pendingReturned = false;
  /** `Thread <addr>:` on the line after the header: the thread that sent it (Irp->Tail.Overlay.Thread). */
  private thread?: string | null;
  private readonly locations: IrpLocation[] = [];
  private open?: {
    major?: string;
    minor?: string;
    current: boolean;
    line: number;
    row?: string[];
    driver?: string;
  };

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h === 'irp' && this.state === 'header') return this.header(line);
    if (h !== undefined) return END;
    this.last = line.n;
    if (this.state === 'header') return unread('"Irp is active with (n) stacks (n) is current" after !irp');
    const sender =
      /\bThread +((?:0x)?[0-9a-f`]{8,17}):/i.exec(t) ?? /^ *Tail\.Overlay\.Thread = +(\S+)/i.exec(t);
    if (sender) this.thread = pointer(sender[1]) ?? this.thread;
    if (/Irp stack trace\.|Irp is completed\./i.test(t)) {
      this.completed ||= /Irp is completed\./i.test(t);
      this.pendingReturned ||= /Pending has been returned/i.test(t);
      return READ;
    }
    if (/^ *cmd +flg +cl +Device/i.test(t) || /^ *Args:/i.test(t) || /^ *Irp Extension present/i.test(t))
      return SKIP;
    // `!irp <addr> 1` adds "Name = value" lines (Flags, IoStatus.Status, …).
    if (/^ *&?[A-Za-z][\w.]* = \S/.test(t)) return SKIP;
    const loc = /^ *(>)? *\[([^\]]*)\](.*)$/.exec(t);
    if (loc) return this.location(line.n, loc[1] === '>', loc[2] ?? '', loc[3] ?? '');
    const drv = driverToken(t);
    if (drv && drv.index < 24 && this.open) {
      this.open.driver = drv.name;
      return READ;
    }
    const row = words(t);
    if (this.open && !this.open.row && isRow(row)) {
      this.open.row = row;
      return READ;
    }
    return unread(
      this.open
        ? `${LOCATION}, its columns "flg cl Device File Completion-Context", or its driver`
        : LOCATION,
    );
  }

  private header(line: Line): Outcome {
    const m = /with (\d+) stacks (\d+) is current(?: \(= *((?:0x)?[0-9a-f`]+)\))?/i.exec(line.text);
    this.begin(line.n);
    this.state = 'body';
    if (!m) return unread('"Irp is active with (n) stacks (n) is current (= addr)"');
    this.stackCount = Number(m[1]);
    this.currentLocation = Number(m[2]);
    this.currentStack = normAddress(m[3]);
    return READ;
  }

  private location(n: number, current: boolean, inner: string, rest: string): Outcome {
    this.close();
    const [major, minor] = inner.split(',').map((s) => s.trim().replace(/\([0-9a-f]+\)$/i, ''));
    this.open = {
      current,
      line: n,
      ...(major && major !== 'N/A' ? { major } : {}),
      ...(minor && minor !== 'N/A' ? { minor } : {}),
    };
    const row = words(rest);
    if (isRow(row)) this.open.row = row;
    else if (row.length > 0) return unread(`${LOCATION} followed by its columns`);
    return READ;
  }

  /** Files the stack location being read. */
  private close(): void {
    const o = this.open;
    if (!o) return;
    this.open = undefined;
    const device = pointer(o.row?.[2]) ?? undefined;
    const file = pointer(o.row?.[3]) ?? undefined;
    const store = this.ctx.store;
    if (device) {
      store.device(device, this.src);
      if (o.driver) store.owns(o.driver, device, this.src);
    }
    this.locations.push({
      index: this.locations.length + 1,
      current: o.current,
      pending: o.row?.includes('pending') ?? false,
      line: o.line,
      ...(o.major === undefined ? {} : { major: o.major }),
      ...(o.minor === undefined ? {} : { minor: o.minor }),
      ...(device === undefined ? {} : { device }),
      ...(o.driver === undefined ? {} : { driver: o.driver }),
      ...(file === undefined ? {} : { file }),
    });
  }

  finish(): void {
    this.close();
    const store = this.ctx.store;
    if (this.state === 'header') {
      if (!this.gaveUp) this.cutOff(this.ctx.start, '!irp printed nothing after its prompt');
      return;
    }
    const typed = normAddress(this.ctx.argument);
    const address = typed ?? irpAddress(this.currentStack, this.currentLocation);
    if (address === undefined) {
      store.problem(
        this.src.line,
        'unread',
        'the IRP address is unknown: paste the "!irp (addr)" prompt line with its output',
      );
      return;
    }
    const pending = this.pendingReturned || this.locations.some((l) => l.pending);
    store.irp({
      address,
      devices: this.locations.flatMap((l) => (l.device === undefined ? [] : [l.device])),
      locations: this.locations,
      sources: [this.src],
      ...(this.stackCount === undefined ? {} : { stackCount: this.stackCount }),
      ...(this.currentLocation === undefined ? {} : { currentLocation: this.currentLocation }),
      ...(pending ? { pending: true } : this.completed ? { pending: false } : {}),
      ...(this.completed ? { completed: true } : {}),
      ...(this.thread === undefined ? {} : { thread: this.thread }),
      ...(typed === undefined ? { addressDerived: true } : {}),
    });
    if (!this.gaveUp && this.stackCount !== undefined && this.locations.length < this.stackCount) {
      this.cutOff(
        this.last,
        `the !irp output for ${address} ends after ${this.locations.length} of its ${this.stackCount} stack locations`,
      );
    }
  }
}

/** `flg cl Device File Routine-Context …`: two small hex columns, two pointers, a pair joined by `-`. */
function isRow(w: readonly string[]): boolean {
  return (
    w.length >= 5 &&
    /^[0-9a-f]{1,2}$/i.test(w[0] ?? '') &&
    /^[0-9a-f]{1,2}$/i.test(w[1] ?? '') &&
    normAddress(w[2]) !== undefined &&
    normAddress(w[3]) !== undefined &&
    /^[0-9a-f`]+-[0-9a-f`]+$/i.test(w[4] ?? '')
  );
}

/** The IRP's address from its current stack location's (see LAYOUT); undefined if either is missing. */
export function irpAddress(
  currentStack: string | undefined,
  location: number | undefined,
): string | undefined {
  if (currentStack === undefined || location === undefined || location < 1 || location > 64) return undefined;
  const layout = currentStack.length > 8 ? LAYOUT.x64 : LAYOUT.x86;
  const at = BigInt(`0x${currentStack}`) - layout.irp - BigInt(location - 1) * layout.location;
  if (at <= 0n) return undefined;
  return at.toString(16).padStart(currentStack.length, '0');
}
