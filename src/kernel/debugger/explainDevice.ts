import { count } from './draft';
import { holders, noHandleFound, refCountUnexplained, type Who } from './explainWho';
import { type Finding, finding } from './finding';
import { flagEvidence, hasDoe } from './flags';
import { NEXT } from './next';
import type { Relations } from './relations';
import type { Index } from './roles';
import { sameName } from './store';
import type { DebuggerDevice, DebuggerImport, SessionContext } from './types';

/**
 * What one device of a driver says about why the driver is still loaded
 * (shared/domain/windows.md §1 rule 4 and §3): open files, a driver
 * attached above, IRPs in progress or queued, references by pointer, a
 * delete that waits, a devnode not removed, a device never initialised.
 */

export interface DeviceContext {
  readonly imp: DebuggerImport;
  readonly ix: Index;
  readonly rel: Relations;
  /** The driver the answer is for, as printed. */
  readonly owner: string;
  /** Whether the driver is PnP: devnodes matter only then (undefined: not printed). */
  readonly pnp: boolean | undefined;
  /** Processes, handles and threads printed. */
  readonly who: Who;
  readonly context?: SessionContext;
}

const REMOVED = new Set(['DeviceNodeRemoved', 'DeviceNodeDeleted']);
const WAITING_FOR_CLOSES = new Set(['DeviceNodeRemovePendingCloses', 'DeviceNodeDeletePendingCloses']);

export function label(d: DebuggerDevice): string {
  return d.name === undefined ? d.address : `${d.address} (${d.name})`;
}

export function deviceFindings(d: DebuggerDevice, ctx: DeviceContext): Finding[] {
  return [
    openFiles(d),
    ...stackHolders(d, ctx),
    ...noHandleFound(d, label(d), ctx.who),
    ...refCountUnexplained(d, label(d), ctx.who),
    attachedAbove(d, ctx),
    ...irpsHeld(d),
    references(d, ctx),
    ...states(d, ctx),
    ...devnode(d, ctx),
  ].filter((f): f is Finding => f !== undefined);
}

/**
 * Handles open on the device, and on the other devices of its stack: a
 * file object's IRPs go to the top of the stack it was opened on, and
 * IRP_MN_REMOVE_DEVICE comes only after the last handle closes
 * (shared/domain/windows.md: "file object / handle", and §3), so a handle
 * on any device of the stack holds every driver in it.
 */
function stackHolders(d: DebuggerDevice, ctx: DeviceContext): Finding[] {
  return ctx.rel.stack(d.address).flatMap((a) => {
    const o = a === d.address ? d : ctx.ix.devices.get(a);
    if (!o) return [];
    return holders(o, o === d ? label(d) : `${label(o)}, in the stack of ${label(d)}`, ctx.who);
  });
}

function openFiles(d: DebuggerDevice): Finding {
  const device = { kind: 'device' as const, address: d.address, ...(d.name ? { name: d.name } : {}) };
  const base = { condition: 'noReferences' as const, blocker: device, sources: d.sources };
  if (d.refCount === undefined) {
    return finding('openFiles', 'unknown', `The RefCount of ${label(d)} was not printed.`, {
      ...base,
      rule: 'dbg.notPrinted',
      next: [NEXT.devobj(d.address)],
    });
  }
  if (d.refCount === 0) {
    return finding('openFiles', 'clear', `RefCount 0 on ${label(d)}: no file is open on it.`, {
      ...base,
      rule: 'seed.4a.noReferences',
    });
  }
  return finding(
    'openFiles',
    'holds',
    `RefCount ${d.refCount} on ${label(d)}: ${count(d.refCount, 'file object is', 'file objects are')} open on it, and Unload waits until the last one closes.`,
    { ...base, rule: 'seed.4a.noReferences', next: [NEXT.devhandles(d.address), NEXT.fileHandles()] },
  );
}

