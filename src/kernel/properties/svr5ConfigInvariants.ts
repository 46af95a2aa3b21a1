import { check } from './harness';
import { at, type StepCtx } from './svr5Invariants';

/**
 * The SVR5 invariants of config(D2)'s CFG_MODIFY and CFG_VERIFY (issue 19;
 * rules svr5.config.*). The rest are in svr5Invariants.ts.
 */

/**
 * CFG_MODIFY reaches only an instance that was suspended, and leaves it
 * suspended; CFG_VERIFY changes no module and no instance's state (only
 * the answer it records).
 */
export function configSubfunctions(c: StepCtx): void {
  for (const e of c.result.events) {
    if (e.type === 'cfgModify') {
      const before = c.before.devices.get(e.device ?? '');
      const after = c.result.world.devices.get(e.device ?? '');
      check(before?.suspended === true, () => `${at(c)}: CFG_MODIFY reached ${e.device}, which was running`);
      check(after?.suspended === true, () => `${at(c)}: CFG_MODIFY resumed ${e.device}`);
    }
    if (e.type === 'cfgVerify') {
      const before = c.before.devices.get(e.device ?? '');
      const after = c.result.world.devices.get(e.device ?? '');
      check(
        c.result.world.modules === c.before.modules &&
          before?.removed === after?.removed &&
          before?.suspended === after?.suspended &&
          before?.channels === after?.channels,
        () => `${at(c)}: CFG_VERIFY changed ${e.device} or a module`,
      );
    }
  }
}
