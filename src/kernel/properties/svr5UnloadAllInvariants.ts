import { check } from './harness';
import { at, type StepCtx } from './svr5Invariants';

/**
 * moduload(2) with modid 0 (modadmin -u 0; rules svr5.unload.all and
 * svr5.unload.allStatus): after the call no loadable module that nothing
 * holds is left loaded, static modules are untouched, and the answer is 0
 * exactly when no loadable module is left.
 */
export function unloadAllLeavesOnlyHeld(c: StepCtx): void {
  if (c.action.do !== 'unloadAll' || c.before.shutDown) return;
  const w = c.result.world;
  const left = w.modules
    .valueSeq()
    .filter((m) => m.loaded && !m.isStatic)
    .toArray();
  for (const m of left) {
    const held =
      m.openChannels.size > 0 ||
      m.dependents.size > 0 ||
      m.pushedOn.size > 0 ||
      w.options.profiling ||
      !m.hasUnload ||
      m.hba ||
      m.unloading !== null ||
      m.lastUnloadResult !== '0';
    check(held, () => `${at(c)}: ${m.name} is left loaded though nothing holds it`);
  }
  for (const m of c.before.modules.valueSeq()) {
    if (m.isStatic) check(w.modules.get(m.name) === m, () => `${at(c)}: static ${m.name} was touched`);
  }
  check(
    (c.result.status === '0') === (left.length === 0),
    () => `${at(c)}: answered ${c.result.status} with ${left.length} loadable modules left`,
  );
}
