import { describe, expect, it } from 'vitest';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { explainWindows } from './explain';

/**
 * Issue 19: user-mode and kernel-mode notification registrants told apart.
 * Win32 "Processing a Request to Remove a Device" and the DBT_DEVICEQUERYREMOVE
 * page: an application that called RegisterDeviceNotification (DBT_DEVTYP_HANDLE)
 * on its handle gets DBT_DEVICEQUERYREMOVE and must close its handles "or the
 * device removal will fail"; it may answer BROADCAST_QUERY_DENY; on
 * DBT_DEVICEQUERYREMOVEFAILED it may reopen; on DBT_DEVICEREMOVEPENDING /
 * DBT_DEVICEREMOVECOMPLETE it unregisters and closes. A driver's
 * IoRegisterPlugPlayNotification references the driver (seed rule 4(c)); an
 * application's registration references none.
 */

const win = () => kernel('windows');

const toaster: WindowsAction[] = [
  { do: 'loadDriver', driver: 'Bus', model: 'pnp' },
  { do: 'createDevice', driver: 'Bus', device: 'ToastPdo', role: 'pdo' },
  { do: 'loadDriver', driver: 'Toaster', model: 'pnp' },
  { do: 'createDevice', driver: 'Toaster', device: 'ToastFdo', role: 'fdo', attachTo: 'ToastPdo' },
];

/** An application and a monitoring driver, each with a handle and a registration on the toaster. */
const watched: WindowsAction[] = [
  ...toaster,
  { do: 'openHandle', device: 'ToastFdo', handle: 'hApp' },
  { do: 'registerDeviceNotification', registration: 'appReg', handle: 'hApp', app: 'Monitor.exe' },
  { do: 'loadDriver', driver: 'Watcher', model: 'legacy' },
  { do: 'openHandle', device: 'ToastFdo', handle: 'hDrv' },
  {
    do: 'registerNotification',
    driver: 'Watcher',
    registration: 'drvReg',
    category: 'targetDeviceChange',
    handle: 'hDrv',
  },
];

const sent = (events: readonly { type: string; state?: string; registration?: string }[]) =>
  events.filter((e) => e.type === 'notificationSent').map((e) => `${e.registration}:${e.state}`);

