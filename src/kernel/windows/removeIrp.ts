import type { WindowsRuleId } from '../rules';
import { completeIrpNow } from './io';
import { DOE, hasFlag, type DeviceObject } from './model';
import { pnpIrpAt, removing, resumeParent } from './pnp';
import { fsAwaitingDismount, fsDismount } from './fileSystem';
import { releaseAndWait } from './removeLock';
import { stackOf } from './stack';
import { cancelWaitWakeOnRemove } from './waitWake';
import type { WindowsTx } from './tx';
import { deleteDevice, detach } from './unload';
import { frameworkDeletesDevice, frameworkPurges, removalRule } from './kmdf/framework';

/**
 * IRP_MN_REMOVE_DEVICE through one stack (WDK "Removing a Device in a
 * Function Driver", "Removing a Device in a Bus Driver"). Each driver, top
 * first, completes the requests queued in it (step 4), waits in
 * IoReleaseRemoveLockAndWait until its remove lock is free, and only then
 * passes the IRP down (step 8, IoCallDriver): a driver that waits holds the
 * IRP, so the drivers below it, and the bus driver's handling of the PDO,
 * wait too. The bus driver handles the PDO last (keeps it while the hardware
 * is present, deletes it once gone); then, as each IoCallDriver returns, the
 * drivers above detach and delete their devices, the lowest first (steps 9–11).
 *
 * Sources disagree on where the wait goes: "Using Remove Locks" and the
 * IoReleaseRemoveLockAndWait page say after passing the IRP down; "Removing a
 * Device in a Function Driver" (inactive, step 4, before IoCallDriver, step 8)
 * and the WDK's toaster-style samples wait before. The simulator follows the
 * latter (win.removeLock.wait says so).
 */

/** A device still there for the IRP to reach. */
function reachable(tx: WindowsTx, name: string): DeviceObject | undefined {
  const d = tx.device(name);
  return d && !d.unlinked && !hasFlag(d, 'DELETE_PENDING') ? d : undefined;
}

/**
 * Sends IRP_MN_REMOVE_DEVICE down the stack of `pdo` from its top. The caller
 * has told the registrants and set `present`.
 */
export function sendRemove(tx: WindowsTx, pdo: string, rule: WindowsRuleId): void {
  const chain = stackOf(tx, pdo).map((d) => d.name);
  descend(tx, chain, 0, rule, false);
}

/**
 * A driver whose REMOVE waited on its remove lock saw the last release: it
 * passes the IRP down (called by removeLock.resumeRemoves).
 */
export function resumeRemove(tx: WindowsTx, device: string): void {
  const chain = stackOf(tx, device).map((d) => d.name);
  const pdo = chain[chain.length - 1] ?? device;
  // A mounted file system passed this REMOVE down before the wait: it dismounts once the stack completes it.
  const volumes = fsAwaitingDismount(tx, pdo);
  descend(tx, chain, chain.indexOf(device), 'win.removeLock.wait', true);
  if (volumes.length > 0 && !removing(tx, pdo)) fsDismount(tx, volumes, 'win.fs.dismountResumed');
}

/**
 * The IRP from `chain[start]` down. `arrived`: it reached chain[start]
 * already (a resumed wait), so that driver only finishes its wait.
 */
function descend(
  tx: WindowsTx,
  chain: readonly string[],
  start: number,
  rule: WindowsRuleId,
  arrived: boolean,
): void {
  for (let i = start; i < chain.length; i++) {
    const name = chain[i] ?? '';
    const d = reachable(tx, name);
    if (!d) continue;
    if (!(arrived && i === start)) {
      pnpIrpAt(tx, d, 'IRP_MN_REMOVE_DEVICE', rule);
      // Step 3: cancel the IRP_MN_WAIT_WAKE it sent; step 4: complete what is queued in it.
      cancelWaitWakeOnRemove(tx, name);
      completeQueued(tx, name);
      if (!reachable(tx, name)) continue;
    }
    // IoReleaseRemoveLockAndWait before IoCallDriver: a held lock keeps the IRP here.
    if (!releaseAndWait(tx, name)) return;
  }
  returnUp(tx, chain, rule);
}

