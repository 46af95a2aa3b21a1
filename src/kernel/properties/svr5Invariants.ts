import type { KernelEvent } from '../events';
import { RULES } from '../rules';
import type { Svr5Action } from '../scenario/actions';
import type { Svr5World } from '../svr5/model';
import { check, snapshot, type StepCtx as Ctx } from './harness';

/** The invariants the SVR5 property tests check after every step (shared/domain/svr5.md). */

export type StepCtx = Ctx<Svr5World, Svr5Action>;

export const at = (c: StepCtx) => `step ${c.index} ${JSON.stringify(c.action)}`;

/** Open channels on `module`'s instances in a world. */
export function openChannels(w: Svr5World, module: string): string[] {
  return w.channels
    .valueSeq()
    .filter((ch) => w.devices.get(ch.device)?.module === module)
    .map((ch) => ch.name)
    .toArray();
}

export const eventsOf = (steps: readonly StepCtx[]) => steps.flatMap((s) => s.result.events);

// ── Invariant checks ──────────────────────────────────────────────────────

/**
 * Seed rule 4 and moduload: `_unload` is called only on a loaded module, when
 * none of its devices is open, no loaded module depends on it, and profiling
 * is off. Dependents unloaded earlier in the same step (the daemon) count as
 * gone, so the loaded set is replayed event by event.
 */
export function unloadOnlyWhenIdle(c: StepCtx): void {
  const loaded = new Set(
    c.before.modules
      .valueSeq()
      .filter((m) => m.loaded)
      .map((m) => m.name),
  );
  const modules = c.result.world.modules;
  for (const e of c.result.events) {
    const m = e.module ?? '';
    if (e.type === 'moduleLoaded') loaded.add(m);
    if (e.type === 'moduleFreed') loaded.delete(m);
    if (e.type !== 'unloadCalled') continue;
    check(loaded.has(m), () => `${at(c)}: _unload of ${m}, which is not loaded`);
    for (const w of [c.before, c.result.world]) {
      const open = openChannels(w, m);
      check(open.length === 0, () => `${at(c)}: _unload of ${m} while channels ${open.join(', ')} are open`);
    }
    const dependents = [...loaded].filter((d) => modules.get(d)?.dependsOn.includes(m));
    check(
      dependents.length === 0,
      () => `${at(c)}: _unload of ${m} while ${dependents.join(', ')} depend on it`,
    );
    check(!c.before.options.profiling, () => `${at(c)}: _unload of ${m} while profiling is enabled`);
    check(c.action.do !== 'shutdown', () => `${at(c)}: _unload of ${m} at shutdown`);
  }
}

/**
 * What a `_unload` called at event `i` answered in this step: "0" (freed), its
 * errno, or undefined when it still sleeps at the end of the step.
 */
function answerAfter(events: readonly KernelEvent[], i: number, module: string): string | undefined {
  for (const e of events.slice(i + 1)) {
    if (e.module !== module) continue;
    if (e.type === 'moduleFreed') return '0';
    if (e.type === 'unloadFailed') return e.status;
  }
  return undefined;
}

/** What `_unload` of this module may answer: its own errno, or EBUSY while its I/O drains. */
function mayAnswer(m: { unloadReturns: string; drainSeconds: number }, answer: string): boolean {
  return answer === m.unloadReturns || (answer === 'EBUSY' && m.drainSeconds > 0);
}

/**
 * Seed rule 3: the module is freed only after `_unload` returned 0; an errno
 * (its own, or EBUSY while its I/O drains) keeps it loaded. A `_unload` that
 * sleeps answers in a later step, the module in transition meanwhile.
 */
export function freedOnlyAfterZero(c: StepCtx): void {
  const events = c.result.events;
  const w = c.result.world;
  events.forEach((e, i) => {
    const m = e.module ?? '';
    const mod = w.modules.get(m);
    if (e.type === 'moduleFreed') {
      const called =
        events.slice(0, i).some((p) => p.type === 'unloadCalled' && p.module === m) ||
        c.before.modules.get(m)?.unloading != null;
      check(called, () => `${at(c)}: ${m} freed without an _unload call before it`);
      check(
        mod?.unloadReturns === '0',
        () => `${at(c)}: ${m} freed though its _unload returns ${mod?.unloadReturns}`,
      );
      check(
        !events.slice(i + 1).some((p) => p.type === 'moduleLoaded' && p.module === m) ? !mod?.loaded : true,
        () => `${at(c)}: ${m} freed but still loaded after the step`,
      );
    }
    if (e.type === 'unloadCalled') {
      const answer = answerAfter(events, i, m);
      if (answer === undefined) {
        check(mod?.unloading != null, () => `${at(c)}: _unload of ${m} neither answered nor is it running`);
        return;
      }
      check(
        answer === '0' ? mod?.unloadReturns === '0' : mod !== undefined && mayAnswer(mod, answer),
        () =>
          `${at(c)}: _unload of ${m} answered ${answer}; it returns ${mod?.unloadReturns}, drains ${mod?.drainSeconds} s`,
      );
      if (c.action.do === 'unloadModule' && e.by === 'demand') {
        check(
          c.result.status === answer,
          () => `${at(c)}: _unload answered ${answer}, the call answered ${c.result.status}`,
        );
      }
    }
  });
}

