import { List, OrderedSet } from 'immutable';
import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';
import type { StepResult } from '../types';
import { visible } from './openChecks';
import {
  DO,
  hasDoFlag,
  hasFlag,
  isNamed,
  type DeviceObject,
  type DeviceRole,
  type Driver,
  type WindowsWorld,
} from './model';
import { removeWaiting } from './removeLock';
import { pdoOf, stackOf, topOf } from './stack';
import { isRefusal } from '../tx';
import type { WindowsTx } from './tx';
import { deleteDevice, detach } from './unload';

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/**
 * IoCreateDevice. `initializing`: DO_DEVICE_INITIALIZING stays set (a device
 * DriverEntry creates, until DriverEntry succeeds); a device made in AddDevice
 * is returned with it cleared, as the driver must. A driver that keeps a
 * remove lock initializes one per device (IoInitializeRemoveLock).
 */
export function newDevice(
  name: string,
  driver: Driver,
  role: DeviceRole,
  exclusive = false,
  initializing = false,
): DeviceObject {
  return {
    name,
    driver: driver.name,
    role,
    attachedDevice: null,
    attachedTo: null,
    fileObjects: OrderedSet(),
    irps: OrderedSet(),
    obReferences: OrderedSet(),
    flags: 0,
    doFlags: (exclusive ? DO.EXCLUSIVE : 0) | (initializing ? DO.DEVICE_INITIALIZING : 0),
    removeLock: driver.usesRemoveLock ? { tags: List(), removed: false, waiting: false } : null,
    unlinked: false,
    exclusive,
    shutdown: 'none',
    symbolicLink: role === 'control' ? `\\DosDevices\\${name}` : null,
    devnode: role === 'pdo' ? 'Started' : null,
    present: role === 'pdo',
    surpriseRemoved: false,
    parent: null,
    removeAfterChildren: null,
    beforeQuery: null,
  };
}

/** Why the device on top of `to`'s stack refuses an attachment, if it does (seed rule 3; win.attach.refused). */
function attachRefusal(tx: WindowsTx, to: string): Result | undefined {
  // Seed rule 3: no driver attaches to an Unload Pending driver — anywhere in the stack, as an open
  // would be refused there too [MODEL: ReactOS checks the top device; the seed speaks of the driver].
  const pending = stackOf(tx, to).find((d) => hasFlag(d, 'UNLOAD_PENDING'));
  if (pending) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'seed.3.noAttach',
      `${pending.name} is DOE_UNLOAD_PENDING: no driver can attach to its stack`,
      {
        device: pending.name,
        driver: pending.driver,
        model:
          'The seed forbids attaching to an Unload Pending driver; the simulator refuses the whole stack, as it refuses opens.',
      },
    );
  }
  const top = tx.dev(topOf(tx, to));
  if (hasDoFlag(top, 'DEVICE_INITIALIZING')) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'win.open.initializing',
      `${top.name} is DO_DEVICE_INITIALIZING: no driver can attach to it`,
      { device: top.name, driver: top.driver },
    );
  }
  const flag = (['UNLOAD_PENDING', 'DELETE_PENDING', 'REMOVE_PENDING', 'REMOVE_PROCESSED'] as const).find(
    (f) => hasFlag(top, f),
  );
  if (!flag) return undefined;
  return tx.refuse(
    'STATUS_NO_SUCH_DEVICE',
    flag === 'UNLOAD_PENDING' ? 'seed.3.noAttach' : 'win.attach.refused',
    `${top.name} is DOE_${flag}: no driver can attach to it`,
    { device: top.name, driver: top.driver },
  );
}

/**
 * A child PDO's parent devnode: the bus driver of a started devnode enumerates
 * it (WDK "IRP_MN_QUERY_DEVICE_RELATIONS", BusRelations). Returns the parent's
 * PDO, or the refusal.
 */
