import { releaseVolume } from './fileSystem';
import { describeRefs, type ObjectRef } from '../events';
import type { WindowsRuleId } from '../rules';
import { DOE, hasFlag, type Driver } from './model';
import { frameworkDeletesDevice, frameworkUnloadBegins, frameworkUnloadEnds } from './kmdf/framework';
import type { WindowsTx, WindowsView } from './tx';
import { checkUnload } from './verifier';

/**
 * The unload decision: seed rules 2–4 (shared/domain/windows.md §1), plus
 * device deletion, which feeds it.
 */

export interface UnloadBlockers {
  /** 4(a): open file objects on any of the driver's device objects. */
  readonly handles: ObjectRef[];
  /** 4(a): IRPs outstanding on any of its device objects. */
  readonly irps: ObjectRef[];
  /** 4(b): devices of other drivers attached above its devices. */
  readonly attached: ObjectRef[];
  /** 4(c): PnP notifications it has not unregistered. */
  readonly registrations: ObjectRef[];
  /** Rule 2: a PnP driver unloads only when it has no device objects left. */
  readonly devices: ObjectRef[];
  /** A file system's volumes still mounted (win.fs.mountedHolds). */
  readonly volumes: ObjectRef[];
}

export function unloadBlockers(w: WindowsView, driver: Driver): UnloadBlockers {
  const handles: ObjectRef[] = [];
  const irps: ObjectRef[] = [];
  const attached: ObjectRef[] = [];
  const devices: ObjectRef[] = [];
  const volumes: ObjectRef[] = [];
  for (const name of driver.devices) {
    const d = w.devices.get(name);
    if (!d) continue;
    devices.push({ kind: 'device', name });
    // win.fs.mountedHolds: a volume still mounted (not yet dismounted by IoDeleteDevice) holds its file system.
    if (d.role === 'volume' && !d.unlinked && !hasFlag(d, 'DELETE_PENDING'))
      volumes.push({ kind: 'device', name });
    for (const h of d.fileObjects) handles.push({ kind: 'handle', name: h });
    for (const i of d.irps) irps.push({ kind: 'irp', name: i });
    if (d.attachedDevice) attached.push({ kind: 'device', name: d.attachedDevice });
  }
  const registrations = driver.registrations
    .toArray()
    .map((name): ObjectRef => ({ kind: 'registration', name }));
  return { handles, irps, attached, registrations, devices: driver.model === 'pnp' ? devices : [], volumes };
}

export function allBlockers(b: UnloadBlockers): ObjectRef[] {
  return [...b.handles, ...b.irps, ...b.attached, ...b.registrations, ...b.devices, ...b.volumes];
}

/**
 * Seed rule 3: the I/O or PnP manager marks the driver and its devices
 * "Unload Pending", then Unload runs at once if rule 4 holds, else later.
 */
export function beginUnload(tx: WindowsTx, name: string, rule: WindowsRuleId): void {
  const driver = tx.drv(name);
  for (const dev of driver.devices) {
    const d = tx.dev(dev);
    if (!hasFlag(d, 'UNLOAD_PENDING')) tx.patchDevice(dev, { flags: d.flags | DOE.UNLOAD_PENDING });
  }
  tx.patchDriver(name, { state: 'unloadPending' });
  tx.emit('unloadPending', rule, { driver: name, blockers: driver.devices.toArray().map(deviceRef) });
  if (!maybeCallUnload(tx, name)) {
    const b = unloadBlockers(tx, tx.drv(name));
    const blockers = allBlockers(b);
    const mounted =
      b.volumes.length > 0
        ? `: a file system stays loaded while ${describeRefs(b.volumes)} is mounted; Unload runs once it is dismounted`
        : '';
    tx.emit(
      'unloadDeferred',
      mounted
        ? 'win.fs.mountedHolds'
        : rule === 'seed.3.unloadPending'
          ? 'win.stop.deferred'
          : 'seed.4.allConditions',
      {
        driver: name,
        blockers,
        reason: `waiting for ${describeRefs(blockers)}${mounted}`,
      },
    );
  }
}

/** Seed rule 4: call Unload when a pending driver has nothing left holding it. */
export function maybeCallUnload(tx: WindowsTx, name: string): boolean {
  const driver = tx.driver(name);
  if (!driver || driver.state !== 'unloadPending' || driver.unloadInvoked) return false;
  if (allBlockers(unloadBlockers(tx, driver)).length > 0) return false;
  tx.patchDriver(name, { unloadInvoked: true });
  tx.emit('unloadCalled', driver.model === 'pnp' ? 'seed.2.pnpLastDevice' : 'seed.4.allConditions', {
    driver: name,
  });
  // KMDF: the framework's DriverUnload calls EvtDriverUnload first (win.kmdf.driverUnload).
  frameworkUnloadBegins(tx, name);
  if (driver.model === 'legacy') {
    // A legacy driver's Unload deletes its own device objects and symbolic links.
    for (const dev of driver.devices) deleteDevice(tx, dev, 'win.unload.deletesDevices');
  }
  // KMDF: then the WDFDRIVER is deleted, after its children.
  frameworkUnloadEnds(tx, name);
  tx.patchDriver(name, { state: 'unloaded' });
  // Driver Verifier's checks when Unload returns; a bug check stops everything here.
  if (checkUnload(tx, name)) return true;
  maybeFreeImage(tx, name, true);
  return true;
}

