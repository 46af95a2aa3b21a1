import type { DeviceObject } from './model';
import { pnpIrpAt } from './pnp';
import { deleteDevice } from './unload';
import type { WindowsTx } from './tx';

/**
 * Ejection (WDK "IRP_MN_EJECT", "Removing a Device in a Bus Driver"). After
 * an orderly removal the bus driver keeps the PDO: the device is still in its
 * slot. The PnP manager then sends IRP_MN_EJECT, which only the bus driver
 * receives (function and filter drivers do not: their devices are gone); the
 * bus driver completes it once the device is out, reports the child gone, and
 * the PnP manager sends the retained PDO a second IRP_MN_REMOVE_DEVICE, in
 * which the bus driver deletes it.
 */

/** Why IRP_MN_EJECT cannot be sent to this PDO now, if it cannot. */
export function ejectRefusal(pdo: DeviceObject): string | null {
  if (pdo.devnode !== 'Removed' || pdo.attachedDevice !== null) {
    return `${pdo.name}'s drivers have not removed it yet: the PnP manager sends IRP_MN_EJECT after IRP_MN_REMOVE_DEVICE`;
  }
  if (!pdo.present) return `${pdo.name} is no longer in its slot: there is nothing to eject`;
  return null;
}

/** IRP_MN_EJECT to the bus driver, then the second REMOVE of the retained PDO. The caller checked `ejectRefusal`. */
export function eject(tx: WindowsTx, pdo: string): void {
  const p = tx.dev(pdo);
  pnpIrpAt(tx, p, 'IRP_MN_EJECT', 'win.pnp.eject');
  tx.patchDevice(pdo, { present: false });
  tx.emit('devnodeState', 'win.pnp.eject', {
    device: pdo,
    state: 'Removed',
    reason: `${p.driver} ejected the device and reports it gone (IoInvalidateDeviceRelations)`,
  });
  pnpIrpAt(tx, p, 'IRP_MN_REMOVE_DEVICE', 'win.pnp.secondRemove');
  deleteDevice(tx, pdo, 'win.pnp.secondRemove');
}
