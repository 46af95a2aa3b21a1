import type { Condition, UnloadExplanation } from '../checklist';
import { cond, flag } from '../checklist';
import type { ObjectRef } from '../events';
import { dueAt } from './daemon';
import { busy } from './lifecycle';
import { isDdi8, neverUnloadable, unloadAnswer, unloadDelayOf, type Module, type Svr5World } from './model';

/**
 * The SVR5 checklist: what `modadmin -U` and the auto-unload daemon check
 * before calling `_unload` (seed rules 3, 4 and 7). What `_unload` then
 * answers is the driver's own decision, not a check of the OS: the summary
 * says it, the conditions do not.
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
  const b = busy(world, { ...m, hasUnload: true, hba: false, isStatic: false });
  const open = b?.rule === 'svr5.seed.notWhileOpen' ? b.blockers : [];
  const pushed = m.pushedOn.toArray().map((n): ObjectRef => ({ kind: 'channel', name: n }));
  const dependents = m.dependents.toArray().map((n): ObjectRef => ({ kind: 'module', name: n }));
  const conditions: Condition[] = [
    flag(
      'hasUnloadRoutine',
      isDdi8(m.ddi) ? 'svr5.seed.requiredDdi8' : 'svr5.seed.optionalBefore8',
      m.hasUnload,
      m.hasUnload ? 'It has an _unload routine' : 'No _unload routine (DDI before 8): it is never unloaded',
    ),
    flag(
      'loadable',
      'svr5.static.notLoadable',
      !m.isStatic,
      m.isStatic ? 'A static module, linked into the kernel: never unloaded' : 'A loadable module (DLKM)',
    ),
    flag('notHba', 'svr5.never.hba', !m.hba, m.hba ? 'An HBA driver: never unloaded' : 'Not an HBA driver'),
    cond('noOpenDevices', 'svr5.seed.notWhileOpen', open, 'None of its devices is open', 'Devices open'),
    ...(m.streams
      ? [cond('notPushed', 'svr5.streams.pushed', pushed, 'Not pushed on any stream', 'Pushed on streams')]
      : []),
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
    flag(
      'notInTransition',
      'svr5.busy.inTransition',
      m.unloading === null,
      m.unloading
        ? `Its _unload is running (until t=${m.unloading.until} s)`
        : 'It is not in the middle of an unload',
    ),
  ];
  const summary = svr5Summary(world, name) + (m.loaded && !world.shutDown ? suspendedNote(world, m) : '');
  return { driver: name, os: 'svr5', unloaded: !m.loaded, summary, conditions };
}

/** Suspended instances (config CFG_SUSPEND) do not hold the module, but they take no I/O: say so. */
function suspendedNote(world: Svr5World, m: Module): string {
  const held = m.configured.filter((d) => world.devices.get(d)?.suspended);
  if (held.length === 0) return '';
  const changed = held.filter((d) => (world.devices.get(d)?.modified ?? 0) > 0);
  const which = held.join(', ');
  const verb = held.length === 1 ? 'is' : 'are';
  const modified = changed.length > 0 ? ` (${changed.join(', ')} with new parameters from CFG_MODIFY)` : '';
  return ` ${which} ${verb} suspended${modified}: no I/O until CFG_RESUME.`;
}

function svr5Summary(world: Svr5World, name: string): string {
  const m = world.modules.get(name);
  if (!m) return '';
  if (world.shutDown) return 'The system has shut down: no _unload routine is called at shutdown.';
  if (!m.loaded) {
    if (m.lastLoadResult !== null && m.lastLoadResult !== '0' && m.lastUnloadResult === null) {
      return `_load returned ${m.lastLoadResult}: not loaded, and _unload is never called.`;
    }
    if (m.generation > 0) return 'Unloaded: _unload returned 0 and the module was freed.';
    return m.hba
      ? 'Registered, not loaded: an HBA driver is never autoloaded; modadmin -l loads it.'
      : 'Registered, not loaded: the first open of one of its devices loads it.';
  }
  if (m.unloading) {
    return `Unloading: _unload was called at t=${m.unloading.since} s and sleeps until t=${m.unloading.until} s; an open meanwhile waits for it.`;
  }
  const never = neverUnloadable(m);
  if (never) return `Loaded; ${never}.`;
  const b = busy(world, m);
  if (b) return `Loaded and busy: ${b.reason}. A demand unload gets EBUSY without calling _unload.`;
  if (!world.autoCandidates.has(name)) {
    return `Loaded on demand: only modadmin -U unloads it (auto-unload never touches a demand-loaded module).${answerNote(m, world.clock)}`;
  }
  const at = dueAt(world, name, world.options.unloadWake);
  const delay = unloadDelayOf(m, world.options);
  const idle = m.idleSince === null ? 0 : world.clock - m.idleSince;
  const then = unloadAnswer(m, at ?? world.clock).status;
  if (then !== '0') {
    return `Idle ${idle} s of ${delay} s: the auto-unload daemon will call _unload at t=${at} s, but _unload returns ${then}, so the module stays loaded; the daemon tries again at every wake.${answerNote(m, world.clock)}`;
  }
  return `Idle ${idle} s of ${delay} s: the auto-unload daemon will unload it at t=${at} s unless it is opened first.`;
}

/** What the driver's `_unload` would answer: its own decision, after the OS's checks pass. */
function answerNote(m: Module, clock: number): string {
  const { status, drainedAt } = unloadAnswer(m, clock);
  if (status === '0') return '';
  if (status !== m.unloadReturns) {
    return ` Its _unload answers EBUSY while its I/O drains (until t=${drainedAt} s), then ${m.unloadReturns}.`;
  }
  return ` Its _unload itself answers ${status}: the module stays loaded whoever asks.`;
}
