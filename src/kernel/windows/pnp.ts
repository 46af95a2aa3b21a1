import type { WindowsRuleId } from '../rules';
import { completeIrpNow, type Failure } from './io';
import { usageVeto } from './deviceUsage';
import { isApp, queryRegistrants, registrantsOf, tellCancelled, tellRemoved } from './registrants';
import { DOE, hasFlag, registrant, type DeviceObject, type DevnodeState } from './model';
import { removeWaiting } from './removeLock';
import { sendRemove } from './removeIrp';
import { stackOf } from './stack';
import { childrenOf, descendantsDeepestFirst } from './tree';
import type { WindowsTx } from './tx';
import { frameworkPurges } from './kmdf/framework';
import { fsCancelRemove, fsDismount, fsPassDown, fsQueryRemove } from './fileSystem';
import { frameworkQueryVeto } from './kmdf/stopRemove';

/**
 * PnP removal (shared/domain/windows.md §3, "PnP removal", "Surprise
 * removal"). Every function here takes the PDO, whose devnode it drives.
 */

export type QueryOutcome = { ok: true } | { ok: false; vetoedBy: string; reason: string };

function setDevnode(tx: WindowsTx, pdo: string, state: DevnodeState, rule: WindowsRuleId): void {
  tx.patchDevice(pdo, { devnode: state });
  tx.emit('devnodeState', rule, { device: pdo, state });
}

/** The names of the devices in a stack, taken before a removal changes it. */
function namesOf(tx: WindowsTx, pdo: string): Set<string> {
  return new Set(stackOf(tx, pdo).map((d) => d.name));
}

/** A PDO still there to act on: a cascade (a closed handle, a deferred Unload) may have taken it. */
function alive(tx: WindowsTx, pdo: string): boolean {
  const p = tx.device(pdo);
  return p !== undefined && !p.unlinked && !hasFlag(p, 'DELETE_PENDING');
}

/** Whether an IRP_MN_REMOVE_DEVICE is under way in this stack (waiting on a remove lock). */
export function removing(tx: WindowsTx, pdo: string): boolean {
  return removeWaiting(stackOf(tx, pdo)) !== undefined;
}

/** A PnP IRP reaches one device; `failed`: its driver fails it there. */
export function pnpIrpAt(
  tx: WindowsTx,
  d: DeviceObject,
  minor: string,
  rule: WindowsRuleId,
  failed?: { status: string; reason: string },
): void {
  tx.emit('pnpIrp', rule, { device: d.name, driver: d.driver, minor, major: 'IRP_MJ_PNP', ...failed });
}

/** A PnP IRP visits the devices of `stack` in the order given. */
export function sendDown(
  tx: WindowsTx,
  stack: readonly DeviceObject[],
  minor: string,
  rule: WindowsRuleId,
): void {
  for (const d of stack) pnpIrpAt(tx, d, minor, rule);
}

/**
 * Registrants first, then IRP_MN_QUERY_REMOVE_DEVICE top of the stack first.
 * For a devnode with children, the registrants of the whole subtree are told
 * first, then each descendant's stack is queried, deepest first, and the
 * device's own stack last (WDK "Handling an IRP_MN_QUERY_REMOVE_DEVICE
 * Request"). On any failure the PnP manager cancels what it queried.
 */
