import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { hasFlag } from './model';

/**
 * Issue 19 (third round): the order of IRP_MN_REMOVE_DEVICE through a stack.
 * WDK "Removing a Device in a Function Driver": a driver makes its device
 * inactive, waiting for its outstanding I/O (step 4, with the remove lock),
 * before it passes the IRP down (step 8, IoCallDriver); "Removing a Device in
 * a Bus Driver": the bus driver, last, keeps or deletes the PDO.
 */

const REMOVE = 'IRP_MN_REMOVE_DEVICE';
const win = () => kernel('windows');

/** Bus driver PciBus (Pdo1), function driver Widget (WidgetFdo), upper filter Filt (FiltDo); both above keep a remove lock. */
const lockedStack = (): WindowsAction[] => [
  { do: 'loadDriver', driver: 'PciBus', model: 'pnp' },
  { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
  { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
  { do: 'loadDriver', driver: 'Widget', model: 'pnp', removeLock: true },
  { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo', role: 'fdo', attachTo: 'Pdo1' },
  { do: 'loadDriver', driver: 'Filt', model: 'pnp', removeLock: true },
  { do: 'createDevice', driver: 'Filt', device: 'FiltDo', role: 'filter', attachTo: 'WidgetFdo' },
];

describe('when an upper driver still holds its remove lock as its device is surprise-removed', () => {
  // The hardware is gone, so the bus driver will delete the PDO: but only once the IRP reaches it,
  // after every driver above has finished its IoReleaseRemoveLockAndWait.
  const run = win()
    .setup(...lockedStack(), { do: 'acquireRemoveLock', device: 'FiltDo', tag: 'dpc' })
    .do({ do: 'surpriseRemove', device: 'Pdo1' })
    .expectEvents('removeLockWait');

  it('holds the REMOVE at the filter: neither the function driver nor the bus driver has it yet', () => {
    const removes = run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device);
    expect(removes).toEqual(['FiltDo']);
    const pdo = run.world.devices.get('Pdo1')!;
    expect(hasFlag(pdo, 'DELETE_PENDING')).toBe(false);
    expect(run.world.devices.get('WidgetFdo')?.removeLock?.removed).toBe(false);
    expect(run.world.devices.get('FiltDo')?.removeLock).toMatchObject({ removed: true, waiting: true });
  });

  it('passes it down on the last release: function driver, then bus driver, then detach and delete bottom-up', () => {
    const step = run.do({ do: 'releaseRemoveLock', device: 'FiltDo', tag: 'dpc' }).last;
    const at = (pred: (e: (typeof step.events)[number]) => boolean) => step.events.findIndex(pred);
    const released = at((e) => e.type === 'removeLockReleased' && e.device === 'FiltDo');
    const toFdo = at((e) => e.minor === REMOVE && e.device === 'WidgetFdo');
    const toBus = at((e) => e.minor === REMOVE && e.device === 'Pdo1');
    const pdoGone = at((e) => e.type === 'deleteRequested' && e.device === 'Pdo1');
    const fdoDetached = at((e) => e.type === 'deviceDetached' && e.device === 'WidgetFdo');
    const filtDetached = at((e) => e.type === 'deviceDetached' && e.device === 'FiltDo');
    expect(released).toBeGreaterThanOrEqual(0);
    expect(toFdo).toBeGreaterThan(released);
    expect(toBus).toBeGreaterThan(toFdo);
    expect(pdoGone).toBeGreaterThan(toBus);
    expect(fdoDetached).toBeGreaterThan(pdoGone);
    expect(filtDetached).toBeGreaterThan(fdoDetached);
    expect(run.world.devices.size).toBe(1); // PciRoot
  });

  it('cites the function-driver page and notes where “Using Remove Locks” disagrees', () => {
    expect(RULES['win.removeLock.wait'].source).toMatch(/removing-a-device-in-a-function-driver/);
    expect(RULES['win.removeLock.wait'].note).toMatch(/Using Remove Locks/);
  });
});

describe('when the function driver waits on its remove lock in an orderly removal', () => {
  it('leaves the PDO untouched (still QueryRemoved, REMOVE not received) until the wait ends', () => {
    const run = win()
      .setup(...lockedStack(), { do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' })
      .do({ do: 'requestRemove', device: 'Pdo1', present: true })
      .expectEvents('removeLockWait');
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual([
      'FiltDo',
      'WidgetFdo',
    ]);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('QueryRemoved');
    run.do({ do: 'releaseRemoveLock', device: 'WidgetFdo', tag: 'timer' }).expectEvents('devnodeState');
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Removed');
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
  });
});