/** Never unloadable: no `_unload` (pre-DDI 8) and HBA drivers; HBA drivers are never autoloaded. */
export function neverUnloadableNeverUnloaded(c: StepCtx): void {
  for (const e of c.result.events) {
    const m = c.result.world.modules.get(e.module ?? '');
    if (e.type === 'unloadCalled') {
      check(m?.hasUnload === true, () => `${at(c)}: _unload of ${e.module}, which has no _unload routine`);
      check(m?.hba === false, () => `${at(c)}: _unload of HBA driver ${e.module}`);
      check(m?.isStatic === false, () => `${at(c)}: _unload of static module ${e.module}`);
    }
    if (e.type === 'loadCalled' && e.by === 'auto') {
      check(m?.hba === false, () => `${at(c)}: HBA driver ${e.module} autoloaded`);
    }
  }
}

const SVR5_RULES = new Set(
  Object.values(RULES)
    .filter((r) => r.os === 'svr5')
    .map((r) => r.id),
);

/** Statuses are "0" or an errno name; events cite SVR5 rules; modelling choices say so. */
export function structural(c: StepCtx): void {
  const s = c.result.status;
  check(s === '0' || /^E[A-Z]+$/.test(s), () => `${at(c)}: status ${s}`);
  for (const e of c.result.events) {
    check(SVR5_RULES.has(e.rule), () => `${at(c)}: ${e.type} cites ${e.rule}, not an SVR5 rule`);
    if (RULES[e.rule].evidence === 'MODEL') {
      check(
        typeof e.model === 'string' && e.model !== '',
        () => `${at(c)}: ${e.type} (${e.rule}) has no model`,
      );
    }
  }
  const refused = c.result.events.filter((e) => e.type === 'refused');
  if (c.action.do === 'unloadAll' && !c.before.shutDown) {
    // moduload(0) refuses each module it cannot unload and unloads the others in the same step.
    for (const e of refused) {
      check(
        e.status === 'EBUSY' && c.result.world.modules.get(e.module ?? '')?.loaded === true,
        () => `${at(c)}: modadmin -u 0 refused ${e.module} with ${e.status} yet it is not loaded`,
      );
    }
  } else if (refused.length > 0) {
    check(
      refused.length === 1 && refused[0]!.status === s,
      () => `${at(c)}: refused with ${refused.map((e) => e.status).join(', ')} but status ${s}`,
    );
    check(
      !c.result.events.some((e) =>
        ['loadCalled', 'unloadCalled', 'moduleFreed', 'cfgRemove'].includes(e.type),
      ),
      () => `${at(c)}: a refused step loaded, unloaded or removed something`,
    );
  }
  const clock = c.result.world.clock;
  if (c.action.do === 'advanceTime' && !c.before.shutDown) {
    check(clock === c.before.clock + c.action.seconds, () => `${at(c)}: clock went wrong`);
  } else if (clock !== c.before.clock) {
    // Only a call that slept with a _unload lets the clock run, and it says so.
    check(
      clock > c.before.clock &&
        ['open', 'loadModule', 'unloadModule', 'unloadAll'].includes(c.action.do) &&
        c.result.events.some((e) => e.type === 'clockAdvanced' && e.time === clock),
      () => `${at(c)}: the clock moved from ${c.before.clock} to ${clock} on ${c.action.do}`,
    );
  }
}