export function queryRemove(tx: WindowsTx, pdo: string): QueryOutcome {
  const subtree = [
    ...descendantsDeepestFirst(tx, pdo)
      .filter((c) => c.devnode !== 'Removed')
      .map((c) => c.name),
    pdo,
  ];
  const names = new Set(subtree.flatMap((n) => [...namesOf(tx, n)]));
  const { told, veto } = queryRegistrants(tx, names);
  if (veto) {
    // No IRP was sent: the query-remove is aborted before it reaches the drivers.
    const reason = isApp(veto)
      ? `application ${registrant(veto)} answered DBT_DEVICEQUERYREMOVE with BROADCAST_QUERY_DENY (${veto.name})`
      : `registrant ${veto.name} (${veto.driver}) failed GUID_TARGET_DEVICE_QUERY_REMOVE`;
    tx.emit('queryRemoveVetoed', isApp(veto) ? 'win.pnp.userDeny' : 'win.pnp.registrantVeto', {
      registration: veto.name,
      ...(isApp(veto) ? {} : { driver: veto.driver }),
      device: veto.target ?? undefined,
      reason,
    });
    tellCancelled(tx, told, 'win.pnp.vetoCancelled');
    return { ok: false, vetoedBy: registrant(veto), reason };
  }
  const queried: string[] = [];
  for (const node of subtree) {
    // A registrant's close may have completed a pending removal: nothing is left to query.
    if (!alive(tx, node)) continue;
    const q = queryStackIrps(tx, node);
    if (q.ok) {
      queried.push(node);
      continue;
    }
    for (const done of [...queried].reverse()) cancelRemove(tx, done);
    const covered = new Set([...queried, node].flatMap((n) => [...namesOf(tx, n)]));
    tellCancelled(
      tx,
      told.filter((r) => r.target === null || !covered.has(r.target)),
      'win.pnp.childVeto',
    );
    if (node === pdo) return q;
    const reason = `child devnode ${node} failed the query-remove (${q.reason}): ${pdo} is not removed`;
    tx.emit('queryRemoveVetoed', 'win.pnp.childVeto', { device: pdo, driver: tx.dev(pdo).driver, reason });
    return { ok: false, vetoedBy: q.vetoedBy, reason };
  }
  return { ok: true };
}

/** IRP_MN_QUERY_REMOVE_DEVICE through one stack, top first; a failure there cancels that stack. */
function queryStackIrps(tx: WindowsTx, pdo: string): QueryOutcome {
  // A file system mounted on the device hears the query first (win.fs.queryRemove).
  const fs = fsQueryRemove(tx, pdo);
  if (!fs.ok) {
    cancelRemove(tx, pdo);
    return fs;
  }
  const stack = stackOf(tx, pdo);
  for (const d of stack) {
    tx.emit('pnpIrp', 'win.pnp.queryTopDown', {
      device: d.name,
      driver: d.driver,
      minor: 'IRP_MN_QUERY_REMOVE_DEVICE',
      major: 'IRP_MJ_PNP',
    });
    const framework = frameworkQueryVeto(tx, d);
    // A special file on the device (IRP_MN_DEVICE_USAGE_NOTIFICATION) makes each driver fail the query.
    const usage = usageVeto(tx, d, 'IRP_MN_QUERY_REMOVE_DEVICE');
    if (tx.drv(d.driver).vetoesQueryRemove || framework || usage) {
      const reason = framework ?? usage ?? `${d.driver} failed IRP_MN_QUERY_REMOVE_DEVICE`;
      const rule = framework
        ? 'win.kmdf.staticStopRemove'
        : usage
          ? 'win.pnp.deviceUsageVeto'
          : 'win.pnp.queryTopDown';
      tx.emit('queryRemoveVetoed', rule, { device: d.name, driver: d.driver, reason });
      cancelRemove(tx, pdo);
      return { ok: false, vetoedBy: d.driver, reason };
    }
  }
  const open = stackOf(tx, pdo).filter((d) => d.fileObjects.size > 0);
  if (open.length > 0) {
    const blockers = open.flatMap((d) =>
      d.fileObjects.toArray().map((name) => ({ kind: 'handle' as const, name })),
    );
    const reason = `handles still open: ${blockers.map((b) => b.name).join(', ')}`;
    tx.emit('queryRemoveVetoed', 'win.pnp.queryOpenHandles', { device: open[0]?.name, blockers, reason });
    cancelRemove(tx, pdo);
    return { ok: false, vetoedBy: 'open handles', reason };
  }
  for (const d of stack) tx.patchDevice(d.name, { flags: d.flags | DOE.REMOVE_PENDING });
  // IRP_MN_CANCEL_REMOVE_DEVICE returns the device "to the state it was in before the query": a query
  // reaching a devnode already QueryRemoved (one sent by hand, or a parent's over a child queried on its
  // own) keeps the state saved by the first, or a cancel would put it back in QueryRemoved.
  const p = tx.dev(pdo);
  tx.patchDevice(pdo, { beforeQuery: p.devnode === 'QueryRemoved' ? p.beforeQuery : p.devnode });
  setDevnode(tx, pdo, 'QueryRemoved', 'win.pnp.queryTopDown');
  return { ok: true };
}

