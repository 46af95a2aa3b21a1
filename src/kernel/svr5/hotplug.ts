import type { StepResult } from '../types';
import type { Svr5Action } from './actions';
import { isDdi8, type DeviceInstance, type Module, type Svr5World } from './model';
import type { Svr5Tx } from './tx';
import { isRefusal } from '../tx';

/**
 * Hot-plug suspension (config(D2) CFG_SUSPEND / CFG_RESUME): before a slot
 * powers off, the instance in it is suspended; it gets no I/O until it is
 * resumed. hotRemove (step.ts) suspends the instance itself before removing it.
 */

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/** The instance and its module if config(D2) can be called for it now, else the refusal to return. */
function hotInstance(tx: Svr5Tx, device: string): { d: DeviceInstance; m: Module } | Result {
  const d = tx.devices.get(device);
  if (!d) return tx.refuse('ENXIO', 'svr5.open.noDevice', `no device is named ${device}`, { device });
  if (d.removed) {
    return tx.refuse('ENODEV', 'svr5.open.noDevice', `${device} was removed (CFG_REMOVE)`, {
      device,
      module: d.module,
    });
  }
  const m = tx.mod(d.module);
  if (!m.hot || !isDdi8(m.ddi)) {
    return tx.refuse(
      'EOPNOTSUPP',
      m.hot ? 'svr5.hot.invalid' : 'svr5.hot.notHot',
      m.hot ? `${m.name} has no config(D2) entry point (DDI ${m.ddi})` : `${m.name} is not a D_HOT driver`,
      { device, module: m.name },
    );
  }
  if (!m.loaded) {
    return tx.refuse(
      'EINVAL',
      'svr5.hot.invalid',
      `${m.name} is not loaded: no instance to suspend or resume`,
      {
        device,
        module: m.name,
      },
    );
  }
  const transition = tx.refuseInTransition(m.name, device);
  if (transition) return transition;
  return { d, m };
}

/**
 * Inside CFG_SUSPEND / CFG_RESUME, a hotplug-aware MDI driver tells the
 * dlpi module above it that its hardware is suspended (frames are dropped
 * meanwhile) or resumed: mdi_hw_suspended(D3mdi), mdi_hw_resumed(D3mdi).
 */
export function mdiNotice(tx: Svr5Tx, m: Module, device: string, suspended: boolean): void {
  if (!m.mdi) return;
  tx.emit('mdiNotified', suspended ? 'svr5.mdi.suspended' : 'svr5.mdi.resumed', {
    module: m.name,
    device,
    state: suspended ? 'mdi_hw_suspended' : 'mdi_hw_resumed',
  });
}

/** config(CFG_SUSPEND) (`suspended`) or config(CFG_RESUME) for one instance. */
function setSuspended(tx: Svr5Tx, device: string, suspended: boolean): Result {
  const x = hotInstance(tx, device);
  if (isRefusal(x)) return x;
  if (x.d.suspended === suspended) {
    return tx.refuse(
      'EINVAL',
      'svr5.hot.invalid',
      `${device} is ${suspended ? 'already' : 'not'} suspended`,
      { device, module: x.m.name },
    );
  }
  tx.patchDevice(device, { suspended });
  tx.emit(suspended ? 'cfgSuspend' : 'cfgResume', 'svr5.hot.suspend', {
    module: x.m.name,
    device,
    time: tx.clock,
  });
  mdiNotice(tx, x.m, device, suspended);
  return tx.done();
}

/** config(CFG_SUSPEND): the instance stops doing I/O (its slot may now power off). */
export function suspendInstance(tx: Svr5Tx, a: Act<'suspendInstance'>): Result {
  return setSuspended(tx, a.device, true);
}

/** config(CFG_RESUME): the instance takes I/O again. */
export function resumeInstance(tx: Svr5Tx, a: Act<'resumeInstance'>): Result {
  return setSuspended(tx, a.device, false);
}

/**
 * Hot insertion (config(D2) CFG_ADD into a loaded driver): a card goes back
 * into the slot of an instance that was removed. A loaded DDI 8 D_HOT driver
 * gets CFG_ADD for it at once; a driver not loaded configures it at its next
 * load (drv_attach).
 */
export function hotAdd(tx: Svr5Tx, a: Act<'hotAdd'>): Result {
  const d = tx.devices.get(a.device);
  if (!d)
    return tx.refuse('ENXIO', 'svr5.open.noDevice', `no device is named ${a.device}`, { device: a.device });
  const m = tx.mod(d.module);
  if (!m.hot || !isDdi8(m.ddi)) {
    return tx.refuse('EOPNOTSUPP', 'svr5.hot.notHot', `${m.name} is not a DDI 8 D_HOT driver`, {
      device: a.device,
      module: m.name,
    });
  }
  if (!d.removed) {
    return tx.refuse('EEXIST', 'svr5.hot.invalid', `${a.device} is configured already`, {
      device: a.device,
      module: m.name,
    });
  }
  const transition = tx.refuseInTransition(m.name, a.device);
  if (transition) return transition;
  if (m.addFails.includes(a.device)) {
    return tx.refuse('ENODEV', 'svr5.load.addFails', `CFG_ADD fails for ${a.device} again`, {
      device: a.device,
      module: m.name,
    });
  }
  tx.patchDevice(a.device, { removed: false, suspended: false, addFailed: false });
  tx.patchModule(m.name, { configured: m.devices.filter((x) => x === a.device || m.configured.includes(x)) });
  if (m.loaded) {
    tx.emit('cfgAdd', 'svr5.hot.add', { module: m.name, device: a.device, time: tx.clock });
  } else {
    tx.emit('moduleRegistered', 'svr5.hot.add', {
      module: m.name,
      reason: `${a.device} is configured again: CFG_ADD reaches it at the next load`,
    });
  }
  return tx.done();
}
