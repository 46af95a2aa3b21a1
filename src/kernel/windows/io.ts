import { OrderedSet } from 'immutable';
import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';
import type { StepResult } from '../types';
import { hasFlag, isNamed, type DeviceObject, type WindowsWorld } from './model';
import { settle } from './settle';
import { pdoOf, stackOf } from './stack';
import type { WindowsTx } from './tx';

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

const PENDING_FLAGS = ['UNLOAD_PENDING', 'DELETE_PENDING', 'REMOVE_PENDING'] as const;

function pendingFlag(d: DeviceObject): (typeof PENDING_FLAGS)[number] | undefined {
  return PENDING_FLAGS.find((f) => hasFlag(d, f));
}

/** A device's name is gone once IoDeleteDevice marked it (win.delete.pending). */
export function visible(tx: WindowsTx, name: string): DeviceObject | undefined {
  const d = tx.device(name);
  return d && isNamed(d) ? d : undefined;
}

/** CreateFile → IRP_MJ_CREATE to the top of the stack; the opened device's ReferenceCount goes up. */
export function openHandle(tx: WindowsTx, a: Act<'openHandle'>): Result {
  if (tx.handles.has(a.handle)) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_COLLISION',
      'win.object.invalid',
      `handle ${a.handle} is already open`,
      {
        handle: a.handle,
      },
    );
  }
  const target = visible(tx, a.device);
  if (!target) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
      },
    );
  }
  const stack = stackOf(tx, a.device);
  for (const d of stack) {
    const flag = pendingFlag(d);
    if (flag) {
      return tx.refuse(
        'STATUS_NO_SUCH_DEVICE',
        flag === 'UNLOAD_PENDING' ? 'seed.3.noNewReferences' : 'win.open.pendingFlags',
        `${d.name} is DOE_${flag}: no new opens`,
        { device: d.name, driver: d.driver, handle: a.handle },
      );
    }
  }
  if (pdoOf(tx, a.device)?.surpriseRemoved) {
    return tx.refuse('STATUS_NO_SUCH_DEVICE', 'win.io.removedFailsIo', `${a.device} was surprise-removed`, {
      device: a.device,
      handle: a.handle,
    });
  }
  if (target.exclusive && target.fileObjects.size > 0) {
    return tx.refuse(
      'STATUS_ACCESS_DENIED',
      'win.open.exclusive',
      `${a.device} is exclusive and already open`,
      {
        device: a.device,
        handle: a.handle,
      },
    );
  }
  for (const d of stack) {
    tx.emit('irpDispatched', 'win.open.create', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_CREATE',
      handle: a.handle,
    });
  }
  tx.handles = tx.handles.set(a.handle, {
    name: a.handle,
    device: a.device,
    state: 'open',
    irps: OrderedSet(),
  });
  tx.patchDevice(a.device, { fileObjects: target.fileObjects.add(a.handle) });
  tx.emit('handleOpened', 'win.open.create', { handle: a.handle, device: a.device, driver: target.driver });
  return tx.done();
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
  const stack = stackOf(tx, h.device);
  for (const d of stack) {
    tx.emit('irpDispatched', 'win.close.cleanupClose', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_CLEANUP',
      handle,
    });
  }
  tx.emit('handleClosed', 'win.close.cleanupClose', { handle, device: h.device });
  if (h.irps.size > 0) {
    tx.handles = tx.handles.set(handle, { ...h, state: 'closing' });
    return;
  }
  closeFileObject(tx, handle);
}

/** The file object's last reference went: IRP_MJ_CLOSE, and ReferenceCount drops. */
function closeFileObject(tx: WindowsTx, handle: string): void {
  const h = tx.handles.get(handle);
  if (!h) return;
  const stack = stackOf(tx, h.device);
  for (const d of stack) {
    tx.emit('irpDispatched', 'win.close.cleanupClose', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_CLOSE',
      handle,
    });
  }
  tx.handles = tx.handles.delete(handle);
  const dev = tx.dev(h.device);
  tx.patchDevice(h.device, { fileObjects: dev.fileObjects.delete(handle) });
  tx.emit('fileObjectClosed', 'win.close.cleanupClose', { handle, device: h.device, driver: dev.driver });
  settle(
    tx,
    stack.map((d) => d.name),
  );
}

