import type { StepResult } from '../types';
import type { Svr5Action } from './actions';
import { isDdi8, type DeviceInstance, type Module, type Svr5World } from './model';
import type { Svr5Tx } from './tx';
import { isRefusal } from '../tx';

/**
 * config(D2)'s other two subfunctions (shared/domain/svr5.md §4):
 * CFG_MODIFY gives a suspended instance new hardware parameters, CFG_VERIFY
 * asks the driver whether a key's hardware is one it can manage. Neither
 * holds or frees the module: they change what an instance is, not whether
 * the driver may unload.
 */

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/** The instance and its loaded DDI 8 module, or the refusal (svr5.config.invalid). */
function configTarget(tx: Svr5Tx, device: string, sub: string): { d: DeviceInstance; m: Module } | Result {
  const d = tx.devices.get(device);
  if (!d) return tx.refuse('ENXIO', 'svr5.open.noDevice', `no device is named ${device}`, { device });
  const m = tx.mod(d.module);
  if (!isDdi8(m.ddi)) {
    return tx.refuse(
      'EOPNOTSUPP',
      'svr5.config.invalid',
      `${m.name} has no config(D2) entry point (DDI ${m.ddi}): no ${sub}`,
      { device, module: m.name },
    );
  }
  if (!m.loaded) {
    return tx.refuse('EINVAL', 'svr5.config.invalid', `${m.name} is not loaded: no ${sub} for ${device}`, {
      device,
      module: m.name,
    });
  }
  if (d.removed) {
    return tx.refuse('ENODEV', 'svr5.config.invalid', `${device} was removed: it has no hardware to ${sub}`, {
      device,
      module: m.name,
    });
  }
  const transition = tx.refuseInTransition(m.name, device);
  if (transition) return transition;
  return { d, m };
}

/**
 * config(CFG_MODIFY): the suspended instance reads its parameters from a
 * new resource manager key (svr5.config.modify); only while it is suspended
 * [MODEL: svr5.config.modifySuspended]. It stays suspended: CFG_RESUME
 * brings it back with the new parameters.
 */
export function modifyInstance(tx: Svr5Tx, a: Act<'modifyInstance'>): Result {
  const x = configTarget(tx, a.device, 'CFG_MODIFY');
  if (isRefusal(x)) return x;
  if (!x.d.suspended) {
    return tx.refuse(
      'EBUSY',
      'svr5.config.modifySuspended',
      `${a.device} is running: CFG_SUSPEND it before CFG_MODIFY changes its hardware parameters`,
      { device: a.device, module: x.m.name },
    );
  }
  const n = (x.d.modified ?? 0) + 1;
  tx.patchDevice(a.device, { modified: n });
  tx.emit('cfgModify', 'svr5.config.modify', {
    module: x.m.name,
    device: a.device,
    time: tx.clock,
    reason: 'it reads the new resource manager key from now on; it stays suspended until CFG_RESUME',
  });
  return tx.done();
}

/**
 * config(CFG_VERIFY): the driver answers whether the hardware the
 * instance's key describes is one it can manage (svr5.config.verify). The
 * answer is returned; no instance changes state.
 */
export function verifyInstance(tx: Svr5Tx, a: Act<'verifyInstance'>): Result {
  const x = configTarget(tx, a.device, 'CFG_VERIFY');
  if (isRefusal(x)) return x;
  const status = x.m.verifyFails.includes(a.device) ? 'ENODEV' : '0';
  tx.patchDevice(a.device, { lastVerify: status });
  tx.emit('cfgVerify', 'svr5.config.verify', {
    module: x.m.name,
    device: a.device,
    status,
    time: tx.clock,
    ...(status === '0'
      ? {}
      : { reason: 'its hardware is not a device this driver can manage; nothing is configured or removed' }),
  });
  return tx.done(status);
}