/** IRP_MN_CANCEL_REMOVE_DEVICE: bus driver first, then up; it must succeed. Registrants hear of it after. */
export function cancelRemove(tx: WindowsTx, pdo: string): void {
  if (!alive(tx, pdo)) return;
  const stack = stackOf(tx, pdo).reverse();
  sendDown(tx, stack, 'IRP_MN_CANCEL_REMOVE_DEVICE', 'win.pnp.cancelBottomUp');
  for (const d of stack) tx.patchDevice(d.name, { flags: d.flags & ~DOE.REMOVE_PENDING });
  fsCancelRemove(tx, pdo);
  // The drivers put the device back as it was before the query (a query that failed changed nothing).
  const p = tx.dev(pdo);
  const back = p.devnode === 'QueryRemoved' ? (p.beforeQuery ?? 'Started') : p.devnode;
  tx.patchDevice(pdo, { beforeQuery: null });
  if (back) setDevnode(tx, pdo, back, 'win.pnp.cancelRestores');
  tellCancelled(tx, registrantsOf(tx, namesOf(tx, pdo)), 'win.pnp.cancelBottomUp');
}

/**
 * IRP_MN_REMOVE_DEVICE. Registrants are told GUID_TARGET_DEVICE_REMOVE_COMPLETE
 * first (unless a surprise removal told them already); then the IRP goes down
 * the stack, each driver waiting on its remove lock before it passes it on,
 * the bus driver last (removeIrp.ts).
 */
export function removeStack(tx: WindowsTx, pdo: string, present: boolean, rule: WindowsRuleId): void {
  if (!alive(tx, pdo) || removing(tx, pdo)) return;
  if (!removeChildren(tx, pdo, present)) return;
  const p = tx.dev(pdo);
  if (!p.surpriseRemoved) {
    tellRemoved(tx, namesOf(tx, pdo), 'win.pnp.removeCompleteFirst', false);
    // A registrant's close may have completed the removal already.
    if (!alive(tx, pdo) || removing(tx, pdo)) return;
  }
  tx.patchDevice(pdo, { present: present && !p.surpriseRemoved });
  // A mounted file system passes the REMOVE down at once and dismounts once the stack has completed it.
  const volumes = fsPassDown(tx, pdo, 'IRP_MN_REMOVE_DEVICE');
  sendRemove(tx, pdo, rule);
  if (!removing(tx, pdo)) fsDismount(tx, volumes);
}

/**
 * IRP_MN_REMOVE_DEVICE goes to a devnode's children before the device itself
 * (WDK "Handling an IRP_MN_REMOVE_DEVICE Request"), each child's own children
 * first. The parent's bus driver is being removed, so each child PDO is
 * deleted [MODEL: the WDK does not say what the bus driver does with the
 * child PDOs of a bus FDO that goes; the simulator deletes them]. A child whose
 * REMOVE waits on a remove lock holds the parent's REMOVE back: false then,
 * and the child's last release resumes it (resumeParent).
 */
function removeChildren(tx: WindowsTx, pdo: string, present: boolean): boolean {
  for (const c of childrenOf(tx, pdo)) {
    // A surprise-removed child with open handles is removed after its last close, and resumes its parent then.
    if (removing(tx, c.name) || c.devnode === 'RemovePendingCloses') continue;
    removeStack(tx, c.name, false, 'win.pnp.childrenFirst');
  }
  const left = childrenOf(tx, pdo)[0];
  if (!left) return true;
  tx.patchDevice(pdo, { removeAfterChildren: { present } });
  tx.emit('devnodeState', 'win.pnp.childrenFirst', {
    device: pdo,
    state: tx.dev(pdo).devnode ?? undefined,
    reason: `its IRP_MN_REMOVE_DEVICE waits until child devnode ${left.name} is removed`,
  });
  return false;
}

