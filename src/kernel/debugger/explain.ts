import { deviceFindings, label, type DeviceContext } from './explainDevice';
import { type Finding, finding } from './finding';
import { flagEvidence, hasDoe } from './flags';
import { NEXT } from './next';
import { relationsOf } from './relations';
import { indexOf } from './roles';
import { sameName } from './store';
import type {
  DebuggerDevice,
  DebuggerDriver,
  DebuggerImport,
  DebuggerIrp,
  DebuggerProblem,
  IrpLocation,
} from './types';

/**
 * "Why is this driver still loaded?" — for each driver of a paste, the
 * unload checklist of shared/domain/windows.md (rule 4, and §3 for PnP
 * removal and deletion) as the paste answers it: what holds the driver,
 * what is clear, and what the paste did not print. Every finding names
 * the rule behind it and what to type next in the debugger.
 */

export interface DriverAnswer {
  readonly driver: string;
  readonly address?: string;
  /** One sentence: what holds it, and how much the paste left unknown. */
  readonly summary: string;
  readonly findings: readonly Finding[];
}

export interface ImportExplanation {
  readonly drivers: readonly DriverAnswer[];
  /** The lines the reader could not read, for the reader to see (the import's problems). */
  readonly problems: readonly DebuggerProblem[];
}

export function explainImport(imp: DebuggerImport): ImportExplanation {
  const ix = indexOf(imp);
  const rel = relationsOf(imp);
  const irpsByDevice = new Map<string, DebuggerIrp[]>();
  for (const irp of imp.irps)
    for (const d of new Set(irp.devices)) {
      const list = irpsByDevice.get(d);
      if (list) list.push(irp);
      else irpsByDevice.set(d, [irp]);
    }
  const current = new Map(imp.irps.map((irp) => [irp, irp.locations.find((l) => l.current)]));
  const drivers = imp.drivers.map((drv) => {
    const pnp = drv.addDevice === undefined ? undefined : drv.addDevice !== null;
    const ctx: DeviceContext = { imp, ix, rel, owner: drv.name, pnp };
    const devices = drv.devices
      .map((a) => ix.devices.get(a))
      .filter((d): d is DebuggerDevice => d !== undefined);
    const findings = [
      unloadRoutine(drv),
      ...unloadPending(drv, devices),
      ...deviceList(drv, pnp),
      ...devices.flatMap((d) => deviceFindings(d, ctx)),
      ...irps(drv, irpsByDevice, current),
      notifications(drv),
    ];
    return {
      driver: drv.name,
      ...(drv.address === undefined ? {} : { address: drv.address }),
      summary: summary(drv.name, findings),
      findings,
    };
  });
  return { drivers, problems: imp.problems };
}

function unloadRoutine(drv: DebuggerDriver): Finding {
  const base = {
    condition: 'hasUnloadRoutine' as const,
    blocker: { kind: 'driver' as const, name: drv.name },
    sources: drv.sources,
  };
  if (drv.unloadRoutine === undefined) {
    return finding('unloadRoutine', 'unknown', `Whether ${drv.name} has an Unload routine was not printed.`, {
      ...base,
      rule: 'dbg.notPrinted',
      next: [NEXT.drvobj(drv.name)],
    });
  }
  if (drv.unloadRoutine !== null) {
    return finding(
      'unloadRoutine',
      'clear',
      `DriverUnload ${drv.unloadRoutine}: ${drv.name} has an Unload routine.`,
      {
        ...base,
        rule: 'seed.4.allConditions',
      },
    );
  }
  const legacy = drv.addDevice === null;
  return finding(
    'unloadRoutine',
    'holds',
    legacy
      ? `DriverUnload 00000000: ${drv.name} has no Unload routine, so sc stop is refused and it stays loaded until reboot.`
      : `DriverUnload 00000000: ${drv.name} has no Unload routine, so it is never unloaded, even after its last device is removed.`,
    { ...base, rule: legacy ? 'win.stop.notLegacy' : 'win.unload.noRoutine' },
  );
}

