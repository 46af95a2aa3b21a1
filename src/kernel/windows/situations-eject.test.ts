import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import { pnpStack } from './cases.helpers';

/**
 * Issue 19: ejection. WDK "IRP_MN_EJECT" (only the bus driver receives it;
 * it completes once the device is out) and "Removing a Device in a Bus
 * Driver" (the PDO is kept while the device is present, and deleted once the
 * bus driver reports it gone and the second IRP_MN_REMOVE_DEVICE comes).
 */

const win = () => kernel('windows');
const EJECT = 'IRP_MN_EJECT';
const REMOVE = 'IRP_MN_REMOVE_DEVICE';

describe('when the user ejects a device (requestRemove with eject)', () => {
  const run = win()
    .setup(...pnpStack({ filter: true }))
    .do({ do: 'requestRemove', device: 'Pdo1', eject: true })
    .expectStatus('STATUS_SUCCESS');
  const events = run.last.events;
  const pnp = events.filter((e) => e.type === 'pnpIrp');

  it('removes the stack first, keeping the PDO, then sends IRP_MN_EJECT to the bus driver only', () => {
    const ejects = pnp.filter((e) => e.minor === EJECT);
    expect(ejects.map((e) => [e.device, e.driver])).toEqual([['Pdo1', 'PciBus']]);
    const firstRemove = events.findIndex((e) => e.minor === REMOVE);
    const ejected = events.findIndex((e) => e.minor === EJECT);
    expect(firstRemove).toBeLessThan(ejected);
    // Function and filter drivers are gone (and unloaded) before the eject.
    const unloads = events.flatMap((e, i) => (e.type === 'unloadCalled' ? [i] : []));
    expect(unloads.length).toBe(2);
    for (const u of unloads) expect(u).toBeLessThan(ejected);
    expect(events[ejected]?.rule).toBe('win.pnp.eject');
  });

  it('sends the retained PDO a second REMOVE after the eject, and the bus driver deletes it', () => {
    const removes = pnp.filter((e) => e.minor === REMOVE && e.device === 'Pdo1');
    expect(removes).toHaveLength(2);
    expect(removes[1]?.rule).toBe('win.pnp.secondRemove');
    const second = events.lastIndexOf(removes[1]!);
    const deleted = events.findIndex((e) => e.type === 'deleteRequested' && e.device === 'Pdo1');
    expect(deleted).toBeGreaterThan(second);
    expect(run.world.devices.has('Pdo1')).toBe(false);
    // The bus driver keeps its own FDO, so it stays loaded.
    expect(run.world.drivers.get('PciBus')?.state).toBe('loaded');
  });
});

describe('when IRP_MN_EJECT is sent by hand', () => {
  it('is refused before the stack was removed (a marked choice)', () => {
    const run = win()
      .setup(...pnpStack())
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: EJECT })
      .expectStatus('STATUS_INVALID_DEVICE_STATE');
    expect(run.last.events[0]?.model).toBeTruthy();
    expect(run.world.devices.get('Pdo1')?.present).toBe(true);
  });

  it('ejects a retained PDO after an orderly removal of a present device', () => {
    const run = win()
      .setup(...pnpStack(), { do: 'requestRemove', device: 'Pdo1', present: true })
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: EJECT })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('deleteRequested');
    expect(run.world.devices.has('Pdo1')).toBe(false);
  });

  it('cites the WDK pages', () => {
    expect(RULES['win.pnp.eject'].source).toMatch(/irp-mn-eject/);
    expect(RULES['win.pnp.secondRemove'].source).toMatch(/removing-a-device-in-a-bus-driver/);
  });
});
