import type { WindowsRuleId } from '../rules';
import { closeHandleNow, openNow } from './io';
import { canOpen } from './openChecks';
import { unregisterNow } from './notify';
import { registrant, type Registration } from './model';
import type { WindowsTx } from './tx';
import { isKmdf } from './kmdf/objects';

/**
 * The registrants of a removal (shared/domain/windows.md §3, "PnP removal"
 * step 1): drivers that called IoRegisterPlugPlayNotification for
 * EventCategoryTargetDeviceChange, and applications that called
 * RegisterDeviceNotification on a handle. Both are told of a query, a cancel
 * and a completed removal, each in its own words (GUID_TARGET_DEVICE_… to a
 * driver's callback, DBT_… in WM_DEVICECHANGE to an application's window);
 * only a driver's registration holds a driver (seed rule 4(c)).
 */

/** Target-device-change registrants on the devices of a stack. */
export function registrantsOf(tx: WindowsTx, names: ReadonlySet<string>): Registration[] {
  return tx.registrations
    .valueSeq()
    .filter((r) => r.category === 'targetDeviceChange' && r.target !== null && names.has(r.target))
    .toArray();
}

/** An application's registration (RegisterDeviceNotification), told by WM_DEVICECHANGE. */
export const isApp = (r: Registration): boolean => r.mode === 'user';

/** Applications first, then drivers: user mode hears of a removal before the kernel-mode registrants [ROS]. */
function appsFirst(rs: readonly Registration[]): Registration[] {
  return [...rs.filter(isApp), ...rs.filter((r) => !isApp(r))];
}

/** A registrant is told: a driver's callback gets the GUID, an application's window the DBT_ event. */
function tell(tx: WindowsTx, r: Registration, state: string, rule: WindowsRuleId): void {
  tx.emit('notificationSent', rule, {
    registration: r.name,
    ...(isApp(r) ? { reason: `WM_DEVICECHANGE to application ${registrant(r)}` } : { driver: r.driver }),
    device: r.target ?? undefined,
    state,
    handle: r.handle ?? undefined,
  });
}

/**
 * Registrants are told of a removal; those not queried first close their
 * handles then, and each removes its registration with
 * IoUnregisterPlugPlayNotification (WDK "Handling a
 * GUID_TARGET_DEVICE_REMOVE_COMPLETE Event"), unless it forgets (a driver bug,
 * which keeps its driver from unloading: seed rule 4(c)). Applications hear
 * first: DBT_DEVICEREMOVEPENDING after a query that succeeded,
 * DBT_DEVICEREMOVECOMPLETE after a surprise removal (Win32 "Processing a
 * Request to Remove a Device": they unregister and close their handles).
 */
export function tellRemoved(
  tx: WindowsTx,
  names: ReadonlySet<string>,
  rule: WindowsRuleId,
  surprise: boolean,
): void {
  for (const r of appsFirst(registrantsOf(tx, names))) {
    if (isApp(r)) {
      const appRule = surprise ? 'win.pnp.userRemoveComplete' : 'win.pnp.userRemovePending';
      tell(tx, r, surprise ? 'DBT_DEVICEREMOVECOMPLETE' : 'DBT_DEVICEREMOVEPENDING', appRule);
      if (r.handle) closeHandleNow(tx, r.handle);
      unregisterNow(tx, r.name, appRule);
      continue;
    }
    tell(tx, r, 'GUID_TARGET_DEVICE_REMOVE_COMPLETE', rule);
    if (r.handle) closeHandleNow(tx, r.handle);
    if (!tx.registrations.has(r.name)) continue;
    if (r.forgetsUnregister && !isKmdf(tx.driver(r.driver))) {
      tx.emit('driverBug', 'win.pnp.unregisterOnRemove', {
        registration: r.name,
        driver: r.driver,
        reason: `its callback does not call IoUnregisterPlugPlayNotification for ${r.name}: the registration keeps ${r.driver} from unloading`,
      });
    } else {
      // A KMDF driver's remote I/O target is closed by the framework (win.kmdf.targetCloses).
      unregisterNow(
        tx,
        r.name,
        isKmdf(tx.driver(r.driver)) ? 'win.kmdf.targetCloses' : 'win.pnp.unregisterOnRemove',
      );
    }
  }
}

/**
 * GUID_TARGET_DEVICE_QUERY_REMOVE, before the IRP: each registrant closes its
 * handle (and stays registered), keeps it open, or fails the query.
 */
export function queryRegistrants(
  tx: WindowsTx,
  names: ReadonlySet<string>,
): { told: Registration[]; veto?: Registration } {
  const told: Registration[] = [];
  for (const r of appsFirst(registrantsOf(tx, names))) {
    if (isApp(r)) tell(tx, r, 'DBT_DEVICEQUERYREMOVE', 'win.pnp.userQueryFirst');
    else tell(tx, r, 'GUID_TARGET_DEVICE_QUERY_REMOVE', 'win.pnp.queryNotifyFirst');
    told.push(r);
    if (r.vetoesQueryRemove) return { told, veto: r };
    if (!r.keepsHandleOpen && r.handle) closeHandleNow(tx, r.handle);
  }
  return { told };
}

/** GUID_TARGET_DEVICE_REMOVE_CANCELLED; a registrant that re-registers opens a new handle first. */
export function tellCancelled(
  tx: WindowsTx,
  registrants: readonly Registration[],
  rule: WindowsRuleId,
): void {
  for (const r of registrants) {
    const now = tx.registrations.get(r.name);
    if (!now) continue;
    if (isApp(now)) {
      tell(tx, now, 'DBT_DEVICEQUERYREMOVEFAILED', 'win.pnp.userQueryFailed');
      // The application reopens the handle it closed; its registration on the device stays.
      if (now.reregisters && now.handle && now.target && !tx.handles.has(now.handle)) {
        if (canOpen(tx, now.target, now.handle)) openNow(tx, now.target, now.handle);
      }
      continue;
    }
    tell(tx, now, 'GUID_TARGET_DEVICE_REMOVE_CANCELLED', rule);
    if (now.reregisters) reregister(tx, now);
  }
}

/** Unregister the old registration, open a new handle, register on it (its handle keeps its name). */
function reregister(tx: WindowsTx, r: Registration): void {
  if (!r.handle || !r.target || tx.handles.has(r.handle) || !canOpen(tx, r.target, r.handle)) return;
  tx.emit('notificationUnregistered', 'win.pnp.reregister', { registration: r.name, driver: r.driver });
  openNow(tx, r.target, r.handle);
  tx.emit('notificationRegistered', 'win.pnp.reregister', {
    registration: r.name,
    driver: r.driver,
    state: r.category,
    device: r.target,
    handle: r.handle,
  });
}
