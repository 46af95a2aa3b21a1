import { describe, expect, it } from 'vitest';
import { kernel } from '../../testing';
import type { WindowsAction } from '../actions';
import { pnpStack } from '../cases.helpers';

/**
 * Issue 19: KMDF's EvtDestroyCallback at reference zero. WDK
 * "EVT_WDF_OBJECT_CONTEXT_DESTROY": the framework calls EvtCleanupCallback
 * when it deletes the object and EvtDestroyCallback after the object's
 * reference count reaches zero, so a WdfObjectReference the driver still
 * holds puts the destroy callback off, past the removal.
 */

const win = () => kernel('windows');
const kmdfStack = (): WindowsAction[] => pnpStack({ widget: { framework: 'kmdf' } });

const callbacks = (
  events: readonly { type: string; state?: string; wdfObject?: string; reason?: string }[],
) =>
  events
    .filter((e) => e.type === 'wdfCallback' && e.wdfObject === 'WDFDEVICE WidgetFdo')
    .map((e) => `${e.state}${e.reason?.startsWith('put off') ? ' (put off)' : ''}`);

describe('when a KMDF driver holds a reference on its WDFDEVICE at a removal', () => {
  it('cleans the device up at the removal but destroys it only at the last dereference', () => {
    // A second device keeps the driver loaded past the removal (unloading with the reference held: below).
    const run = win()
      .setup(
        ...kmdfStack(),
        { do: 'createDevice', driver: 'PciBus', device: 'Pdo2', role: 'pdo' },
        { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo2', role: 'fdo', attachTo: 'Pdo2' },
        { do: 'wdfObjectReference', device: 'WidgetFdo', tag: 'dpc' },
      )
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS');
    expect(callbacks(run.last.events)).toEqual([
      'EvtDeviceSelfManagedIoCleanup',
      'EvtCleanupCallback',
      'EvtDestroyCallback (put off)',
    ]);
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
    run.do({ do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 'dpc' }).expectStatus('STATUS_SUCCESS');
    expect(callbacks(run.last.events)).toEqual(['WdfObjectDereferenceWithTag', 'EvtDestroyCallback']);
    expect(run.last.events.at(-1)).toMatchObject({
      rule: 'win.kmdf.destroyAtZero',
      state: 'EvtDestroyCallback',
    });
  });

  it('destroys it right after cleanup when no reference is held (the usual case)', () => {
    const run = win()
      .setup(...kmdfStack())
      .do({ do: 'requestRemove', device: 'Pdo1' });
    expect(callbacks(run.last.events)).toEqual([
      'EvtDeviceSelfManagedIoCleanup',
      'EvtCleanupCallback',
      'EvtDestroyCallback',
    ]);
  });

  it('runs no destroy callback on a dereference while the device is still there', () => {
    const run = win()
      .setup(...kmdfStack(), { do: 'wdfObjectReference', device: 'WidgetFdo', tag: 'dpc' })
      .do({ do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 'dpc' })
      .expectStatus('STATUS_SUCCESS');
    expect(callbacks(run.last.events)).toEqual(['WdfObjectDereferenceWithTag']);
  });

  it('refuses a reference on a WDM driver’s device, and a dereference nobody holds', () => {
    win()
      .setup(...pnpStack())
      .do({ do: 'wdfObjectReference', device: 'WidgetFdo', tag: 't' })
      .expectStatus('STATUS_INVALID_PARAMETER');
    win()
      .setup(...kmdfStack())
      .do({ do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 't' })
      .expectStatus('STATUS_INVALID_PARAMETER');
  });
});

/**
 * Issue 19: a KMDF driver unloading while it still holds a WDFDEVICE
 * reference (win.kmdf.refLeakedAtUnload, win.kmdf.verifierLeakAtUnload,
 * both marked choices). EVT_WDF_OBJECT_CONTEXT_DESTROY runs only at
 * reference zero, and once the image is gone nothing can drop the reference:
 * the destroy callback never runs (before, it ran at a later dereference, in
 * a freed image). The framework's source (FxPoolDestroy → FxPoolDump →
 * FxVerifierDbgBreakPoint) reports the leak under its verifier, which Driver
 * Verifier turns on (WdfVerifierDbgBreakPoint); a kernel break with no
 * debugger attached stops the system.
 */
describe('when a KMDF driver unloads still holding a reference on its WDFDEVICE', () => {
  const held = (opts: Partial<WindowsAction> = {}) =>
    win()
      .setup(...pnpStack({ widget: { framework: 'kmdf', ...opts } }), {
        do: 'wdfObjectReference',
        device: 'WidgetFdo',
        tag: 'dpc',
      })
      .do({ do: 'requestRemove', device: 'Pdo1' });

  it('never runs the destroy callback: the image goes, the object stays', () => {
    const run = held().expectStatus('STATUS_SUCCESS');
    const types = run.last.events.map((e) => e.type);
    expect(types).toContain('unloadCalled');
    const leak = run.last.events.filter((e) => e.rule === 'win.kmdf.refLeakedAtUnload');
    expect(leak).toHaveLength(1);
    expect(leak[0]).toMatchObject({ type: 'driverBug', driver: 'Widget', device: 'WidgetFdo', tag: 'dpc' });
    // The leak is told before the image goes, and the destroy callback only ever "put off".
    expect(types.indexOf('driverBug')).toBeLessThan(types.indexOf('imageFreed'));
    expect(callbacks(run.last.events)).toEqual([
      'EvtDeviceSelfManagedIoCleanup',
      'EvtCleanupCallback',
      'EvtDestroyCallback (put off)',
    ]);
    expect(run.world.drivers.get('Widget')?.wdfRefs ?? []).toEqual([]);
    expect(run.world.drivers.get('Widget')?.imageInMemory).toBe(false);
    // The code that would dereference is gone: the call is refused, and no destroy callback runs.
    run
      .do({ do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 'dpc' })
      .expectStatus('STATUS_INVALID_PARAMETER');
    expect(run.last.events.some((e) => e.state === 'EvtDestroyCallback')).toBe(false);
  });

  it('with Driver Verifier, KMDF Verifier breaks in at the unload and, with no debugger, the system stops', () => {
    const run = held({ verifier: true, leaksPool: true }).expectStatus('STATUS_SUCCESS');
    // The framework's check runs inside its DriverUnload, before Driver Verifier's pool check (0xC4).
    expect(run.world.bugCheck).toMatchObject({
      code: '0x0000001E',
      name: 'KMODE_EXCEPTION_NOT_HANDLED',
      parameter1: '0x80000003',
      driver: 'Widget',
    });
    expect(run.world.bugCheck?.reason).toContain('WDFDEVICE WidgetFdo (tag dpc)');
    expect(run.last.events.at(-1)).toMatchObject({ type: 'bugCheck', rule: 'win.kmdf.verifierLeakAtUnload' });
    expect(run.last.events.some((e) => e.type === 'imageFreed')).toBe(false);
    run.do({ do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 'dpc' });
    expect(run.last.events.some((e) => e.state === 'EvtDestroyCallback')).toBe(false);
  });

  it('unloads cleanly, verified or not, once the reference is dropped before the removal', () => {
    const run = win()
      .setup(
        ...pnpStack({ widget: { framework: 'kmdf', verifier: true } }),
        { do: 'wdfObjectReference', device: 'WidgetFdo', tag: 'dpc' },
        { do: 'wdfObjectDereference', device: 'WidgetFdo', tag: 'dpc' },
      )
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS');
    expect(run.world.bugCheck).toBeUndefined();
    expect(run.last.events.some((e) => e.type === 'driverBug')).toBe(false);
    expect(run.world.drivers.get('Widget')?.imageInMemory).toBe(false);
  });
});
