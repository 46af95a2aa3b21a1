import { vpbRef } from '../windows/fileSystem';
import { hasDoFlag, hasFlag, removeLockCount } from '../windows/model';
import { check } from './harness';
import { at, devicesOf, reloadedAfter, type StepCtx } from './windowsInvariants';

/** The Windows world's tables agree with each other, after every step of the property tests. */

/** The world's tables agree with each other. */
export function consistent(c: StepCtx): void {
  const w = c.result.world;
  const where = at(c);
  for (const d of w.devices.valueSeq()) {
    const drv = w.drivers.get(d.driver);
    check(drv !== undefined, () => `${where}: device ${d.name} names missing driver ${d.driver}`);
    if (d.unlinked) {
      check(drv!.lingering.has(d.name), () => `${where}: unlinked ${d.name} is not in ${d.driver}.lingering`);
      check(d.obReferences.size > 0, () => `${where}: unlinked ${d.name} has no object reference left`);
      check(hasFlag(d, 'DELETE_PENDING'), () => `${where}: unlinked ${d.name} is not DOE_DELETE_PENDING`);
    } else {
      check(drv!.devices.has(d.name), () => `${where}: ${d.name} is not on ${d.driver}'s device list`);
    }
    check(drv!.imageInMemory, () => `${where}: ${d.name} is allocated but ${d.driver}'s image is freed`);
    check(
      hasDoFlag(d, 'EXCLUSIVE') === d.exclusive,
      () => `${where}: ${d.name} DO_EXCLUSIVE disagrees with exclusive=${d.exclusive}`,
    );
    // Only a DriverEntry that failed leaves DO_DEVICE_INITIALIZING behind.
    check(
      !hasDoFlag(d, 'DEVICE_INITIALIZING') || drv!.state === 'entryFailed',
      () => `${where}: ${d.name} is DO_DEVICE_INITIALIZING but ${d.driver} is ${drv!.state}`,
    );
    check(
      (d.removeLock !== null) === drv!.usesRemoveLock,
      () =>
        `${where}: ${d.name} has a remove lock: ${d.removeLock !== null}, its driver keeps one: ${drv!.usesRemoveLock}`,
    );
    if (d.removeLock?.waiting) {
      check(d.removeLock.removed, () => `${where}: ${d.name} waits in REMOVE but its lock is not released`);
      check(removeLockCount(d) > 0, () => `${where}: ${d.name} waits in REMOVE for nothing`);
    }
    if (d.attachedDevice !== null) {
      const up = w.devices.get(d.attachedDevice);
      check(
        up?.attachedTo === d.name,
        () => `${where}: ${d.name}.attachedDevice=${d.attachedDevice}, not mutual`,
      );
    }
    if (d.attachedTo !== null) {
      const down = w.devices.get(d.attachedTo);
      check(
        down?.attachedDevice === d.name,
        () => `${where}: ${d.name}.attachedTo=${d.attachedTo}, not mutual`,
      );
    }
    for (const h of d.fileObjects) {
      check(w.handles.get(h)?.device === d.name, () => `${where}: ${d.name} holds file ${h}, no such handle`);
    }
    for (const i of d.irps) {
      check(
        w.irps.get(i)?.path.includes(d.name) === true,
        () => `${where}: ${d.name} holds IRP ${i}, not on it`,
      );
    }
    for (const r of d.obReferences) {
      check(
        w.references.get(r)?.device === d.name,
        () => `${where}: ${d.name} holds reference ${r}, no such`,
      );
    }
  }
  for (const drv of w.drivers.valueSeq()) {
    for (const name of [...drv.devices, ...drv.lingering]) {
      check(
        w.devices.get(name)?.driver === drv.name,
        () => `${where}: ${drv.name} lists missing device ${name}`,
      );
    }
    for (const r of drv.registrations) {
      check(
        w.registrations.get(r)?.driver === drv.name,
        () => `${where}: ${drv.name} lists registration ${r}`,
      );
    }
    if (drv.state === 'unloadPending') {
      // Seed rule 3: the driver object and its device objects are marked together.
      for (const name of drv.devices) {
        check(
          hasFlag(w.devices.get(name)!, 'UNLOAD_PENDING'),
          () => `${where}: ${drv.name} is Unload Pending but its device ${name} is not DOE_UNLOAD_PENDING`,
        );
      }
    }
    if (drv.state === 'unloaded') {
      check(
        drv.devices.size === 0,
        () => `${where}: ${drv.name} unloaded with devices ${drv.devices.join()}`,
      );
    }
  }
  for (const h of w.handles.valueSeq()) {
    check(
      w.devices.get(h.device)?.fileObjects.has(h.name) === true,
      () => `${where}: handle ${h.name}'s device ${h.device} does not hold it`,
    );
    for (const i of h.irps) {
      check(w.irps.get(i)?.handle === h.name, () => `${where}: handle ${h.name} lists IRP ${i}, not its`);
    }
  }
  for (const irp of w.irps.valueSeq()) {
    for (const p of irp.path) {
      check(
        w.devices.get(p)?.irps.has(irp.name) === true,
        () => `${where}: IRP ${irp.name}: ${p} does not hold it`,
      );
    }
    check(
      irp.handle === null
        ? irp.minor === 'IRP_MN_WAIT_WAKE'
        : w.handles.get(irp.handle)?.irps.has(irp.name) === true,
      () => `${where}: IRP ${irp.name}'s handle ${irp.handle} does not list it`,
    );
  }
  for (const r of w.registrations.valueSeq()) {
    if (r.mode === 'user') {
      // An application's registration (RegisterDeviceNotification) is listed by no driver.
      check(
        r.driver === '' && !w.drivers.some((d) => d.registrations.has(r.name)),
        () => `${where}: application registration ${r.name} is held by a driver`,
      );
      continue;
    }
    check(
      w.drivers.get(r.driver)?.registrations.has(r.name) === true,
      () => `${where}: registration ${r.name}'s driver ${r.driver} does not list it`,
    );
  }
  for (const v of w.devices.valueSeq()) {
    if (v.role !== 'volume') continue;
    // A mounted volume references its storage device for as long as its device object exists (win.fs.mount).
    check(
      w.references.get(vpbRef(v.name))?.device === v.realDevice,
      () => `${where}: volume ${v.name} holds no reference on ${v.realDevice}`,
    );
  }
  for (const r of w.references.valueSeq()) {
    check(
      w.devices.get(r.device)?.obReferences.has(r.name) === true,
      () => `${where}: reference ${r.name}'s device ${r.device} does not hold it`,
    );
  }
  c.result.events.forEach((e, i) => {
    if (e.type !== 'imageFreed' || !e.driver || reloadedAfter(c.result.events, i, e.driver)) return;
    const drv = w.drivers.get(e.driver);
    check(
      drv !== undefined && !drv.imageInMemory && drv.devices.size === 0 && drv.lingering.size === 0,
      () => `${where}: image of ${e.driver} freed while it still has device objects`,
    );
    check(
      devicesOf(w, e.driver).length === 0,
      () => `${where}: image of ${e.driver} freed under its devices`,
    );
  });
}
