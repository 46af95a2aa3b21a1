import { check } from './harness';
import { at, type StepCtx } from './svr5Invariants';

/**
 * The SVR5 invariants of issue 19: drv_detach(D3) from a DDI 8 `_unload`
 * (the rest are in svr5Invariants.ts).
 */

/** The config(D2) subfunctions, as events. */
const CONFIG_CALLS: ReadonlySet<string> = new Set([
  'cfgAdd',
  'cfgSuspend',
  'cfgResume',
  'cfgRemove',
  'cfgModify',
  'cfgVerify',
]);

/**
 * Per module in a step: an instance's CFG_SUSPEND from drv_detach comes just
 * before its CFG_REMOVE (the next config(D2) call to the module; in between
 * only what the driver does inside that CFG_SUSPEND: an MDI driver's
 * mdi_hw_suspended for that instance, rule svr5.mdi.suspended); the module is
 * freed only after the last CFG_REMOVE; a `_unload` that failed after
 * drv_detach leaves the module loaded with no instance configured.
 */
export function detachOrdered(c: StepCtx): void {
  const events = c.result.events;
  events.forEach((e, i) => {
    if (e.type === 'cfgSuspend' && e.rule === 'svr5.detach.suspendFirst') {
      const rest = events.slice(i + 1);
      const n = rest.findIndex((x) => x.module === e.module && CONFIG_CALLS.has(x.type));
      const next = n < 0 ? undefined : rest[n];
      check(
        next?.type === 'cfgRemove' && next.device === e.device,
        () => `${at(c)}: drv_detach suspended ${e.device} but did not remove it next`,
      );
      const between = rest
        .slice(0, n)
        .filter((x) => x.module === e.module && x.device !== undefined)
        .filter(
          (x) => !(x.type === 'mdiNotified' && x.rule === 'svr5.mdi.suspended' && x.device === e.device),
        );
      check(
        between.length === 0,
        () =>
          `${at(c)}: between CFG_SUSPEND and CFG_REMOVE of ${e.device} came ${between.map((x) => x.type).join(', ')}`,
      );
    }
    if (e.type === 'moduleFreed') {
      const later = events.slice(i + 1).some((x) => x.type === 'cfgRemove' && x.module === e.module);
      check(!later, () => `${at(c)}: ${e.module} freed before drv_detach removed every instance`);
    }
    if (e.type === 'unloadFailed' && e.rule === 'svr5.detach.cannotRefuse') {
      const m = c.result.world.modules.get(e.module ?? '');
      check(
        m?.loaded === true && m.configured.length === 0,
        () => `${at(c)}: ${e.module} failed after drv_detach but is not loaded with no instance`,
      );
    }
  });
}
