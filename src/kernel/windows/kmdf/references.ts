import type { WindowsAction } from '../actions';
import type { StepResult } from '../../types';
import type { WindowsWorld } from '../model';
import type { WindowsTx } from '../tx';
import { isKmdf } from './objects';

/**
 * WdfObjectReferenceWithTag / WdfObjectDereferenceWithTag on a WDFDEVICE
 * (rule win.kmdf.destroyAtZero). The framework calls an object's
 * EvtCleanupCallback when it deletes the object, but its EvtDestroyCallback
 * only once the object's reference count reaches zero: a reference the driver
 * still holds puts the destroy callback off, past the removal, until the
 * matching dereference. References are kept on the driver, by device and tag,
 * since the WDFDEVICE outlives its WDM device object.
 */

type Result = StepResult<WindowsWorld>;
type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;

/** The tags still referencing a driver's WDFDEVICE. */
export function wdfHolders(tx: WindowsTx, driver: string, device: string): string[] {
  return (tx.driver(driver)?.wdfRefs ?? []).filter((r) => r.device === device).map((r) => r.tag);
}

/** The driver's call, as an event. */
function tell(tx: WindowsTx, driver: string, a: { device: string; tag: string }, call: string): void {
  const fields = { driver, device: a.device, tag: a.tag, state: call, wdfObject: `WDFDEVICE ${a.device}` };
  tx.emit('wdfCallback', 'win.kmdf.destroyAtZero', fields);
}

export function wdfObjectReference(tx: WindowsTx, a: Act<'wdfObjectReference'>): Result {
  const d = tx.device(a.device);
  const drv = d ? tx.driver(d.driver) : undefined;
  if (!d || !drv || !isKmdf(drv) || d.wdfDeleted) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.kmdf.destroyAtZero',
      !d
        ? `no device is named ${a.device}`
        : d.wdfDeleted
          ? `the framework has deleted ${a.device}'s WDFDEVICE: it cannot be referenced again`
          : `${a.device} belongs to ${d.driver}, which is not a KMDF driver: load it with framework "kmdf"`,
      { device: a.device },
    );
  }
  const refs = drv.wdfRefs ?? [];
  if (refs.some((r) => r.device === a.device && r.tag === a.tag)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `${a.device}'s WDFDEVICE is already referenced with tag ${a.tag}`,
      { device: a.device, tag: a.tag },
    );
  }
  tx.patchDriver(drv.name, { wdfRefs: [...refs, { device: a.device, tag: a.tag }] });
  tell(tx, drv.name, a, 'WdfObjectReferenceWithTag');
  return tx.done();
}

export function wdfObjectDereference(tx: WindowsTx, a: Act<'wdfObjectDereference'>): Result {
  const drv = tx.drivers
    .valueSeq()
    .find((x) => (x.wdfRefs ?? []).some((r) => r.device === a.device && r.tag === a.tag));
  if (!drv) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `no reference with tag ${a.tag} is held on ${a.device}'s WDFDEVICE`,
      { device: a.device, tag: a.tag },
    );
  }
  const rest = (drv.wdfRefs ?? []).filter((r) => !(r.device === a.device && r.tag === a.tag));
  tx.patchDriver(drv.name, { wdfRefs: rest });
  tell(tx, drv.name, a, 'WdfObjectDereferenceWithTag');
  // The last reference of a WDFDEVICE the framework already deleted: its EvtDestroyCallback runs now.
  const deleted = !tx.devices.has(a.device) || tx.dev(a.device).wdfDeleted === true;
  if (deleted && !rest.some((r) => r.device === a.device)) {
    tx.emit('wdfCallback', 'win.kmdf.destroyAtZero', {
      driver: drv.name,
      state: 'EvtDestroyCallback',
      wdfObject: `WDFDEVICE ${a.device}`,
      reason: 'its reference count reached zero',
    });
  }
  return tx.done();
}
