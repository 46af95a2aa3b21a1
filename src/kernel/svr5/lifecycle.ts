import type { ObjectRef } from '../events';
import { waitForUnload } from './daemon';
import { mdiNotice } from './hotplug';
import type { Svr5RuleId } from '../rules';
import { isDdi8, neverUnloadable, unloadAnswer, type Module } from './model';
import type { Svr5Tx } from './tx';

/** Loading and unloading a module (shared/domain/svr5.md §2, §4). Each returns "0" or an errno. */

/**
 * modload: dependencies first, then `_load`. A DDI 8 `_load` calls
 * drv_attach, which sends CFG_ADD to each instance.
 */
export function load(tx: Svr5Tx, name: string, by: 'demand' | 'auto' | 'dependency'): string {
  const m = tx.mod(name);
  if (m.loaded) return '0';
  for (const dep of m.dependsOn) {
    // A dependency in the middle of its unload is waited for, then loaded again if it was freed.
    waitForUnload(tx, dep, `loading ${name}`);
    const s = load(tx, dep, 'dependency');
    if (s !== '0') {
      tx.emit('loadFailed', 'svr5.load.dependencies', {
        module: name,
        status: s,
        reason: `its dependency ${dep} failed to load`,
      });
      return s;
    }
  }
  tx.emit(
    'loadCalled',
    by === 'auto' ? 'svr5.load.autoload' : by === 'dependency' ? 'svr5.load.dependencies' : 'svr5.load.entry',
    {
      module: name,
      by,
    },
  );
  if (m.loadReturns !== '0') {
    tx.patchModule(name, { lastLoadResult: m.loadReturns });
    tx.emit('loadFailed', 'svr5.load.fails', {
      module: name,
      status: m.loadReturns,
      reason: `_load returned ${m.loadReturns}: the module is not loaded and _unload will not be called`,
    });
    return m.loadReturns;
  }
  attachInstances(tx, m);
  tx.patchModule(name, {
    loaded: true,
    loadedBy: by,
    autoCandidate: false,
    idleSince: tx.clock,
    generation: m.generation + 1,
    lastLoadResult: '0',
  });
  for (const dep of m.dependsOn) {
    tx.patchModule(dep, { dependents: tx.mod(dep).dependents.add(name), idleSince: null });
  }
  if (by !== 'demand') tx.autoCandidates = tx.autoCandidates.add(name);
  tx.emit('moduleLoaded', by === 'demand' ? 'svr5.auto.demandNever' : 'svr5.load.entry', {
    module: name,
    by,
    time: tx.clock,
  });
  return '0';
}

export function attachInstances(tx: Svr5Tx, m: Module): void {
  if (!isDdi8(m.ddi)) {
    tx.emit('interruptsAttached', 'svr5.load.entry', { module: m.name, reason: 'mod_drvattach' });
    return;
  }
  for (const dev of m.configured) {
    if (!m.addFails.includes(dev)) {
      tx.emit('cfgAdd', 'svr5.load.entry', { module: m.name, device: dev });
      continue;
    }
    // One instance failing CFG_ADD does not fail the load: it is left unconfigured [MODEL].
    tx.emit('cfgAdd', 'svr5.load.addFails', {
      module: m.name,
      device: dev,
      status: 'ENODEV',
      reason: `CFG_ADD fails for ${dev}: it is left unconfigured, the other instances work`,
    });
    tx.patchDevice(dev, { removed: true, addFailed: true, suspended: false });
  }
  const failed = m.configured.filter((d) => m.addFails.includes(d));
  if (failed.length > 0)
    tx.patchModule(m.name, { configured: m.configured.filter((d) => !failed.includes(d)) });
}

export interface Busy {
  readonly rule: Svr5RuleId;
  readonly reason: string;
  readonly blockers: ObjectRef[];
}

/** Why the module cannot be unloaded now (EBUSY before `_unload` is called), if it cannot. */
export function busy(tx: Pick<Svr5Tx, 'devices' | 'options'>, m: Module): Busy | null {
  const never = neverUnloadable(m);
  if (never) {
    const rule = m.isStatic
      ? 'svr5.static.notLoadable'
      : m.hba
        ? 'svr5.never.hba'
        : 'svr5.seed.optionalBefore8';
    return { rule, reason: never, blockers: [] };
  }
  if (m.unloading) {
    return {
      rule: 'svr5.busy.inTransition',
      reason: `its _unload is already running (until t=${m.unloading.until} s)`,
      blockers: [],
    };
  }
  if (m.openChannels.size > 0) {
    const open = m.openChannels.toArray().map((name): ObjectRef => ({ kind: 'channel', name }));
    return {
      rule: 'svr5.seed.notWhileOpen',
      reason: `devices are open: ${open.map((o) => o.name).join(', ')}`,
      blockers: open,
    };
  }
  if (m.pushedOn.size > 0) {
    const on = m.pushedOn.toArray().map((name): ObjectRef => ({ kind: 'channel', name }));
    return {
      rule: 'svr5.streams.pushed',
      reason: `it is pushed on streams: ${on.map((o) => o.name).join(', ')}`,
      blockers: on,
    };
  }
  if (m.dependents.size > 0) {
    const deps = m.dependents.toArray();
    return {
      rule: 'svr5.busy.dependents',
      reason: `loaded modules depend on it: ${deps.join(', ')}`,
      blockers: deps.map((name) => ({ kind: 'module', name })),
    };
  }
  if (tx.options.profiling)
    return { rule: 'svr5.busy.profiling', reason: 'profiling is enabled', blockers: [] };
  return null;
}

