import { Map as IMap, OrderedSet } from 'immutable';
import { DEFAULT_LINUX_OPTIONS, LINUX_ACTION_DEFAULTS, type LinuxAction, type LinuxOptions } from './actions';
import { bind, plugDevice, unbind, unplugDevice } from './driver';
import { finishInit, load } from './load';
import { kobjectGet, kobjectPut } from './kobject';
import { close, moduleGet, modulePut, open, read } from './objects';
import { deleteModule, finishExit, modprobeRemove, rmmod } from './unload';
import type { LinuxWorld } from './model';
import { LinuxTx, type LinuxResult } from './tx';

type Act<K extends LinuxAction['do']> = Extract<LinuxAction, { do: K }>;

export function createLinuxWorld(options: Partial<LinuxOptions> = {}): LinuxWorld {
  return {
    os: 'linux',
    options: { ...DEFAULT_LINUX_OPTIONS, ...options },
    modules: IMap(),
    devices: IMap(),
    files: IMap(),
    refs: IMap(),
    kobjects: IMap(),
    kobjectRefs: IMap(),
    taint: '',
    oopses: 0,
    loads: 0,
  };
}

/** One Linux action: (world, action) → { world, status, events }. Pure. */
export function linuxStep(world: LinuxWorld, action: LinuxAction): LinuxResult {
  const tx = new LinuxTx(world);
  switch (action.do) {
    case 'defineModule':
      return defineModule(tx, action);
    case 'plugDevice':
      return plugDevice(tx, action);
    case 'unplugDevice':
      return unplugDevice(tx, action);
    case 'insmod':
      return load(tx, action, 'insmod');
    case 'modprobe':
      return load(tx, action, 'modprobe');
    case 'finishInit':
      return finishInit(tx, action);
    case 'rmmod':
      return rmmod(tx, action);
    case 'modprobeRemove':
      return modprobeRemove(tx, action);
    case 'deleteModule':
      return deleteModule(tx, action);
    case 'finishExit':
      return finishExit(tx, action);
    case 'open':
      return open(tx, action);
    case 'read':
      return read(tx, action);
    case 'close':
      return close(tx, action);
    case 'moduleGet':
      return moduleGet(tx, action);
    case 'modulePut':
      return modulePut(tx, action);
    case 'unbind':
      return unbind(tx, action);
    case 'bind':
      return bind(tx, action);
    case 'kobjectGet':
      return kobjectGet(tx, action);
    case 'kobjectPut':
      return kobjectPut(tx, action);
  }
}

const D = LINUX_ACTION_DEFAULTS.defineModule;

/** A module file on disk: what its code does. Redefining is allowed only while it is not loaded. */
function defineModule(tx: LinuxTx, a: Act<'defineModule'>): LinuxResult {
  const old = tx.modules.get(a.module);
  if (old?.state)
    return tx.refuse(
      'EBUSY',
      'linux.load.exists',
      `${a.module} is loaded: unload it before changing its file`,
      { module: a.module },
    );
  const dependsOn = [...new Set(a.dependsOn ?? D.dependsOn)].filter((d) => d !== a.module);
  const missing = dependsOn.find((d) => !tx.modules.has(d));
  if (missing !== undefined) {
    return tx.refuse(
      'ENOENT',
      'linux.load.notFound',
      `${a.module} depends on ${missing}, which is not defined: define ${missing} first`,
      { module: a.module },
    );
  }
  const cycle = cycleThrough(tx, a.module, dependsOn);
  if (cycle) {
    const reason = `depmod: ERROR: Cycle detected: ${cycle.join(' -> ')}: a module cannot depend on itself`;
    return tx.refuse('EINVAL', 'linux.load.file', reason, { module: a.module });
  }
  tx.modules = tx.modules.set(a.module, {
    name: a.module,
    hasInit: a.init ?? D.init,
    hasExit: a.exit ?? D.exit,
    initReturns: String(a.initReturns ?? D.initReturns),
    initSleeps: a.initSleeps ?? D.initSleeps,
    exitSleeps: a.exitSleeps ?? D.exitSleeps,
    dependsOn,
    driver: a.driver ?? D.driver,
    kobject: a.kobject ?? D.kobject,
    state: null,
    generation: old?.generation ?? 0,
    holders: OrderedSet(),
    uses: OrderedSet(),
    refs: OrderedSet(),
    driverRegistered: old?.driverRegistered ?? false,
    bound: old?.bound ?? OrderedSet(),
    loadedBy: null,
    loadSeq: old?.loadSeq ?? 0,
    lastInit: old?.lastInit ?? null,
    forcedOut: old?.forcedOut ?? false,
    waiter: false,
  });
  tx.emit('moduleDefined', 'linux.load.file', { module: a.module });
  return tx.done('0');
}

/** The dependency path back to `module` if its new `dependsOn` would close a cycle (depmod refuses those). */
function cycleThrough(tx: LinuxTx, module: string, dependsOn: readonly string[]): string[] | null {
  const seen = new Set<string>();
  const walk = (name: string, path: string[]): string[] | null => {
    if (name === module) return [...path, name];
    if (seen.has(name)) return null;
    seen.add(name);
    for (const d of tx.modules.get(name)?.dependsOn ?? []) {
      const found = walk(d, [...path, name]);
      if (found) return found;
    }
    return null;
  };
  for (const d of dependsOn) {
    const found = walk(d, [module]);
    if (found) return found;
  }
  return null;
}
