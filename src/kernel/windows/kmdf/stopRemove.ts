import type { WindowsAction } from '../actions';
import type { StepResult } from '../../types';
import type { DeviceObject, WindowsWorld } from '../model';
import type { WindowsTx } from '../tx';
import { isKmdf } from './objects';

type Result = StepResult<WindowsWorld>;

/**
 * WdfDeviceSetStaticStopRemove (rule win.kmdf.staticStopRemove): the
 * framework counts the FALSE calls not yet matched by a TRUE, and fails the
 * query-remove and query-stop IRPs while the count is not zero.
 */
export function wdfSetStaticStopRemove(
  tx: WindowsTx,
  a: Extract<WindowsAction, { do: 'wdfSetStaticStopRemove' }>,
): Result {
  const d = tx.device(a.device);
  if (!d || !isKmdf(tx.driver(d.driver))) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.kmdf.staticStopRemove.unmatched',
      d
        ? `${a.device} belongs to ${d.driver}, which is not a KMDF driver: load it with framework "kmdf"`
        : `no device is named ${a.device}`,
      { device: a.device },
    );
  }
  const count = d.wdfStopCount ?? 0;
  const stoppable = a.stoppable ?? false;
  if (stoppable && count === 0) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.kmdf.staticStopRemove.unmatched',
      `${a.device} has no WdfDeviceSetStaticStopRemove(FALSE) to match: call it with stoppable false first`,
      { device: a.device, driver: d.driver },
    );
  }
  const next = stoppable ? count - 1 : count + 1;
  tx.patchDevice(a.device, { wdfStopCount: next });
  tx.emit('wdfCallback', 'win.kmdf.staticStopRemove', {
    device: a.device,
    driver: d.driver,
    state: `WdfDeviceSetStaticStopRemove(${stoppable ? 'TRUE' : 'FALSE'})`,
    wdfObject: `WDFDEVICE ${a.device}`,
    reason:
      next > 0
        ? `the framework will fail query-remove and query-stop (${next} call${next === 1 ? '' : 's'} to match)`
        : 'the device can be stopped and removed again',
  });
  return tx.done();
}

/**
 * The framework's answer to a query-remove or query-stop for a device whose
 * driver said it cannot be stopped; null when it lets the query through.
 */
export function frameworkQueryVeto(tx: WindowsTx, d: DeviceObject): string | null {
  if (!isKmdf(tx.driver(d.driver)) || (d.wdfStopCount ?? 0) === 0) return null;
  return `${d.driver} called WdfDeviceSetStaticStopRemove(FALSE) on ${d.name}: the framework fails the query with STATUS_INVALID_DEVICE_STATE`;
}