/**
 * Calls `_unload` (the caller checked `busy`). It answers at once, or sleeps
 * (blockable context) and answers when the clock reaches `unloading.until`:
 * then the result is null and `finishUnload` runs later (daemon.ts).
 */
export function runUnload(tx: Svr5Tx, name: string, by: 'demand' | 'daemon'): string | null {
  const m = tx.mod(name);
  const sleeps = m.unloadSleeps > 0;
  tx.emit('unloadCalled', 'svr5.seed.cleanup', {
    module: name,
    by,
    time: tx.clock,
    ...(sleeps ? { reason: `it sleeps until t=${tx.clock + m.unloadSleeps} s before it answers` } : {}),
  });
  if (m.copyoutInUnload) {
    tx.emit('contextViolation', 'svr5.seed.blockable', {
      module: name,
      reason: '_unload called copyout: illegal in blockable context without the requester’s address space',
      model:
        'The simulator flags the call and lets _unload go on; a real system may fail it with EFAULT or panic.',
    });
  }
  if (sleeps) {
    tx.patchModule(name, { unloading: { by, since: tx.clock, until: tx.clock + m.unloadSleeps } });
    return null;
  }
  return finishUnload(tx, name);
}

/**
 * `_unload` returns. Non-zero (EBUSY while its I/O drains, or its own errno)
 * keeps the module; zero runs drv_detach (CFG_REMOVE per instance) and frees it.
 */
export function finishUnload(tx: Svr5Tx, name: string): string {
  const m = tx.patchModule(name, { unloading: null });
  const answer = unloadAnswer(m, tx.clock);
  if (answer.status !== '0') {
    tx.patchModule(name, { lastUnloadResult: answer.status });
    const draining = m.unloadReturns !== answer.status;
    // A driver that refuses after drv_detach has already lost its instances (a driver bug).
    const detached = !draining && m.failsAfterDetach && isDdi8(m.ddi) && m.configured.length > 0;
    if (detached) {
      drvDetach(tx, m);
      for (const dev of m.configured) tx.patchDevice(dev, { removed: true, suspended: false });
      tx.patchModule(name, { configured: [] });
    }
    tx.emit('unloadFailed', detached ? 'svr5.detach.cannotRefuse' : 'svr5.seed.errno', {
      module: name,
      status: answer.status,
      time: tx.clock,
      reason: draining
        ? `its I/O is still draining (until t=${answer.drainedAt} s): the module stays loaded`
        : detached
          ? 'after drv_detach: its instances are removed, yet the module stays loaded (a driver bug: refuse before drv_detach)'
          : 'the module stays loaded',
    });
    return answer.status;
  }
  if (isDdi8(m.ddi)) drvDetach(tx, m);
  else {
    tx.emit('interruptsDetached', 'svr5.unload.preDdi8Detach', { module: name, reason: 'mod_drvdetach' });
  }
  for (const dev of m.configured) {
    if (tx.devices.get(dev)?.suspended) tx.patchDevice(dev, { suspended: false });
  }
  tx.patchModule(name, {
    loaded: false,
    loadedBy: null,
    autoCandidate: false,
    idleSince: null,
    lastUnloadResult: '0',
  });
  tx.autoCandidates = tx.autoCandidates.delete(name);
  tx.emit('moduleFreed', isDdi8(m.ddi) ? 'svr5.detach.globalsAfter' : 'svr5.unload.freed', {
    module: name,
    time: tx.clock,
    ...(isDdi8(m.ddi)
      ? { reason: 'after drv_detach returned and _unload freed the driver’s global resources' }
      : {}),
  });
  for (const dep of m.dependsOn) {
    const d = tx.patchModule(dep, { dependents: tx.mod(dep).dependents.delete(name) });
    if (d.dependents.size === 0 && d.openChannels.size === 0 && d.pushedOn.size === 0)
      tx.patchModule(dep, { idleSince: tx.clock });
  }
  return '0';
}

/**
 * drv_detach(D3), from a DDI 8 `_unload`: per instance, CFG_SUSPEND (for a
 * D_HOT driver's instance not suspended already: a marked choice) then
 * CFG_REMOVE. It returns nothing and cannot refuse.
 */
function drvDetach(tx: Svr5Tx, m: Module): void {
  for (const dev of m.configured) {
    if (m.hot && !tx.devices.get(dev)?.suspended) {
      tx.emit('cfgSuspend', 'svr5.detach.suspendFirst', {
        module: m.name,
        device: dev,
        reason: 'drv_detach',
      });
      mdiNotice(tx, m, dev, true);
    }
    tx.emit('cfgRemove', 'svr5.seed.cfgRemove', { module: m.name, device: dev });
  }
}

/** A failed demand unload makes a demand-loaded module a candidate for auto-unload. */
export function becomeCandidate(tx: Svr5Tx, name: string): void {
  const m = tx.mod(name);
  // A module that can never unload is no candidate for anything.
  if (m.loadedBy !== 'demand' || m.autoCandidate || neverUnloadable(m)) return;
  tx.patchModule(name, { autoCandidate: true });
  tx.autoCandidates = tx.autoCandidates.add(name);
  tx.emit('autoUnloadCandidate', 'svr5.unload.failedBecomesCandidate', { module: name });
}
