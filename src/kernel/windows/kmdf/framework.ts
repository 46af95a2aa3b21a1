import type { WindowsRuleId } from '../../rules';
import type { Failure } from '../io';
import type { DeviceObject } from '../model';
import type { WindowsTx } from '../tx';
import { cleanupOrder, isKmdf, wdfDeviceTree, type WdfObject } from './objects';
import { wdfHolders } from './references';

/**
 * What the framework does for a KMDF driver where a WDM driver must do it
 * itself: its callbacks when a device object or the driver goes (rules in
 * rules/windowsKmdf.ts). The WDM paths (pnp.ts, io.ts, unload.ts) call these
 * at the moment the framework would act.
 */

function callback(tx: WindowsTx, driver: string, o: WdfObject, name: string, rule: WindowsRuleId): void {
  tx.emit('wdfCallback', rule, {
    driver,
    ...(o.type === 'WDFDEVICE' ? { device: o.name } : {}),
    state: name,
    wdfObject: `${o.type} ${o.name}`,
    ...(o.parent === null ? {} : { wdfParent: o.parent }),
  });
}

/**
 * Cleanup then destroy for each object, children before parents. A WDFDEVICE
 * the driver still references (WdfObjectReferenceWithTag) is cleaned up now,
 * but destroyed only when its count reaches zero (kmdf/references.ts).
 */
function deleteObjects(tx: WindowsTx, driver: string, objects: readonly WdfObject[]): void {
  const order = cleanupOrder(objects);
  for (const o of order) callback(tx, driver, o, 'EvtCleanupCallback', 'win.kmdf.cleanupOrder');
  for (const o of order) {
    const held = o.type === 'WDFDEVICE' ? wdfHolders(tx, driver, o.name) : [];
    if (held.length === 0) {
      callback(tx, driver, o, 'EvtDestroyCallback', 'win.kmdf.cleanupOrder');
      continue;
    }
    tx.emit('wdfCallback', 'win.kmdf.destroyAtZero', {
      driver,
      device: o.name,
      state: 'EvtDestroyCallback',
      wdfObject: `${o.type} ${o.name}`,
      reason: `put off: the driver still references it (tag ${held.join(', ')}); it runs at the last WdfObjectDereference, never if the driver unloads first`,
    });
  }
}

/**
 * The framework deletes a WDFDEVICE (a removal, or the driver's unload for a
 * control device): EvtDeviceSelfManagedIoCleanup for a PnP device, then the
 * cleanup callbacks of its queue, requests and file objects before its own.
 * Once per device object; the IoDetachDevice/IoDeleteDevice follow.
 */
export function frameworkDeletesDevice(tx: WindowsTx, device: string): void {
  const d: DeviceObject | undefined = tx.device(device);
  if (!d || d.wdfDeleted || !isKmdf(tx.driver(d.driver))) return;
  tx.patchDevice(device, { wdfDeleted: true });
  const tree = wdfDeviceTree(tx, device);
  const self = tree[0];
  if (self && (d.role === 'fdo' || d.role === 'filter')) {
    callback(tx, d.driver, self, 'EvtDeviceSelfManagedIoCleanup', 'win.kmdf.selfManagedIoCleanup');
  }
  deleteObjects(tx, d.driver, tree);
}

/** FxDriver::Unload, first half: the driver's EvtDriverUnload, if it supplied one. */
export function frameworkUnloadBegins(tx: WindowsTx, driver: string): void {
  const d = tx.drv(driver);
  if (!isKmdf(d) || !d.evtDriverUnload) return;
  callback(
    tx,
    driver,
    { name: driver, type: 'WDFDRIVER', parent: null },
    'EvtDriverUnload',
    'win.kmdf.driverUnload',
  );
}

/** FxDriver::Unload, second half: the WDFDRIVER object is deleted, after every child. */
export function frameworkUnloadEnds(tx: WindowsTx, driver: string): void {
  if (!isKmdf(tx.driver(driver))) return;
  deleteObjects(tx, driver, [{ name: driver, type: 'WDFDRIVER', parent: null }]);
}

/**
 * The rule a remove-lock step on this device follows: a KMDF driver's lock is
 * the framework's, taken around each IRP it delivers (win.kmdf.removeLock).
 */
export function lockRule(tx: WindowsTx, device: string, rule: WindowsRuleId): WindowsRuleId {
  const d = tx.device(device);
  return d && isKmdf(tx.driver(d.driver)) ? 'win.kmdf.removeLock' : rule;
}

/** The rule a KMDF driver's device removal follows: the framework detaches and deletes for it. */
export function removalRule(tx: WindowsTx, device: string, rule: WindowsRuleId): WindowsRuleId {
  const d = tx.device(device);
  return d && isKmdf(tx.driver(d.driver)) ? 'win.kmdf.frameworkDeletes' : rule;
}

/**
 * On a removal (orderly or surprise) the framework purges the device's queues
 * (win.kmdf.queuesPurged): a request still waiting at a KMDF driver's device
 * is cancelled by the framework, not failed by the driver. Undefined for a
 * request pending at a WDM driver.
 */
export function frameworkPurges(tx: WindowsTx, irp: string): Failure | undefined {
  const i = tx.irps.get(irp);
  const at = i ? tx.device(i.path[i.path.length - 1] ?? '') : undefined;
  if (!at || !isKmdf(tx.driver(at.driver))) return undefined;
  return { status: 'STATUS_CANCELLED', rule: 'win.kmdf.queuesPurged' };
}
