import type { DEVICE_ROLES } from '../windows/actions';

/** The roles a scenario's createDevice takes (a pasted device is never a mounted volume's). */
type DeviceRole = (typeof DEVICE_ROLES)[number];
import { hasDoe } from './flags';
import type { Relations } from './relations';
import { sameName } from './store';
import type {
  DebuggerDevice,
  DebuggerDevnode,
  DebuggerDriver,
  DebuggerImport,
  DebuggerObject,
} from './types';

/**
 * What the simulator needs and the debugger does not print in so many
 * words: whether a driver is PnP or legacy, and each device's role. Each
 * answer comes with the sentence that says how it was decided, so the
 * scenario's narration can show where it only approximates the paste.
 */

/** The import's entries by address. */
export interface Index {
  readonly devices: ReadonlyMap<string, DebuggerDevice>;
  readonly devnodes: ReadonlyMap<string, DebuggerDevnode>;
  readonly objects: ReadonlyMap<string, DebuggerObject>;
  /** Devices printed at the bottom of a `!devstack`. */
  readonly bottoms: ReadonlySet<string>;
  /** Devices printed at the top of a `!devstack`. */
  readonly tops: ReadonlySet<string>;
}

export function indexOf(imp: DebuggerImport): Index {
  return {
    devices: new Map(imp.devices.map((d) => [d.address, d])),
    devnodes: new Map(imp.devnodes.map((n) => [n.address, n])),
    objects: new Map(imp.objects.map((o) => [o.address, o])),
    bottoms: new Set(imp.stacks.flatMap((s) => s.devices.slice(-1))),
    tops: new Set(imp.stacks.flatMap((s) => s.devices.slice(0, 1))),
  };
}

export interface Decided<T> {
  readonly value: T;
  /** Why: what was printed, or that it was not and what the simulator assumes. */
  readonly why: string;
  /** The paste did not print it: the value is the simulator's assumption. */
  readonly assumed: boolean;
}

/**
 * PnP or legacy (shared/domain/windows.md §2: a PnP driver has AddDevice).
 * Without `!drvobj … 2`, a device of the driver in a stack with a devnode
 * suggests PnP; DOE_UNLOAD_PENDING suggests a stop was asked of it
 * (`sc stop`, the legacy path).
 */
export function driverModel(drv: DebuggerDriver, ix: Index, rel: Relations): Decided<'pnp' | 'legacy'> {
  if (drv.addDevice === null) {
    return { value: 'legacy', why: 'AddDevice 00000000: a legacy (non-PnP) driver', assumed: false };
  }
  if (drv.addDevice !== undefined)
    return { value: 'pnp', why: 'it has an AddDevice routine: a PnP driver', assumed: false };
  const devices = drv.devices.map((a) => ix.devices.get(a)).filter(isDevice);
  if (devices.some((d) => hasDoe(d, 'DOE_UNLOAD_PENDING'))) {
    return {
      value: 'legacy',
      why: 'AddDevice was not printed; DOE_UNLOAD_PENDING on its device says a stop was asked, so it is played as a legacy driver',
      assumed: true,
    };
  }
  if (devices.some((d) => rel.devnodeOf(d.address) !== undefined)) {
    return {
      value: 'pnp',
      why: 'AddDevice was not printed; its device sits in a stack with a devnode, so it is played as a PnP driver',
      assumed: true,
    };
  }
  return {
    value: 'legacy',
    why: 'AddDevice was not printed and no devnode was seen under its devices, so it is played as a legacy driver',
    assumed: true,
  };
}

export function unloadRoutine(drv: DebuggerDriver): Decided<boolean> {
  if (drv.unloadRoutine === null)
    return { value: false, why: 'DriverUnload 00000000: no Unload routine', assumed: false };
  if (drv.unloadRoutine !== undefined) {
    return {
      value: true,
      why: `DriverUnload ${drv.unloadRoutine}: it has an Unload routine`,
      assumed: false,
    };
  }
  return {
    value: true,
    why: `DriverUnload was not printed (type !drvobj ${drv.name} 2); the scenario assumes it has an Unload routine`,
    assumed: true,
  };
}

/**
 * A device's role: a PDO has a devnode and nothing below it; a device with
 * nothing below it and no devnode is a control device (legacy, or a PnP
 * driver's CDO); above a PDO, the device of the driver the devnode names
 * as its service is the FDO, the others filters. With no service printed,
 * the lowest device above the PDO is taken for the FDO.
 */
export function deviceRole(dev: DebuggerDevice, ix: Index, rel: Relations): Decided<DeviceRole> {
  if (rel.isPdo(dev.address))
    return { value: 'pdo', why: 'it has a devnode and nothing below it: a PDO', assumed: false };
  const stack = rel.stack(dev.address);
  const bottom = stack[stack.length - 1];
  if (bottom === dev.address) {
    // kdexts prints "AttachedTo (Lower)" only when there is one; a !devstack prints the bottom last.
    const printed =
      (dev.refCount !== undefined && dev.queueBusy !== undefined) || ix.bottoms.has(dev.address);
    return printed
      ? {
          value: 'control',
          why: 'nothing is attached below it and it has no devnode: a control device',
          assumed: false,
        }
      : {
          value: 'control',
          why:
            'what lies below it was not printed (type !devobj ' +
            dev.address +
            '); it is played as a control device',
          assumed: true,
        };
  }
  if (bottom === undefined || !rel.isPdo(bottom)) {
    return { value: 'filter', why: 'it is attached above a device with no devnode: a filter', assumed: true };
  }
  const devnode = rel.devnodeOf(dev.address);
  const service = devnode === undefined ? undefined : ix.devnodes.get(devnode)?.service;
  if (service !== undefined && dev.driver !== undefined) {
    const fdo = sameName(dev.driver.slice(dev.driver.lastIndexOf('\\') + 1), service);
    return fdo
      ? { value: 'fdo', why: `the devnode's service is ${service}: its FDO`, assumed: false }
      : {
          value: 'filter',
          why: `the devnode's service is ${service}, not this driver: a filter`,
          assumed: false,
        };
  }
  const lowest = stack[stack.length - 2] === dev.address;
  return lowest
    ? {
        value: 'fdo',
        why: "the devnode's service was not printed; the device right above the PDO is taken for the FDO",
        assumed: true,
      }
    : {
        value: 'filter',
        why: "the devnode's service was not printed; a device higher up is taken for a filter",
        assumed: true,
      };
}

function isDevice(d: DebuggerDevice | undefined): d is DebuggerDevice {
  return d !== undefined;
}
