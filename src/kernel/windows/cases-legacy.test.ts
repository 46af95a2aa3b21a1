import { describe, it, expect } from 'vitest';
import { hasFlag } from './model';
import { devicesOf, driversOf, legacy, of, play, pnpStack, step, types } from './cases.helpers';

/** shared/domain/windows.md §6, the legacy and system-wide cases: 1–6, 11, 12. */

describe('when a legacy driver with no open handles is stopped', () => {
  it('runs Unload at once and deletes its control device and symbolic link', () => {
    const { steps, world } = play(
      [legacy('Beeper', 'Beep')],
      [
        { do: 'stopDriver', driver: 'Beeper' },
        { do: 'openHandle', device: 'Beep', handle: 'h1' },
      ],
    );
    const stop = step(steps, 0);
    expect(stop.status).toBe('STATUS_SUCCESS');
    const t = types(stop);
    expect(t).toEqual(
      expect.arrayContaining(['unloadPending', 'unloadCalled', 'deviceDeleted', 'imageFreed']),
    );
    expect(t).not.toContain('unloadDeferred');
    expect(t.indexOf('unloadPending')).toBeLessThan(t.indexOf('unloadCalled'));
    expect(t.indexOf('unloadCalled')).toBeLessThan(t.indexOf('deviceDeleted'));
    expect(t.indexOf('deviceDeleted')).toBeLessThan(t.indexOf('imageFreed'));
    expect(driversOf(stop, 'unloadCalled')).toEqual(['Beeper']);
    expect(devicesOf(stop, 'deviceDeleted')).toEqual(['Beep']);
    expect(world.devices.has('Beep')).toBe(false);
    expect(world.drivers.get('Beeper')?.imageInMemory).toBe(false);
    // The name (and its \DosDevices link) is gone.
    expect(step(steps, 1).status).toBe('STATUS_OBJECT_NAME_NOT_FOUND');
  });
});

describe('when a driver has no Unload routine', () => {
  it('refuses sc stop with STATUS_INVALID_DEVICE_REQUEST and changes nothing', () => {
    const { steps } = play(
      [legacy('Beeper', 'Beep', { unloadRoutine: false })],
      [
        { do: 'stopDriver', driver: 'Beeper' },
        { do: 'openHandle', device: 'Beep', handle: 'h1' },
      ],
    );
    const stop = step(steps, 0);
    expect(stop.status).toBe('STATUS_INVALID_DEVICE_REQUEST');
    expect(types(stop)).toEqual(['refused']);
    expect(stop.events[0]?.status).toBe('STATUS_INVALID_DEVICE_REQUEST');
    expect(stop.world).toBe(stop.before);
    expect(stop.world.drivers.get('Beeper')?.state).toBe('loaded');
    expect(hasFlag(stop.world.devices.get('Beep')!, 'UNLOAD_PENDING')).toBe(false);
    expect(step(steps, 1).status).toBe('STATUS_SUCCESS');
  });
});

