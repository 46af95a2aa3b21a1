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
    const run = win()
      .setup(...kmdfStack(), { do: 'wdfObjectReference', device: 'WidgetFdo', tag: 'dpc' })
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
