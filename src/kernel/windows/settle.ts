import { hasFlag } from './model';
import { removeStack } from './pnp';
import { pdoOf } from './stack';
import type { WindowsTx } from './tx';
import { maybeCallUnload, tryUnlink } from './unload';

/**
 * After a reference goes (a file object closed, an IRP completed, a device
 * detached), re-check what it may have been holding: a delete-pending device,
 * a deferred unload, a surprise-removed devnode waiting for its last close.
 */
export function settle(tx: WindowsTx, devices: readonly string[]): void {
  const drivers = new Set<string>();
  for (const name of devices) {
    const d = tx.device(name);
    if (!d) continue;
    drivers.add(d.driver);
    if (hasFlag(d, 'DELETE_PENDING')) tryUnlink(tx, name);
  }
  for (const driver of drivers) maybeCallUnload(tx, driver);
  const first = devices.find((n) => tx.device(n));
  const pdo = first === undefined ? undefined : pdoOf(tx, first);
  if (pdo?.devnode === 'RemovePendingCloses' && !stackHasOpenFiles(tx, pdo.name)) {
    // IRP_MN_REMOVE_DEVICE comes only after the last handle closes.
    removeStack(tx, pdo.name, false, 'win.pnp.removeAfterClose');
  }
}

function stackHasOpenFiles(tx: WindowsTx, device: string): boolean {
  for (let d = tx.device(device); d; d = d.attachedDevice ? tx.device(d.attachedDevice) : undefined) {
    if (d.fileObjects.size > 0) return true;
  }
  return false;
}
