import type { StepResult } from '../types';
import type { DevnodeState, WindowsWorld } from './model';
import { usageVeto } from './deviceUsage';
import { pnpIrpAt, sendDown } from './pnp';
import { stackOf } from './stack';
import type { WindowsTx } from './tx';
import { frameworkQueryVeto } from './kmdf/stopRemove';

/**
 * A resource rebalance (WDK "Stopping a Device", "IRP_MN_QUERY_STOP_DEVICE",
 * "IRP_MN_STOP_DEVICE", "IRP_MN_CANCEL_STOP_DEVICE"). The query and the stop
 * go to the top of the stack first; a driver that cannot stop its device
 * fails the query, and the PnP manager cancels it, bus driver first. After a
 * successful query the drivers hold new requests in their queues, and a
 * stopped device keeps holding them: nothing is failed, nothing is lost. The
 * device starts again with IRP_MN_START_DEVICE (start.ts), and the held
 * requests go on.
 */

type Result = StepResult<WindowsWorld>;

function refuseState(tx: WindowsTx, pdo: string, minor: string, want: DevnodeState): Result {
  const p = tx.dev(pdo);
  return tx.refuse(
    'STATUS_INVALID_DEVICE_STATE',
    'win.rebalance.wrongState',
    `${minor} needs ${pdo}'s devnode ${want}; it is ${p.devnode ?? 'none'}`,
    { device: pdo },
  );
}

function setDevnode(
  tx: WindowsTx,
  pdo: string,
  state: DevnodeState,
  rule: 'win.rebalance.queryTopDown' | 'win.rebalance.stopTopDown' | 'win.rebalance.cancelBottomUp',
  reason?: string,
): void {
  tx.patchDevice(pdo, { devnode: state });
  tx.emit('devnodeState', rule, { device: pdo, state, ...(reason ? { reason } : {}) });
}

/** IRP_MN_QUERY_STOP_DEVICE, top first; a veto is followed by IRP_MN_CANCEL_STOP_DEVICE. */
export function queryStop(tx: WindowsTx, pdo: string): Result {
  if (tx.dev(pdo).devnode !== 'Started') return refuseState(tx, pdo, 'IRP_MN_QUERY_STOP_DEVICE', 'Started');
  for (const d of stackOf(tx, pdo)) {
    const framework = frameworkQueryVeto(tx, d);
    // A special file on the device (IRP_MN_DEVICE_USAGE_NOTIFICATION) makes each driver fail the query.
    const usage = usageVeto(tx, d, 'IRP_MN_QUERY_STOP_DEVICE');
    const veto = tx.drv(d.driver).vetoesQueryStop || framework !== null || usage !== null;
    const status = framework ? 'STATUS_INVALID_DEVICE_STATE' : 'STATUS_UNSUCCESSFUL';
    const rule = framework
      ? 'win.kmdf.staticStopRemove'
      : usage
        ? 'win.pnp.deviceUsageVeto'
        : 'win.rebalance.queryTopDown';
    pnpIrpAt(
      tx,
      d,
      'IRP_MN_QUERY_STOP_DEVICE',
      rule,
      veto ? { status, reason: framework ?? usage ?? `${d.driver} cannot stop its device` } : undefined,
    );
    if (veto) {
      tx.emit('queryRemoveVetoed', rule, {
        device: d.name,
        driver: d.driver,
        minor: 'IRP_MN_QUERY_STOP_DEVICE',
        reason: framework ?? usage ?? `${d.driver} failed IRP_MN_QUERY_STOP_DEVICE: no rebalance`,
      });
      cancelStopNow(tx, pdo);
      return tx.done(status);
    }
  }
  setDevnode(tx, pdo, 'QueryStopped', 'win.rebalance.queryTopDown', 'its drivers now hold new requests');
  return tx.done();
}

/** IRP_MN_STOP_DEVICE, top first: the device's resources are released; its requests stay held. */
export function stopStack(tx: WindowsTx, pdo: string): Result {
  if (tx.dev(pdo).devnode !== 'QueryStopped')
    return refuseState(tx, pdo, 'IRP_MN_STOP_DEVICE', 'QueryStopped');
  sendDown(tx, stackOf(tx, pdo), 'IRP_MN_STOP_DEVICE', 'win.rebalance.stopTopDown');
  setDevnode(
    tx,
    pdo,
    'Stopped',
    'win.rebalance.stopTopDown',
    'its resources are released; it holds its I/O until it starts again',
  );
  return tx.done();
}

/** IRP_MN_CANCEL_STOP_DEVICE by hand: only after a successful query-stop. */
export function cancelStop(tx: WindowsTx, pdo: string): Result {
  if (tx.dev(pdo).devnode !== 'QueryStopped') {
    return refuseState(tx, pdo, 'IRP_MN_CANCEL_STOP_DEVICE', 'QueryStopped');
  }
  cancelStopNow(tx, pdo);
  return tx.done();
}

/** Bus driver first, then up; the device is started again and its held requests go on. */
function cancelStopNow(tx: WindowsTx, pdo: string): void {
  sendDown(tx, stackOf(tx, pdo).reverse(), 'IRP_MN_CANCEL_STOP_DEVICE', 'win.rebalance.cancelBottomUp');
  setDevnode(tx, pdo, 'Started', 'win.rebalance.cancelBottomUp');
  releaseHeld(tx, pdo, 'win.rebalance.cancelBottomUp');
}

/** The drivers take the requests they held: each is an ordinary pending IRP again. */
export function releaseHeld(
  tx: WindowsTx,
  pdo: string,
  rule: 'win.rebalance.cancelBottomUp' | 'win.rebalance.restartReleases',
): void {
  const names = new Set(stackOf(tx, pdo).map((d) => d.name));
  for (const irp of tx.irps.valueSeq().toArray()) {
    if (!irp.held || !irp.path.some((d) => names.has(d))) continue;
    tx.irps = tx.irps.set(irp.name, { ...irp, held: false });
    const at = irp.path[irp.path.length - 1] ?? '';
    tx.emit('irpPending', rule, {
      irp: irp.name,
      device: at,
      driver: tx.device(at)?.driver,
      major: irp.major,
      status: 'STATUS_PENDING',
      reason: 'the driver takes the request it held',
    });
  }
}
