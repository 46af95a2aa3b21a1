import { check } from './harness';
import { at, type StepCtx } from './windowsInvariants';

/**
 * The Windows invariants of issue 19: what IRP_MJ_CLEANUP and a completed
 * removal leave behind, and IRP_MN_START_DEVICE (the rest are in
 * windowsInvariants.ts and windowsLockInvariants.ts).
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

/**
 * IRP_MN_START_DEVICE (WDK): it visits the stack from the PDO up, stopping at
 * a driver that fails it, and a failed start is followed by
 * IRP_MN_REMOVE_DEVICE in the same step; no open succeeds in a stack whose
 * PDO has not started.
 */
export function startRespected(c: StepCtx): void {
  const events = c.result.events;
  const starts = events.filter((e) => e.minor === 'IRP_MN_START_DEVICE');
  if (starts.length > 0) {
    const visited = starts.map((e) => e.device);
    const pdo = visited[0] ?? '';
    const stack: string[] = [];
    for (
      let d = c.before.devices.get(pdo);
      d;
      d = d.attachedDevice ? c.before.devices.get(d.attachedDevice) : undefined
    ) {
      stack.push(d.name);
    }
    check(
      visited.every((name, i) => stack[i] === name),
      () => `${at(c)}: START visited ${visited.join(', ')}, the stack bottom-up is ${stack.join(', ')}`,
    );
    const fail = starts.find((e) => e.status !== undefined);
    if (fail) {
      check(
        events.some((e) => e.minor === 'IRP_MN_REMOVE_DEVICE' && e.rule === 'win.start.removeAfterFail'),
        () => `${at(c)}: START failed at ${fail.device} and no REMOVE followed`,
      );
    }
  }
  for (const e of events) {
    if (e.type !== 'handleOpened') continue;
    let d = c.before.devices.get(e.device ?? '');
    while (d?.attachedTo) d = c.before.devices.get(d.attachedTo);
    check(d?.devnode !== 'DriversAdded', () => `${at(c)}: ${e.device} opened in a stack not started`);
  }
}
