import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';
import type { StepResult } from '../types';
import { hasFlag, type DeviceObject, type WindowsWorld } from './model';
import { cancelRemove, orderlyRemove, queryRemove, removeStack, removing, surpriseRemove } from './pnp';
import { eject, ejectRefusal } from './eject';
import { cancelStop, queryStop, stopStack } from './rebalance';
import { startStack } from './start';
import { isHolding } from './openChecks';
import { pdoOf } from './stack';
import type { WindowsTx } from './tx';
import { isRefusal } from '../tx';

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/** The PDO (devnode) of the stack holding `device`, or the refusal to return. */
function devnodeOf(tx: WindowsTx, device: string): DeviceObject | Result {
  const d = tx.device(device);
  if (!d || d.unlinked) {
    return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.object.notFound', `no device is named ${device}`, {
      device,
    });
  }
  const pdo = pdoOf(tx, device);
  if (!pdo) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_REQUEST',
      'win.pnp.noDevnode',
      `${device} has no PDO below it: a legacy device has no devnode to remove`,
      { device },
    );
  }
  if (pdo.surpriseRemoved || pdo.devnode === 'RemovePendingCloses' || hasFlag(pdo, 'DELETE_PENDING')) {
    return tx.refuse(
      'STATUS_DELETE_PENDING',
      'win.pnp.removeAfterClose',
      `${pdo.name} is already being removed`,
      {
        device: pdo.name,
      },
    );
  }
  if (pdo.removeAfterChildren) {
    return tx.refuse(
      'STATUS_DELETE_PENDING',
      'win.pnp.childrenFirst',
      `${pdo.name} is being removed: its IRP_MN_REMOVE_DEVICE waits for its child devnodes`,
      { device: pdo.name },
    );
  }
  if (removing(tx, pdo.name)) {
    return tx.refuse(
      'STATUS_DELETE_PENDING',
      'win.removeLock.wait',
      `IRP_MN_REMOVE_DEVICE is under way on ${pdo.name}'s stack, waiting on a remove lock`,
      { device: pdo.name },
    );
  }
  return pdo;
}

/** A removal asked in the middle of a rebalance, refused [MODEL]; undefined when it may go on. */
function midRebalance(tx: WindowsTx, pdo: DeviceObject): Result | undefined {
  if (!isHolding(pdo)) return undefined;
  return tx.refuse(
    'STATUS_INVALID_DEVICE_STATE',
    'win.rebalance.noRemoval',
    `${pdo.name} is ${pdo.devnode}: a resource rebalance is under way`,
    { device: pdo.name },
  );
}

/** Orderly removal (eject, disable): query top-down, then remove top-down or cancel bottom-up. */
export function requestRemove(tx: WindowsTx, a: Act<'requestRemove'>): Result {
  const pdo = devnodeOf(tx, a.device);
  if (isRefusal(pdo)) return pdo;
  const busy = midRebalance(tx, pdo);
  if (busy) return busy;
  const D = WINDOWS_ACTION_DEFAULTS.requestRemove;
  const ejecting = a.eject ?? D.eject;
  // An ejectable device is still in its slot at REMOVE: the bus driver keeps the PDO until it is ejected.
  const q = orderlyRemove(tx, pdo.name, ejecting || (a.present ?? D.present));
  if (!q.ok) return tx.done('STATUS_UNSUCCESSFUL');
  const after = tx.device(pdo.name);
  if (ejecting && after && ejectRefusal(after) === null) eject(tx, pdo.name);
  return tx.done();
}

export function surpriseRemoveAction(tx: WindowsTx, a: Act<'surpriseRemove'>): Result {
  const pdo = devnodeOf(tx, a.device);
  if (isRefusal(pdo)) return pdo;
  surpriseRemove(tx, pdo.name);
  return tx.done();
}

/** One PnP IRP sent by hand, as the PnP manager would send it. */
export function pnpIrpAction(tx: WindowsTx, a: Act<'pnpIrp'>): Result {
  const pdo = devnodeOf(tx, a.device);
  if (isRefusal(pdo)) return pdo;
  const removal =
    a.minor === 'IRP_MN_QUERY_REMOVE_DEVICE' ||
    a.minor === 'IRP_MN_REMOVE_DEVICE' ||
    a.minor === 'IRP_MN_CANCEL_REMOVE_DEVICE';
  const busy = removal ? midRebalance(tx, pdo) : undefined;
  if (busy) return busy;
  switch (a.minor) {
    case 'IRP_MN_QUERY_REMOVE_DEVICE':
      return tx.done(queryRemove(tx, pdo.name).ok ? 'STATUS_SUCCESS' : 'STATUS_UNSUCCESSFUL');
    case 'IRP_MN_CANCEL_REMOVE_DEVICE':
      cancelRemove(tx, pdo.name);
      return tx.done();
    case 'IRP_MN_REMOVE_DEVICE':
      removeStack(tx, pdo.name, pdo.present, 'win.pnp.removeTopDown');
      return tx.done();
    case 'IRP_MN_SURPRISE_REMOVAL':
      surpriseRemove(tx, pdo.name);
      return tx.done();
    case 'IRP_MN_START_DEVICE':
      return startStack(tx, pdo.name);
    case 'IRP_MN_QUERY_STOP_DEVICE':
      return queryStop(tx, pdo.name);
    case 'IRP_MN_STOP_DEVICE':
      return stopStack(tx, pdo.name);
    case 'IRP_MN_CANCEL_STOP_DEVICE':
      return cancelStop(tx, pdo.name);
    case 'IRP_MN_EJECT': {
      const why = ejectRefusal(pdo);
      if (why) {
        return tx.refuse('STATUS_INVALID_DEVICE_STATE', 'win.pnp.ejectNotRemoved', why, { device: pdo.name });
      }
      eject(tx, pdo.name);
      return tx.done();
    }
  }
}
