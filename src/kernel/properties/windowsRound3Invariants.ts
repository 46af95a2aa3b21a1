import { hasFlag } from '../windows/model';
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

const REBALANCE = new Set([
  'IRP_MN_QUERY_STOP_DEVICE',
  'IRP_MN_STOP_DEVICE',
  'IRP_MN_CANCEL_STOP_DEVICE',
  'IRP_MN_START_DEVICE',
]);

/**
 * A rebalance never loses a queued IRP (WDK "Stopping a Device"): across a
 * query-stop, stop, cancel-stop or start, every IRP outstanding before is
 * outstanding after, unless an irpCompleted event says how it ended (a
 * failed restart removes the stack). And a held IRP belongs to a stack that
 * is query-stopped or stopped.
 */
export function rebalanceKeepsIrps(c: StepCtx): void {
  const w = c.result.world;
  if (c.action.do === 'pnpIrp' && REBALANCE.has(c.action.minor)) {
    const completed = new Set(c.result.events.filter((e) => e.type === 'irpCompleted').map((e) => e.irp));
    for (const name of c.before.irps.keys()) {
      check(
        w.irps.has(name) || completed.has(name),
        () => `${at(c)}: ${name} was outstanding before and vanished without a completion`,
      );
    }
  }
  for (const irp of w.irps.valueSeq()) {
    if (!irp.held) continue;
    let d = w.devices.get(irp.path[irp.path.length - 1] ?? '');
    while (d?.attachedTo) d = w.devices.get(d.attachedTo);
    // A stack a driver took apart by hand (deleteDevice, detachDevice) no longer holds anything.
    if (d?.role !== 'pdo') continue;
    check(
      d.devnode === 'QueryStopped' || d.devnode === 'Stopped',
      () => `${at(c)}: ${irp.name} is held but its stack is ${d?.devnode ?? 'gone'}`,
    );
  }
}

/**
 * Parent and child devnodes (WDK "Handling an IRP_MN_REMOVE_DEVICE Request"):
 * IRP_MN_REMOVE_DEVICE reaches a devnode's stack only after each of its
 * children got its own REMOVE, and no REMOVE completes below a child that is
 * still started: no step that removes or deletes a parent leaves a child of it started.
 */
export function childrenRemovedFirst(c: StepCtx): void {
  const events = c.result.events;
  const bottom = (name: string): string => {
    let d = c.before.devices.get(name);
    while (d?.attachedTo) d = c.before.devices.get(d.attachedTo);
    return d?.name ?? name;
  };
  events.forEach((e, i) => {
    if (e.type !== 'pnpIrp' || e.minor !== 'IRP_MN_REMOVE_DEVICE') return;
    const pdo = bottom(e.device ?? '');
    for (const child of c.before.devices.valueSeq()) {
      if (child.parent !== pdo || child.devnode !== 'Started') continue;
      check(
        events.slice(0, i).some((x) => x.minor === 'IRP_MN_REMOVE_DEVICE' && x.device === child.name),
        () => `${at(c)}: REMOVE reached ${e.device} before child devnode ${child.name} was removed`,
      );
    }
  });
  // A parent deleted by hand (deleteDevice, detachDevice: a driver's own calls) is no PnP removal.
  if (c.action.do === 'deleteDevice' || c.action.do === 'detachDevice') return;
  const w = c.result.world;
  for (const child of w.devices.valueSeq()) {
    if (child.parent === null || child.devnode !== 'Started') continue;
    const was = c.before.devices.get(child.parent);
    if (!was || was.unlinked || was.devnode === 'Removed') continue;
    const parent = w.devices.get(child.parent);
    check(
      parent !== undefined && parent.devnode !== 'Removed' && !parent.unlinked,
      () =>
        `${at(c)}: ${child.name} is still started under ${child.parent}, which is ${parent?.devnode ?? 'gone'}`,
    );
  }
}

/**
 * IRP_MN_CANCEL_REMOVE_DEVICE (WDK): the drivers return the device to the
 * state it was in before the query. After a step that cancels at a PDO (and
 * does not remove it), its devnode is the one it had before that query: the
 * state before the step, or the one a query-remove earlier had saved.
 */
