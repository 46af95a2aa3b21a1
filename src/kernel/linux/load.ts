import { OrderedSet } from 'immutable';
import { kobjectName } from './model';
import { registerDriver } from './driver';
import { dropRef, takeRef } from './refs';
import type { LinuxResult, LinuxTx } from './tx';

/** Loading: init_module as insmod and modprobe call it (kernel/module/main.c: load_module, do_init_module). */

/** A step that is still inside init_module or delete_module: the caller sleeps; a later step returns. */
export const BLOCKED = 'blocked';

export type Loader = 'insmod' | 'modprobe';

export function load(tx: LinuxTx, a: { module: string; privileged?: boolean }, by: Loader): LinuxResult {
  if (a.privileged === false || tx.options.modulesDisabled) {
    const why = a.privileged === false ? 'the caller lacks CAP_SYS_MODULE' : 'modules_disabled is 1';
    return tx.refuse('EPERM', 'linux.perm', why, { module: a.module });
  }
  const refused = loadOne(tx, a.module, by, by);
  if (refused) return refused;
  const m = tx.mod(a.module);
  if (m.state === 'coming') return tx.done(BLOCKED);
  // init_module answers what init returned (0 when it went LIVE, or was already loaded for modprobe).
  return tx.done(m.state === null ? (m.lastInit ?? 'EIO') : '0');
}

/** Loads one module (modprobe: its dependencies first). Returns a refusal, or null when it went on. */
function loadOne(tx: LinuxTx, name: string, by: Loader, first: Loader | 'dependency'): LinuxResult | null {
  const m = tx.modules.get(name);
  if (!m)
    return tx.refuse('ENOENT', 'linux.load.notFound', `no module ${name} in /lib/modules`, { module: name });
  if (m.state !== null) {
    if (by === 'modprobe' && (m.state === 'live' || m.state === 'coming')) {
      tx.emit('alreadyLoaded', 'linux.load.exists', { module: name, state: m.state });
      return null;
    }
    if (m.state === 'live') {
      return tx.refuse('EEXIST', 'linux.load.exists', `${name} is already loaded`, { module: name });
    }
    return tx.refuse(
      'EBUSY',
      'linux.load.duplicate',
      `${name} is ${m.state === 'going' ? 'going away' : 'still loading'}`,
      { module: name },
    );
  }
  if (m.driver && m.driverRegistered) {
    const why = `a driver ${name} is still registered (left behind by a forced unload without exit): its driver_register would fail`;
    return tx.refuse('EBUSY', 'linux.driver.register', why, { module: name });
  }
  for (const dep of m.dependsOn) {
    const d = tx.modules.get(dep);
    if (d?.state === 'coming') {
      return tx.refuse('EBUSY', 'linux.load.depComing', `${dep}, which ${name} uses, is still in its init`, {
        module: name,
      });
    }
    if (d?.state === 'live') continue;
    if (by === 'insmod' || d?.state === 'going') {
      const why = d?.state === 'going' ? `${dep} is going away` : `${dep} is not loaded`;
      return tx.refuse(
        'ENOENT',
        'linux.load.unknownSymbol',
        `Unknown symbol in module: ${name} uses ${dep}, and ${why}`,
        { module: name },
      );
    }
    tx.emit('moduleLoading', 'linux.modprobe.deps', {
      module: dep,
      by: 'modprobe',
      reason: `${name} depends on ${dep}`,
    });
    const refused = loadOne(tx, dep, by, 'dependency');
    if (refused) return refused;
    if (tx.mod(dep).state !== 'live') {
      // Its init failed (or sleeps): modprobe stops with its answer.
      const status = tx.mod(dep).state === 'coming' ? 'EBUSY' : (tx.mod(dep).lastInit ?? 'EIO');
      return tx.refuse(status, 'linux.modprobe.deps', `${dep}, which ${name} depends on, did not load`, {
        module: name,
      });
    }
  }
  start(tx, name, first === 'dependency' ? 'modprobe' : by);
  return null;
}

