import type { WindowsRuleId } from '../rules';
import { closeHandleNow } from './io';
import { DOE, hasFlag, type DeviceObject, type DevnodeState } from './model';
import { stackOf } from './stack';
import type { WindowsTx } from './tx';
import { deleteDevice, detach } from './unload';

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

/** Target-device-change registrants of this stack are told; on a query or removal they close their handles. */
function notifyRegistrants(
  tx: WindowsTx,
  names: ReadonlySet<string>,
  guid: string,
  closeHandles: boolean,
): void {
  for (const r of tx.registrations.valueSeq()) {
    if (r.category !== 'targetDeviceChange' || !r.target || !names.has(r.target)) continue;
    tx.emit('notificationSent', 'win.pnp.notify', {
      registration: r.name,
      driver: r.driver,
      device: r.target,
      state: guid,
      handle: r.handle ?? undefined,
    });
    if (closeHandles && r.handle) closeHandleNow(tx, r.handle);
  }
}

function sendDown(tx: WindowsTx, stack: readonly DeviceObject[], minor: string, rule: WindowsRuleId): void {
  for (const d of stack)
    tx.emit('pnpIrp', rule, { device: d.name, driver: d.driver, minor, major: 'IRP_MJ_PNP' });
}

/** IRP_MN_QUERY_REMOVE_DEVICE, top of the stack first. On failure the PnP manager cancels. */
export function queryRemove(tx: WindowsTx, pdo: string): QueryOutcome {
  notifyRegistrants(tx, namesOf(tx, pdo), 'GUID_TARGET_DEVICE_QUERY_REMOVE', true);
  // A registrant's close may have completed a pending removal: nothing is left to query.
  if (!alive(tx, pdo)) return { ok: true };
  const stack = stackOf(tx, pdo);
  for (const d of stack) {
    tx.emit('pnpIrp', 'win.pnp.queryTopDown', {
      device: d.name,
      driver: d.driver,
      minor: 'IRP_MN_QUERY_REMOVE_DEVICE',
      major: 'IRP_MJ_PNP',
    });
    if (tx.drv(d.driver).vetoesQueryRemove) {
      const reason = `${d.driver} failed IRP_MN_QUERY_REMOVE_DEVICE`;
      tx.emit('queryRemoveVetoed', 'win.pnp.queryTopDown', { device: d.name, driver: d.driver, reason });
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
  setDevnode(tx, pdo, 'QueryRemoved', 'win.pnp.queryTopDown');
  return { ok: true };
}

/** IRP_MN_CANCEL_REMOVE_DEVICE: bus driver first, then up; it must succeed. */
export function cancelRemove(tx: WindowsTx, pdo: string): void {
  if (!alive(tx, pdo)) return;
  const stack = stackOf(tx, pdo).reverse();
  sendDown(tx, stack, 'IRP_MN_CANCEL_REMOVE_DEVICE', 'win.pnp.cancelBottomUp');
  for (const d of stack) tx.patchDevice(d.name, { flags: d.flags & ~DOE.REMOVE_PENDING });
  setDevnode(tx, pdo, 'Started', 'win.pnp.cancelBottomUp');
  notifyRegistrants(tx, namesOf(tx, pdo), 'GUID_TARGET_DEVICE_REMOVE_CANCELLED', false);
}

/**
 * IRP_MN_REMOVE_DEVICE: top first, bus driver last. Each driver passes it
 * down, then (on the way back) detaches and deletes its device; the bus
 * driver deletes the PDO only if the hardware is gone.
 */
export function removeStack(tx: WindowsTx, pdo: string, present: boolean, rule: WindowsRuleId): void {
  if (!alive(tx, pdo)) return;
  const stack = stackOf(tx, pdo);
  const names = namesOf(tx, pdo);
  sendDown(tx, stack, 'IRP_MN_REMOVE_DEVICE', rule);
  const p = tx.dev(pdo);
  // After a surprise removal the registrants were told REMOVE_COMPLETE already.
  const told = p.surpriseRemoved;
  if (present && !p.surpriseRemoved) {
    tx.patchDevice(pdo, { flags: p.flags & ~DOE.REMOVE_PENDING });
    tx.emit('devnodeState', 'win.pnp.pdoStays', {
      device: pdo,
      state: 'Removed',
      reason: 'the hardware is still present: the PDO stays',
    });
    tx.patchDevice(pdo, { devnode: 'Removed' });
  } else {
    tx.patchDevice(pdo, { present: false });
    deleteDevice(tx, pdo, 'win.pnp.removeTopDown');
  }
  // Unwinding: each upper driver detaches from the device below, then deletes its own.
  // (Each step may cascade: a detach can let a deferred Unload delete that driver's devices.)
  for (const d of stack.slice(0, -1).reverse()) {
    const now = tx.device(d.name);
    if (!now || now.unlinked || hasFlag(now, 'DELETE_PENDING')) continue;
    detach(tx, d.name, 'win.pnp.removeTopDown');
    deleteDevice(tx, d.name, 'win.pnp.removeTopDown');
  }
  if (!told) notifyRegistrants(tx, names, 'GUID_TARGET_DEVICE_REMOVE_COMPLETE', false);
}

/** Orderly removal: query, then remove or cancel. */
export function orderlyRemove(tx: WindowsTx, pdo: string, present: boolean): QueryOutcome {
  const q = queryRemove(tx, pdo);
  if (q.ok) removeStack(tx, pdo, present, 'win.pnp.removeTopDown');
  return q;
}

/**
 * IRP_MN_SURPRISE_REMOVAL: the hardware is gone. Drivers fail new I/O but
 * must not detach or delete; REMOVE follows after the last handle closes.
 */
export function surpriseRemove(tx: WindowsTx, pdo: string): void {
  const stack = stackOf(tx, pdo);
  tx.patchDevice(pdo, { present: false, surpriseRemoved: true });
  sendDown(tx, stack, 'IRP_MN_SURPRISE_REMOVAL', 'win.pnp.surprise');
  notifyRegistrants(tx, namesOf(tx, pdo), 'GUID_TARGET_DEVICE_REMOVE_COMPLETE', true);
  if (!alive(tx, pdo)) return;
  if (stackOf(tx, pdo).some((d) => d.fileObjects.size > 0)) {
    setDevnode(tx, pdo, 'RemovePendingCloses', 'win.pnp.removeAfterClose');
  } else {
    removeStack(tx, pdo, false, 'win.pnp.removeAfterClose');
  }
}