/** The world's tables agree: channels, opens, dependents, candidates, idle clocks. */
export function consistent(c: StepCtx): void {
  const w = c.result.world;
  const where = at(c);
  for (const ch of w.channels.valueSeq()) {
    const dev = w.devices.get(ch.device);
    check(
      dev?.channels.has(ch.name) === true,
      () => `${where}: channel ${ch.name}'s device does not hold it`,
    );
    check(dev?.removed === false, () => `${where}: channel ${ch.name} open on hot-removed ${ch.device}`);
    check(
      w.modules.get(dev!.module)?.loaded === true,
      () => `${where}: channel ${ch.name} open, module not loaded`,
    );
  }
  for (const dev of w.devices.valueSeq()) {
    const m = w.modules.get(dev.module);
    check(
      !dev.suspended || (m?.loaded === true && m.hot && !dev.removed),
      () => `${where}: ${dev.name} is suspended but its module is not loaded, not D_HOT, or it was removed`,
    );
    check(m?.devices.includes(dev.name) === true, () => `${where}: ${dev.name}'s module does not list it`);
    for (const ch of dev.channels) {
      check(
        w.channels.get(ch)?.device === dev.name,
        () => `${where}: ${dev.name} holds unknown channel ${ch}`,
      );
    }
  }
  for (const m of w.modules.valueSeq()) {
    const opens = openChannels(w, m.name).length;
    check(
      m.openChannels.size === opens && openChannels(w, m.name).every((c) => m.openChannels.has(c)),
      () =>
        `${where}: ${m.name} lists open channels ${m.openChannels.toArray().join(',')}, the devices have ${opens}`,
    );
    const dependents = w.modules
      .valueSeq()
      .filter((d) => d.loaded && d.dependsOn.includes(m.name))
      .map((d) => d.name)
      .toArray()
      .sort();
    check(
      snapshot(m.dependents.toArray().sort()) === snapshot(dependents),
      () =>
        `${where}: ${m.name}.dependents [${m.dependents.join()}] ≠ loaded dependents [${dependents.join()}]`,
    );
    if (m.unloading) {
      check(
        m.loaded && opens === 0 && m.dependents.size === 0,
        () => `${where}: ${m.name} is unloading but not loaded, or open, or depended on`,
      );
    }
    if (m.loaded) {
      for (const d of m.dependsOn) {
        check(
          w.modules.get(d)?.loaded === true,
          () => `${where}: ${m.name} loaded but its dependency ${d} is not`,
        );
      }
      check(
        (m.idleSince === null) === (opens > 0 || m.dependents.size > 0 || m.pushedOn.size > 0),
        () =>
          `${where}: ${m.name} idleSince=${m.idleSince} with ${opens} opens, ${m.dependents.size} dependents`,
      );
    } else {
      check(
        m.dependents.size === 0 && opens === 0 && !w.autoCandidates.has(m.name),
        () => `${where}: unloaded ${m.name} has dependents, opens or candidacy`,
      );
    }
  }
}

/**
 * Demand unload (svr5.md §4): not loaded → EINVAL; busy (never unloadable,
 * open, dependents, profiling) → EBUSY without `_unload`; otherwise `_unload`
 * runs and its result is the answer. A failed demand unload of a
 * demand-loaded module makes it an auto-unload candidate.
 */
export function demandUnloadAnswers(c: StepCtx): void {
  if (c.action.do !== 'unloadModule' || c.before.shutDown) return;
  const name = c.action.module;
  const m = c.before.modules.get(name);
  const status = c.result.status;
  // The daemon may wake while modadmin -U sleeps: only this module's demand call counts.
  const called = c.result.events.filter(
    (e) => e.type === 'unloadCalled' && e.module === name && e.by === 'demand',
  );
  if (!m?.loaded || m.isStatic) {
    // moduload(2): EINVAL for a module that is not loaded, or not a loadable module at all (static).
    check(
      status === 'EINVAL' && called.length === 0,
      () => `${at(c)}: ${name} not loaded or static, answered ${status}`,
    );
    return;
  }
  const dependents = c.before.modules.valueSeq().some((d) => d.loaded && d.dependsOn.includes(name));
  const busy =
    !m.hasUnload ||
    m.hba ||
    m.unloading !== null ||
    m.pushedOn.size > 0 ||
    c.before.options.profiling ||
    dependents ||
    openChannels(c.before, name).length > 0;
  if (busy) {
    check(status === 'EBUSY' && called.length === 0, () => `${at(c)}: ${name} is busy, answered ${status}`);
  } else {
    check(called.length === 1, () => `${at(c)}: ${name} is not busy but _unload was not called on demand`);
    check(
      status === '0' ? m.unloadReturns === '0' : mayAnswer(m, status),
      () => `${at(c)}: _unload returns ${m.unloadReturns} (drains ${m.drainSeconds} s), answered ${status}`,
    );
  }
  // A module that can never unload (no _unload, HBA) is no candidate for anything.
  if (status !== '0' && m.loadedBy === 'demand' && m.hasUnload && !m.hba) {
    check(
      c.result.world.autoCandidates.has(name),
      () => `${at(c)}: a failed demand unload did not make demand-loaded ${name} a candidate`,
    );
  }
}

/** config(CFG_SUSPEND): a suspended instance gets no I/O (no open(D2) reaches it). */
export function suspendedGetsNoIo(c: StepCtx): void {
  for (const e of c.result.events) {
    if (e.type !== 'openCalled') continue;
    check(
      c.before.devices.get(e.device ?? '')?.suspended !== true,
      () => `${at(c)}: open(D2) reached ${e.device}, which was suspended`,
    );
  }
}
