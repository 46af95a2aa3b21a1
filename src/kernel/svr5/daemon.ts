import type { Svr5Action } from './actions';
import type { StepResult } from '../types';
import { busy, finishUnload, runUnload } from './lifecycle';
import { unloadDelayOf, type Svr5World } from './model';
import type { Svr5Tx } from './tx';

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/**
 * The auto-unload daemon (shared/domain/svr5.md §4): every UNLOAD_WAKE
 * seconds it unloads autoloaded modules that are inactive, have no
 * dependents and have been idle for their unload delay.
 */
export function advanceTime(tx: Svr5Tx, a: Act<'advanceTime'>): Result {
  const end = tx.clock + a.seconds;
  runClock(tx, end);
  tx.emit('clockAdvanced', 'svr5.auto.daemon', { time: end });
  return tx.done();
}

/**
 * Lets the clock run to `end`: a sleeping `_unload` returns when its time
 * comes, and the daemon wakes at every multiple of UNLOAD_WAKE and calls
 * `_unload` of every candidate that qualifies then [MODEL: svr5.auto.retry],
 * so the outcome does not depend on how the clock is advanced: 300 s at once
 * or five times 60 s make the same wakes.
 *
 * Time jumps straight to the next wake at which some module qualifies, so
 * the cost depends on the candidates, not on how far the clock moves.
 */
export function runClock(tx: Svr5Tx, end: number): void {
  const wake = tx.options.unloadWake;
  for (;;) {
    const returns = nextReturn(tx);
    const next = nextWake(tx, wake);
    if (returns !== null && returns <= end && (next === null || returns <= next)) {
      tx.clock = returns;
      for (const m of tx.modules.valueSeq()) if (m.unloading?.until === returns) finishUnload(tx, m.name);
      continue;
    }
    if (next === null || next > end) break;
    // Which candidates qualify at this wake is decided before the clock moves to it.
    const due = tx.autoCandidates.filter((name) => dueAt(tx, name, wake) === next);
    tx.clock = next;
    // A candidate whose _unload refused before is tried again: that is the simulator's retry rule.
    const retry = due.some((name) => (tx.mod(name).lastUnloadResult ?? '0') !== '0');
    tx.emit('daemonWake', retry ? 'svr5.auto.retry' : 'svr5.auto.daemon', { time: next });
    for (const name of due) runUnload(tx, name, 'daemon');
  }
  if (end > tx.clock) tx.clock = end;
}

/** When the next sleeping `_unload` returns, or null. */
function nextReturn(tx: Svr5Tx): number | null {
  let best: number | null = null;
  for (const m of tx.modules.valueSeq()) {
    const at = m.unloading?.until;
    if (at !== undefined && (best === null || at < best)) best = at;
  }
  return best;
}

/** The first daemon wake after now at which some candidate qualifies, or null. */
function nextWake(tx: Svr5Tx, wake: number): number | null {
  let best: number | null = null;
  for (const name of tx.autoCandidates) {
    const at = dueAt(tx, name, wake);
    if (at !== null && (best === null || at < best)) best = at;
  }
  return best;
}

/** The wake at which the daemon will call this candidate's `_unload` if nothing changes, or null if it will not. */
export function dueAt(
  tx: Pick<Svr5Tx, 'modules' | 'devices' | 'options' | 'clock'>,
  name: string,
  wake: number,
): number | null {
  const m = tx.modules.get(name);
  if (!m?.loaded || m.idleSince === null || busy(tx, m)) return null;
  const ready = m.idleSince + unloadDelayOf(m, tx.options);
  const after = Math.floor(tx.clock / wake) * wake + wake;
  return Math.max(after, Math.ceil(ready / wake) * wake);
}

/**
 * A caller that meets a `_unload` in progress (an open, modadmin -l) sleeps
 * until it returns [MODEL: svr5.unload.waitsForUnload]; the clock runs
 * meanwhile. True when it had to wait.
 */
export function waitForUnload(tx: Svr5Tx, module: string, who: string): boolean {
  const until = tx.mod(module).unloading?.until;
  if (until === undefined) return false;
  runClock(tx, until);
  tx.emit('clockAdvanced', 'svr5.unload.waitsForUnload', {
    module,
    time: tx.clock,
    reason: `${who} slept until _unload of ${module} returned`,
  });
  return true;
}
