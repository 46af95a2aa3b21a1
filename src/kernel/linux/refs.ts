import { addTaint, codeFreed } from './model';
import type { LinuxRuleId } from './rules';
import type { LinuxTx } from './tx';
import type { LinuxEventFields } from './events';

/** The module reference count (kernel/module/main.c) and what happens when freed code runs. */

/** `__module_get` / `try_module_get` once allowed: one more reference, held by `holder`. */
export function takeRef(
  tx: LinuxTx,
  module: string,
  holder: string,
  rule: LinuxRuleId,
  fields: LinuxEventFields = {},
): void {
  const m = tx.mod(module);
  tx.patchModule(module, { refs: m.refs.add(holder) });
  tx.emit('referenceTaken', rule, { module, reference: holder, state: String(m.refs.size + 1), ...fields });
}

/** `module_put`: one reference fewer. */
export function dropRef(
  tx: LinuxTx,
  module: string,
  holder: string,
  rule: LinuxRuleId,
  fields: LinuxEventFields = {},
): void {
  const m = tx.mod(module);
  if (!m.refs.has(holder)) return;
  tx.patchModule(module, { refs: m.refs.remove(holder) });
  tx.emit('referenceDropped', rule, { module, reference: holder, state: String(m.refs.size - 1), ...fields });
}

/**
 * `try_module_get`: refused while the module is GOING (or not loaded at all),
 * allowed while COMING or LIVE (module_is_live). Returns whether it succeeded.
 */
export function tryModuleGet(tx: LinuxTx, module: string): boolean {
  const s = tx.modules.get(module)?.state;
  return s === 'coming' || s === 'live';
}

/**
 * Freed code of `module`'s load `generation` is about to run: if it was freed,
 * the kernel oopses (taint D) and the step's caller dies. Returns true then.
 */
export function ranFreedCode(
  tx: LinuxTx,
  module: string,
  generation: number,
  what: string,
  fields: LinuxEventFields = {},
): boolean {
  if (!codeFreed(tx.w, module, generation)) return false;
  tx.oopses = tx.oopses + 1;
  tx.taint = addTaint(tx.taint, 'D');
  tx.emit('useAfterFree', 'linux.bug.useAfterFree', {
    module,
    ...fields,
    status: 'Oops',
    reason: `${what}: ${module}'s code was freed when it was unloaded`,
  });
  tx.emit('kernelTainted', 'linux.taint.die', { state: tx.taint });
  return true;
}
