import type { WindowsAction } from './actions';
import type { StepResult } from '../types';
import { visible } from './openChecks';
import { hasDoFlag, hasFlag, type WindowsWorld } from './model';
import type { WindowsTx } from './tx';
import { freeDevice } from './unload';

/**
 * Kernel-mode references to a device object (ObReferenceObject, as
 * IoGetDeviceObjectPointer takes one), apart from handles: each keeps a
 * deleted device's memory until its release (shared/domain/windows.md §3, "IoDeleteDevice with references outstanding").
 */

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/** ObReferenceObject (by name, as IoGetDeviceObjectPointer finds it). */
export function referenceObject(tx: WindowsTx, a: Act<'referenceObject'>): Result {
  if (tx.references.has(a.reference)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `reference ${a.reference} is already held`,
      {
        reference: a.reference,
      },
    );
  }
  const d = visible(tx, a.device);
  if (!d) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
        reference: a.reference,
      },
    );
  }
  if (hasDoFlag(d, 'DEVICE_INITIALIZING')) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'win.open.initializing',
      `${a.device} is DO_DEVICE_INITIALIZING: IoGetDeviceObjectPointer cannot open it`,
      { device: a.device, driver: d.driver, reference: a.reference },
    );
  }
  if (hasFlag(d, 'UNLOAD_PENDING')) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'seed.3.noNewReferences',
      `${d.driver} is Unload Pending: no new references`,
      {
        device: a.device,
        driver: d.driver,
        reference: a.reference,
        model:
          'The seed forbids new references; the simulator answers STATUS_NO_SUCH_DEVICE, as an open would.',
      },
    );
  }
  tx.references = tx.references.set(a.reference, { name: a.reference, device: a.device });
  tx.patchDevice(a.device, { obReferences: d.obReferences.add(a.reference) });
  tx.emit('referenceAdded', 'win.reference', { reference: a.reference, device: a.device, driver: d.driver });
  return tx.done();
}

export function dereferenceObject(tx: WindowsTx, a: Act<'dereferenceObject'>): Result {
  const r = tx.references.get(a.reference);
  if (!r) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `no reference is named ${a.reference}`,
      {
        reference: a.reference,
      },
    );
  }
  tx.references = tx.references.delete(a.reference);
  const d = tx.patchDevice(r.device, { obReferences: tx.dev(r.device).obReferences.delete(a.reference) });
  tx.emit('referenceReleased', 'win.reference', {
    reference: a.reference,
    device: r.device,
    driver: d.driver,
  });
  if (d.unlinked && d.obReferences.size === 0) freeDevice(tx, r.device);
  return tx.done();
}