describe('when a handle is still open at stop time', () => {
  it('defers Unload, refuses new opens, and runs Unload when the handle closes', () => {
    const { steps } = play(
      [legacy('Beeper', 'Beep'), { do: 'openHandle', device: 'Beep', handle: 'h1' }],
      [
        { do: 'stopDriver', driver: 'Beeper' },
        { do: 'openHandle', device: 'Beep', handle: 'h2' },
        { do: 'closeHandle', handle: 'h1' },
      ],
    );
    const [stop, open2, close] = [step(steps, 0), step(steps, 1), step(steps, 2)];
    expect(stop.status).toBe('STATUS_SUCCESS');
    expect(types(stop)).toEqual(expect.arrayContaining(['unloadPending', 'unloadDeferred']));
    expect(types(stop)).not.toContain('unloadCalled');
    expect(of(stop, 'unloadDeferred')[0]?.blockers).toContainEqual({ kind: 'handle', name: 'h1' });
    expect(open2.status).toBe('STATUS_NO_SUCH_DEVICE');
    expect(of(open2, 'refused')[0]?.status).toBe('STATUS_NO_SUCH_DEVICE');
    expect(types(open2)).not.toContain('handleOpened');
    expect(close.status).toBe('STATUS_SUCCESS');
    expect(driversOf(close, 'unloadCalled')).toEqual(['Beeper']);
    expect(driversOf(close, 'imageFreed')).toEqual(['Beeper']);

    // Option: a deferred stop may instead answer STATUS_INVALID_DEVICE_REQUEST.
    const alt = play(
      [legacy('Beeper', 'Beep'), { do: 'openHandle', device: 'Beep', handle: 'h1' }],
      [{ do: 'stopDriver', driver: 'Beeper' }],
      { deferredStopStatus: 'STATUS_INVALID_DEVICE_REQUEST' },
    );
    expect(step(alt.steps, 0).status).toBe('STATUS_INVALID_DEVICE_REQUEST');
    expect(types(step(alt.steps, 0))).toContain('unloadDeferred');
  });
});

describe('when an IRP is outstanding at stop time', () => {
  it('lets the driver complete it, refuses new IRPs, and runs Unload after the completion', () => {
    // A driver that forgets to cancel the read in IRP_MJ_CLEANUP (a rule-following one would: see
    // situations-cleanup.test.ts), so the read outlives the handle.
    const { steps } = play(
      [
        legacy('Beeper', 'Beep', { forgetsCleanup: true }),
        { do: 'openHandle', device: 'Beep', handle: 'h1' },
        { do: 'sendIrp', handle: 'h1', irp: 'i1' },
      ],
      [
        { do: 'stopDriver', driver: 'Beeper' },
        { do: 'sendIrp', handle: 'h1', irp: 'i2' },
        { do: 'closeHandle', handle: 'h1' },
        { do: 'completeIrp', irp: 'i1' },
      ],
    );
    const [stop, send2, close, complete] = [step(steps, 0), step(steps, 1), step(steps, 2), step(steps, 3)];
    expect(stop.status).toBe('STATUS_SUCCESS');
    expect(types(stop)).toContain('unloadDeferred');
    expect(of(stop, 'unloadDeferred')[0]?.blockers).toContainEqual({ kind: 'irp', name: 'i1' });
    expect(send2.status).toBe('STATUS_DELETE_PENDING');
    expect(types(send2)).toEqual(['refused']);
    // Closing the handle is allowed, but the pending IRP still holds the file object.
    expect(close.status).toBe('STATUS_SUCCESS');
    expect(types(close)).not.toContain('unloadCalled');
    expect(complete.status).toBe('STATUS_SUCCESS');
    const t = types(complete);
    expect(t).toContain('irpCompleted');
    expect(t.indexOf('irpCompleted')).toBeLessThan(t.indexOf('unloadCalled'));
    expect(driversOf(complete, 'unloadCalled')).toEqual(['Beeper']);
    expect(driversOf(complete, 'imageFreed')).toEqual(['Beeper']);
  });
});

describe('when a filter is still attached', () => {
  it('defers the lower driver’s Unload until the filter detaches', () => {
    const { steps } = play(
      [
        legacy('Lower', 'LowerDev'),
        { do: 'loadDriver', driver: 'Upper', model: 'legacy' },
        { do: 'createDevice', driver: 'Upper', device: 'UpperFlt', role: 'filter', attachTo: 'LowerDev' },
      ],
      [
        { do: 'stopDriver', driver: 'Lower' },
        { do: 'detachDevice', device: 'UpperFlt' },
      ],
    );
    const [stop, detach] = [step(steps, 0), step(steps, 1)];
    expect(stop.status).toBe('STATUS_SUCCESS');
    expect(types(stop)).toContain('unloadDeferred');
    expect(types(stop)).not.toContain('unloadCalled');
    expect(of(stop, 'unloadDeferred')[0]?.blockers).toContainEqual({ kind: 'device', name: 'UpperFlt' });
    expect(detach.status).toBe('STATUS_SUCCESS');
    const t = types(detach);
    expect(t.indexOf('deviceDetached')).toBeLessThan(t.indexOf('unloadCalled'));
    expect(driversOf(detach, 'unloadCalled')).toEqual(['Lower']);
    expect(driversOf(detach, 'imageFreed')).toEqual(['Lower']);
  });
});

