import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { kernel } from '../../testing';
import type { WindowsAction } from '../actions';

/**
 * Issue 19: the framework's remove lock (WdfDeviceInitSetRemoveLockOptions).
 * "By default, the framework acquires a remove lock before it delivers IRPs
 * of the following major types to the driver: IRP_MJ_PNP, IRP_MJ_POWER,
 * IRP_MJ_SYSTEM_CONTROL"; with WDF_REMOVE_LOCK_OPTION_ACQUIRE_FOR_IO it
 * acquires it before delivering any IRP, and on removal "the framework calls
 * IoReleaseRemoveLockAndWait", which waits for the requests holding it.
 */

const win = () => kernel('windows');
const REMOVE = 'IRP_MN_REMOVE_DEVICE';

/** Bus driver PciBus (Pdo1) under a KMDF function driver Widget (WidgetFdo). */
const stack = (acquireForIo: boolean): WindowsAction[] => [
  { do: 'loadDriver', driver: 'PciBus', model: 'pnp' },
  { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
  { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
  { do: 'loadDriver', driver: 'Widget', model: 'pnp', framework: 'kmdf', removeLock: acquireForIo },
  { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo', role: 'fdo', attachTo: 'Pdo1' },
  { do: 'openHandle', device: 'WidgetFdo', handle: 'h' },
  { do: 'sendIrp', handle: 'h', irp: 'read1', pendsIn: 'Pdo1' },
];

describe('a KMDF driver that asked the framework to take its remove lock for I/O', () => {
  it('has the framework acquire its lock for the read it delivers, and the REMOVE wait for it', () => {
    const all = stack(true);
    const run = win()
      .setup(...all.slice(0, -1))
      .do(all[all.length - 1]!);
    const acquired = run.allOf('removeLockAcquired');
    expect(acquired.some((e) => e.device === 'WidgetFdo' && e.rule === 'win.kmdf.removeLock')).toBe(true);
    run.do({ do: 'pnpIrp', device: 'Pdo1', minor: REMOVE }).expectEvents('removeLockWait');
    const wait = run.last.events.find((e) => e.type === 'removeLockWait');
    expect(wait).toMatchObject({
      device: 'WidgetFdo',
      rule: 'win.kmdf.removeLock',
      blockers: [{ kind: 'irp', name: 'read1' }],
    });
    // The PDO has not had the REMOVE yet, and the framework has not deleted the device.
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['WidgetFdo']);
    expect(run.world.devices.get('WidgetFdo')?.unlinked).toBeFalsy();
    run.do({ do: 'completeIrp', irp: 'read1' }).expectStatus('STATUS_SUCCESS');
    const done = run.last.events;
    expect(done.find((e) => e.type === 'removeLockReleased')).toMatchObject({ rule: 'win.kmdf.removeLock' });
    expect(done.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['Pdo1']);
    // Then the framework deletes the device for the driver (the open handle keeps the object until it closes).
    expect(done.some((e) => e.type === 'deleteRequested' && e.device === 'WidgetFdo')).toBe(true);
    expect(RULES['win.kmdf.removeLock'].source).toMatch(/wdfdeviceinitsetremovelockoptions/);
  });

  it('refuses IoAcquireRemoveLock by the driver itself: the lock is the framework’s', () => {
    win()
      .setup(...stack(true))
      .do({ do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' })
      .expectStatus('STATUS_INVALID_DEVICE_REQUEST');
    expect(RULES['win.kmdf.removeLockNotExposed'].evidence).toBe('MODEL');
  });
});

describe('a KMDF driver with the default remove-lock options', () => {
  it('holds no lock for the read: the REMOVE does not wait for it', () => {
    const run = win()
      .setup(...stack(false))
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: REMOVE })
      .expectNoEvents('removeLockWait');
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual([
      'WidgetFdo',
      'Pdo1',
    ]);
  });
});
