import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../events';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { legacy, pnpStack, watched } from './cases.helpers';
import { DO, doNames, hasDoFlag, removeLockCount } from './model';

/**
 * Issue 7, Windows: what a driver engineer would call wrong, the choices now
 * marked as choices, and the mechanisms that were missing. Each situation
 * cites its source.
 */

const REMOVE = 'IRP_MN_REMOVE_DEVICE';
const QUERY = 'IRP_MN_QUERY_REMOVE_DEVICE';
const CANCEL = 'IRP_MN_CANCEL_REMOVE_DEVICE';

const win = () => kernel('windows');

/** The event cites this rule and says which modelling choice decided it. */
function expectMarked(e: KernelEvent | undefined, rule: string): void {
  expect(e?.rule).toBe(rule);
  expect(e?.model).toBeTruthy();
}

describe('when an orderly removal completes', () => {
  // WDK "Handling a GUID_TARGET_DEVICE_REMOVE_COMPLETE Event": the callbacks run before IRP_MN_REMOVE_DEVICE.
  it('tells registrants REMOVE_COMPLETE before IRP_MN_REMOVE_DEVICE and before Unload', () => {
    const run = win()
      .setup(...watched())
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS');
    const events = run.last.events;
    const told = events.findIndex(
      (e) => e.type === 'notificationSent' && e.state === 'GUID_TARGET_DEVICE_REMOVE_COMPLETE',
    );
    expect(told).toBeGreaterThanOrEqual(0);
    expect(told).toBeLessThan(events.findIndex((e) => e.minor === REMOVE));
    expect(told).toBeLessThan(events.findIndex((e) => e.type === 'unloadCalled'));
    expect(events[told]?.rule).toBe('win.pnp.removeCompleteFirst');
  });

  it('says in the rule that ReactOS notifies after the IRP', () => {
    expect(RULES['win.pnp.removeCompleteFirst'].note).toMatch(/ReactOS.*IopSendRemoveDevice.*after/);
  });
});

describe('when a device is surprise-removed with an IRP pending', () => {
  // WDK "Handling an IRP_MN_SURPRISE_REMOVAL Request": fail outstanding I/O; REMOVE once the last handle closes.
  const run = win()
    .setup(
      ...pnpStack(),
      { do: 'openHandle', device: 'Pdo1', handle: 'h1' },
      { do: 'sendIrp', handle: 'h1', irp: 'i1' },
    )
    .do({ do: 'surpriseRemove', device: 'Pdo1' }, { do: 'closeHandle', handle: 'h1' });

  it('fails the pending IRP during IRP_MN_SURPRISE_REMOVAL', () => {
    const yank = run.step(0);
    const failed = yank.events.filter((e) => e.type === 'irpCompleted' && e.irp === 'i1');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.status === 'STATUS_NO_SUCH_DEVICE' && e.model)).toBe(true);
    expect(yank.world.irps.has('i1')).toBe(false);
  });

  it('sends REMOVE and runs Unload when the handle closes, without anyone completing the IRP', () => {
    const close = run.step(1);
    expect(close.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual([
      'WidgetFdo',
      'Pdo1',
    ]);
    expect(close.events.some((e) => e.type === 'unloadCalled' && e.driver === 'Widget')).toBe(true);
  });
});

describe('when DriverEntry fails and leaves its control device behind', () => {
  // "What does DO_DEVICE_INITIALIZING really do?" (WDK design guide); ReactOS IopCheckDeviceAndDriver.
  const run = win()
    .do(legacy('Bad', 'BadDev', { driverEntry: 'STATUS_UNSUCCESSFUL', driverEntryLeaksDevice: true }))
    .do({ do: 'openHandle', device: 'BadDev', handle: 'h' });

  it('keeps DO_DEVICE_INITIALIZING on it, in Flags apart from the DOE_ extension flags', () => {
    const dev = run.world.devices.get('BadDev')!;
    expect(hasDoFlag(dev, 'DEVICE_INITIALIZING')).toBe(true);
    expect(doNames(dev.doFlags)).toEqual(['DO_DEVICE_INITIALIZING']);
    expect(dev.flags).toBe(0);
  });

  it('refuses to open it, and no IRP_MJ_CREATE reaches a driver that never loaded', () => {
    run.expectStatus('STATUS_NO_SUCH_DEVICE').expectNoEvents('irpDispatched', 'handleOpened');
    expect(run.last.events[0]?.rule).toBe('win.open.initializing');
  });

  it('refuses to attach on top of it', () => {
    const attach = win()
      .setup(legacy('Up', 'UpDev'))
      .do(legacy('Bad', 'BadDev', { driverEntry: 'STATUS_UNSUCCESSFUL', driverEntryLeaksDevice: true }))
      .do({ do: 'attachDevice', device: 'UpDev', to: 'BadDev' });
    attach.expectStatus('STATUS_NO_SUCH_DEVICE');
  });
});