function unloadPending(drv: DebuggerDriver, devices: readonly DebuggerDevice[]): Finding[] {
  const pending = devices.find((d) => hasDoe(d, 'DOE_UNLOAD_PENDING'));
  if (!pending) return [];
  return [
    finding(
      'unloadPending',
      'note',
      `${flagEvidence(pending, 'DOE_UNLOAD_PENDING') ?? 'DOE_UNLOAD_PENDING'} on ${label(pending)}: a stop was asked of ${drv.name} and deferred (Unload Pending); Unload runs once nothing below holds it.`,
      {
        condition: 'unloadRequested',
        rule: 'seed.3.unloadPending',
        blocker: { kind: 'driver', name: drv.name },
        sources: pending.sources,
      },
    ),
  ];
}

function deviceList(drv: DebuggerDriver, pnp: boolean | undefined): Finding[] {
  const listed = drv.sources.some((s) => s.command === 'drvobj');
  if (!listed || drv.devices.length > 0) return [];
  return [
    finding(
      'deviceList',
      pnp === false ? 'note' : 'clear',
      `The Device Object list of ${drv.name} is empty: it has no device objects left.`,
      {
        condition: 'noDeviceObjects',
        rule: 'seed.2.pnpLastDevice',
        blocker: { kind: 'driver', name: drv.name },
        sources: drv.sources,
      },
    ),
  ];
}

/** The IRPs that passed a device of the driver (indexed once: an IRP may have thousands of locations). */
function irps(
  drv: DebuggerDriver,
  byDevice: ReadonlyMap<string, readonly DebuggerIrp[]>,
  current: ReadonlyMap<DebuggerIrp, IrpLocation | undefined>,
): Finding[] {
  const through = new Set(drv.devices.flatMap((d) => byDevice.get(d) ?? []));
  return [...through].map((irp) => {
    const at = current.get(irp);
    const base = {
      condition: 'noOutstandingIrps' as const,
      blocker: { kind: 'irp' as const, address: irp.address },
      sources: irp.sources,
    };
    if (irp.completed) {
      return finding('outstandingIrp', 'clear', `IRP ${irp.address} has completed ("Irp is completed.").`, {
        ...base,
        rule: 'seed.4a.noIrps',
      });
    }
    const where =
      irp.currentLocation === undefined
        ? ''
        : ` at stack location ${irp.currentLocation} of ${irp.stackCount ?? '?'}${at?.device ? `, ${at.device}${at.driver ? ` of ${at.driver}` : ''}` : ''}`;
    const ours = at?.driver !== undefined && sameName(at.driver, drv.name);
    return finding(
      'outstandingIrp',
      'holds',
      `IRP ${irp.address} is outstanding${irp.pending ? ' (marked pending)' : ''}${where}; it passed a device of ${drv.name}, so Unload waits until it completes.`,
      { ...base, rule: ours ? 'dbg.irp.currentLocation' : 'seed.4a.noIrps', next: [NEXT.irp(irp.address)] },
    );
  });
}

function notifications(drv: DebuggerDriver): Finding {
  return finding(
    'notifications',
    'unknown',
    `Whether ${drv.name} still has PnP notifications registered is not printed by these commands; each registration holds a reference on its driver object.`,
    {
      condition: 'notificationsUnregistered',
      rule: 'seed.4c.unregistered',
      blocker: { kind: 'driver', name: drv.name },
      sources: drv.sources,
      next: [drv.address === undefined ? NEXT.drvobj(drv.name) : NEXT.object(drv.address)],
    },
  );
}

function summary(name: string, findings: readonly Finding[]): string {
  const holds = findings.filter((f) => f.status === 'holds');
  const unknown = findings.filter((f) => f.status === 'unknown').length;
  const left = unknown === 0 ? '' : ` ${unknown} ${unknown === 1 ? 'thing was' : 'things were'} not printed.`;
  if (holds.length === 0) return `Nothing the paste printed holds ${name}.${left}`;
  const kinds = [...new Set(holds.map((f) => HOLD_WORDS[f.id]))];
  return `${name} is held by ${kinds.join(', ')}.${left}`;
}

const HOLD_WORDS: Record<Finding['id'], string> = {
  unloadRoutine: 'having no Unload routine',
  unloadPending: 'a deferred stop',
  deviceList: 'its device objects',
  openFiles: 'open files',
  attachedAbove: 'a driver attached above it',
  currentIrp: 'an IRP in progress',
  queuedIrps: 'queued IRPs',
  outstandingIrp: 'outstanding IRPs',
  pointerReferences: 'references by pointer',
  deletePending: 'a delete waiting for its last reference',
  initializing: 'a device never initialised',
  devnode: 'a devnode not removed',
  notifications: 'PnP notifications',
};