/** UNFORMED → symbols resolved (holders) → COMING → init. */
function start(tx: LinuxTx, name: string, by: Loader): void {
  const m = tx.mod(name);
  tx.loads = tx.loads + 1;
  tx.patchModule(name, {
    state: 'unformed',
    generation: m.generation + 1,
    loadSeq: tx.loads,
    loadedBy: by,
    forcedOut: false,
    lastInit: null,
  });
  tx.emit('moduleLoading', 'linux.state.unformed', { module: name, state: 'unformed', by });
  for (const dep of m.dependsOn) {
    const d = tx.mod(dep);
    tx.patchModule(dep, { holders: d.holders.add(name) });
    tx.patchModule(name, { uses: tx.mod(name).uses.add(dep) });
    takeRef(tx, dep, `holder:${name}`, 'linux.holders.use');
    tx.emit('holderAdded', 'linux.holders.use', { module: dep, reference: name });
  }
  tx.patchModule(name, { state: 'coming' });
  takeRef(tx, name, 'init', 'linux.load.initRef', { state: '1' });
  if (!m.hasInit) {
    live(tx, name);
    return;
  }
  tx.emit('initCalled', 'linux.state.coming', { module: name, state: 'coming' });
  if (m.initReturns === '0') {
    if (m.kobject) createKobject(tx, name);
    if (m.driver) registerDriver(tx, name);
  }
  if (m.initSleeps) {
    tx.emit('initWaiting', 'linux.load.blocked', { module: name });
    return;
  }
  initReturned(tx, name);
}

function createKobject(tx: LinuxTx, module: string): void {
  const k = kobjectName(module);
  tx.kobjects = tx.kobjects.set(k, {
    name: k,
    module,
    generation: tx.mod(module).generation,
    refs: OrderedSet(['self']),
  });
  tx.emit('kobjectCreated', 'linux.kobject.release', { module, kobject: k });
}

/** init returns what the module says: 0 → LIVE; an errno → GOING, freed, never exit. */
function initReturned(tx: LinuxTx, name: string): string {
  const m = tx.mod(name);
  tx.patchModule(name, { lastInit: m.initReturns });
  if (m.initReturns === '0') {
    live(tx, name);
    return '0';
  }
  tx.patchModule(name, { state: 'going' });
  tx.emit('initFailed', 'linux.load.initFails', { module: name, status: m.initReturns, state: 'going' });
  dropRef(tx, name, 'init', 'linux.load.initFails');
  freeModule(tx, name);
  return m.initReturns;
}

function live(tx: LinuxTx, name: string): void {
  tx.patchModule(name, { state: 'live' });
  dropRef(tx, name, 'init', 'linux.load.initRef');
  tx.emit('moduleLive', 'linux.load.live', { module: name, state: 'live' });
}

/** A sleeping init returns now. */
export function finishInit(tx: LinuxTx, a: { module: string }): LinuxResult {
  const m = tx.modules.get(a.module);
  if (m?.state !== 'coming') {
    return tx.refuse('EINVAL', 'linux.load.blocked', `${a.module}'s init is not running`, {
      module: a.module,
    });
  }
  return tx.done(initReturned(tx, a.module));
}

/**
 * free_module: UNFORMED while torn down, then gone; module_unload_free drops
 * the references it held on the modules it used. References others still
 * hold on it (after a forced unload) now point at freed memory.
 */
export function freeModule(tx: LinuxTx, name: string): void {
  tx.patchModule(name, { state: 'unformed' });
  for (const target of tx.mod(name).uses) {
    dropRef(tx, target, `holder:${name}`, 'linux.holders.release');
    tx.patchModule(target, { holders: tx.mod(target).holders.remove(name) });
    tx.emit('holderRemoved', 'linux.holders.release', { module: target, reference: name });
  }
  const left = tx.mod(name).refs;
  // A driver still registered (no exit ran) stays on its bus: its code is what is freed.
  tx.patchModule(name, { state: null, uses: OrderedSet(), refs: OrderedSet(), waiter: false });
  tx.emit('moduleFreed', 'linux.delete.free', {
    module: name,
    ...(left.size > 0
      ? { reason: `freed with ${left.size} reference(s) still held: ${left.join(', ')}` }
      : {}),
  });
}