function parentRefusal(tx: WindowsTx, a: Act<'createDevice'>): DeviceObject | Result {
  const where = { device: a.device };
  if (a.role !== 'pdo') {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.pnp.childOfStarted',
      `${a.device} is a ${a.role}: only a PDO has a parent devnode (leave out "parent", or make it a pdo)`,
      where,
    );
  }
  const named = a.parent !== undefined ? tx.device(a.parent) : undefined;
  const pdo = named && isNamed(named) ? pdoOf(tx, named.name) : undefined;
  if (!pdo) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.pnp.childOfStarted',
      `parent ${a.parent ?? ''} is not a device of a PnP stack: name the bus device (its PDO or FDO) that enumerates ${a.device}`,
      where,
    );
  }
  // [MODEL: win.pnp.childOfStarted] A legacy driver has no AddDevice and is sent no PnP IRP, so no
  // BusRelations query reaches it; and its Unload deletes its own devices (win.unload.deletesDevices),
  // which would leave a child devnode started under a PDO that is gone. Its PDO enumerates no children.
  if (tx.drv(pdo.driver).model === 'legacy') {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.pnp.childOfStarted',
      `parent ${a.parent ?? ''} is not a device of a PnP stack: its PDO ${pdo.name} belongs to ${pdo.driver}, a legacy driver, which enumerates no children`,
      {
        ...where,
        model:
          'The WDK has a bus driver report its children in BusRelations, a PnP IRP a legacy driver never gets; the simulator refuses a legacy driver’s PDO as a parent.',
      },
    );
  }
  if (pdo.devnode !== 'Started') {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_STATE',
      'win.pnp.childOfStarted',
      `${pdo.name} is ${pdo.devnode ?? 'not a devnode'}: a bus enumerates its children only while it is started`,
      where,
    );
  }
  // [MODEL: win.pnp.childOfStarted] A devnode whose hardware is gone (IRP_MN_SURPRISE_REMOVAL: "no
  // longer available for I/O operations") or whose IRP_MN_REMOVE_DEVICE is under way (waiting on a
  // remove lock, or on its children) is started no more, though its devnode still reads Started until
  // the REMOVE reaches the PDO: its bus enumerates no new child. A child reported then would sit
  // started under a parent the waiting REMOVE goes on to delete (win.pnp.childrenFirst).
  const gone = pdo.surpriseRemoved
    ? 'surprise-removed (its hardware is gone)'
    : pdo.removeAfterChildren !== null || removeWaiting(stackOf(tx, pdo.name)) !== undefined
      ? 'being removed (its IRP_MN_REMOVE_DEVICE is under way)'
      : null;
  if (gone !== null) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_STATE',
      'win.pnp.childOfStarted',
      `${pdo.name} is ${gone}: a bus enumerates its children only while it is started`,
      {
        ...where,
        model:
          'The WDK has a bus report its children once started and says a surprise-removed device is no longer available; the simulator takes a surprise-removed devnode, or one whose REMOVE is under way, as no longer started.',
      },
    );
  }
  return pdo;
}

/** Links `upper` on top of the stack that holds `to` (IoAttachDeviceToDeviceStack). */
function link(tx: WindowsTx, upper: string, to: string): void {
  const top = topOf(tx, to);
  tx.patchDevice(upper, { attachedTo: top });
  tx.patchDevice(top, { attachedDevice: upper });
  tx.emit('deviceAttached', 'win.attach.top', { device: upper, to: top, driver: tx.dev(upper).driver });
}

