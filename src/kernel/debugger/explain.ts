import { deviceFindings, label, type DeviceContext } from './explainDevice';
import { contextFindings, driverObjectCounts, otherAnswers, type OtherAnswer } from './explainOthers';
import { senderOf, whoOf, type Who } from './explainWho';
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
  /** Ours: what the paste printed that belongs to no driver it named (a device, an IRP, a devnode, handles). */
  readonly others: readonly OtherAnswer[];
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
  const who = whoOf(imp);
  const drivers = imp.drivers.map((drv) => {
    const pnp = drv.addDevice === undefined ? undefined : drv.addDevice !== null;
    const ctx: DeviceContext = {
      imp,
      ix,
      rel,
      owner: drv.name,
      pnp,
      who,
      ...(imp.context ? { context: imp.context } : {}),
    };
    const devices = drv.devices
      .map((a) => ix.devices.get(a))
      .filter((d): d is DebuggerDevice => d !== undefined);
    const findings = [
      ...contextFindings(imp.context, drv.name),
      unloadRoutine(drv),
      ...unloadPending(drv, devices),
      ...deviceList(drv, pnp),
      ...devices.flatMap((d) => deviceFindings(d, ctx)),
      ...driverObjectCounts(drv, ix),
      ...irps(drv, irpsByDevice, current, who),
      notifications(drv),
    ];
    return {
      driver: drv.name,
      ...(drv.address === undefined ? {} : { address: drv.address }),
      summary: summary(drv.name, findings),
      findings,
    };
  });
  return { drivers, others: otherAnswers(imp, { ix, rel, who }), problems: imp.problems };
}

function unloadRoutine(drv: DebuggerDriver): Finding {
  // What !drvobj printed rests on its lines; a question rests on every line that named the driver.
  const printedBy = drv.sources.filter((s) => s.command === 'drvobj');
  const base = {
    condition: 'hasUnloadRoutine' as const,
    blocker: { kind: 'driver' as const, name: drv.name },
    sources: drv.unloadRoutine === undefined || printedBy.length === 0 ? drv.sources : printedBy,
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
    { ...base, rule: legacy ? 'win.stop.noUnloadRoutine' : 'win.unload.noRoutine' },
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

/**
 * The device list, only where `!drvobj` printed it: flag 2 alone prints
 * entry points and no list, so a driver read that way has no "empty list"
 * (a question, with the command that prints it). A printed list with no
 * address under it is an absence (a line lost from the paste would look
 * the same), so it is said as printed, not as a ✓.
 */
function deviceList(drv: DebuggerDriver, pnp: boolean | undefined): Finding[] {
  const printed = drv.sources.some((s) => s.command === 'drvobj');
  if (!printed) return [];
  if (drv.listPrinted !== true) {
    const seen = drv.devices.length === 0 ? '' : ` (the paste shows ${drv.devices.length} of them elsewhere)`;
    return [
      finding(
        'deviceList',
        'unknown',
        `The !drvobj of ${drv.name} printed no "Device Object list:" (flag 2 alone prints its entry points only): which device objects it still has was not printed${seen}.`,
        {
          condition: 'noDeviceObjects',
          rule: 'dbg.notPrinted',
          blocker: { kind: 'driver', name: drv.name },
          sources: drv.sources.filter((s) => s.command === 'drvobj'),
          next: [NEXT.drvobj(drv.name)],
        },
      ),
    ];
  }
  if (drv.devices.length > 0) return [];
  return [
    finding(
      'deviceList',
      'note',
      `As printed, the Device Object list of ${drv.name} is empty: it has no device objects left${pnp === false ? '' : ', so as a PnP driver it may be unloaded once nothing else holds it'}.`,
      {
        condition: 'noDeviceObjects',
        rule: 'seed.2.pnpLastDevice',
        blocker: { kind: 'driver', name: drv.name },
        sources: drv.sources.filter((s) => s.command === 'drvobj'),
      },
    ),
  ];
}

/** The IRPs that passed a device of the driver (indexed once: an IRP may have thousands of locations). */
function irps(
  drv: DebuggerDriver,
  byDevice: ReadonlyMap<string, readonly DebuggerIrp[]>,
  current: ReadonlyMap<DebuggerIrp, IrpLocation | undefined>,
  who: Who,
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
    const sender = senderOf(irp, who);
    return finding(
      'outstandingIrp',
      'holds',
      `IRP ${irp.address} is outstanding${irp.pending ? ' (marked pending)' : ''}${where}; it passed a device of ${drv.name}, so Unload waits until it completes${sender ? `; ${sender.text}` : ''}.`,
      {
        ...base,
        rule: ours ? 'dbg.irp.currentLocation' : 'seed.4a.noIrps',
        next: [NEXT.irp(irp.address), ...(sender?.next ? [sender.next] : [])],
        ...(sender?.holder ? { holder: sender.holder } : {}),
      },
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
  // "open handles of orbisctl.exe": each kind of hold with who, where the paste named it.
  const kinds = [
    ...new Set(
      holds.map((f) => {
        const whose = [...new Set(holds.filter((g) => g.id === f.id && g.holder).map((g) => g.holder))];
        return whose.length === 0 ? HOLD_WORDS[f.id] : `${HOLD_WORDS[f.id]} of ${whose.join(', ')}`;
      }),
    ),
  ];
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
  holders: 'open handles',
  context: 'the session',
  owner: 'its objects',
};
