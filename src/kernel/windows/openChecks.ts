import type { WindowsRuleId } from '../rules';
import type { EventFields } from '../tx';
import { hasDoFlag, hasFlag, isNamed, type DeviceObject, type WindowsWorld } from './model';
import { pdoOf, stackOf } from './stack';
import type { StepResult } from '../types';
import type { WindowsTx } from './tx';

/**
 * Whether a device can be opened now (CreateFile's checks: shared/domain/windows.md
 * §3, "What blocks opens"), and whether its stack holds new I/O.
 */

const PENDING_FLAGS = ['UNLOAD_PENDING', 'DELETE_PENDING', 'REMOVE_PENDING'] as const;

function pendingFlag(d: DeviceObject): (typeof PENDING_FLAGS)[number] | undefined {
  return PENDING_FLAGS.find((f) => hasFlag(d, f));
}

/** A device's name is gone once IoDeleteDevice marked it (win.delete.pending). */
export function visible(tx: WindowsTx, name: string): DeviceObject | undefined {
  const d = tx.device(name);
  return d && isNamed(d) ? d : undefined;
}

/** Why an open of `device` as `handle` is refused, if it is: the refusal to return. */
interface Refusal {
  readonly status: string;
  readonly rule: WindowsRuleId;
  readonly reason: string;
  readonly fields: Omit<EventFields, 'status' | 'reason'>;
}

export function openRefusal(tx: WindowsTx, device: string, handle: string): Refusal | null {
  if (tx.handles.has(handle)) {
    return {
      status: 'STATUS_OBJECT_NAME_COLLISION',
      rule: 'win.object.invalid',
      reason: `handle ${handle} is already open`,
      fields: { handle },
    };
  }
  const target = visible(tx, device);
  if (!target) {
    return {
      status: 'STATUS_OBJECT_NAME_NOT_FOUND',
      rule: 'win.object.notFound',
      reason: `no device is named ${device}`,
      fields: { device },
    };
  }
  // The I/O manager checks the device opened by name (ReactOS: IopCheckDeviceAndDriver)…
  const own = pendingFlag(target);
  if (own) {
    return {
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: own === 'UNLOAD_PENDING' ? 'seed.3.noNewReferences' : 'win.open.pendingFlags',
      reason: `${device} is DOE_${own}: no new opens`,
      fields: { device, driver: target.driver, handle },
    };
  }
  if (hasDoFlag(target, 'DEVICE_INITIALIZING')) {
    return {
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: 'win.open.initializing',
      reason: `${device} is DO_DEVICE_INITIALIZING: it cannot be opened`,
      fields: { device, driver: target.driver, handle },
    };
  }
  // …and the simulator the rest of its stack [MODEL].
  for (const d of stackOf(tx, device)) {
    const flag = pendingFlag(d);
    if (flag) {
      return {
        status: 'STATUS_NO_SUCH_DEVICE',
        rule: 'win.open.stackPending',
        reason: `${d.name}, in the stack of ${device}, is DOE_${flag}: no new opens`,
        fields: { device: d.name, driver: d.driver, handle },
      };
    }
  }
  if (pdoOf(tx, device)?.devnode === 'DriversAdded') {
    return {
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: 'win.start.opensAfterStart',
      reason: `${device} is not started yet: its drivers fail opens until IRP_MN_START_DEVICE succeeds`,
      fields: { device, handle },
    };
  }
  if (pdoOf(tx, device)?.surpriseRemoved) {
    return {
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: 'win.io.removedFailsIo',
      reason: `${device} was surprise-removed`,
      fields: { device, handle },
    };
  }
  if (target.volumeLocked) {
    return {
      status: 'STATUS_ACCESS_DENIED',
      rule: 'win.fs.locked',
      reason: `volume ${device} is locked by ${target.driver} for a query-remove: no new file can be opened`,
      fields: { device, driver: target.driver, handle },
    };
  }
  if (target.exclusive && target.fileObjects.size > 0) {
    return {
      status: 'STATUS_ACCESS_DENIED',
      rule: 'win.open.exclusive',
      reason: `${device} is exclusive and already open`,
      fields: { device, handle },
    };
  }
  return null;
}

/** A stack whose PDO is query-stopped or stopped holds new I/O. */
export function isHolding(pdo: DeviceObject | undefined): boolean {
  return pdo?.devnode === 'QueryStopped' || pdo?.devnode === 'Stopped';
}

/** Whether `device` can be opened as `handle` now (a registrant reopening after a cancel asks). */
export function canOpen(tx: WindowsTx, device: string, handle: string): boolean {
  return openRefusal(tx, device, handle) === null;
}

/** The refusal of an action naming a device that cannot be found by its name, if it cannot. */
export function notNamed(tx: WindowsTx, device: string): StepResult<WindowsWorld> | null {
  if (visible(tx, device)) return null;
  return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.object.notFound', `no device is named ${device}`, {
    device,
  });
}
