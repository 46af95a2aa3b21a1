import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';
import type { WindowsRuleId } from '../rules';
import type { StepResult } from '../types';
import { visible } from './openChecks';
import { hasFlag, registrant, type WindowsWorld } from './model';
import type { WindowsTx } from './tx';
import { maybeCallUnload } from './unload';

/** What an omitted registration field means (the one defaults table). */
const R = WINDOWS_ACTION_DEFAULTS.registerNotification;
const U = WINDOWS_ACTION_DEFAULTS.registerDeviceNotification;

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

/** IoRegisterPlugPlayNotification: the registration references the registering driver (seed rule 4(c)). */
export function registerNotification(tx: WindowsTx, a: Act<'registerNotification'>): Result {
  if (tx.registrations.has(a.registration)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `registration ${a.registration} exists`,
      {
        registration: a.registration,
      },
    );
  }
  const d = tx.driver(a.driver);
  if (!d || (d.state !== 'loaded' && d.state !== 'unloadPending')) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no loaded driver is named ${a.driver}`,
      {
        driver: a.driver,
      },
    );
  }
  let target: string | null = null;
  if (a.category === 'targetDeviceChange') {
    const h = a.handle === undefined ? undefined : tx.handles.get(a.handle);
    if (!h || h.state !== 'open') {
      return tx.refuse(
        'STATUS_INVALID_HANDLE',
        'win.object.invalid',
        a.handle === undefined
          ? 'targetDeviceChange needs the handle of the target device'
          : `no open handle is named ${a.handle}`,
        { registration: a.registration, handle: a.handle },
      );
    }
    target = h.device;
  }
  tx.registrations = tx.registrations.set(a.registration, {
    name: a.registration,
    driver: a.driver,
    category: a.category,
    handle: a.category === 'targetDeviceChange' ? (a.handle ?? null) : null,
    target,
    vetoesQueryRemove: a.vetoesQueryRemove ?? R.vetoesQueryRemove,
    keepsHandleOpen: a.keepsHandleOpen ?? R.keepsHandleOpen,
    reregisters: a.reregisters ?? R.reregisters,
    forgetsUnregister: a.forgetsUnregister ?? R.forgetsUnregister,
  });
  tx.patchDriver(a.driver, { registrations: d.registrations.add(a.registration) });
  tx.emit('notificationRegistered', 'win.notify.register', {
    registration: a.registration,
    driver: a.driver,
    state: a.category,
    ...(target ? { device: target } : {}),
  });
  return tx.done();
}

/**
 * An application's RegisterDeviceNotification with a DBT_DEVTYP_HANDLE filter on
 * a handle it holds (Win32 "Processing a Request to Remove a Device"): its
 * window will get WM_DEVICECHANGE for that device. Unlike
 * IoRegisterPlugPlayNotification it references no driver (seed rule 4(c) is
 * about drivers): what it can hold is the application's handle.
 */
export function registerDeviceNotification(tx: WindowsTx, a: Act<'registerDeviceNotification'>): Result {
  if (tx.registrations.has(a.registration)) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `registration ${a.registration} exists`,
      { registration: a.registration },
    );
  }
  const h = tx.handles.get(a.handle);
  if (!h || h.state !== 'open') {
    return tx.refuse(
      'STATUS_INVALID_HANDLE',
      'win.notify.userRegister',
      `no open handle is named ${a.handle}: RegisterDeviceNotification with DBT_DEVTYP_HANDLE needs a handle the application holds`,
      { registration: a.registration, handle: a.handle },
    );
  }
  const app = a.app ?? U.app;
  tx.registrations = tx.registrations.set(a.registration, {
    name: a.registration,
    driver: '',
    mode: 'user',
    app,
    category: 'targetDeviceChange',
    handle: a.handle,
    target: h.device,
    vetoesQueryRemove: a.deniesQueryRemove ?? U.deniesQueryRemove,
    keepsHandleOpen: a.keepsHandleOpen ?? U.keepsHandleOpen,
    reregisters: a.reopens ?? U.reopens,
    forgetsUnregister: false,
  });
  tx.emit('notificationRegistered', 'win.notify.userRegister', {
    registration: a.registration,
    device: h.device,
    handle: a.handle,
    state: 'DBT_DEVTYP_HANDLE',
    reason: `application ${app} (RegisterDeviceNotification): no driver is referenced`,
  });
  return tx.done();
}

/** IoUnregisterPlugPlayNotification: the last one may let a deferred Unload run. */
export function unregisterNotification(tx: WindowsTx, a: Act<'unregisterNotification'>): Result {
  const r = tx.registrations.get(a.registration);
  if (!r) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.object.invalid',
      `no registration is named ${a.registration}`,
      {
        registration: a.registration,
      },
    );
  }
  unregisterNow(tx, a.registration, 'win.notify.unregister');
  return tx.done();
}

/** Drops a registration and its reference on the driver; the last one may let a deferred Unload run. */
export function unregisterNow(tx: WindowsTx, registration: string, rule: WindowsRuleId): void {
  const r = tx.registrations.get(registration);
  if (!r) return;
  tx.registrations = tx.registrations.delete(registration);
  if (r.mode === 'user') {
    // UnregisterDeviceNotification: the application's own; no driver held it.
    tx.emit(
      'notificationUnregistered',
      rule === 'win.notify.unregister' ? 'win.notify.userUnregister' : rule,
      {
        registration,
        reason: `application ${registrant(r)} calls UnregisterDeviceNotification`,
      },
    );
    return;
  }
  tx.patchDriver(r.driver, { registrations: tx.drv(r.driver).registrations.delete(registration) });
  tx.emit('notificationUnregistered', rule, { registration, driver: r.driver });
  maybeCallUnload(tx, r.driver);
}

export function registerShutdown(tx: WindowsTx, a: Act<'registerShutdown'>): Result {
  const d = visible(tx, a.device);
  if (!d) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no device is named ${a.device}`,
      {
        device: a.device,
      },
    );
  }
  const kind = a.lastChance ? 'lastChance' : 'normal';
  tx.patchDevice(a.device, { shutdown: kind });
  tx.emit('shutdownRegistered', 'win.shutdown.register', { device: a.device, driver: d.driver, state: kind });
  return tx.done();
}

