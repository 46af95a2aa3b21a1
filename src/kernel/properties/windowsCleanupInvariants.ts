import { check } from './harness';
import { at, type StepCtx } from './windowsInvariants';

/**
 * The Windows invariants of issue 19: what IRP_MJ_CLEANUP and a completed
 * removal leave behind (the rest are in windowsInvariants.ts and
 * windowsLockInvariants.ts).
 */

/**
 * IRP_MJ_CLEANUP (WDK): once a handle is closed, none of its file object's
 * IRPs stays queued at a driver that follows the rule; only a driver loaded
 * with forgetsCleanup keeps one, and a driverBug event says so.
 */
export function cleanupCancelsQueued(c: StepCtx): void {
  if (c.action.do !== 'closeHandle' || c.result.status !== 'STATUS_SUCCESS') return;
  const handle = c.action.handle;
  const w = c.result.world;
  for (const irp of w.irps.valueSeq()) {
    if (irp.handle !== handle) continue;
    const at_ = w.devices.get(irp.path[irp.path.length - 1] ?? '');
    const driver = at_ ? w.drivers.get(at_.driver) : undefined;
    check(
      driver?.forgetsCleanup === true,
      () => `${at(c)}: ${irp.name} of closed handle ${handle} still queued at ${at_?.name} (${driver?.name})`,
    );
    check(
      c.result.events.some((e) => e.type === 'driverBug' && e.irp === irp.name),
      () => `${at(c)}: ${irp.name} left queued by a forgetful cleanup without a driverBug event`,
    );
  }
}

/**
 * GUID_TARGET_DEVICE_REMOVE_COMPLETE (WDK): after a registrant is told, its
 * registration is gone in the same step unless it forgets (a marked bug).
 */
export function removeCompleteUnregisters(c: StepCtx): void {
  const w = c.result.world;
  for (const e of c.result.events) {
    if (e.type !== 'notificationSent' || e.state !== 'GUID_TARGET_DEVICE_REMOVE_COMPLETE') continue;
    const r = w.registrations.get(e.registration ?? '');
    if (!r) continue;
    check(
      r.forgetsUnregister,
      () => `${at(c)}: ${r.name} still registered after GUID_TARGET_DEVICE_REMOVE_COMPLETE`,
    );
  }
}
