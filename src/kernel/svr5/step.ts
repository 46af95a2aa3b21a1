import { Map as IMap, OrderedSet } from 'immutable';
import { DEFAULT_SVR5_OPTIONS, SVR5_ACTION_DEFAULTS, type Svr5Action, type Svr5Options } from './actions';

import type { StepResult } from '../types';
import { advanceTime, waitForUnload } from './daemon';
import { close, open } from './io';
import { pop, push } from './streams';
import { attachInstances, load } from './lifecycle';
import { demandUnload, refuseStatic, unloadAll } from './demand';
import { hotAdd, mdiNotice, resumeInstance, suspendInstance } from './hotplug';
import { modifyInstance, verifyInstance } from './config';
import { isDdi8, type Module, type Svr5World } from './model';
import { Svr5Tx } from './tx';

const D = SVR5_ACTION_DEFAULTS.registerModule;

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

export function createSvr5World(options: Partial<Svr5Options> = {}): Svr5World {
  return {
    os: 'svr5',
    options: { ...DEFAULT_SVR5_OPTIONS, ...options },
    modules: IMap(),
    devices: IMap(),
    channels: IMap(),
    autoCandidates: OrderedSet(),
    clock: 0,
    shutDown: false,
  };
}

/** One SVR5 action: (world, action) → { world, status, events }. Pure. */
export function svr5Step(world: Svr5World, action: Svr5Action): Result {
  const tx = new Svr5Tx(world);
  if (world.shutDown) return tx.refuse('ENXIO', 'svr5.shutdown.halted', 'the system has shut down');
  switch (action.do) {
    case 'registerModule':
      return registerModule(tx, action);
    case 'loadModule':
      return loadModule(tx, action);
    case 'open':
      return open(tx, action);
    case 'close':
      return close(tx, action);
    case 'push':
      return push(tx, action);
    case 'pop':
      return pop(tx, action);
    case 'unloadModule':
      return unloadModule(tx, action);
    case 'unloadAll':
      return unloadAll(tx);
    case 'advanceTime':
      return advanceTime(tx, action);
    case 'hotRemove':
      return hotRemove(tx, action);
    case 'hotAdd':
      return hotAdd(tx, action);
    case 'suspendInstance':
      return suspendInstance(tx, action);
    case 'resumeInstance':
      return resumeInstance(tx, action);
    case 'modifyInstance':
      return modifyInstance(tx, action);
    case 'verifyInstance':
      return verifyInstance(tx, action);
    case 'shutdown':
      return shutdown(tx);
  }
}

const errno = (v: number | string | undefined): string => (v === undefined || v === 0 ? '0' : String(v));

