import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';

/**
 * Issue 19: IRP_MN_START_DEVICE. WDK "IRP_MN_START_DEVICE" (the parent bus
 * driver first, then each driver above it) and "IRP_MN_REMOVE_DEVICE" (the PnP
 * manager sends a remove if a driver fails the start).
 */

const START = 'IRP_MN_START_DEVICE';
const win = () => kernel('windows');

/** A bus driver, a PDO waiting to start, and Widget's FDO on it (Widget fails the start when asked). */
function unstarted(widget: Partial<Extract<WindowsAction, { do: 'loadDriver' }>> = {}): WindowsAction[] {
  return [
    { do: 'loadDriver', driver: 'PciBus' },
    { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
    { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo', started: false },
    { do: 'loadDriver', driver: 'Widget', ...widget },
    { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo', role: 'fdo', attachTo: 'Pdo1' },
  ];
}

describe('a device waiting for IRP_MN_START_DEVICE', () => {
  it('refuses opens until it is started (a marked choice)', () => {
    const run = win()
      .setup(...unstarted())
      .do({ do: 'openHandle', device: 'WidgetFdo', handle: 'h' })
      .expectStatus('STATUS_NO_SUCH_DEVICE');
    expect(run.last.events[0]?.rule).toBe('win.start.opensAfterStart');
    expect(run.last.events[0]?.model).toBeTruthy();
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('DriversAdded');
  });

  it('starts bottom-up, the bus driver first, and then opens', () => {
    const run = win()
      .setup(...unstarted())
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: START })
      .expectStatus('STATUS_SUCCESS');
    const visited = run.last.events.filter((e) => e.minor === START).map((e) => e.device);
    expect(visited).toEqual(['Pdo1', 'WidgetFdo']);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Started');
    run.do({ do: 'openHandle', device: 'WidgetFdo', handle: 'h' }).expectStatus('STATUS_SUCCESS');
    run.do({ do: 'pnpIrp', device: 'Pdo1', minor: START }).expectStatus('STATUS_INVALID_DEVICE_STATE');
  });
});

describe('when the function driver fails IRP_MN_START_DEVICE', () => {
  const run = win()
    .setup(...unstarted({ startFails: 'STATUS_DEVICE_NOT_READY' }))
    .do({ do: 'pnpIrp', device: 'Pdo1', minor: START })
    .expectStatus('STATUS_DEVICE_NOT_READY');
  const events = run.last.events;

  it('sends IRP_MN_REMOVE_DEVICE with no query, and the driver left with no device unloads', () => {
    const failed = events.findIndex((e) => e.minor === START && e.status === 'STATUS_DEVICE_NOT_READY');
    const remove = events.findIndex((e) => e.minor === 'IRP_MN_REMOVE_DEVICE');
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(remove).toBeGreaterThan(failed);
    expect(events[remove]?.rule).toBe('win.start.removeAfterFail');
    expect(events.some((e) => e.minor === 'IRP_MN_QUERY_REMOVE_DEVICE')).toBe(false);
    expect(events.filter((e) => e.type === 'unloadCalled').map((e) => e.driver)).toEqual(['Widget']);
  });

  it('keeps the PDO of the device still present, removed, and the bus driver loaded', () => {
    const pdo = run.world.devices.get('Pdo1');
    expect(pdo?.devnode).toBe('Removed');
    expect(run.world.drivers.get('PciBus')?.state).toBe('loaded');
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
  });

  it('cites the WDK pages', () => {
    expect(RULES['win.start.bottomUp'].source).toMatch(/irp-mn-start-device/);
    expect(RULES['win.start.removeAfterFail'].source).toMatch(/irp-mn-remove-device/);
  });
});
