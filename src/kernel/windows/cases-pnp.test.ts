import { describe, it, expect } from 'vitest';
import { hasFlag } from './model';
import {
  CANCEL,
  QUERY,
  REMOVE,
  SURPRISE,
  devicesOf,
  driversOf,
  indexOf,
  of,
  play,
  pnp,
  pnpStack,
  step,
  types,
} from './cases.helpers';

/** shared/domain/windows.md §6, the PnP cases: 7–10, 13–16. */

describe('when a driver forgets IoUnregisterPlugPlayNotification', () => {
  it('waits after its last device is removed and runs Unload when it unregisters', () => {
    const { steps, world } = play(
      [
        ...pnpStack(),
        {
          do: 'registerNotification',
          driver: 'Widget',
          registration: 'reg1',
          category: 'deviceInterfaceChange',
        },
      ],
      [
        { do: 'requestRemove', device: 'Pdo1' },
        { do: 'unregisterNotification', registration: 'reg1' },
      ],
    );
    const [remove, unregister] = [step(steps, 0), step(steps, 1)];
    expect(remove.status).toBe('STATUS_SUCCESS');
    expect(devicesOf(remove, 'deviceDeleted')).toContain('WidgetFdo');
    expect(driversOf(remove, 'unloadPending')).toEqual(['Widget']);
    expect(types(remove)).not.toContain('unloadCalled');
    expect(of(remove, 'unloadDeferred')[0]?.blockers).toContainEqual({ kind: 'registration', name: 'reg1' });
    expect(unregister.status).toBe('STATUS_SUCCESS');
    expect(driversOf(unregister, 'unloadCalled')).toEqual(['Widget']);
    expect(driversOf(unregister, 'imageFreed')).toEqual(['Widget']);
    expect(world.drivers.get('PciBus')?.state).toBe('loaded');
  });
});