/** idbuild -M: configure a loadable module and its device instances (not loaded yet). */
function registerModule(tx: Svr5Tx, a: Act<'registerModule'>): Result {
  if (tx.modules.has(a.module)) {
    return tx.refuse('EEXIST', 'svr5.register.invalid', `a module named ${a.module} is registered`, {
      module: a.module,
    });
  }
  if (isDdi8(a.ddi) && a.unloadRoutine === false) {
    return tx.refuse('EINVAL', 'svr5.seed.requiredDdi8', `DDI ${a.ddi} requires an _unload entry point`, {
      module: a.module,
    });
  }
  const dependsOn = a.dependsOn ?? [];
  const missing = dependsOn.find((d) => d === a.module || !tx.modules.has(d));
  if (missing !== undefined) {
    return tx.refuse(
      'EINVAL',
      'svr5.register.invalid',
      `${a.module} depends on ${missing}, which is not registered`,
      {
        module: a.module,
      },
    );
  }
  const loadable = a.static ? dependsOn.find((d) => !tx.mod(d).isStatic) : undefined;
  if (loadable !== undefined) {
    return tx.refuse(
      'EINVAL',
      'svr5.register.invalid',
      `${a.module} is static: it cannot depend on ${loadable}, a loadable module`,
      { module: a.module },
    );
  }
  if (a.streams && (a.devices?.length ?? 0) > 0) {
    return tx.refuse(
      'EINVAL',
      'svr5.register.invalid',
      `${a.module} is a STREAMS module: it has no devices`,
      {
        module: a.module,
      },
    );
  }
  const devices = a.devices ?? (a.streams ? [] : [`${a.module}0`]);
  // One pass with a set: linear in the instances (indexOf per instance was quadratic).
  const seen = new Set<string>();
  const taken = devices.find((d) => tx.devices.has(d) || seen.size === seen.add(d).size);
  if (taken !== undefined) {
    return tx.refuse('EEXIST', 'svr5.register.invalid', `a device named ${taken} is already configured`, {
      module: a.module,
      device: taken,
    });
  }
  const m: Module = {
    name: a.module,
    ddi: a.ddi,
    hasUnload: a.unloadRoutine ?? D.unloadRoutine,
    loadReturns: errno(a.loadReturns),
    unloadReturns: errno(a.unloadReturns),
    dependsOn,
    hba: a.hba ?? D.hba,
    isStatic: a.static ?? D.static,
    streams: a.streams ?? D.streams,
    mdi: a.mdi ?? D.mdi,
    pushedOn: OrderedSet(),
    hot: a.hot ?? D.hot,
    unloadDelay: a.unloadDelay ?? null,
    copyoutInUnload: a.copyoutInUnload ?? D.copyoutInUnload,
    failsAfterDetach: a.failsAfterDetach ?? D.failsAfterDetach,
    addFails: (a.addFails ?? []).filter((x) => devices.includes(x)),
    verifyFails: (a.verifyFails ?? []).filter((x) => devices.includes(x)),
    drainSeconds: a.drainSeconds ?? D.drainSeconds,
    unloadSleeps: a.unloadSleeps ?? D.unloadSleeps,
    unloading: null,
    devices,
    configured: devices,
    loaded: false,
    loadedBy: null,
    autoCandidate: false,
    idleSince: null,
    dependents: OrderedSet(),
    openChannels: OrderedSet(),
    generation: 0,
    lastLoadResult: null,
    lastUnloadResult: null,
  };
  tx.modules = tx.modules.set(m.name, m);
  for (const d of devices) {
    tx.devices = tx.devices.set(d, {
      name: d,
      module: m.name,
      removed: false,
      suspended: false,
      channels: OrderedSet(),
    });
  }
  tx.emit('moduleRegistered', 'svr5.register', { module: m.name, state: `ddi ${m.ddi}` });
  if (m.isStatic) linkStatic(tx, m);
  if (a.unloadDelay !== undefined && isDdi8(a.ddi)) {
    tx.emit('moduleRegistered', 'svr5.auto.delay', {
      module: m.name,
      reason: 'DDI 8 drivers always use DEF_UNLOAD_DELAY: its own unloadDelay is ignored',
    });
  }
  return tx.done();
}

/**
 * A static module is linked into the kernel (DLKM guide, "Static modules"):
 * present from boot, its instances configured then (CFG_ADD for DDI 8), never
 * unloaded. It depends on nothing loadable (registerModule refuses that).
 */
function linkStatic(tx: Svr5Tx, m: Module): void {
  attachInstances(tx, m);
  tx.patchModule(m.name, { loaded: true, loadedBy: 'static', idleSince: tx.clock, generation: 1 });
  for (const dep of m.dependsOn) {
    tx.patchModule(dep, { dependents: tx.mod(dep).dependents.add(m.name), idleSince: null });
  }
  tx.emit('moduleLoaded', 'svr5.static.linked', { module: m.name, time: tx.clock });
}