describe('when a driver tries to attach to an unload-pending device', () => {
  it('refuses the attachment', () => {
    const { steps } = play(
      [
        legacy('Lower', 'LowerDev'),
        { do: 'openHandle', device: 'LowerDev', handle: 'h1' },
        { do: 'stopDriver', driver: 'Lower' },
        { do: 'loadDriver', driver: 'Upper', model: 'legacy', controlDevice: 'UpperDev' },
      ],
      [
        { do: 'createDevice', driver: 'Upper', device: 'UpperFlt', role: 'filter', attachTo: 'LowerDev' },
        { do: 'attachDevice', device: 'UpperDev', to: 'LowerDev' },
      ],
    );
    for (const s of steps) {
      expect(s.status).toBe('STATUS_NO_SUCH_DEVICE');
      expect(types(s)).toContain('refused');
      expect(types(s)).not.toContain('deviceAttached');
    }
  });
});

describe('when DriverEntry fails', () => {
  it('never calls Unload and frees the image', () => {
    const { steps, world } = play(
      [],
      [
        legacy('Bad', 'BadDev', { driverEntry: 'STATUS_INSUFFICIENT_RESOURCES' }),
        { do: 'stopDriver', driver: 'Bad' },
      ],
    );
    const [load, stop] = [step(steps, 0), step(steps, 1)];
    expect(load.status).toBe('STATUS_INSUFFICIENT_RESOURCES');
    expect(types(load)).toEqual(expect.arrayContaining(['driverEntryFailed', 'imageFreed']));
    for (const t of ['unloadCalled', 'unloadPending', 'driverLoaded', 'deviceCreated'] as const) {
      expect(types(load)).not.toContain(t);
    }
    expect(world.devices.has('BadDev')).toBe(false);
    expect(world.drivers.get('Bad')?.imageInMemory).toBe(false);
    expect(stop.status).toBe('STATUS_OBJECT_NAME_NOT_FOUND');
    expect(types(stop)).not.toContain('unloadCalled');
  });
});

describe('when the system shuts down', () => {
  it('sends IRP_MJ_SHUTDOWN to registrants, normal before last-chance, and calls no Unload', () => {
    const { steps } = play(
      [
        legacy('Late', 'LateDev'),
        legacy('Early', 'EarlyDev'),
        { do: 'registerShutdown', device: 'LateDev', lastChance: true },
        { do: 'registerShutdown', device: 'EarlyDev' },
        ...pnpStack(),
        { do: 'openHandle', device: 'Pdo1', handle: 'h1' },
      ],
      [{ do: 'shutdown' }, { do: 'stopDriver', driver: 'Early' }],
    );
    const s = step(steps, 0);
    expect(s.status).toBe('STATUS_SUCCESS');
    expect(devicesOf(s, 'shutdownIrp')).toEqual(['EarlyDev', 'LateDev']);
    const t = types(s);
    expect(t.indexOf('shutdownIrp')).toBeLessThan(t.indexOf('fileSystemFlush'));
    expect(t.lastIndexOf('shutdownIrp')).toBeGreaterThan(t.indexOf('fileSystemFlush'));
    for (const e of of(s, 'shutdownIrp')) expect(e.major).toBe('IRP_MJ_SHUTDOWN');
    for (const x of steps) {
      for (const never of ['unloadPending', 'unloadCalled', 'imageFreed', 'pnpIrp'] as const) {
        expect(types(x)).not.toContain(never);
      }
    }
  });
});
