import type { ObjectRef } from '../events';
import type { StepResult } from '../types';
import type { WindowsAction } from './actions';
import { removeLockCount, removeLockHolders, type DeviceObject, type WindowsWorld } from './model';
import { resumeRemove } from './removeIrp';
import type { WindowsTx } from './tx';
import { isRefusal } from '../tx';
import { lockRule } from './kmdf/framework';
import { isKmdf } from './kmdf/objects';

/**
 * Remove locks (kernel/using-remove-locks): a driver that keeps one acquires
 * it for every I/O it starts (io.ts does that per IRP) and for its own code
 * (a timer, a DPC: the actions here); in IRP_MN_REMOVE_DEVICE,
 * IoReleaseRemoveLockAndWait waits for the last release before the driver
 * passes the IRP down (and later detaches and deletes its device), and every
 * later acquire fails.
 */

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/** The device a driver names in IoAcquireRemoveLock / IoReleaseRemoveLock, or the refusal to return. */
function lockedDevice(tx: WindowsTx, device: string): DeviceObject | Result {
  const d = tx.device(device);
  if (!d || d.unlinked) {
    return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.object.notFound', `no device is named ${device}`, {
      device,
    });
  }
  if (!d.removeLock) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_REQUEST',
      'win.removeLock.none',
      `${d.driver} keeps no remove lock on ${device}`,
      { device, driver: d.driver },
    );
  }
  return d;
}

/** IoAcquireRemoveLock outside an IRP; refused with STATUS_DELETE_PENDING once the device is being removed. */
export function acquireRemoveLock(tx: WindowsTx, a: Act<'acquireRemoveLock'>): Result {
  const d = lockedDevice(tx, a.device);
  if (isRefusal(d)) return d;
  if (isKmdf(tx.driver(d.driver))) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_REQUEST',
      'win.kmdf.removeLockNotExposed',
      `${d.driver} is a KMDF driver: the remove lock on ${a.device} is the framework's, taken around each IRP it delivers`,
      { device: a.device, driver: d.driver, tag: a.tag },
    );
  }
  const lock = d.removeLock!;
  // A tag already holding the lock may acquire it again: "the Tag does not have to be unique".
  if (lock.removed) {
    return tx.refuse(
      'STATUS_DELETE_PENDING',
      'win.removeLock.deletePending',
      `${a.device} is being removed: IoReleaseRemoveLockAndWait was called`,
      { device: a.device, driver: d.driver, tag: a.tag },
    );
  }
  tx.patchDevice(a.device, { removeLock: { ...lock, tags: lock.tags.push(a.tag) } });
  tx.emit('removeLockAcquired', 'win.removeLock.acquire', { device: a.device, driver: d.driver, tag: a.tag });
  return tx.done();
}

/** IoReleaseRemoveLock; the last release lets a waiting IRP_MN_REMOVE_DEVICE go on. */
export function releaseRemoveLock(tx: WindowsTx, a: Act<'releaseRemoveLock'>): Result {
  const d = lockedDevice(tx, a.device);
  if (isRefusal(d)) return d;
  const lock = d.removeLock!;
  const at = lock.tags.indexOf(a.tag);
  if (at < 0) {
    return tx.refuse('STATUS_INVALID_PARAMETER', 'win.object.invalid', `${a.tag} does not hold the lock`, {
      device: a.device,
      tag: a.tag,
    });
  }
  tx.patchDevice(a.device, { removeLock: { ...lock, tags: lock.tags.delete(at) } });
  tx.emit('removeLockReleased', 'win.removeLock.acquire', { device: a.device, driver: d.driver, tag: a.tag });
  resumeRemoves(tx, [a.device]);
  return tx.done();
}

/**
 * IoReleaseRemoveLockAndWait, as IRP_MN_REMOVE_DEVICE reaches `device`:
 * from now on acquisitions fail; true when nothing holds the lock (the driver
 * passes the IRP down), false when the REMOVE waits here (removeIrp.ts).
 */
export function releaseAndWait(tx: WindowsTx, device: string): boolean {
  const d = tx.dev(device);
  const lock = d.removeLock;
  if (!lock) return true;
  const holders = removeLockHolders(d);
  const waiting = holders.irps.length + holders.tags.length > 0;
  tx.patchDevice(device, { removeLock: { ...lock, removed: true, waiting } });
  if (!waiting) return true;
  if (!lock.waiting) {
    const names = [...holders.irps.map((i) => `IRP ${i}`), ...holders.tags.map((t) => `tag ${t}`)];
    // KMDF: the framework's REMOVE handling calls IoReleaseRemoveLockAndWait for the driver.
    tx.emit('removeLockWait', lockRule(tx, device, 'win.removeLock.wait'), {
      device,
      driver: d.driver,
      blockers: holders.irps.map((name): ObjectRef => ({ kind: 'irp', name })),
      reason: `IRP_MN_REMOVE_DEVICE waits until ${names.join(', ')} release the remove lock`,
    });
  }
  return false;
}

/** After a release: each of these devices whose REMOVE waits on a lock nothing holds any more goes on. */
export function resumeRemoves(tx: WindowsTx, devices: readonly string[]): void {
  for (const name of devices) {
    const d = tx.device(name);
    if (d?.removeLock?.waiting && removeLockCount(d) === 0) resumeRemove(tx, name);
  }
}

/** A REMOVE is under way in this stack: some device waits in IoReleaseRemoveLockAndWait. */
export function removeWaiting(stack: readonly DeviceObject[]): DeviceObject | undefined {
  return stack.find((d) => d.removeLock?.waiting);
}