/**
 * "Complete any requests queued in the driver" (function driver step 4, bus
 * driver step 2): the IRPs pending at this device. IRPs it passed down to a
 * lower driver are not its to complete: they hold its remove lock until the
 * lower driver completes them.
 */
function completeQueued(tx: WindowsTx, device: string): void {
  const queued = tx.irps
    .valueSeq()
    .filter((irp) => irp.path[irp.path.length - 1] === device)
    .map((irp) => irp.name)
    .toArray();
  for (const irp of queued) {
    // A KMDF driver's framework purges its queues instead (win.kmdf.queuePurged): STATUS_CANCELLED.
    completeIrpNow(
      tx,
      irp,
      frameworkPurges(tx, irp) ?? {
        status: 'STATUS_NO_SUCH_DEVICE',
        rule: 'win.pnp.removeCompletesQueued',
        model:
          'The WDK says the driver completes the requests queued in it; the status is the driver’s choice: the simulator uses STATUS_NO_SUCH_DEVICE.',
      },
    );
  }
}

/**
 * The bus driver has the IRP: it handles the PDO; then each IoCallDriver
 * returns and the driver above detaches and deletes its device, lowest first.
 */
function returnUp(tx: WindowsTx, chain: readonly string[], rule: WindowsRuleId): void {
  const parent = tx.device(chain[chain.length - 1] ?? '')?.parent ?? null;
  // Bottom first; each step may cascade (a detach can let a deferred Unload delete that driver's devices).
  for (const name of [...chain].reverse()) {
    const d = reachable(tx, name);
    if (!d) continue;
    if (d.role === 'pdo' && d.attachedTo === null) {
      removePdo(tx, d, rule);
    } else {
      // A KMDF driver's framework deletes its WDFDEVICE, then detaches and deletes for it.
      frameworkDeletesDevice(tx, name);
      detach(tx, name, removalRule(tx, name, rule));
      deleteDevice(tx, name, removalRule(tx, name, rule));
    }
  }
  // A parent whose REMOVE waited for this child goes on (win.pnp.childrenFirst).
  resumeParent(tx, parent);
}

/** The bus driver's part: the PDO stays while the hardware is present, and is deleted once it is gone. */
function removePdo(tx: WindowsTx, p: DeviceObject, rule: WindowsRuleId): void {
  const pdo = p.name;
  if (p.present) {
    tx.patchDevice(pdo, { flags: p.flags & ~DOE.REMOVE_PENDING, devnode: 'Removed' });
    tx.emit('devnodeState', 'win.pnp.pdoStays', {
      device: pdo,
      state: 'Removed',
      reason: 'the hardware is still present: the PDO stays',
    });
  } else {
    deleteDevice(tx, pdo, rule);
    // A file still open on the PDO keeps it (win.delete.unlink): its devnode is no longer Started but
    // waits for the closes (!devnode's DeletePendingCloses); the last close unlinks it.
    // (The function driver above detaches right after, within this REMOVE: that alone is no wait for closes.)
    const left = tx.device(pdo);
    const held = left !== undefined && (left.fileObjects.size > 0 || left.obReferences.size > 0);
    if (
      left &&
      held &&
      !left.unlinked &&
      hasFlag(left, 'DELETE_PENDING') &&
      left.devnode !== 'DeletePendingCloses'
    ) {
      tx.patchDevice(pdo, { devnode: 'DeletePendingCloses' });
      tx.emit('devnodeState', 'win.delete.unlink', {
        device: pdo,
        state: 'DeletePendingCloses',
        reason: 'the PDO is deleted, but a file still open on it keeps it until the last close',
      });
    }
  }
}
