import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { legacy, pnpStack, watched } from './cases.helpers';
import { removeLockCount } from './model';

/**
 * Issue 19, the defects a second review against the sources found. Each
 * situation cites the page it follows.
 */

const win = () => kernel('windows');

describe('when the last handle closes with a read queued in the driver', () => {
  // WDK "IRP_MJ_CLEANUP": the driver "must cancel and complete only the currently queued IRPs that
  // are associated with the file object handle that is being released"; "DispatchCleanup Routines".
  const setup = (extra: Partial<WindowsAction> = {}) =>
    win().setup(
      legacy('Serial', 'Serial0', extra),
      { do: 'openHandle', device: 'Serial0', handle: 'h1' },
      { do: 'sendIrp', handle: 'h1', irp: 'read1' },
      { do: 'stopDriver', driver: 'Serial' },
    );

  it('has a rule-following driver cancel the read in IRP_MJ_CLEANUP, so Unload runs', () => {
    const run = setup()
      .do({ do: 'closeHandle', handle: 'h1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('irpCompleted', 'fileObjectClosed', 'unloadCalled', 'imageFreed')
      .expectNoEvents('driverBug');
    const events = run.last.events;
    const cleanup = events.findIndex((e) => e.major === 'IRP_MJ_CLEANUP');
    const cancelled = events.findIndex((e) => e.type === 'irpCompleted' && e.irp === 'read1');
    const close = events.findIndex((e) => e.type === 'irpDispatched' && e.major === 'IRP_MJ_CLOSE');
    expect(cleanup).toBeLessThan(cancelled);
    expect(cancelled).toBeLessThan(close);
    expect(events[cancelled]).toMatchObject({ status: 'STATUS_CANCELLED', rule: 'win.close.cleanupCancels' });
    expect(events[cancelled]?.model).toBeUndefined();
    expect(run.world.irps.size).toBe(0);
  });

  it('marks a driver that forgets as a bug and keeps the read, the file object and the driver', () => {
    const run = setup({ forgetsCleanup: true })
      .do({ do: 'closeHandle', handle: 'h1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('driverBug')
      .expectNoEvents('irpCompleted', 'fileObjectClosed', 'unloadCalled');
    const bug = run.last.events.find((e) => e.type === 'driverBug');
    expect(bug).toMatchObject({ rule: 'win.close.cleanupCancels', irp: 'read1', driver: 'Serial' });
    expect(run.world.handles.get('h1')?.state).toBe('closing');
    run.do({ do: 'completeIrp', irp: 'read1' }).expectEvents('fileObjectClosed', 'unloadCalled');
  });

  it('cancels only the IRPs of the file object being closed', () => {
    const run = win()
      .setup(
        legacy('Serial', 'Serial0'),
        { do: 'openHandle', device: 'Serial0', handle: 'h1' },
        { do: 'openHandle', device: 'Serial0', handle: 'h2' },
        { do: 'sendIrp', handle: 'h1', irp: 'read1' },
        { do: 'sendIrp', handle: 'h2', irp: 'read2' },
      )
      .do({ do: 'closeHandle', handle: 'h1' });
    expect(run.world.irps.has('read1')).toBe(false);
    expect(run.world.irps.has('read2')).toBe(true);
  });

  it('cites the IRP_MJ_CLEANUP page', () => {
    expect(RULES['win.close.cleanupCancels']).toMatchObject({ evidence: 'DOC' });
    expect(RULES['win.close.cleanupCancels'].source).toMatch(/irp-mj-cleanup/);
  });
});

describe('when IRP_MN_REMOVE_DEVICE comes while a read is queued in the function driver', () => {
  // WDK "Removing a Device in a Function Driver", step 4: complete the requests queued in the
  // driver, then IoReleaseRemoveLockAndWait. (An orderly removal cannot get here with a read
  // queued: the query fails on its open file object; the PnP manager's IRP, sent by hand, can.)
  const run = win()
    .setup(
      ...pnpStack({ widget: { removeLock: true } }),
      { do: 'openHandle', device: 'Pdo1', handle: 'h' },
      { do: 'sendIrp', handle: 'h', irp: 'read1' },
    )
    .do({ do: 'pnpIrp', device: 'Pdo1', minor: 'IRP_MN_REMOVE_DEVICE' })
    .expectStatus('STATUS_SUCCESS');

  it('completes the read before waiting on the remove lock, and the removal finishes', () => {
    const events = run.last.events;
    const remove = events.findIndex((e) => e.minor === 'IRP_MN_REMOVE_DEVICE');
    const done = events.findIndex((e) => e.type === 'irpCompleted' && e.irp === 'read1');
    const deleted = events.findIndex((e) => e.type === 'deleteRequested' && e.device === 'WidgetFdo');
    expect(remove).toBeGreaterThanOrEqual(0);
    expect(done).toBeGreaterThan(remove);
    expect(deleted).toBeGreaterThan(done);
    expect(events[done]?.rule).toBe('win.pnp.removeCompletesQueued');
    expect(run.types()).not.toContain('removeLockWait');
    expect(run.types()).toContain('unloadCalled');
  });
});

describe('when a target-device-change registrant hears GUID_TARGET_DEVICE_REMOVE_COMPLETE', () => {
  // WDK "Handling a GUID_TARGET_DEVICE_REMOVE_COMPLETE Event": the callback removes its
  // registration with IoUnregisterPlugPlayNotification.
  const setupWatched = (extra: Partial<Extract<WindowsAction, { do: 'registerNotification' }>> = {}) =>
    win().setup(...watched(extra), {
      do: 'createDevice',
      driver: 'Watcher',
      device: 'WatchCtl',
      role: 'control',
    });

  it('unregisters by default, so the registering driver holds no registration', () => {
    const run = setupWatched().do({ do: 'requestRemove', device: 'Pdo1' }).expectStatus('STATUS_SUCCESS');
    const events = run.last.events;
    const told = events.findIndex(
      (e) => e.type === 'notificationSent' && e.state === 'GUID_TARGET_DEVICE_REMOVE_COMPLETE',
    );
    const gone = events.findIndex((e) => e.type === 'notificationUnregistered' && e.registration === 'r');
    expect(gone).toBeGreaterThan(told);
    expect(events[gone]?.rule).toBe('win.pnp.unregisterOnRemove');
    expect(run.world.registrations.has('r')).toBe(false);
    expect(run.world.drivers.get('Watcher')?.registrations.size).toBe(0);
  });

  it('keeps the registration, marked as a bug, when the callback forgets', () => {
    const run = setupWatched({ forgetsUnregister: true })
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('driverBug');
    expect(run.world.registrations.has('r')).toBe(true);
    const bug = run.last.events.find((e) => e.type === 'driverBug');
    expect(bug).toMatchObject({ rule: 'win.pnp.unregisterOnRemove', registration: 'r', driver: 'Watcher' });
    // Its driver then cannot unload: condition (c).
    run.do({ do: 'deleteDevice', device: 'WatchCtl' });
    const c = explainUnload(run.world, 'Watcher').conditions.find(
      (x) => x.id === 'notificationsUnregistered',
    );
    expect(c?.met).toBe(false);
  });
});

describe('evidence that says what its source says', () => {
  it('splits the PnP refusal (ZwUnloadDriver) from the missing Unload routine (ReactOS)', () => {
    expect(RULES['win.stop.notLegacy'].source).toMatch(/zwunloaddriver/);
    expect(RULES['win.stop.notLegacy'].text).not.toMatch(/Unload routine/);
    expect(RULES['win.stop.noUnloadRoutine'].evidence).toBe('ROS');
    win()
      .setup(legacy('Old', 'OldDev', { unloadRoutine: false }))
      .do({ do: 'stopDriver', driver: 'Old' })
      .expectStatus('STATUS_INVALID_DEVICE_REQUEST');
    const run = win()
      .setup(legacy('Old', 'OldDev', { unloadRoutine: false }))
      .do({ do: 'stopDriver', driver: 'Old' });
    expect(run.last.events[0]?.rule).toBe('win.stop.noUnloadRoutine');
  });

  it('cites ReactOS for a leaked device pinning the image, the USB core blog for a reference', () => {
    expect(RULES['win.load.leak'].evidence).toBe('ROS');
    expect(RULES['win.reference'].source).toMatch(/usbcoreblog/);
    expect(RULES['svr5.load.fails'].evidence).toBe('MODEL');
    expect(RULES['svr5.load.fails'].note).toMatch(/historical/);
  });

  it('lets a tag acquire the remove lock twice, as the DDI allows ("Tag does not have to be unique")', () => {
    const run = win()
      .setup(...pnpStack({ widget: { removeLock: true } }))
      .do(
        { do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' },
        { do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' },
      )
      .expectStatus('STATUS_SUCCESS');
    expect(removeLockCount(run.world.devices.get('WidgetFdo')!)).toBe(2);
    run.do({ do: 'requestRemove', device: 'Pdo1' }).expectEvents('removeLockWait');
    run.do({ do: 'releaseRemoveLock', device: 'WidgetFdo', tag: 'timer' }).expectNoEvents('deleteRequested');
    run
      .do({ do: 'releaseRemoveLock', device: 'WidgetFdo', tag: 'timer' })
      .expectEvents('deleteRequested', 'unloadCalled');
  });
});
