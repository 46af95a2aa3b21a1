import type { StepResult } from '../types';
import type { WindowsAction } from './actions';
import { notNamed } from './openChecks';
import { type DeviceObject, type WindowsWorld } from './model';
import { pnpIrpAt } from './pnp';
import { pdoOf, stackOf } from './stack';
import type { WindowsTx, WindowsView } from './tx';

/**
 * IRP_MN_DEVICE_USAGE_NOTIFICATION (WDK page of that name): the system tells
 * a device's drivers, top of the stack first, that it is creating (InPath) or
 * deleting a paging, crash-dump or hibernation file on the device. While any
 * such count is nonzero each driver must fail IRP_MN_QUERY_STOP_DEVICE and
 * IRP_MN_QUERY_REMOVE_DEVICE for the device (win.pnp.deviceUsageVeto), so an
 * orderly removal, or a rebalance, of a disk holding the paging file fails.
 * The counts are kept on the PDO, for the whole stack.
 */

type Result = StepResult<WindowsWorld>;
type Act = Extract<WindowsAction, { do: 'deviceUsage' }>;

const USAGE_FILES = {
  paging: 'a paging file',
  dump: 'a crash-dump file',
  hibernation: 'the hibernation file',
} as const;
type UsageType = keyof typeof USAGE_FILES;

/** The special files on the stack of `device`, one entry per file. */
function specialFiles(w: WindowsView, device: string): readonly UsageType[] {
  return pdoOf(w, device)?.specialFiles ?? [];
}

/** Why `d`'s driver fails a query-stop or query-remove of its stack (a special file on it), or null. */
export function usageVeto(w: WindowsView, d: DeviceObject, minor: string): string | null {
  const files = specialFiles(w, d.name);
  if (files.length === 0) return null;
  const names = [...new Set(files)].map((f) => USAGE_FILES[f]).join(', ');
  return `${d.driver} fails ${minor}: the device holds ${names}`;
}

export function deviceUsage(tx: WindowsTx, a: Act): Result {
  const inPath = a.inPath ?? true;
  const unnamed = notNamed(tx, a.device);
  if (unnamed) return unnamed;
  const pdo = pdoOf(tx, a.device);
  if (!pdo || pdo.devnode !== 'Started') {
    return tx.refuse(
      pdo ? 'STATUS_INVALID_DEVICE_STATE' : 'STATUS_NOT_SUPPORTED',
      'win.pnp.deviceUsage',
      pdo
        ? `${pdo.name} is ${pdo.devnode ?? 'not started'}: the system puts special files on a started device`
        : `${a.device} is no PnP device: the system sends IRP_MN_DEVICE_USAGE_NOTIFICATION to PnP stacks`,
      { device: a.device },
    );
  }
  const files = pdo.specialFiles ?? [];
  const at = files.indexOf(a.usage);
  if (!inPath && at < 0) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `${pdo.name}'s stack holds no ${a.usage} file to remove`,
      { device: pdo.name },
    );
  }
  for (const d of stackOf(tx, a.device))
    pnpIrpAt(tx, d, 'IRP_MN_DEVICE_USAGE_NOTIFICATION', 'win.pnp.deviceUsage');
  const next = inPath ? [...files, a.usage] : files.filter((_, i) => i !== at);
  tx.patchDevice(pdo.name, { specialFiles: next });
  tx.emit('devnodeState', 'win.pnp.deviceUsage', {
    device: pdo.name,
    state: pdo.devnode ?? undefined,
    reason: inPath
      ? `the system creates ${USAGE_FILES[a.usage]} on it: its drivers will fail a query-remove or query-stop`
      : `the system deleted ${USAGE_FILES[a.usage]} from it`,
  });
  return tx.done();
}