/**
 * The image goes when the driver object's last reference goes: every
 * allocated device object holds one (win.image.lingers).
 */
export function maybeFreeImage(tx: WindowsTx, name: string, justUnloaded = false): void {
  const d = tx.drv(name);
  if (!d.imageInMemory || (d.state !== 'unloaded' && d.state !== 'entryFailed')) return;
  const pins = [...d.devices, ...d.lingering].map(deviceRef);
  if (pins.length === 0) {
    tx.patchDriver(name, { imageInMemory: false });
    tx.emit('imageFreed', d.state === 'entryFailed' ? 'seed.5.driverEntryFailed' : 'win.image.lingers', {
      driver: name,
    });
  } else if (justUnloaded) {
    tx.emit('imageRetained', 'win.image.lingers', {
      driver: name,
      blockers: pins,
      reason: `${describeRefs(pins)} still allocated: a leaked reference keeps the image in memory`,
    });
  }
}

/**
 * IoDeleteDevice: mark DOE_DELETE_PENDING and drop the name; the device
 * leaves its driver's list once nothing holds it (win.delete.pending).
 */
export function deleteDevice(tx: WindowsTx, name: string, rule: WindowsRuleId): void {
  // A cascade (a detach letting a deferred legacy Unload delete its own devices) may have taken it already.
  const current = tx.device(name);
  if (!current) return;
  // KMDF: the framework deletes the WDFDEVICE (its callbacks) before IoDeleteDevice.
  if (!hasFlag(current, 'DELETE_PENDING')) frameworkDeletesDevice(tx, name);
  if (current.attachedTo) detach(tx, name, 'win.delete.detachFirst');
  // Detaching may have let a deferred Unload run, and a legacy Unload deletes its own devices.
  const before = tx.device(name);
  if (!before || hasFlag(before, 'DELETE_PENDING')) return;
  const d = tx.patchDevice(name, {
    flags: before.flags | DOE.DELETE_PENDING,
    shutdown: 'none',
    symbolicLink: null,
  });
  tx.emit('deleteRequested', rule, { device: name, driver: d.driver });
  tryUnlink(tx, name);
}

/** IoDetachDevice: detach `upper` from the device below it, then re-check the lower driver. */
export function detach(tx: WindowsTx, upper: string, rule: WindowsRuleId): void {
  const u = tx.dev(upper);
  const lowerName = u.attachedTo;
  if (!lowerName) return;
  tx.patchDevice(upper, { attachedTo: null });
  const lower = tx.patchDevice(lowerName, { attachedDevice: null });
  tx.emit('deviceDetached', rule, { device: upper, to: lowerName, driver: u.driver });
  // IoDetachDevice re-checks the lower device: a deferred unload may now run.
  tryUnlink(tx, lowerName);
  maybeCallUnload(tx, lower.driver);
}

/** A delete-pending device leaves its driver's list when no file, attached device or IRP holds it. */
export function tryUnlink(tx: WindowsTx, name: string): void {
  const d = tx.device(name);
  if (!d || d.unlinked || !hasFlag(d, 'DELETE_PENDING')) return;
  if (d.fileObjects.size > 0 || d.attachedDevice || d.irps.size > 0) return;
  const driver = tx.drv(d.driver);
  tx.patchDriver(d.driver, { devices: driver.devices.delete(name) });
  tx.emit('deviceDeleted', 'win.delete.unlink', { device: name, driver: d.driver });
  if (d.role === 'pdo') tx.emit('devnodeState', 'win.pnp.removeTopDown', { device: name, state: 'Deleted' });
  if (d.obReferences.size > 0) {
    // A PDO a leaked reference keeps allocated reads Deleted, as the event says, not the state it had.
    tx.patchDevice(name, { unlinked: true, ...(d.role === 'pdo' ? { devnode: 'Deleted' as const } : {}) });
    tx.patchDriver(d.driver, { lingering: tx.drv(d.driver).lingering.add(name) });
  } else {
    freeDevice(tx, name);
  }
  afterDeviceListShrank(tx, d.driver);
}

export function freeDevice(tx: WindowsTx, name: string): void {
  const d = tx.dev(name);
  tx.devices = tx.devices.delete(name);
  const driver = tx.drv(d.driver);
  if (driver.lingering.has(name)) tx.patchDriver(d.driver, { lingering: driver.lingering.delete(name) });
  tx.emit('deviceFreed', 'win.delete.freed', { device: name, driver: d.driver });
  // A dismounted volume's file system releases its storage device (fileSystem.ts).
  if (d.role === 'volume') releaseVolume(tx, d);
  maybeFreeImage(tx, d.driver);
}

/** Seed rule 2: a PnP driver whose last device object went is unloaded (if it can be). */
function afterDeviceListShrank(tx: WindowsTx, name: string): void {
  const driver = tx.drv(name);
  if (driver.state === 'unloadPending') {
    maybeCallUnload(tx, name);
    return;
  }
  if (driver.state !== 'loaded' || driver.model !== 'pnp' || driver.devices.size > 0) return;
  if (!driver.hasUnload) {
    tx.patchDriver(name, { stuck: true });
    tx.emit('unloadNeverCalled', 'win.unload.noRoutine', {
      driver: name,
      reason: 'its last device object is gone, but it has no Unload routine: it stays loaded until reboot',
    });
    return;
  }
  beginUnload(tx, name, 'seed.2.pnpLastDevice');
}

export function deviceRef(name: string): ObjectRef {
  return { kind: 'device', name };
}
