import type { Svr5Action } from './actions';
import type { StepResult } from '../types';
import { busy, runUnload } from './lifecycle';
import { unloadDelayOf, type Svr5World } from './model';
import type { Svr5Tx } from './tx';

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/**
 * The auto-unload daemon (shared/domain/svr5.md §4): every UNLOAD_WAKE
 * seconds it unloads autoloaded modules that are inactive, have no
 * dependents and have been idle for their unload delay.
 *
 * Time jumps straight to the next wake at which some module qualifies, so
 * the cost depends on the candidates, not on how far the clock moves.
 */
export function advanceTime(tx: Svr5Tx, a: Act<'advanceTime'>): Result {
  const end = tx.clock + a.seconds;
  const wake = tx.options.unloadWake;
  // [MODEL] A module whose _unload refused is retried at a later advance, not at every wake of this one.
  const refused = new Set<string>();
  for (;;) {
    const next = nextWake(tx, wake, refused);
    if (next === null || next > end) break;
    // Which candidates qualify at this wake is decided before the clock moves to it.
    const due = tx.autoCandidates.filter((name) => !refused.has(name) && dueAt(tx, name, wake) === next);
    tx.clock = next;
    tx.emit('daemonWake', 'svr5.auto.daemon', { time: next });
    for (const name of due) {
      if (runUnload(tx, name, 'daemon') !== '0') refused.add(name);
    }
  }
  tx.clock = end;
  tx.emit('clockAdvanced', 'svr5.auto.daemon', { time: end });
  return tx.done();
}

/** The first daemon wake after now at which some candidate qualifies, or null. */
function nextWake(tx: Svr5Tx, wake: number, refused: ReadonlySet<string>): number | null {
  let best: number | null = null;
  for (const name of tx.autoCandidates) {
    if (refused.has(name)) continue;
    const at = dueAt(tx, name, wake);
    if (at !== null && (best === null || at < best)) best = at;
  }
  return best;
}

/** The wake at which this candidate will be unloaded if nothing changes, or null if it will not. */
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
