import { check } from './harness';
import { at, type StepCtx } from './svr5Invariants';

/**
 * STREAMS modules (DLKM guide; rules svr5.streams.*): no `_unload` reaches a
 * module pushed on a stream, and a module's pushes and its streams' stacks
 * agree.
 */
export function pushedNeverUnloaded(c: StepCtx): void {
  for (const e of c.result.events) {
    if (e.type !== 'unloadCalled') continue;
    const pushed = c.before.modules.get(e.module ?? '')?.pushedOn.size ?? 0;
    check(pushed === 0, () => `${at(c)}: _unload of ${e.module}, pushed on ${pushed} streams`);
  }
  const w = c.result.world;
  for (const m of w.modules.valueSeq()) {
    for (const ch of m.pushedOn) {
      check(
        w.channels.get(ch)?.pushed?.includes(m.name) === true,
        () => `${at(c)}: ${m.name} says it is pushed on ${ch}, which does not list it`,
      );
    }
  }
  for (const ch of w.channels.valueSeq()) {
    for (const mod of ch.pushed ?? []) {
      check(
        w.modules.get(mod)?.pushedOn.has(ch.name) === true && w.modules.get(mod)?.loaded === true,
        () => `${at(c)}: ${ch.name} lists ${mod}, which is not loaded or does not know it`,
      );
    }
  }
}