function attachedAbove(d: DebuggerDevice, ctx: DeviceContext): Finding | undefined {
  const link = ctx.rel.above(d.address);
  const base = { condition: 'noAttachedDrivers' as const, sources: d.sources };
  const self = { kind: 'device' as const, address: d.address };
  if (!link) {
    // kdexts prints "AttachedDevice (Upper)" only when there is one: a full !devobj without it means none,
    // and so does a !devstack, read row by row, with the device on top. Each is an absence: one line
    // less in the paste would look the same. Both printed agree, and no single lost line fakes that: ✓.
    // One of them alone is said as what was printed, not as a ✓.
    const fullDevobj = d.refCount !== undefined && d.queueBusy !== undefined;
    const topOfStack = ctx.imp.stacks.some((s) => s.complete === true && s.devices[0] === d.address);
    if (fullDevobj && topOfStack) {
      return finding(
        'attachedAbove',
        'clear',
        `Nothing is attached above ${label(d)}: its !devobj prints no AttachedDevice, and its !devstack has it on top.`,
        { ...base, blocker: self, rule: 'seed.4b.noAttached' },
      );
    }
    if (fullDevobj || topOfStack) {
      return finding(
        'attachedAbove',
        'note',
        fullDevobj
          ? `As printed, nothing is attached above ${label(d)}: its !devobj prints no "AttachedDevice (Upper)" line.`
          : `As printed, ${label(d)} is the top of its !devstack.`,
        {
          ...base,
          rule: 'seed.4b.noAttached',
          next: [fullDevobj ? NEXT.devstack(d.address) : NEXT.devobj(d.address)],
        },
      );
    }
    return finding(
      'attachedAbove',
      'unknown',
      `Whether a device is attached above ${label(d)} was not printed.`,
      {
        ...base,
        rule: 'dbg.notPrinted',
        next: [NEXT.devstack(d.address)],
      },
    );
  }
  const upper = ctx.ix.devices.get(link.device);
  const upperDriver = upper?.driver;
  if (upperDriver !== undefined && sameName(upperDriver, ctx.owner)) return undefined;
  const who = upperDriver ?? 'a driver the paste does not name';
  return finding(
    'attachedAbove',
    'holds',
    `${link.device} of ${who} is attached above ${label(d)} (${printedAt(link)}); ${ctx.owner} cannot unload until it detaches.`,
    {
      ...base,
      rule: 'seed.4b.noAttached',
      blocker: { kind: 'device', address: link.device, ...(upperDriver ? { name: upperDriver } : {}) },
      next: [NEXT.devstack(d.address), upperDriver ? NEXT.drvobj(upperDriver) : NEXT.devobj(link.device)],
    },
  );
}

function irpsHeld(d: DebuggerDevice): Finding[] {
  const out: Finding[] = [];
  const base = {
    condition: 'noOutstandingIrps' as const,
    rule: 'seed.4a.noIrps' as const,
    sources: d.sources,
  };
  if (d.currentIrp) {
    out.push(
      finding(
        'currentIrp',
        'holds',
        `Current Irp ${d.currentIrp} on ${label(d)}: an IRP is in progress on it, and Unload waits until it completes.`,
        {
          ...base,
          blocker: { kind: 'irp', address: d.currentIrp },
          next: [NEXT.irp(d.currentIrp)],
        },
      ),
    );
  }
  const queued = d.queuedIrps ?? [];
  if (queued.length > 0) {
    out.push(
      finding(
        'queuedIrps',
        'holds',
        `${count(queued.length, 'IRP waits', 'IRPs wait')} in the device queue of ${label(d)}: ${queued.join(', ')}.`,
        {
          ...base,
          blocker: { kind: 'irp', address: queued[0] ?? '' },
          next: queued.slice(0, 3).map((a) => NEXT.irp(a)),
        },
      ),
    );
  }
  return out;
}

function references(d: DebuggerDevice, ctx: DeviceContext): Finding {
  const o = ctx.ix.objects.get(d.address);
  const base = {
    blocker: { kind: 'object' as const, address: d.address },
    rule: 'dbg.object.pointerCount' as const,
  };
  if (o?.pointerCount === undefined || o.handleCount === undefined) {
    return finding('pointerReferences', 'unknown', `The PointerCount of ${label(d)} was not printed.`, {
      ...base,
      sources: d.sources,
      next: [NEXT.object(d.address)],
    });
  }
  const extra = o.pointerCount - o.handleCount;
  if (extra <= 0) {
    return finding(
      'pointerReferences',
      'clear',
      `PointerCount ${o.pointerCount}, HandleCount ${o.handleCount} on ${label(d)}: no reference beyond its handles.`,
      {
        ...base,
        sources: o.sources,
      },
    );
  }
  return finding(
    'pointerReferences',
    'holds',
    `PointerCount ${o.pointerCount} with HandleCount ${o.handleCount} on ${label(d)}: ${count(extra, 'reference is', 'references are')} held by pointer; a leaked ObReferenceObject looks the same as the system's own here, and keeps the device object and the driver's image after Unload.`,
    {
      ...base,
      sources: o.sources,
      next: [...(o.header ? [NEXT.pointerBreak(o.header)] : []), NEXT.obtrace(d.address)],
    },
  );
}