export function cancelRestoresState(c: StepCtx): void {
  const w = c.result.world;
  for (const e of c.result.events) {
    if (e.type !== 'devnodeState' || e.rule !== 'win.pnp.cancelRestores') continue;
    const was = c.before.devices.get(e.device ?? '');
    const now = w.devices.get(e.device ?? '');
    if (!was || !now || now.devnode === 'Removed' || now.devnode === 'QueryRemoved') continue;
    const expected = was.devnode === 'QueryRemoved' ? was.beforeQuery : was.devnode;
    check(
      e.state === expected,
      () =>
        `${at(c)}: the cancel put ${now.name} in ${e.state}, it was ${expected ?? 'none'} before the query`,
    );
  }
}

/**
 * User-mode and kernel-mode registrants (Win32 "Processing a Request to Remove
 * a Device"; seed rule 4(c)): an application is told in DBT_ words and names
 * no driver, a driver's callback in GUID_ words; on each device the
 * applications hear DBT_DEVICEQUERYREMOVE before any driver hears
 * GUID_TARGET_DEVICE_QUERY_REMOVE [ROS order]; after DBT_DEVICEREMOVEPENDING
 * or DBT_DEVICEREMOVECOMPLETE the application's registration is gone.
 */
export function appRegistrantsApart(c: StepCtx): void {
  const events = c.result.events;
  const w = c.result.world;
  events.forEach((e, i) => {
    if (e.type !== 'notificationSent') return;
    const dbt = e.state?.startsWith('DBT_') === true;
    check(
      dbt === (e.driver === undefined),
      () => `${at(c)}: ${e.registration} told ${e.state} with driver ${e.driver}`,
    );
    if (e.state === 'DBT_DEVICEQUERYREMOVE') {
      const driverFirst = events
        .slice(0, i)
        .some((p) => p.state === 'GUID_TARGET_DEVICE_QUERY_REMOVE' && p.device === e.device);
      check(
        !driverFirst,
        () => `${at(c)}: a driver heard of the query on ${e.device} before application ${e.registration}`,
      );
    }
    if (e.state === 'DBT_DEVICEREMOVEPENDING' || e.state === 'DBT_DEVICEREMOVECOMPLETE') {
      check(
        !w.registrations.has(e.registration ?? ''),
        () => `${at(c)}: application registration ${e.registration} kept after ${e.state}`,
      );
    }
  });
}

/**
 * A mounted file system (WDK "IRP_MJ_PNP (FS and filter drivers)"): no storage
 * device reaches QueryRemoved while files are open on a volume mounted on it,
 * and no new file opens on a volume locked for a query-remove.
 */
export function mountedVolumeRespected(c: StepCtx): void {
  const w = c.result.world;
  for (const v of w.devices.valueSeq()) {
    if (v.role !== 'volume' || !v.realDevice) continue;
    let bottom = w.devices.get(v.realDevice);
    while (bottom?.attachedTo) bottom = w.devices.get(bottom.attachedTo);
    const queried = bottom?.devnode === 'QueryRemoved';
    check(
      !(queried && v.fileObjects.size > 0 && !hasFlag(v, 'DELETE_PENDING')),
      () => `${at(c)}: ${bottom?.name} query-removed with files open on volume ${v.name}`,
    );
  }
  if (c.action.do === 'openHandle' && c.result.status === 'STATUS_SUCCESS') {
    const d = c.before.devices.get(c.action.device);
    check(d?.volumeLocked !== true, () => `${at(c)}: a file opened on locked volume ${d?.name}`);
  }
  // win.fs.mountedHolds: a file system whose Unload has run has no volume still mounted.
  for (const v of w.devices.valueSeq()) {
    if (v.role !== 'volume' || v.unlinked || hasFlag(v, 'DELETE_PENDING')) continue;
    check(
      w.drivers.get(v.driver)?.state !== 'unloaded',
      () => `${at(c)}: ${v.driver} unloaded with volume ${v.name} still mounted`,
    );
  }
}