describe('when DriverEntry succeeds', () => {
  // Same page: the I/O manager clears DO_DEVICE_INITIALIZING on the devices DriverEntry created.
  it('clears DO_DEVICE_INITIALIZING, so the control device opens', () => {
    const run = win()
      .setup(legacy('Good', 'GoodDev'))
      .do({ do: 'openHandle', device: 'GoodDev', handle: 'h' })
      .expectStatus('STATUS_SUCCESS');
    expect(run.world.devices.get('GoodDev')!.doFlags & DO.DEVICE_INITIALIZING).toBe(0);
  });
});

describe('when a driver is stopped again after its Unload ran', () => {
  // ReactOS IopUnloadDriver: ObMakeTemporaryObject after Unload, so the name lookup fails.
  it('answers STATUS_OBJECT_NAME_NOT_FOUND, even while a leaked reference keeps the image', () => {
    const run = win()
      .setup(legacy('Beeper', 'Beep'), { do: 'referenceObject', device: 'Beep', reference: 'leak' })
      .do({ do: 'stopDriver', driver: 'Beeper' })
      .expectEvents('unloadCalled', 'imageRetained')
      .do({ do: 'stopDriver', driver: 'Beeper' })
      .expectStatus('STATUS_OBJECT_NAME_NOT_FOUND');
    expect(run.last.events[0]?.rule).toBe('win.stop.nameGone');
  });
});

describe('when a driver deletes its own device while a handle is open', () => {
  // IoDeleteDevice's page says nothing of I/O: failing it is the simulator's choice, not a surprise-removal rule.
  it('fails a new IRP on that handle as a marked modelling choice', () => {
    const run = win()
      .setup(legacy('Beeper', 'Beep'), { do: 'openHandle', device: 'Beep', handle: 'h' })
      .do({ do: 'deleteDevice', device: 'Beep' }, { do: 'sendIrp', handle: 'h', irp: 'i' })
      .expectStatus('STATUS_DELETE_PENDING');
    expectMarked(run.last.events[0], 'win.io.deletedDevice');
  });
});

describe('when a leaked reference keeps a previous image in memory', () => {
  // CM_PROB_DRIVER_FAILED_PRIOR_UNLOAD is a devnode's problem: a legacy driver has no devnode.
  const reload = (model: 'pnp' | 'legacy') => {
    const setup: WindowsAction[] =
      model === 'legacy'
        ? [
            legacy('D', 'Dev'),
            { do: 'referenceObject', device: 'Dev', reference: 'leak' },
            { do: 'stopDriver', driver: 'D' },
          ]
        : [
            ...pnpStack(),
            { do: 'referenceObject', device: 'WidgetFdo', reference: 'leak' },
            { do: 'requestRemove', device: 'Pdo1' },
          ];
    return win()
      .setup(...setup)
      .do({ do: 'loadDriver', driver: model === 'legacy' ? 'D' : 'Widget', model })
      .expectStatus('STATUS_IMAGE_ALREADY_LOADED').last.events[0];
  };
  it('names Device Manager Code 38 for a PnP driver', () => {
    expect(reload('pnp')?.reason).toMatch(/Code 38/);
  });
  it('does not for a legacy driver', () => {
    expect(reload('legacy')?.reason).not.toMatch(/Code 38/);
  });
});

