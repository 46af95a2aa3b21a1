import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';

/**
 * Issue 19: a pending IRP_MN_WAIT_WAKE during removal. WDK "IRP_MN_WAIT_WAKE"
 * (the power policy owner sends it; the bus driver keeps it pending),
 * "Canceling a Wait/Wake IRP" (only its sender cancels it, with IoCancelIrp),
 * "Removing a Device in a Function Driver" step 3 (cancel it in REMOVE) and
 * "Removing a Device in a Bus Driver" step 2 (complete what is queued).
 */

const REMOVE = 'IRP_MN_REMOVE_DEVICE';
const win = () => kernel('windows');

/** Bus driver PciBus (Pdo1) under function driver Nic (NicFdo, a remove lock) and upper filter Filt (FiltDo). */
const nic = (extra: Partial<Extract<WindowsAction, { do: 'loadDriver' }>> = {}): WindowsAction[] => [
  { do: 'loadDriver', driver: 'PciBus', model: 'pnp' },
  { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
  { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
  { do: 'loadDriver', driver: 'Nic', model: 'pnp', removeLock: true, ...extra },
  { do: 'createDevice', driver: 'Nic', device: 'NicFdo', role: 'fdo', attachTo: 'Pdo1' },
  { do: 'loadDriver', driver: 'Filt', model: 'pnp', removeLock: true },
  { do: 'createDevice', driver: 'Filt', device: 'FiltDo', role: 'filter', attachTo: 'NicFdo' },
];

describe('when the function driver arms wake-up', () => {
  const run = win()
    .setup(...nic())
    .do({ do: 'requestWaitWake', device: 'FiltDo', irp: 'wake1' })
    .expectStatus('STATUS_SUCCESS');

  it('sends IRP_MN_WAIT_WAKE from the top to the bus driver, which keeps it pending', () => {
    const irp = run.world.irps.get('wake1')!;
    expect(irp).toMatchObject({
      major: 'IRP_MJ_POWER',
      minor: 'IRP_MN_WAIT_WAKE',
      requester: 'Nic',
      handle: null,
    });
    expect(irp.path).toEqual(['NicFdo', 'Pdo1']);
    const dispatched = run.last.events.filter((e) => e.type === 'irpDispatched').map((e) => e.device);
    expect(dispatched).toEqual(['FiltDo', 'NicFdo', 'Pdo1']);
    expect(run.last.events.find((e) => e.type === 'irpPending')).toMatchObject({
      device: 'Pdo1',
      driver: 'PciBus',
      status: 'STATUS_PENDING',
      rule: 'win.power.waitWake',
    });
    // It holds the sender's remove lock, not the filter's (which passed it on without a completion routine).
    expect(run.world.devices.get('NicFdo')?.irps.has('wake1')).toBe(true);
    expect(run.world.devices.get('FiltDo')?.irps.has('wake1')).toBe(false);
  });

  it('refuses a second one on the same PDO with STATUS_DEVICE_BUSY', () => {
    win()
      .setup(...nic(), { do: 'requestWaitWake', device: 'NicFdo', irp: 'wake1' })
      .do({ do: 'requestWaitWake', device: 'NicFdo', irp: 'wake2' })
      .expectStatus('STATUS_DEVICE_BUSY');
  });

  it('refuses a legacy device (no bus driver) with STATUS_NOT_SUPPORTED', () => {
    win()
      .setup({ do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep0' })
      .do({ do: 'requestWaitWake', device: 'Beep0', irp: 'w' })
      .expectStatus('STATUS_NOT_SUPPORTED');
  });

  it('completes with the wake signal (completeIrp), releasing the lock', () => {
    const again = win().setup(...nic(), { do: 'requestWaitWake', device: 'NicFdo', irp: 'wake1' });
    again.do({ do: 'completeIrp', irp: 'wake1' }).expectEvents('irpCompleted', 'removeLockReleased');
    expect(again.world.irps.size).toBe(0);
  });
});

describe('when the device is removed with IRP_MN_WAIT_WAKE pending', () => {
  it('has the function driver cancel it in REMOVE before it waits, so the removal goes through', () => {
    const run = win()
      .setup(...nic(), { do: 'requestWaitWake', device: 'NicFdo', irp: 'wake1' })
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS')
      .expectNoEvents('removeLockWait', 'driverBug');
    const events = run.last.events;
    const toNic = events.findIndex((e) => e.minor === REMOVE && e.device === 'NicFdo');
    const cancelled = events.findIndex(
      (e) => e.type === 'irpCompleted' && e.irp === 'wake1' && e.device === 'Pdo1',
    );
    const toBus = events.findIndex((e) => e.minor === REMOVE && e.device === 'Pdo1');
    expect(cancelled).toBeGreaterThan(toNic);
    expect(toBus).toBeGreaterThan(cancelled);
    expect(events[cancelled]).toMatchObject({ status: 'STATUS_CANCELLED', rule: 'win.power.cancelOnRemove' });
    expect(run.world.devices.has('NicFdo')).toBe(false);
    expect(run.types()).toContain('unloadCalled');
  });

  it('marks a driver that forgets as a bug: its REMOVE waits on its own IRP until the device wakes', () => {
    const run = win()
      .setup(...nic({ forgetsWaitWake: true }), { do: 'requestWaitWake', device: 'NicFdo', irp: 'wake1' })
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('driverBug', 'removeLockWait');
    expect(run.last.events.find((e) => e.type === 'driverBug')).toMatchObject({
      rule: 'win.power.cancelOnRemove',
      irp: 'wake1',
      driver: 'Nic',
    });
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual([
      'FiltDo',
      'NicFdo',
    ]);
    const c = explainUnload(run.world, 'Nic').conditions.find((x) => x.id === 'noDeviceObjects');
    expect(c?.text).toMatch(/NicFdo until IRP wake1 \(pending in Pdo1, below it\)/);
    // The wake signal completes it; the REMOVE goes on to the bus driver.
    run.do({ do: 'completeIrp', irp: 'wake1' });
    expect(run.world.devices.has('NicFdo')).toBe(false);
  });

  it('has the bus driver complete it in REMOVE when the sender keeps no remove lock and forgets', () => {
    const run = win()
      .setup(...nic({ removeLock: false, forgetsWaitWake: true }), {
        do: 'requestWaitWake',
        device: 'NicFdo',
        irp: 'wake1',
      })
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectNoEvents('removeLockWait');
    const done = run.last.events.find((e) => e.type === 'irpCompleted' && e.irp === 'wake1');
    expect(done).toMatchObject({ rule: 'win.pnp.removeCompletesQueued', status: 'STATUS_NO_SUCH_DEVICE' });
  });

  it('fails it with the rest of the I/O on a surprise removal', () => {
    const run = win()
      .setup(...nic(), { do: 'requestWaitWake', device: 'NicFdo', irp: 'wake1' })
      .do({ do: 'surpriseRemove', device: 'Pdo1' });
    expect(run.world.irps.has('wake1')).toBe(false);
  });

  it('cites the WDK pages and notes the disagreement', () => {
    expect(RULES['win.power.waitWake'].source).toMatch(/irp-mn-wait-wake/);
    expect(RULES['win.power.cancelOnRemove'].source).toMatch(/removing-a-device-in-a-function-driver/);
    expect(RULES['win.power.cancelOnRemove'].note).toMatch(/IoReleaseRemoveLockAndWait/);
  });
});