/** Seed rule 6: IRP_MJ_SHUTDOWN to registrants, normal before the flush, last-chance after; no Unload. */
export function shutdown(tx: WindowsTx): Result {
  const all = tx.devices.valueSeq().filter((d) => d.shutdown !== 'none' && !d.unlinked);
  // Seed rule 3: the system sends no new IRP to an Unload Pending driver, IRP_MJ_SHUTDOWN included [MODEL].
  for (const d of all.filter((d) => hasFlag(d, 'UNLOAD_PENDING'))) {
    tx.emit('shutdownSkipped', 'win.shutdown.skipPending', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_SHUTDOWN',
      reason: `${d.driver} is Unload Pending`,
    });
  }
  const registered = all.filter((d) => !hasFlag(d, 'UNLOAD_PENDING'));
  for (const d of registered.filter((d) => d.shutdown === 'normal')) {
    tx.emit('shutdownIrp', 'win.shutdown.order', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_SHUTDOWN',
    });
  }
  tx.emit('fileSystemFlush', 'win.shutdown.order');
  for (const d of registered.filter((d) => d.shutdown === 'lastChance')) {
    tx.emit('shutdownIrp', 'win.shutdown.order', {
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_SHUTDOWN',
      state: 'lastChance',
    });
  }
  tx.shutDown = true;
  tx.emit('systemShutdown', 'seed.6.noUnloadAtShutdown', { reason: 'no driver’s Unload routine is called' });
  return tx.done();
}
