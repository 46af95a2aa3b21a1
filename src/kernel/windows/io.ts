import { OrderedSet } from 'immutable';
import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';
import type { WindowsRuleId } from '../rules';
import type { StepResult } from '../types';
import { hasFlag, type DeviceObject, type WindowsWorld } from './model';
import { irpNameTaken, irpPath, newIrpRefusal, pendPoint } from './irpPath';
import { isHolding, openRefusal } from './openChecks';
import { resumeRemoves } from './removeLock';
import { settle } from './settle';
import { pdoOf, stackOf } from './stack';
import { isKmdf } from './kmdf/objects';
import { lockRule } from './kmdf/framework';
import type { WindowsTx } from './tx';

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/** CreateFile → IRP_MJ_CREATE to the top of the stack; the opened device's ReferenceCount goes up. */
export function openHandle(tx: WindowsTx, a: Act<'openHandle'>): Result {
  const refusal = openRefusal(tx, a.device, a.handle);
  if (refusal) return tx.refuse(refusal.status, refusal.rule, refusal.reason, refusal.fields);
  openNow(tx, a.device, a.handle);
  return tx.done();
}

/** Opens a device the caller checked with `canOpen`. */
export function openNow(tx: WindowsTx, device: string, handle: string): void {
  dispatchDown(tx, stackOf(tx, device), 'IRP_MJ_CREATE', handle, 'win.open.create');
  tx.handles = tx.handles.set(handle, { name: handle, device, state: 'open', irps: OrderedSet() });
  const target = tx.dev(device);
  tx.patchDevice(device, { fileObjects: target.fileObjects.add(handle) });
  tx.emit('handleOpened', 'win.open.create', { handle, device, driver: target.driver });
}

/**
 * CREATE, CLEANUP and CLOSE reach the top of the stack (the documented rule)
 * and, as the simulator shows it, every driver passes them down [MODEL].
 */
function dispatchDown(
  tx: WindowsTx,
  stack: readonly DeviceObject[],
  major: string,
  handle: string,
  rule: WindowsRuleId,
): void {
  stack.forEach((d, i) => {
    tx.emit('irpDispatched', i === 0 ? rule : 'win.open.passDown', {
      device: d.name,
      driver: d.driver,
      major,
      handle,
    });
  });
}

/** CloseHandle → IRP_MJ_CLEANUP; IRP_MJ_CLOSE once the file object's IRPs have completed. */
export function closeHandle(tx: WindowsTx, a: Act<'closeHandle'>): Result {
  const h = tx.handles.get(a.handle);
  if (!h || h.state !== 'open') {
    return tx.refuse('STATUS_INVALID_HANDLE', 'win.object.invalid', `no open handle is named ${a.handle}`, {
      handle: a.handle,
    });
  }
  closeHandleNow(tx, a.handle);
  return tx.done();
}

/** Closes a handle (an application, or a registrant told of a removal, does it). */
export function closeHandleNow(tx: WindowsTx, handle: string): void {
  const h = tx.handles.get(handle);
  if (!h || h.state !== 'open') return;
  dispatchDown(tx, stackOf(tx, h.device), 'IRP_MJ_CLEANUP', handle, 'win.close.cleanupClose');
  tx.emit('handleClosed', 'win.close.cleanupClose', { handle, device: h.device });
  tx.handles = tx.handles.set(handle, { ...h, state: 'closing' });
  cancelQueued(tx, handle);
  const left = tx.handles.get(handle);
  if (left && left.irps.size === 0) closeFileObject(tx, handle);
}

/**
 * DispatchCleanup (WDK "IRP_MJ_CLEANUP", "DispatchCleanup Routines"): the
 * driver where each of the file object's IRPs is queued cancels and completes
 * it (STATUS_CANCELLED), unless it forgets, a driver bug that leaves the IRP
 * pending, so the file object, and the driver, stay.
 */
function cancelQueued(tx: WindowsTx, handle: string): void {
  const h = tx.handles.get(handle);
  if (!h) return;
  for (const name of h.irps.toArray()) {
    const irp = tx.irps.get(name);
    const at = irp && tx.device(irp.path[irp.path.length - 1] ?? '');
    if (!irp || !at) continue;
    const kmdf = isKmdf(tx.drv(at.driver));
    if (tx.drv(at.driver).forgetsCleanup && !kmdf) {
      tx.emit('driverBug', 'win.close.cleanupCancels', {
        irp: name,
        handle,
        device: at.name,
        driver: at.driver,
        reason: `its DispatchCleanup leaves ${name} queued: IRP_MJ_CLEANUP should cancel and complete it, so the file object stays`,
      });
      continue;
    }
    completeIrpNow(tx, name, {
      status: 'STATUS_CANCELLED',
      rule: kmdf ? 'win.kmdf.cleanupFlushes' : 'win.close.cleanupCancels',
    });
  }
}

/** The file object's last reference went: IRP_MJ_CLOSE, and ReferenceCount drops. */
function closeFileObject(tx: WindowsTx, handle: string): void {
  const h = tx.handles.get(handle);
  if (!h) return;
  const stack = stackOf(tx, h.device);
  dispatchDown(tx, stack, 'IRP_MJ_CLOSE', handle, 'win.close.cleanupClose');
  tx.handles = tx.handles.delete(handle);
  const dev = tx.dev(h.device);
  tx.patchDevice(h.device, { fileObjects: dev.fileObjects.delete(handle) });
  tx.emit('fileObjectClosed', 'win.close.cleanupClose', { handle, device: h.device, driver: dev.driver });
  settle(
    tx,
    stack.map((d) => d.name),
  );
}

