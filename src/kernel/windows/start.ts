import type { StepResult } from '../types';
import type { WindowsWorld } from './model';
import { pnpIrpAt, removeStack } from './pnp';
import { releaseHeld } from './rebalance';
import { stackOf } from './stack';
import type { WindowsTx } from './tx';

/**
 * IRP_MN_START_DEVICE (WDK "IRP_MN_START_DEVICE", "Starting a Device"). A
 * stack whose PDO was reported with `started: false` waits in
 * DeviceNodeDriversAdded, and its devices refuse opens. The start IRP is
 * handled by the parent bus driver first, then by each driver above it on
 * the way back up. If a driver fails it, the PnP manager sends
 * IRP_MN_REMOVE_DEVICE, with no query first: the drivers delete their
 * devices (and unload if that was their last), and the bus driver keeps the
 * PDO of a device still present, with a failed-start problem.
 */
export function startStack(tx: WindowsTx, pdo: string): StepResult<WindowsWorld> {
  const p = tx.dev(pdo);
  const restart = p.devnode === 'Stopped';
  if (p.devnode !== 'DriversAdded' && !restart) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_STATE',
      'win.start.notStartable',
      `${pdo} is not waiting to start (devnode ${p.devnode ?? 'none'})`,
      { device: pdo },
    );
  }
  for (const d of stackOf(tx, pdo).reverse()) {
    const fails = tx.drv(d.driver).startFails;
    pnpIrpAt(
      tx,
      d,
      'IRP_MN_START_DEVICE',
      'win.start.bottomUp',
      fails ? { status: fails, reason: 'the start fails here; the drivers above never start' } : undefined,
    );
    if (fails) {
      removeStack(tx, pdo, true, 'win.start.removeAfterFail');
      const after = tx.device(pdo);
      if (after?.devnode) {
        tx.emit('devnodeState', 'win.start.removeAfterFail', {
          device: pdo,
          state: after.devnode,
          reason: `the start failed (${fails}): Device Manager shows Code 10, CM_PROB_FAILED_START`,
        });
      }
      return tx.done(fails);
    }
  }
  tx.patchDevice(pdo, { devnode: 'Started' });
  tx.emit('devnodeState', restart ? 'win.rebalance.restartReleases' : 'win.start.bottomUp', {
    device: pdo,
    state: 'Started',
    ...(restart ? { reason: 'started again with its new resources' } : {}),
  });
  if (restart) releaseHeld(tx, pdo, 'win.rebalance.restartReleases');
  return tx.done();
}