/** IoCreateDevice (and, with attachTo, IoAttachDeviceToDeviceStack as AddDevice does). */
export function createDevice(tx: WindowsTx, a: Act<'createDevice'>): Result {
  const driver = tx.driver(a.driver);
  if (!driver || (driver.state !== 'loaded' && driver.state !== 'unloadPending')) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no loaded driver is named ${a.driver}`,
      {
        driver: a.driver,
      },
    );
  }
  if (driver.state === 'unloadPending') {
    return tx.refuse(
      'STATUS_DELETE_PENDING',
      'win.device.createWhilePending',
      `${a.driver} is Unload Pending`,
      {
        driver: a.driver,
      },
    );
  }
  if (tx.devices.has(a.device)) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_COLLISION',
      'win.device.nameCollision',
      `a device named ${a.device} exists`,
      {
        device: a.device,
      },
    );
  }
  if (a.attachTo !== undefined) {
    if (a.role === 'pdo') {
      return tx.refuse('STATUS_INVALID_PARAMETER', 'win.attach.invalid', 'a PDO is the bottom of its stack', {
        device: a.device,
      });
    }
    const target = tx.device(a.attachTo);
    if (!target || target.unlinked) {
      return tx.refuse(
        'STATUS_OBJECT_NAME_NOT_FOUND',
        'win.object.notFound',
        `no device is named ${a.attachTo}`,
        {
          device: a.attachTo,
        },
      );
    }
    const refusal = attachRefusal(tx, a.attachTo);
    if (refusal) return refusal;
  }
  const parent = a.parent === undefined ? null : parentRefusal(tx, a);
  if (parent !== null && isRefusal(parent)) return parent;
  tx.putDevice({
    ...newDevice(a.device, driver, a.role, a.exclusive ?? WINDOWS_ACTION_DEFAULTS.createDevice.exclusive),
    parent: parent?.name ?? null,
  });
  tx.patchDriver(a.driver, { devices: driver.devices.add(a.device) });
  tx.emit('deviceCreated', 'win.device.create', { device: a.device, driver: a.driver, state: a.role });
  if (a.role === 'pdo' && !(a.started ?? WINDOWS_ACTION_DEFAULTS.createDevice.started)) {
    tx.patchDevice(a.device, { devnode: 'DriversAdded' });
    tx.emit('devnodeState', 'win.start.bottomUp', {
      device: a.device,
      state: 'DriversAdded',
      reason: 'it waits for IRP_MN_START_DEVICE',
    });
  }
  if (a.attachTo !== undefined) link(tx, a.device, a.attachTo);
  return tx.done();
}

export function attachDevice(tx: WindowsTx, a: Act<'attachDevice'>): Result {
  const d = tx.device(a.device);
  if (!d || d.unlinked) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
      },
    );
  }
  if (!visible(tx, a.to)) {
    return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.object.notFound', `no device is named ${a.to}`, {
      device: a.to,
    });
  }
  if (d.attachedTo || d.attachedDevice || d.role === 'pdo' || a.to === a.device) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.attach.invalid',
      `${a.device} cannot be attached: it is a PDO or already in a stack`,
      {
        device: a.device,
      },
    );
  }
  if (hasFlag(d, 'DELETE_PENDING') || hasFlag(d, 'UNLOAD_PENDING')) {
    return tx.refuse(
      'STATUS_NO_SUCH_DEVICE',
      'win.attach.refused',
      `${a.device} is being deleted or unloaded`,
      {
        device: a.device,
      },
    );
  }
  const refusal = attachRefusal(tx, a.to);
  if (refusal) return refusal;
  link(tx, a.device, a.to);
  return tx.done();
}

export function detachDevice(tx: WindowsTx, a: Act<'detachDevice'>): Result {
  const d = tx.device(a.device);
  if (!d || d.unlinked) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
      },
    );
  }
  if (!d.attachedTo) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.attach.invalid',
      `${a.device} is not attached to another device`,
      {
        device: a.device,
      },
    );
  }
  detach(tx, a.device, 'win.detach');
  return tx.done();
}

export function deleteDeviceAction(tx: WindowsTx, a: Act<'deleteDevice'>): Result {
  const d = tx.device(a.device);
  if (!d || d.unlinked) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
      },
    );
  }
  if (hasFlag(d, 'DELETE_PENDING')) {
    const reason = `IoDeleteDevice called twice on ${a.device}: a driver bug (Driver Verifier would stop the system)`;
    tx.emit('driverBug', 'win.delete.twice', { device: a.device, driver: d.driver, reason });
    return tx.refuse('STATUS_DELETE_PENDING', 'win.delete.twiceStatus', reason, {
      device: a.device,
      driver: d.driver,
    });
  }
  deleteDevice(tx, a.device, 'win.delete.pending');
  return tx.done();
}

/** The devices of a stack, bottom first, excluding the PDO: what AddDevice re-creates after an update. */
export function stackLayout(tx: WindowsTx, pdo: string): DeviceObject[] {
  return stackOf(tx, pdo).reverse().slice(1);
}