describe('when an application registers for notification on its handle', () => {
  it('references no driver: no driver lists it, and it names no driver', () => {
    const run = win().setup(...toaster, { do: 'openHandle', device: 'ToastFdo', handle: 'hApp' });
    run
      .do({ do: 'registerDeviceNotification', registration: 'appReg', handle: 'hApp' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('notificationRegistered');
    const r = run.world.registrations.get('appReg');
    expect(r).toMatchObject({ mode: 'user', app: 'App', driver: '', target: 'ToastFdo' });
    expect(run.world.drivers.some((d) => d.registrations.has('appReg'))).toBe(false);
    expect(run.last.events.find((e) => e.type === 'notificationRegistered')?.driver).toBeUndefined();
  });

  it('needs an open handle (DBT_DEVTYP_HANDLE names one)', () => {
    win()
      .setup(...toaster)
      .do({ do: 'registerDeviceNotification', registration: 'appReg', handle: 'nope' })
      .expectStatus('STATUS_INVALID_HANDLE')
      .expectEvents('refused');
  });
});

describe('when a device both an application and a driver watch is removed in order', () => {
  it('tells the application first (DBT_DEVICEQUERYREMOVE), then the driver (GUID_TARGET_DEVICE_QUERY_REMOVE); both close, and the removal goes through', () => {
    const run = win()
      .setup(...watched)
      .do({ do: 'requestRemove', device: 'ToastPdo' })
      .expectStatus('STATUS_SUCCESS');
    expect(sent(run.last.events)).toEqual([
      'appReg:DBT_DEVICEQUERYREMOVE',
      'drvReg:GUID_TARGET_DEVICE_QUERY_REMOVE',
      'appReg:DBT_DEVICEREMOVEPENDING',
      'drvReg:GUID_TARGET_DEVICE_REMOVE_COMPLETE',
    ]);
    const rules = run.last.events.filter((e) => e.type === 'notificationSent').map((e) => e.rule);
    expect(rules.slice(0, 3)).toEqual([
      'win.pnp.userQueryFirst',
      'win.pnp.queryNotifyFirst',
      'win.pnp.userRemovePending',
    ]);
    // The application's query comes before any IRP_MN_QUERY_REMOVE_DEVICE.
    const firstIrp = run.last.events.findIndex((e) => e.minor === 'IRP_MN_QUERY_REMOVE_DEVICE');
    const appQuery = run.last.events.findIndex((e) => e.state === 'DBT_DEVICEQUERYREMOVE');
    expect(appQuery).toBeGreaterThanOrEqual(0);
    expect(appQuery).toBeLessThan(firstIrp);
    expect(run.world.handles.size).toBe(0);
    expect(run.world.devices.has('ToastFdo')).toBe(false);
    // Both unregistered: the application with UnregisterDeviceNotification, the driver with IoUnregister….
    expect(run.world.registrations.size).toBe(0);
  });

  it('fails when the application keeps its handle open on DBT_DEVICEQUERYREMOVE ("close all handles or the removal will fail")', () => {
    const run = win()
      .setup(...toaster, { do: 'openHandle', device: 'ToastFdo', handle: 'hApp' })
      .setup({
        do: 'registerDeviceNotification',
        registration: 'appReg',
        handle: 'hApp',
        keepsHandleOpen: true,
      })
      .do({ do: 'requestRemove', device: 'ToastPdo' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    const veto = run.last.events.find((e) => e.type === 'queryRemoveVetoed');
    expect(veto?.rule).toBe('win.pnp.queryOpenHandles');
    expect(sent(run.last.events)).toEqual([
      'appReg:DBT_DEVICEQUERYREMOVE',
      'appReg:DBT_DEVICEQUERYREMOVEFAILED',
    ]);
    expect(run.world.devices.get('ToastPdo')?.devnode).toBe('Started');
  });

  it('is cancelled before any driver is queried when the application answers BROADCAST_QUERY_DENY', () => {
    const run = win()
      .setup(...watched.slice(0, 5))
      .setup({
        do: 'registerDeviceNotification',
        registration: 'appReg',
        handle: 'hApp',
        app: 'Player',
        deniesQueryRemove: true,
      })
      .setup(...watched.slice(6))
      .do({ do: 'requestRemove', device: 'ToastPdo' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    const veto = run.last.events.find((e) => e.type === 'queryRemoveVetoed');
    expect(veto).toMatchObject({ rule: 'win.pnp.userDeny', registration: 'appReg' });
    expect(veto?.driver).toBeUndefined();
    expect(veto?.reason).toMatch(
      /application Player answered DBT_DEVICEQUERYREMOVE with BROADCAST_QUERY_DENY/,
    );
    expect(run.last.events.some((e) => e.minor === 'IRP_MN_QUERY_REMOVE_DEVICE')).toBe(false);
    // The driver registrant was never asked.
    expect(sent(run.last.events)).toEqual([
      'appReg:DBT_DEVICEQUERYREMOVE',
      'appReg:DBT_DEVICEQUERYREMOVEFAILED',
    ]);
    expect(run.world.handles.has('hDrv')).toBe(true);
  });

  it('lets an application that reopens on DBT_DEVICEQUERYREMOVEFAILED have its handle back, still registered', () => {
    const run = win()
      .setup(...toaster, { do: 'loadDriver', driver: 'Picky', model: 'pnp', vetoesQueryRemove: true })
      .setup({
        do: 'createDevice',
        driver: 'Picky',
        device: 'PickyFilter',
        role: 'filter',
        attachTo: 'ToastFdo',
      })
      .setup({ do: 'openHandle', device: 'ToastPdo', handle: 'hApp' })
      .setup({ do: 'registerDeviceNotification', registration: 'appReg', handle: 'hApp', reopens: true })
      .do({ do: 'requestRemove', device: 'ToastPdo' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    const closed = run.last.events.findIndex((e) => e.type === 'handleClosed' && e.handle === 'hApp');
    const reopened = run.last.events.findIndex((e) => e.type === 'handleOpened' && e.handle === 'hApp');
    expect(closed).toBeGreaterThanOrEqual(0);
    expect(reopened).toBeGreaterThan(closed);
    expect(run.world.handles.get('hApp')?.state).toBe('open');
    expect(run.world.registrations.get('appReg')?.mode).toBe('user');
  });
});

describe('when the watched device is surprise-removed', () => {
  it('sends the application DBT_DEVICEREMOVECOMPLETE with no query first; it closes and unregisters', () => {
    const run = win()
      .setup(...watched)
      .do({ do: 'surpriseRemove', device: 'ToastPdo' })
      .expectStatus('STATUS_SUCCESS');
    expect(sent(run.last.events)).toEqual([
      'appReg:DBT_DEVICEREMOVECOMPLETE',
      'drvReg:GUID_TARGET_DEVICE_REMOVE_COMPLETE',
    ]);
    expect(run.world.registrations.size).toBe(0);
    expect(run.world.devices.has('ToastFdo')).toBe(false);
  });
});

describe('what each registration holds', () => {
  it('a driver’s registration defers its Unload (seed rule 4(c)); an application’s never holds a driver', () => {
    const run = win().setup(...watched);
    run.do({ do: 'stopDriver', driver: 'Watcher' }).expectStatus('STATUS_SUCCESS');
    // Watcher's handle is on the toaster, not on a Watcher device: only its registration holds it.
    const check = explainWindows(run.world, 'Watcher');
    expect(check.unloaded).toBe(false);
    expect(check.conditions.find((c) => c.id === 'notificationsUnregistered')?.met).toBe(false);
    run.do({ do: 'unregisterNotification', registration: 'drvReg' }).expectEvents('unloadCalled');
    // The application's registration stays, and no driver is held by it.
    run.do({ do: 'unregisterNotification', registration: 'appReg' }).expectStatus('STATUS_SUCCESS');
    const un = run.last.events.find((e) => e.type === 'notificationUnregistered');
    expect(un).toMatchObject({ rule: 'win.notify.userUnregister' });
    expect(un?.driver).toBeUndefined();
    expect(run.last.events.some((e) => e.type === 'unloadCalled')).toBe(false);
  });
});