describe('the choices the simulator makes where the sources differ', () => {
  it('marks the IRP_MJ_SHUTDOWN it does not send to an Unload Pending registrant', () => {
    // Seed rule 3 says no new IRPs; ReactOS's IoShutdownSystem sends it to every registered device.
    const run = win()
      .setup(
        legacy('Beeper', 'Beep'),
        { do: 'registerShutdown', device: 'Beep' },
        { do: 'openHandle', device: 'Beep', handle: 'h' },
        { do: 'stopDriver', driver: 'Beeper' },
      )
      .do({ do: 'shutdown' })
      .expectEvents('shutdownSkipped')
      .expectNoEvents('shutdownIrp');
    const skipped = run.eventsOf('shutdownSkipped')[0]!;
    expect(skipped.model).toBeDefined();
    expect(RULES[skipped.rule].note).toMatch(/ReactOS/);
  });

  it('marks IRP_MJ_CREATE reaching the devices below the top as a choice', () => {
    // WDK IRP_MJ_CREATE: the I/O manager sends it to the top of the stack; passing it down is each driver's.
    const run = win()
      .setup(...pnpStack({ filter: true }))
      .do({ do: 'openHandle', device: 'Pdo1', handle: 'h' });
    const creates = run.eventsOf('irpDispatched');
    expect(creates.map((e) => e.device)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(creates[0]?.model).toBeUndefined();
    expect(creates.slice(1).every((e) => e.rule === 'win.open.passDown' && e.model)).toBe(true);
  });

  it('marks refusing an open because of another device of the stack, not the one opened by name', () => {
    // ReactOS IopParseDevice checks the device opened by name only.
    const run = win()
      .setup(
        legacy('Low', 'LowDev'),
        { do: 'loadDriver', driver: 'Up', model: 'legacy' },
        { do: 'createDevice', driver: 'Up', device: 'UpDev', role: 'filter', attachTo: 'LowDev' },
        { do: 'openHandle', device: 'LowDev', handle: 'h' },
        { do: 'stopDriver', driver: 'Low' },
      )
      .do({ do: 'openHandle', device: 'UpDev', handle: 'h2' })
      .expectStatus('STATUS_NO_SUCH_DEVICE');
    expectMarked(run.last.events[0], 'win.open.stackPending');
  });

  it('marks answering a second IoDeleteDevice with a status (the call returns nothing)', () => {
    // WDK IoDeleteDevice: VOID; deleting twice is a driver bug.
    const run = win()
      .setup(
        legacy('B', 'Dev'),
        { do: 'openHandle', device: 'Dev', handle: 'h' },
        { do: 'deleteDevice', device: 'Dev' },
      )
      .do({ do: 'deleteDevice', device: 'Dev' })
      .expectStatus('STATUS_DELETE_PENDING')
      .expectEvents('driverBug');
    expectMarked(run.eventsOf('refused')[0], 'win.delete.twiceStatus');
  });
});

describe('when a registrant vetoes the query-remove', () => {
  // WDK "Handling a GUID_TARGET_DEVICE_QUERY_REMOVE Event": STATUS_UNSUCCESSFUL aborts the query-remove.
  const run = win()
    .setup(...watched({ vetoesQueryRemove: true }))
    .do({ do: 'requestRemove', device: 'Pdo1' })
    .expectStatus('STATUS_UNSUCCESSFUL')
    .expectEvents('queryRemoveVetoed');

  it('sends no IRP_MN_QUERY_REMOVE_DEVICE, so no cancel either, and the device stays started', () => {
    expect(run.last.events.filter((e) => e.minor === QUERY || e.minor === CANCEL)).toEqual([]);
    expect(run.eventsOf('queryRemoveVetoed')[0]).toMatchObject({
      registration: 'r',
      rule: 'win.pnp.registrantVeto',
    });
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Started');
  });

  it('keeps its handle open and tells it REMOVE_CANCELLED (a marked choice)', () => {
    expect(run.world.handles.get('w')?.state).toBe('open');
    const cancelled = run
      .eventsOf('notificationSent')
      .find((e) => e.state === 'GUID_TARGET_DEVICE_REMOVE_CANCELLED');
    expectMarked(cancelled, 'win.pnp.vetoCancelled');
  });
});

describe('when a registrant keeps its handle open on a query-remove', () => {
  // Same page: if handles remain open the PnP manager cannot remove the device and aborts.
  it('makes the query fail on the open handle, then cancels bottom-up', () => {
    const run = win()
      .setup(...watched({ keepsHandleOpen: true }))
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    expect(run.eventsOf('queryRemoveVetoed')[0]).toMatchObject({ rule: 'win.pnp.queryOpenHandles' });
    expect(run.last.events.filter((e) => e.minor === CANCEL).map((e) => e.device)).toEqual([
      'Pdo1',
      'WidgetFdo',
    ]);
    expect(run.world.handles.get('w')?.state).toBe('open');
  });
});

describe('when a registrant re-registers after REMOVE_CANCELLED', () => {
  // WDK "Handling a GUID_TARGET_DEVICE_REMOVE_CANCELLED Event": unregister, open a new handle, register again.
  const run = win()
    .setup(...watched({ reregisters: true }), { do: 'openHandle', device: 'Pdo1', handle: 'app' })
    .do({ do: 'requestRemove', device: 'Pdo1' })
    .expectStatus('STATUS_UNSUCCESSFUL');

  it('closes its handle on the query, then reopens it and registers again after the cancel', () => {
    const types = run.last.events.map(
      (e) => `${e.type}${e.state ? `:${e.state}` : ''}${e.handle ? `:${e.handle}` : ''}`,
    );
    const at = (t: string) => types.indexOf(t);
    expect(at('handleClosed:w')).toBeGreaterThan(-1);
    const cancelled = at('notificationSent:GUID_TARGET_DEVICE_REMOVE_CANCELLED:w');
    expect(cancelled).toBeGreaterThan(at('handleClosed:w'));
    expect(at('notificationUnregistered')).toBeGreaterThan(cancelled);
    expect(at('handleOpened:w')).toBeGreaterThan(at('notificationUnregistered'));
    expect(types.findIndex((t) => t.startsWith('notificationRegistered'))).toBeGreaterThan(
      at('handleOpened:w'),
    );
    expect(run.world.handles.get('w')?.state).toBe('open');
  });

  it('is told of the next removal again, and closes its new handle then', () => {
    run
      .do({ do: 'closeHandle', handle: 'app' }, { do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS');
    expect(run.eventsOf('notificationSent').map((e) => e.state)).toEqual([
      'GUID_TARGET_DEVICE_QUERY_REMOVE',
      'GUID_TARGET_DEVICE_REMOVE_COMPLETE',
    ]);
    expect(run.world.handles.has('w')).toBe(false);
  });
});

describe('when a driver holds its remove lock as IRP_MN_REMOVE_DEVICE arrives', () => {
  // WDK "Removing a Device in a Function Driver": the driver waits for its outstanding work (step 4)
  // before it passes REMOVE down (step 8); "Using Remove Locks" places the wait after passing it down,
  // a contradiction win.removeLock.wait notes (issue 19). Later acquisitions fail (IoAcquireRemoveLock:
  // STATUS_DELETE_PENDING).
  const run = win()
    .setup(...pnpStack({ widget: { removeLock: true } }), {
      do: 'acquireRemoveLock',
      device: 'WidgetFdo',
      tag: 'timer',
    })
    .do({ do: 'requestRemove', device: 'Pdo1' })
    .expectStatus('STATUS_SUCCESS')
    .expectEvents('removeLockWait')
    .expectNoEvents('unloadCalled');

  it('waits before passing REMOVE down, so the bus driver has not seen it yet', () => {
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['WidgetFdo']);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('QueryRemoved');
    const fdo = run.world.devices.get('WidgetFdo')!;
    expect(fdo.removeLock).toMatchObject({ removed: true, waiting: true });
    expect(removeLockCount(fdo)).toBe(1);
    expect(fdo.attachedTo).toBe('Pdo1');
    expect(
      explainUnload(run.world, 'Widget').conditions.find((c) => c.id === 'noDeviceObjects')?.text,
    ).toMatch(/IoReleaseRemoveLockAndWait on WidgetFdo until tag timer/);
  });

  it('refuses a new acquisition with STATUS_DELETE_PENDING', () => {
    const again = win().setup(
      ...pnpStack({ widget: { removeLock: true } }),
      { do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' },
      { do: 'requestRemove', device: 'Pdo1' },
    );
    again
      .do({ do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'dpc' })
      .expectStatus('STATUS_DELETE_PENDING');
  });

  it('finishes the removal and unloads the driver when the last acquisition is released', () => {
    run
      .do({ do: 'releaseRemoveLock', device: 'WidgetFdo', tag: 'timer' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('removeLockReleased', 'pnpIrp', 'deviceDetached', 'deleteRequested', 'unloadCalled');
    const events = run.last.events;
    const toBus = events.findIndex((e) => e.minor === REMOVE && e.device === 'Pdo1');
    const detached = events.findIndex((e) => e.type === 'deviceDetached' && e.device === 'WidgetFdo');
    expect(toBus).toBeGreaterThan(events.findIndex((e) => e.type === 'removeLockReleased'));
    expect(detached).toBeGreaterThan(toBus);
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
  });
});

// A REMOVE reaching a stack with a read queued in the function driver: situations-round3.test.ts.