/** Where an I/O request stays pending: the function driver, i.e. the lowest non-PDO device [MODEL]. */
function pendPoint(stack: readonly DeviceObject[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.role !== 'pdo') return i;
  return stack.length - 1;
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
  if (tx.irps.has(a.irp)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `IRP ${a.irp} is already outstanding`,
      {
        irp: a.irp,
      },
    );
  }
  const stack = stackOf(tx, h.device);
  const path = stack.slice(0, pendPoint(stack) + 1);
  for (const d of path) {
    if (hasFlag(d, 'UNLOAD_PENDING')) {
      return tx.refuse(
        'STATUS_DELETE_PENDING',
        'seed.3.noNewIrps',
        `${d.driver} is Unload Pending: the system sends it no new IRPs`,
        {
          irp: a.irp,
          handle: a.handle,
          device: d.name,
          driver: d.driver,
          model:
            'The seed says no new IRPs are sent; the status is undocumented, the simulator answers STATUS_DELETE_PENDING.',
        },
      );
    }
    if (hasFlag(d, 'DELETE_PENDING') || hasFlag(d, 'REMOVE_PENDING')) {
      return tx.refuse(
        'STATUS_DELETE_PENDING',
        'win.io.removedFailsIo',
        `${d.name} is being removed: new I/O fails`,
        {
          irp: a.irp,
          handle: a.handle,
          device: d.name,
          driver: d.driver,
        },
      );
    }
  }
  if (pdoOf(tx, h.device)?.surpriseRemoved) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'win.io.removedFailsIo',
      `${h.device} was surprise-removed: new I/O fails`,
      {
        irp: a.irp,
        handle: a.handle,
        device: h.device,
      },
    );
  }
  for (const d of path) {
    tx.emit('irpDispatched', 'win.io.pendsAtFunction', {
      irp: a.irp,
      device: d.name,
      driver: d.driver,
      major,
      handle: a.handle,
    });
    tx.patchDevice(d.name, { irps: d.irps.add(a.irp) });
  }
  const last = path[path.length - 1];
  tx.irps = tx.irps.set(a.irp, { name: a.irp, handle: a.handle, major, path: path.map((d) => d.name) });
  tx.handles = tx.handles.set(a.handle, { ...h, irps: h.irps.add(a.irp) });
  tx.emit('irpPending', 'win.io.pendsAtFunction', {
    irp: a.irp,
    device: last?.name,
    driver: last?.driver,
    major,
    status: 'STATUS_PENDING',
  });
  return tx.done();
}

/** IoCompleteRequest: allowed while Unload Pending (seed rule 3); the IRP climbs back up its path. */
export function completeIrp(tx: WindowsTx, a: Act<'completeIrp'>): Result {
  const irp = tx.irps.get(a.irp);
  if (!irp) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `no outstanding IRP is named ${a.irp}`,
      {
        irp: a.irp,
      },
    );
  }
  for (const name of [...irp.path].reverse()) {
    const d = tx.dev(name);
    tx.patchDevice(name, { irps: d.irps.delete(a.irp) });
    tx.emit('irpCompleted', hasFlag(d, 'UNLOAD_PENDING') ? 'seed.3.completeOutstanding' : 'win.io.complete', {
      irp: a.irp,
      device: name,
      driver: d.driver,
      major: irp.major,
    });
  }
  tx.irps = tx.irps.delete(a.irp);
  const h = tx.handles.get(irp.handle);
  if (h) {
    const left = h.irps.delete(a.irp);
    tx.handles = tx.handles.set(h.name, { ...h, irps: left });
    if (h.state === 'closing' && left.size === 0) closeFileObject(tx, h.name);
  }
  settle(tx, irp.path);
  return tx.done();
}
