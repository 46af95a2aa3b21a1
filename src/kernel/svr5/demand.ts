import { RULES } from '../rules';
import type { StepResult } from '../types';
import { runClock } from './daemon';
import { becomeCandidate, busy, runUnload } from './lifecycle';
import { neverUnloadable, type Svr5World } from './model';
import type { Svr5Tx } from './tx';

type Result = StepResult<Svr5World>;

/**
 * Demand unloading (moduload(2), modadmin(1M)): one module by name, or
 * every loadable module (modid 0). Static modules are linked into the
 * kernel: there is no loadable module to unload (EINVAL).
 */

/** The refusal for a static (non-loadable) module, or null for a loadable one. */
export function refuseStatic(tx: Svr5Tx, module: string, what: string): Result | null {
  if (!tx.modules.get(module)?.isStatic) return null;
  return tx.refuse(
    'EINVAL',
    what === 'modadmin -l' ? 'svr5.static.noLoad' : 'svr5.static.notLoadable',
    `${module} is a static module, linked into the kernel: ${what} has no loadable module to act on`,
    { module },
  );
}

/**
 * One demand unload of a loaded, loadable module: busy → EBUSY without
 * calling `_unload` (and a demand-loaded module becomes an auto-unload
 * candidate); else `_unload` decides, the caller sleeping with it.
 */
export function demandUnload(tx: Svr5Tx, name: string, who: string): string {
  const m = tx.mod(name);
  const b = busy(tx, m);
  if (b) {
    tx.emit('refused', b.rule, {
      module: name,
      blockers: b.blockers,
      ...(neverUnloadable(m) ? { model: RULES['svr5.never.status'].text } : {}),
      status: 'EBUSY',
      reason: `${name} is busy: ${b.reason}; _unload is not called`,
    });
    becomeCandidate(tx, name);
    return 'EBUSY';
  }
  let s = runUnload(tx, name, 'demand');
  if (s === null) {
    // The caller sleeps with its _unload; the clock runs meanwhile (the daemon may wake).
    runClock(tx, tx.mod(name).unloading?.until ?? tx.clock);
    s = tx.mod(name).lastUnloadResult ?? '0';
    tx.emit('clockAdvanced', 'svr5.seed.blockable', {
      module: name,
      time: tx.clock,
      reason: `${who} slept until _unload of ${name} returned ${s}`,
    });
  }
  if (s !== '0') becomeCandidate(tx, name);
  return s;
}

/**
 * moduload(0) (modadmin -u 0): tries to unload every loaded loadable
 * module (svr5.unload.all). Modules nothing holds go first, again and again,
 * so a dependent unloaded frees what it depended on in the same call; then
 * each module still held is refused once with its reason and becomes an
 * auto-unload candidate. The answer is 0 when every one went, else the first
 * errno met [MODEL: svr5.unload.allStatus].
 */
export function unloadAll(tx: Svr5Tx): Result {
  const tried = new Set<string>();
  const loadable = () =>
    tx.modules
      .valueSeq()
      .filter((m) => m.loaded && !m.isStatic && !tried.has(m.name))
      .toArray();
  let first: string | null = null;
  for (;;) {
    const free = loadable().filter((m) => !busy(tx, m));
    if (free.length === 0) break;
    for (const m of free) {
      tried.add(m.name);
      if (!tx.mod(m.name).loaded || busy(tx, tx.mod(m.name))) continue;
      const s = demandUnload(tx, m.name, 'modadmin -u 0');
      if (s !== '0') first ??= s;
    }
  }
  for (const m of loadable()) {
    tried.add(m.name);
    first ??= demandUnload(tx, m.name, 'modadmin -u 0');
  }
  const left = tx.modules
    .valueSeq()
    .filter((m) => m.loaded)
    .map((m) => (m.isStatic ? `${m.name} (static)` : m.name))
    .toArray();
  const status = first ?? '0';
  tx.emit('unloadAllDone', 'svr5.unload.allStatus', {
    status,
    time: tx.clock,
    reason: left.length === 0 ? 'no module is left loaded' : `still loaded: ${left.join(', ')}`,
  });
  return tx.done(status);
}