function states(d: DebuggerDevice, ctx: DeviceContext): Finding[] {
  const out: Finding[] = [];
  const device = { kind: 'device' as const, address: d.address };
  if (hasDoe(d, 'DOE_DELETE_PENDING')) {
    out.push(
      finding(
        'deletePending',
        'holds',
        `${flagEvidence(d, 'DOE_DELETE_PENDING') ?? 'DOE_DELETE_PENDING'} on ${label(d)}: IoDeleteDevice was called, but something still references it, so the device object and its driver stay until the last reference goes.`,
        {
          condition: 'noDeviceObjects',
          rule: 'win.delete.pending',
          blocker: device,
          sources: d.sources,
          next: [NEXT.object(d.address), NEXT.devhandles(d.address)],
        },
      ),
    );
  }
  if (hasDoe(d, 'DO_DEVICE_INITIALIZING')) {
    const entry = ctx.context?.inDriverEntry;
    const flag = flagEvidence(d, 'DO_DEVICE_INITIALIZING') ?? 'DO_DEVICE_INITIALIZING';
    out.push(
      finding(
        'initializing',
        'note',
        entry
          ? `${flag} on ${label(d)}, printed inside DriverEntry (line ${entry.line}): the I/O manager clears it on the devices DriverEntry created when DriverEntry returns, so this is expected here; look again after DriverEntry returns.`
          : `${flag} on ${label(d)}: the routine that created it never cleared the flag (if it was created in DriverEntry and DriverEntry has not returned yet, the I/O manager clears it then), so nothing can open it or attach to it; it does not hold Unload by itself.`,
        {
          rule: 'dbg.device.initializing',
          blocker: device,
          sources: d.sources,
          next: [NEXT.devstack(d.address)],
        },
      ),
    );
  }
  return out;
}

function devnode(d: DebuggerDevice, ctx: DeviceContext): Finding[] {
  const address = ctx.rel.devnodeOf(d.address);
  const n = address === undefined ? undefined : ctx.ix.devnodes.get(address);
  // The first few of each: a device printed thousands of times need not be copied for every driver.
  const sources = [...(n?.sources.slice(0, 16) ?? []), ...d.sources.slice(0, 16)];
  const base = { condition: 'noDeviceObjects' as const, sources };
  if (!n) {
    if (ctx.pnp !== true) return [];
    return [
      finding('devnode', 'unknown', `No devnode was printed for the stack of ${label(d)}.`, {
        ...base,
        rule: 'dbg.notPrinted',
        next: [NEXT.devstack(d.address)],
      }),
    ];
  }
  const blocker = { kind: 'devnode' as const, address: n.address };
  const problem = n.problem === undefined ? '' : ` (problem ${n.problem})`;
  if (n.state === undefined) {
    return [
      finding('devnode', 'unknown', `The state of devnode ${n.address} was not printed.`, {
        ...base,
        blocker,
        rule: 'dbg.notPrinted',
        next: [NEXT.devnode(n.address)],
      }),
    ];
  }
  if (REMOVED.has(n.state)) {
    return [
      finding(
        'devnode',
        'note',
        `Devnode ${n.address} is ${n.state}${problem}, yet ${label(d)} still exists: what holds it is above.`,
        { ...base, blocker, rule: 'dbg.devnode.notRemoved' },
      ),
    ];
  }
  if (WAITING_FOR_CLOSES.has(n.state)) {
    return [
      finding(
        'devnode',
        'holds',
        `Devnode ${n.address} is ${n.state}${problem}: the device is gone, and IRP_MN_REMOVE_DEVICE waits for the last handle on its stack to close.`,
        {
          ...base,
          blocker,
          rule: 'win.pnp.removeAfterClose',
          next: [NEXT.devhandles(d.address), NEXT.pendingRemovals()],
        },
      ),
    ];
  }
  if (ctx.pnp === false) return [];
  return [
    finding(
      'devnode',
      'holds',
      `Devnode ${n.address} of the stack of ${label(d)} is ${n.state}${problem}: the device has not been removed, so its device objects stay, and a PnP driver with them.`,
      {
        ...base,
        blocker,
        rule: 'dbg.devnode.notRemoved',
        next: [NEXT.devnode(n.address)],
      },
    ),
  ];
}

/**
 * Where a link was printed: a Source is the output's first line, not the
 * field's, so say "in the !devobj at line 2", never "AttachedDevice, line 2".
 */
export function printedAt(link: { how: string; from: { line: number } }): string {
  return link.how === '!devstack'
    ? `its !devstack at line ${link.from.line}`
    : `${link.how} in the !devobj at line ${link.from.line}`;
}
