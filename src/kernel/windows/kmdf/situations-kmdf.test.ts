import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { kernel } from '../../testing';
import type { WindowsAction } from '../actions';
import { legacy, pnpStack, watched } from '../cases.helpers';
import { cleanupOrder, wdfObjects } from './objects';

/**
 * Issue 19, KMDF as a driver model beside legacy and WDM: the same mistakes a
 * WDM driver can make, where the framework does the work for a KMDF driver.
 * Each situation cites the page (or the framework's source) it follows.
 */

const win = () => kernel('windows');
const kmdf: Partial<WindowsAction> = { framework: 'kmdf' };

describe('a KMDF driver whose file is closed with a read queued', () => {
  // fxpkggeneral.cpp: FxPkgGeneral::OnCleanup flushes the file object's requests from every queue.
  it('has the framework cancel the read even when the driver "forgets" (it has no DispatchCleanup)', () => {
    const run = win()
      .setup(
        legacy('Serial', 'Serial0', { ...kmdf, forgetsCleanup: true }),
        { do: 'openHandle', device: 'Serial0', handle: 'h1' },
        { do: 'sendIrp', handle: 'h1', irp: 'read1' },
        { do: 'stopDriver', driver: 'Serial' },
      )
      .do({ do: 'closeHandle', handle: 'h1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('irpCompleted', 'fileObjectClosed', 'unloadCalled', 'imageFreed')
      .expectNoEvents('driverBug');
    const cancelled = run.last.events.find((e) => e.type === 'irpCompleted' && e.irp === 'read1');
    expect(cancelled).toMatchObject({ status: 'STATUS_CANCELLED', rule: 'win.kmdf.cleanupFlushes' });
  });

  it('leaves the same WDM driver with the read pending (the contrast)', () => {
    win()
      .setup(
        legacy('Serial', 'Serial0', { forgetsCleanup: true }),
        { do: 'openHandle', device: 'Serial0', handle: 'h1' },
        { do: 'sendIrp', handle: 'h1', irp: 'read1' },
        { do: 'stopDriver', driver: 'Serial' },
      )
      .do({ do: 'closeHandle', handle: 'h1' })
      .expectEvents('driverBug')
      .expectNoEvents('unloadCalled');
  });
});

describe('a KMDF driver with a remote I/O target on a removed device', () => {
  // EVT_WDF_IO_TARGET_REMOVE_COMPLETE: "If the driver does not supply this callback function, the
  // framework permanently closes the I/O target."
  it('has the framework close the target, so the watcher is not held by a forgotten registration', () => {
    const setup = watched({ forgetsUnregister: true }).map((a): WindowsAction =>
      a.do === 'loadDriver' && a.driver === 'Watcher' ? { ...a, framework: 'kmdf' } : a,
    );
    const run = win()
      .setup(...setup)
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('notificationUnregistered')
      .expectNoEvents('driverBug');
    const un = run.last.events.find((e) => e.type === 'notificationUnregistered');
    expect(un).toMatchObject({ rule: 'win.kmdf.targetCloses', driver: 'Watcher' });
    expect(run.world.registrations.has('r')).toBe(false);
  });
});

describe('a KMDF PnP driver without EvtDriverUnload', () => {
  // fxdriver.cpp, FxDriver::Initialize: a PnP driver always gets the framework's DriverUnload.
  it('still unloads after its last device is removed', () => {
    const run = win()
      .setup(...pnpStack({ widget: { ...kmdf, unloadRoutine: false } }))
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('unloadCalled', 'imageFreed')
      .expectNoEvents('unloadNeverCalled');
    expect(run.world.drivers.get('Widget')?.state).toBe('unloaded');
    expect(run.last.events.some((e) => e.state === 'EvtDriverUnload')).toBe(false);
  });

  it('is stuck when written with WDM (the contrast)', () => {
    win()
      .setup(...pnpStack({ widget: { unloadRoutine: false } }))
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('unloadNeverCalled');
  });

  it('a non-PnP KMDF driver without EvtDriverUnload cannot be stopped', () => {
    win()
      .setup(legacy('Beep', 'Beep0', { ...kmdf, unloadRoutine: false }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectStatus('STATUS_INVALID_DEVICE_REQUEST');
  });
});

describe('the framework on removal and unload', () => {
  // "A User Unplugs a Device"; EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP; EVT_WDF_OBJECT_CONTEXT_CLEANUP;
  // FxDriver::Unload: EvtDriverUnload, then the WDFDRIVER's deletion.
  it('calls EvtDeviceSelfManagedIoCleanup, cleans up children before parents, then detaches and deletes', () => {
    const run = win()
      .setup(...pnpStack({ widget: kmdf }))
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('wdfCallback', 'deviceDetached', 'deleteRequested', 'unloadCalled');
    const ev = run.last.events;
    const calls = ev.filter((e) => e.type === 'wdfCallback').map((e) => `${e.state} ${e.wdfObject}`);
    expect(calls).toEqual([
      'EvtDeviceSelfManagedIoCleanup WDFDEVICE WidgetFdo',
      'EvtCleanupCallback WDFQUEUE WidgetFdo.queue',
      'EvtCleanupCallback WDFDEVICE WidgetFdo',
      'EvtDestroyCallback WDFQUEUE WidgetFdo.queue',
      'EvtDestroyCallback WDFDEVICE WidgetFdo',
      'EvtDriverUnload WDFDRIVER Widget',
      'EvtCleanupCallback WDFDRIVER Widget',
      'EvtDestroyCallback WDFDRIVER Widget',
    ]);
    const detach = ev.find((e) => e.type === 'deviceDetached' && e.device === 'WidgetFdo');
    expect(detach?.rule).toBe('win.kmdf.frameworkDeletes');
    const lastCleanup = ev.findIndex((e) => e.state === 'EvtDestroyCallback' && e.device === 'WidgetFdo');
    expect(lastCleanup).toBeLessThan(ev.indexOf(detach!));
    // EvtDriverUnload comes after Unload is called, and the driver object's cleanup after it.
    const unload = ev.findIndex((e) => e.type === 'unloadCalled' && e.driver === 'Widget');
    expect(unload).toBeLessThan(ev.findIndex((e) => e.state === 'EvtDriverUnload'));
  });

  it('a legacy KMDF driver: EvtDriverUnload, then the control device, then the WDFDRIVER', () => {
    const run = win()
      .setup(legacy('Beep', 'Beep0', kmdf))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('unloadCalled', 'imageFreed');
    const calls = run.last.events
      .filter((e) => e.type === 'wdfCallback')
      .map((e) => `${e.state} ${e.wdfObject}`);
    expect(calls[0]).toBe('EvtDriverUnload WDFDRIVER Beep');
    expect(calls.indexOf('EvtCleanupCallback WDFDEVICE Beep0')).toBeLessThan(
      calls.indexOf('EvtCleanupCallback WDFDRIVER Beep'),
    );
    expect(calls).not.toContain('EvtDeviceSelfManagedIoCleanup WDFDEVICE Beep0');
  });

  it('a WDM driver gets no framework callbacks', () => {
    win()
      .setup(...pnpStack())
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('unloadCalled')
      .expectNoEvents('wdfCallback');
  });
});

describe('a KMDF driver whose device is removed with a read queued', () => {
  // pnpstatemachine.cpp: on removal the framework purges the power-managed and the other queues;
  // WdfIoQueuePurge: a purge cancels the requests not yet delivered.
  const setup = (framework: 'wdm' | 'kmdf') =>
    win().setup(
      ...pnpStack({ widget: { framework } }),
      { do: 'openHandle', device: 'WidgetFdo', handle: 'h1' },
      { do: 'sendIrp', handle: 'h1', irp: 'read1' },
    );

  it('has the framework cancel it (a purge), where a WDM driver fails it itself', () => {
    const k = setup('kmdf').do({ do: 'surpriseRemove', device: 'Pdo1' });
    expect(k.last.events.find((e) => e.type === 'irpCompleted' && e.irp === 'read1')).toMatchObject({
      status: 'STATUS_CANCELLED',
      rule: 'win.kmdf.queuesPurged',
    });
    const w = setup('wdm').do({ do: 'surpriseRemove', device: 'Pdo1' });
    expect(w.last.events.find((e) => e.type === 'irpCompleted' && e.irp === 'read1')).toMatchObject({
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: 'win.pnp.surpriseFailsIo',
    });
  });
});

describe('WdfDeviceSetStaticStopRemove', () => {
  // WdfDeviceSetStaticStopRemove: "If FALSE, the device cannot be stopped and removed"; the framework
  // fails the queries with STATUS_INVALID_DEVICE_STATE (pnpstatemachine.cpp); a surprise removal still happens.
  const setup = () =>
    win().setup(...pnpStack({ widget: kmdf }), {
      do: 'wdfSetStaticStopRemove',
      device: 'WidgetFdo',
      stoppable: false,
    });

  it('makes the framework fail the query-remove', () => {
    const run = setup()
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('queryRemoveVetoed')
      .expectNoEvents('unloadCalled');
    const veto = run.last.events.find((e) => e.type === 'queryRemoveVetoed');
    expect(veto).toMatchObject({ rule: 'win.kmdf.staticStopRemove', driver: 'Widget' });
    expect(run.world.devices.has('WidgetFdo')).toBe(true);
  });

  it('makes the framework fail the query-stop', () => {
    setup()
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: 'IRP_MN_QUERY_STOP_DEVICE' })
      .expectStatus('STATUS_INVALID_DEVICE_STATE')
      .expectEvents('queryRemoveVetoed');
  });

  it('does not stop a surprise removal', () => {
    setup().do({ do: 'surpriseRemove', device: 'Pdo1' }).expectEvents('unloadCalled');
  });

  it('lets the removal through once every FALSE is matched by a TRUE', () => {
    setup()
      .do(
        { do: 'wdfSetStaticStopRemove', device: 'WidgetFdo', stoppable: false },
        { do: 'wdfSetStaticStopRemove', device: 'WidgetFdo', stoppable: true },
        { do: 'wdfSetStaticStopRemove', device: 'WidgetFdo', stoppable: true },
        { do: 'requestRemove', device: 'Pdo1' },
      )
      .expectEvents('unloadCalled');
  });

  it('refuses an unmatched TRUE and a WDM device, saying how to fix it', () => {
    const run = win()
      .setup(...pnpStack({ widget: kmdf }), { do: 'loadDriver', driver: 'Wdm' })
      .do({ do: 'wdfSetStaticStopRemove', device: 'WidgetFdo', stoppable: true })
      .expectStatus('STATUS_INVALID_PARAMETER');
    expect(run.last.events[0]?.reason).toMatch(/stoppable false first/);
    const wdm = win()
      .setup(...pnpStack())
      .do({ do: 'wdfSetStaticStopRemove', device: 'WidgetFdo' })
      .expectStatus('STATUS_INVALID_PARAMETER');
    expect(wdm.last.events[0]?.reason).toMatch(/framework "kmdf"/);
    expect(RULES['win.kmdf.staticStopRemove.unmatched'].evidence).toBe('MODEL');
  });
});

describe('the object hierarchy', () => {
  it('puts each request under its queue and each file object under its device; cleanup is post-order', () => {
    const run = win().setup(
      ...pnpStack({ widget: kmdf }),
      { do: 'openHandle', device: 'WidgetFdo', handle: 'h1' },
      { do: 'sendIrp', handle: 'h1', irp: 'read1' },
    );
    const objects = wdfObjects(run.world, 'Widget');
    expect(objects.map((o) => `${o.type} ${o.name} < ${o.parent}`)).toEqual([
      'WDFDRIVER Widget < null',
      'WDFDEVICE WidgetFdo < Widget',
      'WDFQUEUE WidgetFdo.queue < WidgetFdo',
      'WDFREQUEST read1 < WidgetFdo.queue',
      'WDFFILEOBJECT h1 < WidgetFdo',
    ]);
    expect(cleanupOrder(objects).map((o) => o.name)).toEqual([
      'read1',
      'WidgetFdo.queue',
      'h1',
      'WidgetFdo',
      'Widget',
    ]);
    expect(wdfObjects(run.world, 'PciBus')).toEqual([]);
  });
});
