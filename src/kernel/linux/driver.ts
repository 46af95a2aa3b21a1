import { OrderedSet } from 'immutable';
import { ranFreedCode } from './refs';
import type { LinuxResult, LinuxTx } from './tx';

/** The driver core: register, probe, release (remove + devres), unregister; sysfs bind/unbind; hot-plug. */

/** devm_* resources a probe takes (a region, an IRQ, a buffer): enough to show them freed after remove(). */
const DEVRES_PER_PROBE = 2;

/** probe(): bind `device` to `module`'s driver. */
function probe(
  tx: LinuxTx,
  module: string,
  device: string,
  rule: 'linux.driver.register' | 'linux.driver.probe' | 'linux.sysfs.bind',
): void {
  tx.emit('probeCalled', rule, { module, device });
  tx.patchDevice(device, { boundTo: module, devres: DEVRES_PER_PROBE });
  tx.patchModule(module, { bound: tx.mod(module).bound.add(device) });
  tx.emit('deviceBound', rule, { module, device });
}

/** driver_register → driver_attach: probe each present, unbound device that matches. */
export function registerDriver(tx: LinuxTx, module: string): void {
  tx.patchModule(module, { driverRegistered: true });
  tx.emit('driverRegistered', 'linux.driver.register', { module });
  for (const d of tx.devices.valueSeq().toArray()) {
    if (d.driver === module && d.present && d.boundTo === null)
      probe(tx, module, d.name, 'linux.driver.register');
  }
}

/**
 * __device_release_driver: remove(), then devres_release_all(), then no driver.
 * Files open on the device stay open (and keep their module references); the
 * driver's operations on them now answer ENODEV.
 */
function releaseDriver(tx: LinuxTx, device: string): void {
  const d = tx.dev(device);
  const module = d.boundTo;
  if (module === null) return;
  // A driver left registered by a module forced out without exit: its remove() is freed code.
  const m = tx.mod(module);
  if (!ranFreedCode(tx, module, m.generation, 'remove()', { device })) {
    tx.emit('removeCalled', 'linux.driver.remove', { module, device });
  }
  if (d.devres > 0) {
    tx.patchDevice(device, { devres: 0 });
    tx.emit('devresReleased', 'linux.devres.release', { module, device, state: String(d.devres) });
  }
  for (const f of d.files) {
    const file = tx.files.get(f);
    if (file && !file.orphaned) tx.files = tx.files.set(f, { ...file, orphaned: true });
  }
  tx.patchDevice(device, { boundTo: null });
  tx.patchModule(module, { bound: tx.mod(module).bound.remove(device) });
  tx.emit('deviceUnbound', 'linux.devres.release', { module, device });
}

/** driver_unregister → driver_detach: release every bound device, the last bound first. */
export function unregisterDriver(tx: LinuxTx, module: string): void {
  for (const device of tx.mod(module).bound.reverse().toArray()) releaseDriver(tx, device);
  tx.patchModule(module, { driverRegistered: false });
  tx.emit('driverUnregistered', 'linux.driver.unregister', { module });
}

/** A device appears: probed against a registered matching driver (__device_attach_driver). */
export function plugDevice(tx: LinuxTx, a: { device: string; driver: string }): LinuxResult {
  const old = tx.devices.get(a.device);
  if (old?.present)
    return tx.refuse('EEXIST', 'linux.driver.probe', `device ${a.device} is already plugged in`, {
      device: a.device,
    });
  if (old && old.driver !== a.driver) {
    return tx.refuse(
      'EINVAL',
      'linux.driver.probe',
      `device ${a.device} was plugged in before with driver ${old.driver}`,
      { device: a.device },
    );
  }
  tx.devices = tx.devices.set(a.device, {
    name: a.device,
    driver: a.driver,
    present: true,
    boundTo: null,
    devres: 0,
    files: old?.files ?? OrderedSet<string>(),
  });
  tx.emit('devicePlugged', 'linux.driver.probe', { device: a.device, module: a.driver });
  if (tx.modules.get(a.driver)?.driverRegistered) probe(tx, a.driver, a.device, 'linux.driver.probe');
  return tx.done('0');
}

/** device_del: the driver is released from it, then it is gone; open files stay open. */
export function unplugDevice(tx: LinuxTx, a: { device: string }): LinuxResult {
  const d = tx.devices.get(a.device);
  if (!d?.present)
    return tx.refuse('ENODEV', 'linux.hotplug.remove', `no device ${a.device} is plugged in`, {
      device: a.device,
    });
  releaseDriver(tx, a.device);
  tx.patchDevice(a.device, { present: false });
  tx.emit('deviceUnplugged', 'linux.hotplug.remove', { device: a.device });
  return tx.done('0');
}

/** sysfs unbind: ENODEV unless the device is bound to this driver; the module stays loaded. */
export function unbind(tx: LinuxTx, a: { module: string; device: string }): LinuxResult {
  const m = tx.modules.get(a.module);
  if (!m?.driverRegistered) {
    return tx.refuse(
      'ENOENT',
      'linux.sysfs.unbind',
      `no driver ${a.module} is registered: /sys/bus/…/drivers/${a.module}/unbind does not exist`,
      a,
    );
  }
  if (tx.devices.get(a.device)?.boundTo !== a.module) {
    return tx.refuse('ENODEV', 'linux.sysfs.unbind', `${a.device} is not bound to ${a.module}`, a);
  }
  releaseDriver(tx, a.device);
  return tx.done('0');
}

/** sysfs bind: ENODEV when missing or not matching, EBUSY when it already has a driver. */
export function bind(tx: LinuxTx, a: { module: string; device: string }): LinuxResult {
  const m = tx.modules.get(a.module);
  if (!m?.driverRegistered) {
    return tx.refuse(
      'ENOENT',
      'linux.sysfs.bind',
      `no driver ${a.module} is registered: /sys/bus/…/drivers/${a.module}/bind does not exist`,
      a,
    );
  }
  const d = tx.devices.get(a.device);
  if (!d?.present || d.driver !== a.module) {
    return tx.refuse(
      'ENODEV',
      'linux.sysfs.bind',
      d?.present ? `${a.device} does not match ${a.module}` : `no device ${a.device}`,
      a,
    );
  }
  if (d.boundTo !== null)
    return tx.refuse('EBUSY', 'linux.sysfs.bind', `${a.device} is already bound to ${d.boundTo}`, a);
  probe(tx, a.module, a.device, 'linux.sysfs.bind');
  return tx.done('0');
}