/** A child devnode is gone: a parent whose REMOVE waited for its children goes on once none is left. */
export function resumeParent(tx: WindowsTx, parent: string | null): void {
  const p = parent === null ? undefined : tx.device(parent);
  if (!p?.removeAfterChildren || !alive(tx, p.name) || childrenOf(tx, p.name).length > 0) return;
  const { present } = p.removeAfterChildren;
  tx.patchDevice(p.name, { removeAfterChildren: null });
  removeStack(tx, p.name, present, 'win.pnp.childrenFirst');
}

/** Orderly removal: query, then remove or cancel. */
export function orderlyRemove(tx: WindowsTx, pdo: string, present: boolean): QueryOutcome {
  const q = queryRemove(tx, pdo);
  if (q.ok) removeStack(tx, pdo, present, 'win.pnp.removeTopDown');
  return q;
}

/**
 * IRP_MN_SURPRISE_REMOVAL: the hardware is gone. Drivers fail outstanding
 * and new I/O but must not detach or delete; registrants are told
 * REMOVE_COMPLETE; REMOVE follows after the last handle closes.
 */
export function surpriseRemove(tx: WindowsTx, pdo: string): void {
  for (const c of childrenOf(tx, pdo)) {
    if (c.surpriseRemoved || c.devnode === 'Removed' || !alive(tx, c.name)) continue;
    tx.emit('devnodeState', 'win.pnp.surpriseChildren', {
      device: c.name,
      state: c.devnode ?? undefined,
      reason: `its parent ${pdo} is gone, and the hardware on it with it`,
    });
    surpriseRemove(tx, c.name);
  }
  if (!alive(tx, pdo)) return;
  const names = namesOf(tx, pdo);
  tx.patchDevice(pdo, { present: false, surpriseRemoved: true });
  const volumes = fsPassDown(tx, pdo, 'IRP_MN_SURPRISE_REMOVAL');
  // The mounted file system, told first, fails the I/O pending on its volume (win.fs.surpriseFailsIo).
  failOutstanding(tx, new Set(volumes.map((v) => v.name)), {
    status: 'STATUS_NO_SUCH_DEVICE',
    rule: 'win.fs.surpriseFailsIo',
    model:
      'The status is the file system’s choice: the simulator uses STATUS_NO_SUCH_DEVICE, as for the storage stack.',
  });
  sendDown(tx, stackOf(tx, pdo), 'IRP_MN_SURPRISE_REMOVAL', 'win.pnp.surprise');
  fsDismount(tx, volumes);
  failOutstanding(tx, names, {
    status: 'STATUS_NO_SUCH_DEVICE',
    rule: 'win.pnp.surpriseFailsIo',
    model:
      'The WDK says the driver fails outstanding I/O; the status is the driver’s choice: the simulator uses STATUS_NO_SUCH_DEVICE.',
  });
  tellRemoved(tx, names, 'win.pnp.notify', true);
  if (!alive(tx, pdo)) return;
  if (stackOf(tx, pdo).some((d) => d.fileObjects.size > 0)) {
    setDevnode(tx, pdo, 'RemovePendingCloses', 'win.pnp.removeAfterClose');
  } else {
    removeStack(tx, pdo, false, 'win.pnp.removeAfterClose');
  }
}

/**
 * Each driver of the stack fails the I/O outstanding on it: on a surprise
 * removal the hardware that would finish it is gone; in IRP_MN_REMOVE_DEVICE
 * a function driver completes the requests queued in it before it waits on
 * its remove lock (WDK "Removing a Device in a Function Driver").
 */
function failOutstanding(tx: WindowsTx, names: ReadonlySet<string>, failure: Failure): void {
  const outstanding = tx.irps
    .valueSeq()
    .filter((irp) => irp.path.some((d) => names.has(d)))
    .map((irp) => irp.name)
    .toArray();
  for (const irp of outstanding) completeIrpNow(tx, irp, frameworkPurges(tx, irp) ?? failure);
}