describe('when a filter/function/bus stack is removed in order', () => {
  it('queries and removes top-down, unloads filter and function drivers, and keeps the bus driver', () => {
    const { steps, world } = play(pnpStack({ filter: true }), [{ do: 'requestRemove', device: 'Pdo1' }]);
    const s = step(steps, 0);
    expect(s.status).toBe('STATUS_SUCCESS');
    expect(pnp(s, QUERY)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(pnp(s, REMOVE)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(pnp(s, CANCEL)).toEqual([]);
    const lastQuery = s.events.findLastIndex((e) => e.minor === QUERY);
    expect(lastQuery).toBeLessThan(indexOf(s, (e) => e.minor === REMOVE));
    const firstUnload = indexOf(s, (e) => e.type === 'unloadCalled');
    expect(s.events.findLastIndex((e) => e.minor === REMOVE)).toBeLessThan(firstUnload);
    expect(driversOf(s, 'unloadCalled').sort()).toEqual(['Filt', 'Widget']);
    expect(driversOf(s, 'imageFreed').sort()).toEqual(['Filt', 'Widget']);
    expect(devicesOf(s, 'deviceDeleted').sort()).toEqual(['FiltDo', 'Pdo1', 'WidgetFdo']);
    expect(driversOf(s, 'unloadPending')).not.toContain('PciBus');
    expect(world.drivers.get('PciBus')?.state).toBe('loaded');
    expect(world.devices.has('PciRoot')).toBe(true);
  });
});

describe('when a handle is open at query-remove time', () => {
  it('vetoes the removal, cancels bottom-up, and unloads nothing', () => {
    const { steps, world } = play(
      [...pnpStack({ filter: true }), { do: 'openHandle', device: 'Pdo1', handle: 'h1' }],
      [
        { do: 'requestRemove', device: 'Pdo1' },
        { do: 'openHandle', device: 'Pdo1', handle: 'h2' },
      ],
    );
    const s = step(steps, 0);
    expect(s.status).toBe('STATUS_UNSUCCESSFUL');
    expect(pnp(s, QUERY)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(types(s)).toContain('queryRemoveVetoed');
    expect(pnp(s, CANCEL)).toEqual(['Pdo1', 'WidgetFdo', 'FiltDo']);
    expect(s.events.findLastIndex((e) => e.minor === QUERY)).toBeLessThan(
      indexOf(s, (e) => e.minor === CANCEL),
    );
    expect(pnp(s, REMOVE)).toEqual([]);
    for (const t of ['unloadPending', 'unloadCalled', 'deviceDeleted', 'imageFreed'] as const) {
      expect(types(s)).not.toContain(t);
    }
    expect(world.devices.get('Pdo1')?.devnode).toBe('Started');
    for (const d of ['FiltDo', 'WidgetFdo', 'Pdo1'])
      expect(hasFlag(world.devices.get(d)!, 'REMOVE_PENDING')).toBe(false);
    // Back to Started: new opens work again.
    expect(step(steps, 1).status).toBe('STATUS_SUCCESS');
  });
});

describe('when a device is surprise-removed with a handle open', () => {
  it('sends no REMOVE until the handle closes, then removes and unloads', () => {
    const { steps, world } = play(
      [...pnpStack(), { do: 'openHandle', device: 'Pdo1', handle: 'h1' }],
      [
        { do: 'surpriseRemove', device: 'Pdo1' },
        { do: 'sendIrp', handle: 'h1', irp: 'i1' },
        { do: 'closeHandle', handle: 'h1' },
      ],
    );
    const [yank, send, close] = [step(steps, 0), step(steps, 1), step(steps, 2)];
    expect(yank.status).toBe('STATUS_SUCCESS');
    expect(pnp(yank, SURPRISE).sort()).toEqual(['Pdo1', 'WidgetFdo']);
    expect(pnp(yank, QUERY)).toEqual([]);
    expect(pnp(yank, REMOVE)).toEqual([]);
    expect(types(yank)).not.toContain('unloadCalled');
    expect(types(yank)).not.toContain('deviceDetached');
    expect(types(yank)).not.toContain('deleteRequested');
    // New I/O fails after a surprise removal.
    expect(send.status).not.toBe('STATUS_SUCCESS');
    expect(types(send)).toEqual(['refused']);
    expect(close.status).toBe('STATUS_SUCCESS');
    const t = types(close);
    expect(t.indexOf('handleClosed')).toBeLessThan(indexOf(close, (e) => e.minor === REMOVE));
    expect(pnp(close, REMOVE)).toEqual(['WidgetFdo', 'Pdo1']);
    expect(driversOf(close, 'unloadCalled')).toEqual(['Widget']);
    expect(world.drivers.get('PciBus')?.state).toBe('loaded');
  });
});

describe('when an object reference leaks', () => {
  it('runs Unload but keeps the image in memory, so a reinstall fails (Code 38)', () => {
    const { steps } = play(
      [...pnpStack(), { do: 'referenceObject', device: 'WidgetFdo', reference: 'r1' }],
      [
        { do: 'requestRemove', device: 'Pdo1' },
        { do: 'loadDriver', driver: 'Widget', model: 'pnp' },
        { do: 'dereferenceObject', reference: 'r1' },
        { do: 'loadDriver', driver: 'Widget', model: 'pnp' },
      ],
    );
    const [remove, reload, deref, reload2] = [step(steps, 0), step(steps, 1), step(steps, 2), step(steps, 3)];
    expect(remove.status).toBe('STATUS_SUCCESS');
    expect(driversOf(remove, 'unloadCalled')).toEqual(['Widget']);
    expect(driversOf(remove, 'imageRetained')).toEqual(['Widget']);
    expect(types(remove)).not.toContain('imageFreed');
    expect(reload.status).toBe('STATUS_IMAGE_ALREADY_LOADED');
    expect(types(reload)).toEqual(['refused']);
    expect(types(deref)).toEqual(expect.arrayContaining(['deviceFreed', 'imageFreed']));
    expect(types(deref)).not.toContain('unloadCalled');
    expect(reload2.status).toBe('STATUS_SUCCESS');
  });
});

describe('when a driver update meets an open handle', () => {
  it('vetoes the replacement and requires a reboot', () => {
    const { steps, world } = play(
      [...pnpStack({ filter: true }), { do: 'openHandle', device: 'Pdo1', handle: 'h1' }],
      [{ do: 'updateDriver', driver: 'Widget' }],
    );
    const s = step(steps, 0);
    expect(pnp(s, QUERY)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(pnp(s, CANCEL)).toEqual(['Pdo1', 'WidgetFdo', 'FiltDo']);
    expect(pnp(s, REMOVE)).toEqual([]);
    expect(driversOf(s, 'rebootRequired')).toEqual(['Widget']);
    for (const t of [
      'unloadPending',
      'unloadCalled',
      'imageFreed',
      'driverLoaded',
      'deviceDeleted',
    ] as const) {
      expect(types(s)).not.toContain(t);
    }
    expect(world.drivers.get('Widget')?.state).toBe('loaded');
    expect(world.drivers.get('Widget')?.generation).toBe(1);
    expect(world.drivers.get('Widget')?.rebootRequired).toBe(true);
  });
});

describe('when a PnP driver has no Unload routine', () => {
  it('is stuck once its last device is removed', () => {
    const { steps, world } = play(pnpStack({ widget: { unloadRoutine: false } }), [
      { do: 'requestRemove', device: 'Pdo1' },
      { do: 'stopDriver', driver: 'Widget' },
    ]);
    const remove = step(steps, 0);
    expect(remove.status).toBe('STATUS_SUCCESS');
    expect(pnp(remove, REMOVE)).toEqual(['WidgetFdo', 'Pdo1']);
    expect(devicesOf(remove, 'deviceDeleted')).toContain('WidgetFdo');
    expect(driversOf(remove, 'unloadNeverCalled')).toEqual(['Widget']);
    expect(types(remove)).not.toContain('unloadCalled');
    expect(types(remove)).not.toContain('imageFreed');
    expect(world.drivers.get('Widget')?.imageInMemory).toBe(true);
    expect(world.drivers.get('Widget')?.stuck).toBe(true);
    expect(step(steps, 1).status).toBe('STATUS_INVALID_DEVICE_REQUEST');
  });
});

describe('when a hybrid driver’s last FDO goes but its control device remains', () => {
  it('does not unload until the control device is deleted', () => {
    const { steps } = play(pnpStack({ widget: { controlDevice: 'WidgetCtl' } }), [
      { do: 'requestRemove', device: 'Pdo1' },
      { do: 'deleteDevice', device: 'WidgetCtl' },
    ]);
    const [remove, del] = [step(steps, 0), step(steps, 1)];
    expect(remove.status).toBe('STATUS_SUCCESS');
    expect(pnp(remove, REMOVE)).toEqual(['WidgetFdo', 'Pdo1']);
    expect(devicesOf(remove, 'deviceDeleted')).toContain('WidgetFdo');
    expect(types(remove)).not.toContain('unloadPending');
    expect(types(remove)).not.toContain('unloadCalled');
    expect(del.status).toBe('STATUS_SUCCESS');
    const t = types(del);
    expect(t.indexOf('deviceDeleted')).toBeLessThan(t.indexOf('unloadCalled'));
    expect(driversOf(del, 'unloadCalled')).toEqual(['Widget']);
    expect(driversOf(del, 'imageFreed')).toEqual(['Widget']);
  });
});