/** modadmin -l: demand load. A demand-loaded module is never auto-unloaded. */
function loadModule(tx: Svr5Tx, a: Act<'loadModule'>): Result {
  if (!tx.modules.has(a.module))
    return tx.refuse('EINVAL', 'svr5.unload.notLoaded', `no module is named ${a.module}`, {
      module: a.module,
    });
  const linked = refuseStatic(tx, a.module, 'modadmin -l');
  if (linked) return linked;
  waitForUnload(tx, a.module, 'modadmin -l');
  const m = tx.mod(a.module);
  if (m.loaded) {
    // [MODEL] modload(2) lists no error for a loaded module: it answers 0, and the module is demand-loaded now.
    const was =
      m.loadedBy === 'demand' ? 'on demand' : m.loadedBy === 'auto' ? 'automatically' : 'as a dependency';
    tx.patchModule(a.module, { loadedBy: 'demand', autoCandidate: false });
    tx.autoCandidates = tx.autoCandidates.delete(a.module);
    tx.emit('moduleLoaded', 'svr5.load.alreadyLoaded', {
      module: a.module,
      by: 'demand',
      time: tx.clock,
      reason: `it was already loaded (${was}): it is demand-loaded now and never auto-unloaded`,
    });
    return tx.done();
  }
  return tx.done(load(tx, a.module, 'demand'));
}

/** modadmin -U: busy → EBUSY without calling `_unload`; else `_unload` decides. */
function unloadModule(tx: Svr5Tx, a: Act<'unloadModule'>): Result {
  const m = tx.modules.get(a.module);
  if (!m?.loaded) {
    return tx.refuse('EINVAL', 'svr5.unload.notLoaded', `${a.module} is not loaded`, { module: a.module });
  }
  return refuseStatic(tx, a.module, 'modadmin -U') ?? tx.done(demandUnload(tx, a.module, 'modadmin -U'));
}

/** Hot removal of one instance of a D_HOT driver: CFG_REMOVE for it; the module stays loaded. */
function hotRemove(tx: Svr5Tx, a: Act<'hotRemove'>): Result {
  const d = tx.devices.get(a.device);
  if (!d)
    return tx.refuse('ENXIO', 'svr5.open.noDevice', `no device is named ${a.device}`, { device: a.device });
  const m = tx.mod(d.module);
  if (d.removed)
    return tx.refuse('ENODEV', 'svr5.open.noDevice', `${a.device} was already removed`, { device: a.device });
  if (!m.hot) {
    return tx.refuse('EOPNOTSUPP', 'svr5.hot.notHot', `${m.name} is not a D_HOT driver`, {
      device: a.device,
      module: m.name,
    });
  }
  if (d.channels.size > 0) {
    return tx.refuse('EBUSY', 'svr5.hot.openRefused', `${a.device} is open`, {
      device: a.device,
      module: m.name,
      blockers: d.channels.toArray().map((name) => ({ kind: 'channel' as const, name })),
    });
  }
  const transition = tx.refuseInTransition(m.name, a.device);
  if (transition) return transition;
  // The instance is suspended before its slot powers off, then removed.
  if (m.loaded && isDdi8(m.ddi) && !d.suspended) {
    tx.emit('cfgSuspend', 'svr5.hot.suspend', {
      module: m.name,
      device: a.device,
      reason: 'its slot is about to power off',
    });
    mdiNotice(tx, m, a.device, true);
  }
  tx.patchDevice(a.device, { removed: true, suspended: false });
  tx.patchModule(m.name, { configured: m.configured.filter((d) => d !== a.device) });
  if (m.loaded) tx.emit('cfgRemove', 'svr5.hot.remove', { module: m.name, device: a.device });
  tx.emit('instanceRemoved', 'svr5.hot.remove', { module: m.name, device: a.device, time: tx.clock });
  return tx.done();
}

/** Shutdown: CFG_SUSPEND to DDI 8 instances, halt for older drivers; no `_unload`. */
function shutdown(tx: Svr5Tx): Result {
  for (const m of tx.modules.valueSeq()) {
    if (!m.loaded) continue;
    if (!isDdi8(m.ddi)) {
      tx.emit('halt', 'svr5.shutdown', { module: m.name });
      continue;
    }
    for (const dev of m.configured) {
      if (tx.devices.get(dev)?.suspended) continue;
      tx.emit('cfgSuspend', 'svr5.shutdown', { module: m.name, device: dev });
      mdiNotice(tx, m, dev, true);
    }
  }
  tx.shutDown = true;
  tx.emit('systemShutdown', 'svr5.shutdown', { reason: 'no _unload routine is called', time: tx.clock });
  return tx.done();
}
