import type { Condition, UnloadExplanation } from '../checklist';
import { cond, flag } from '../checklist';
import type { ObjectRef } from '../events';
import { dueAt } from './daemon';
import { busy } from './lifecycle';
import { isDdi8, neverUnloadable, unloadDelayOf, type Svr5World } from './model';

/**
 * The SVR5 checklist: what `modadmin -U` and the auto-unload daemon check
 * before calling `_unload` (seed rules 3, 4 and 7).
 */
export function explainSvr5(world: Svr5World, name: string): UnloadExplanation {
  const m = world.modules.get(name);
  if (!m)
    return {
      driver: name,
      os: 'svr5',
      unloaded: true,
      summary: `No module named ${name} is registered.`,
      conditions: [],
    };
  const b = busy(world, { ...m, hasUnload: true, hba: false });
  const open = b?.rule === 'svr5.seed.notWhileOpen' ? b.blockers : [];
  const dependents = m.dependents.toArray().map((n): ObjectRef => ({ kind: 'module', name: n }));
  const conditions: Condition[] = [
    flag(
      'hasUnloadRoutine',
      isDdi8(m.ddi) ? 'svr5.seed.requiredDdi8' : 'svr5.seed.optionalBefore8',
      m.hasUnload,
      m.hasUnload ? 'It has an _unload routine' : 'No _unload routine (DDI before 8): it is never unloaded',
    ),
    flag('notHba', 'svr5.never.hba', !m.hba, m.hba ? 'An HBA driver: never unloaded' : 'Not an HBA driver'),
    cond('noOpenDevices', 'svr5.seed.notWhileOpen', open, 'None of its devices is open', 'Devices open'),
    cond(
      'noDependents',
      'svr5.busy.dependents',
      dependents,
      'No loaded module depends on it',
      'Loaded dependents',
    ),
    flag(
      'notProfiling',
      'svr5.busy.profiling',
      !world.options.profiling,
      world.options.profiling ? 'Profiling is enabled' : 'Profiling is off',
    ),
    // Only a module with an _unload has something to say about what it returns.
    ...(m.hasUnload
      ? [
          flag(
            'unloadReturnsZero',
            'svr5.seed.errno',
            m.unloadReturns === '0',
            m.unloadReturns === '0'
              ? '_unload will return 0'
              : `_unload will return ${m.unloadReturns}: the module would stay loaded`,
          ),
        ]
      : []),
  ];
  return { driver: name, os: 'svr5', unloaded: !m.loaded, summary: svr5Summary(world, name), conditions };
}

function svr5Summary(world: Svr5World, name: string): string {
  const m = world.modules.get(name);
  if (!m) return '';
  if (world.shutDown) return 'The system has shut down: no _unload routine is called at shutdown.';
  if (!m.loaded) {
    if (m.lastLoadResult !== null && m.lastLoadResult !== '0' && m.lastUnloadResult === null) {
      return `_load returned ${m.lastLoadResult}: not loaded, and _unload is never called.`;
    }
    return m.generation > 0
      ? 'Unloaded: _unload returned 0 and the module was freed.'
      : 'Registered, not loaded: the first open of one of its devices loads it.';
  }
  const never = neverUnloadable(m);
  if (never) return `Loaded; ${never}.`;
  const b = busy(world, m);
  if (b) return `Loaded and busy: ${b.reason}. A demand unload gets EBUSY without calling _unload.`;
  if (!world.autoCandidates.has(name)) {
    return 'Loaded on demand: only modadmin -U unloads it (auto-unload never touches a demand-loaded module).';
  }
  const at = dueAt(world, name, world.options.unloadWake);
  const delay = unloadDelayOf(m, world.options);
  const idle = m.idleSince === null ? 0 : world.clock - m.idleSince;
  if (m.unloadReturns !== '0') {
    return `Idle ${idle} s of ${delay} s: the auto-unload daemon will call _unload at t=${at} s, but _unload returns ${m.unloadReturns}, so the module stays loaded.`;
  }
  return `Idle ${idle} s of ${delay} s: the auto-unload daemon will unload it at t=${at} s unless it is opened first.`;
}