export function sendIrp(tx: WindowsTx, a: Act<'sendIrp'>): Result {
  const major = a.major ?? WINDOWS_ACTION_DEFAULTS.sendIrp.major;
  const h = tx.handles.get(a.handle);
  if (!h || h.state !== 'open') {
    return tx.refuse('STATUS_INVALID_HANDLE', 'win.object.invalid', `no open handle is named ${a.handle}`, {
      handle: a.handle,
      irp: a.irp,
    });
  }
  const taken = irpNameTaken(tx, a.irp);
  if (taken) return taken;
  const stack = stackOf(tx, h.device);
  // A query-stopped or stopped device holds new requests in its queue (WDK "Stopping a Device").
  const held = isHolding(pdoOf(tx, h.device));
  const route = irpPath(stack, a.pendsIn, held);
  if (!route.ok) {
    return tx.refuse('STATUS_INVALID_PARAMETER', 'win.object.invalid', route.reason, {
      irp: a.irp,
      handle: a.handle,
      device: a.pendsIn,
    });
  }
  const path = route.path;
  const refusal = newIrpRefusal(path, pdoOf(tx, h.device), h.device);
  if (refusal) {
    const { status, rule, reason, ...fields } = refusal;
    return tx.refuse(status, rule, reason, { irp: a.irp, handle: a.handle, ...fields });
  }
  for (const [i, d] of path.entries()) {
    tx.emit('irpDispatched', i > pendPoint(stack) ? 'win.io.passDown' : 'win.io.pendsAtFunction', {
      irp: a.irp,
      device: d.name,
      driver: d.driver,
      major,
      handle: a.handle,
    });
    tx.patchDevice(d.name, { irps: d.irps.add(a.irp) });
    if (d.removeLock) {
      // KMDF: the framework acquires its own lock before it delivers the IRP (win.kmdf.removeLock).
      tx.emit('removeLockAcquired', lockRule(tx, d.name, 'win.removeLock.acquire'), {
        irp: a.irp,
        device: d.name,
        driver: d.driver,
      });
    }
  }
  const last = path[path.length - 1];
  tx.irps = tx.irps.set(a.irp, {
    name: a.irp,
    handle: a.handle,
    major,
    path: path.map((d) => d.name),
    ...(held ? { held: true } : {}),
  });
  tx.handles = tx.handles.set(a.handle, { ...h, irps: h.irps.add(a.irp) });
  tx.emit('irpPending', held ? 'win.rebalance.holdsIo' : route.rule, {
    irp: a.irp,
    device: last?.name,
    driver: last?.driver,
    major,
    status: 'STATUS_PENDING',
    ...(held
      ? { reason: 'held in the driver’s queue until the device runs again (a rebalance is under way)' }
      : {}),
  });
  return tx.done();
}

/** IoCompleteRequest: allowed while Unload Pending (seed rule 3); the IRP climbs back up its path. */
export function completeIrp(tx: WindowsTx, a: Act<'completeIrp'>): Result {
  const held = tx.irps.get(a.irp);
  if (held?.held && tx.device(held.path[0] ?? '') && isHolding(pdoOf(tx, held.path[0] ?? ''))) {
    return tx.refuse(
      'STATUS_DEVICE_NOT_READY',
      'win.rebalance.heldNotStarted',
      `${a.irp} is held in the driver's queue until its device starts again`,
      { irp: a.irp },
    );
  }
  if (!tx.irps.has(a.irp)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `no outstanding IRP is named ${a.irp}`,
      {
        irp: a.irp,
      },
    );
  }
  completeIrpNow(tx, a.irp);
  return tx.done();
}

/** How an IRP completes when its driver fails it (a surprise removal). */
export interface Failure {
  readonly status: string;
  readonly rule: WindowsRuleId;
  /** Set when the status is the simulator's choice. */
  readonly model?: string;
}

/**
 * Completes an outstanding IRP: it climbs back up its path, releasing each
 * remove lock it held (which may let a waiting IRP_MN_REMOVE_DEVICE go on),
 * then its file object may close and what it held is re-checked.
 */
export function completeIrpNow(tx: WindowsTx, name: string, failure?: Failure): void {
  const irp = tx.irps.get(name);
  if (!irp) return;
  for (const dev of [...irp.path].reverse()) {
    const d = tx.dev(dev);
    tx.patchDevice(dev, { irps: d.irps.delete(name) });
    const rule =
      failure?.rule ?? (hasFlag(d, 'UNLOAD_PENDING') ? 'seed.3.completeOutstanding' : 'win.io.complete');
    tx.emit('irpCompleted', rule, {
      irp: name,
      device: dev,
      driver: d.driver,
      major: irp.major,
      ...(failure ? { status: failure.status } : {}),
      ...(failure?.model === undefined ? {} : { model: failure.model }),
    });
    if (d.removeLock) {
      tx.emit('removeLockReleased', lockRule(tx, dev, 'win.removeLock.acquire'), {
        irp: name,
        device: dev,
        driver: d.driver,
      });
    }
  }
  tx.irps = tx.irps.delete(name);
  resumeRemoves(tx, irp.path);
  const h = irp.handle === null ? undefined : tx.handles.get(irp.handle);
  if (h) {
    const left = h.irps.delete(name);
    tx.handles = tx.handles.set(h.name, { ...h, irps: left });
    if (h.state === 'closing' && left.size === 0) closeFileObject(tx, h.name);
  }
  settle(tx, irp.path);
}
