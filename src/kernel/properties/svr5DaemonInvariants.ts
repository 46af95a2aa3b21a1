import { unloadDelayOf } from '../svr5/model';
import { check } from './harness';
import { at, openChannels, type StepCtx } from './svr5Invariants';

/** The invariants of the SVR5 auto-unload daemon (shared/domain/svr5.md §4), checked after every step. */

/**
 * "A demand-loaded module is never removed by auto-unload", unless a demand
 * unload of it failed (which makes it a candidate). State across the run.
 */
export function demandLoadedNotAutoUnloaded(): { each: (c: StepCtx) => void; reset: () => void } {
  const protectedModules = new Set<string>();
  return {
    reset: () => protectedModules.clear(),
    each: (c) => {
      const failedDemandUnload =
        c.action.do === 'unloadModule' &&
        c.before.modules.get(c.action.module)?.loaded === true &&
        c.result.status !== '0';
      for (const e of c.result.events) {
        const m = e.module ?? '';
        if (e.type === 'moduleLoaded') {
          if (e.by === 'demand') protectedModules.add(m);
          else protectedModules.delete(m);
        }
        if (e.type === 'unloadCalled' && e.by === 'daemon') {
          check(!protectedModules.has(m), () => `${at(c)}: demand-loaded ${m} unloaded by the daemon`);
        }
        if (e.type === 'moduleFreed') protectedModules.delete(m);
        // modadmin -u 0 (moduload(0)) that could not unload it made it a candidate, as a failed -U does.
        if (e.type === 'autoUnloadCandidate' && c.action.do === 'unloadAll') protectedModules.delete(m);
      }
      if (failedDemandUnload && c.action.do === 'unloadModule') protectedModules.delete(c.action.module);
    },
  };
}

/** The first daemon wake (a multiple of UNLOAD_WAKE) strictly after `after` and at or after `ready`. */
function firstWake(wake: number, after: number, ready: number): number {
  return Math.max(Math.floor(after / wake) * wake + wake, Math.ceil(ready / wake) * wake);
}

/**
 * The auto-unload daemon (svr5.md §4): it unloads, at a wake, only candidates
 * idle for their delay (never early), and it unloads every one that is due
 * before the clock stops (never late).
 */
export function daemonOnTime(c: StepCtx): void {
  if (c.action.do !== 'advanceTime' || c.before.shutDown) return;
  const { unloadWake } = c.before.options;
  const start = c.before.clock;
  const end = c.result.world.clock;
  const events = c.result.events;
  const daemonCalled = new Set<string>();
  events.forEach((e, i) => {
    if (e.type !== 'unloadCalled' || e.by !== 'daemon') return;
    const name = e.module ?? '';
    daemonCalled.add(name);
    const m = c.before.modules.get(name);
    const t = e.time ?? NaN;
    check(
      m !== undefined && c.before.autoCandidates.has(name),
      () => `${at(c)}: daemon unloaded non-candidate ${name}`,
    );
    check(
      t % unloadWake === 0 && t > start && t <= end,
      () => `${at(c)}: daemon unloaded ${name} at t=${t}, not a wake`,
    );
    // Idle since: from the world before, or since the last dependent the daemon freed in this step.
    const freedDependents = events
      .slice(0, i)
      .filter(
        (p) => p.type === 'moduleFreed' && c.before.modules.get(p.module ?? '')?.dependsOn.includes(name),
      );
    const idle = m!.idleSince ?? freedDependents[freedDependents.length - 1]?.time;
    const delay = unloadDelayOf(m!, c.before.options);
    check(
      idle !== undefined && t >= idle + delay && t > idle,
      () => `${at(c)}: daemon unloaded ${name} at t=${t}, idle since ${idle}, delay ${delay}: too early`,
    );
  });
  const w = c.result.world;
  for (const name of w.autoCandidates) {
    const m = w.modules.get(name)!;
    if (!m.loaded || m.idleSince === null || daemonCalled.has(name)) continue;
    if (
      !m.hasUnload ||
      m.hba ||
      m.unloading !== null ||
      w.options.profiling ||
      m.dependents.size > 0 ||
      openChannels(w, name).length > 0
    ) {
      continue;
    }
    // A _unload that slept past the start of the step answered in it: the next try comes after that.
    const answered = events.findLast((e) => e.type === 'unloadFailed' && e.module === name)?.time ?? start;
    const due = firstWake(
      unloadWake,
      Math.max(start, m.idleSince, answered),
      m.idleSince + unloadDelayOf(m, w.options),
    );
    check(
      due > end,
      () =>
        `${at(c)}: ${name}, idle since t=${m.idleSince}, was due at the wake at t=${due} but is still loaded at t=${end}`,
    );
  }
}
