import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import { pnpStack } from './cases.helpers';

/**
 * Issue 19: a resource rebalance. WDK "Stopping a Device",
 * "IRP_MN_QUERY_STOP_DEVICE" (top first; a driver may fail it),
 * "IRP_MN_CANCEL_STOP_DEVICE" (bus driver first), "IRP_MN_STOP_DEVICE": a
 * stopped device holds its I/O until IRP_MN_START_DEVICE.
 */

const win = () => kernel('windows');
const QUERY_STOP = 'IRP_MN_QUERY_STOP_DEVICE';
const STOP = 'IRP_MN_STOP_DEVICE';
const CANCEL_STOP = 'IRP_MN_CANCEL_STOP_DEVICE';
const START = 'IRP_MN_START_DEVICE';
const visited = (events: readonly { type: string; minor?: string; device?: string }[], minor: string) =>
  events.filter((e) => e.type === 'pnpIrp' && e.minor === minor).map((e) => e.device);

describe('a rebalance: query-stop, stop, start again', () => {
  const run = win()
    .setup(
      ...pnpStack({ filter: true }),
      { do: 'openHandle', device: 'Pdo1', handle: 'h' },
      { do: 'sendIrp', handle: 'h', irp: 'before' },
    )
    .do({ do: 'pnpIrp', device: 'Pdo1', minor: QUERY_STOP })
    .expectStatus('STATUS_SUCCESS');

  it('queries top first and leaves the devnode QueryStopped', () => {
    expect(visited(run.last.events, QUERY_STOP)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('QueryStopped');
  });

  it('holds a new request, stops top first keeping every device, and refuses to finish a held request', () => {
    run.do({ do: 'sendIrp', handle: 'h', irp: 'during' }).expectStatus('STATUS_SUCCESS');
    expect(run.last.events.find((e) => e.type === 'irpPending')?.rule).toBe('win.rebalance.holdsIo');
    expect(run.world.irps.get('during')?.held).toBe(true);
    run.do({ do: 'pnpIrp', device: 'Pdo1', minor: STOP }).expectStatus('STATUS_SUCCESS');
    expect(visited(run.last.events, STOP)).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Stopped');
    expect(['FiltDo', 'WidgetFdo', 'Pdo1'].every((d) => run.world.devices.has(d))).toBe(true);
    run.do({ do: 'completeIrp', irp: 'during' }).expectStatus('STATUS_DEVICE_NOT_READY');
  });

  it('starts again bus driver first, and the held request goes on, none lost', () => {
    run.do({ do: 'pnpIrp', device: 'Pdo1', minor: START }).expectStatus('STATUS_SUCCESS');
    expect(visited(run.last.events, START)).toEqual(['Pdo1', 'WidgetFdo', 'FiltDo']);
    expect(
      run.last.events.some((e) => e.rule === 'win.rebalance.restartReleases' && e.irp === 'during'),
    ).toBe(true);
    expect([...run.world.irps.keys()].sort()).toEqual(['before', 'during']);
    run.do({ do: 'completeIrp', irp: 'during' }).expectStatus('STATUS_SUCCESS');
  });
});

describe('a driver that cannot stop', () => {
  it('fails the query-stop; the PnP manager cancels it bus driver first, and the device stays started', () => {
    const run = win()
      .setup(...pnpStack({ filter: true, widget: { vetoesQueryStop: true } }))
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: QUERY_STOP })
      .expectStatus('STATUS_UNSUCCESSFUL')
      .expectEvents('queryRemoveVetoed');
    expect(visited(run.last.events, QUERY_STOP)).toEqual(['FiltDo', 'WidgetFdo']);
    expect(visited(run.last.events, CANCEL_STOP)).toEqual(['Pdo1', 'WidgetFdo', 'FiltDo']);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Started');
  });
});

describe('stop IRPs out of order', () => {
  it('refuse a stop with no query-stop before it (a marked choice)', () => {
    const run = win()
      .setup(...pnpStack())
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: STOP })
      .expectStatus('STATUS_INVALID_DEVICE_STATE');
    expect(run.last.events[0]?.model).toBeTruthy();
  });

  it('cite the WDK pages', () => {
    expect(RULES['win.rebalance.queryTopDown'].source).toMatch(/irp-mn-query-stop-device/);
    expect(RULES['win.rebalance.cancelBottomUp'].source).toMatch(/irp-mn-cancel-stop-device/);
    expect(RULES['win.rebalance.stopTopDown'].source).toMatch(/irp-mn-stop-device/);
  });
});
