import { parseStepFor } from './validate';
import { useApp, type ActionSource } from '../store';
import { selectWorld } from '../store/selectors';
import { availability, toAction } from './args';
import { COMMANDS } from './commands';
import { SVR5_ACTIONS } from './svr5';
import type { ActionArgs, ActionDef, ExecuteResult, KernelActionDef } from './types';
import { WINDOWS_ACTIONS } from './windows';

/** Every action the app can perform, declared once. */
export const ACTIONS: readonly ActionDef[] = [...WINDOWS_ACTIONS, ...SVR5_ACTIONS, ...COMMANDS];

export function kernelActionsFor(os: 'windows' | 'svr5'): readonly KernelActionDef[] {
  return os === 'windows' ? WINDOWS_ACTIONS : SVR5_ACTIONS;
}

export function findAction(id: string, os: 'windows' | 'svr5'): ActionDef | undefined {
  return ACTIONS.find((a) => a.id === id && (a.kind === 'command' || a.os === os));
}

/**
 * The one door: a button, a key, a scenario step, an embed message or a test
 * all call this. Kernel actions are validated like scenario steps, then
 * applied; the kernel's status comes back. Never throws.
 */
export function executeAction(
  id: string,
  args: ActionArgs = {},
  source: ActionSource = 'button',
): ExecuteResult {
  const state = useApp.getState();
  const def = findAction(id, state.os);
  if (!def) return { ok: false, error: `no action "${id}" for ${state.os}` };
  if (def.kind === 'command') {
    const a = def.available(state);
    if (!a.enabled) return { ok: false, error: a.reason };
    def.perform(state);
    return { ok: true };
  }
  const action = toAction(def, args);
  const problems = parseStepFor(state.os, action);
  if (problems.length > 0) return { ok: false, error: problems.join('; ') };
  const r = state.apply(action, source);
  return { ok: true, status: r.status };
}

/** Whether a kernel action would go through on the current world, and why not. */
export function currentAvailability(def: KernelActionDef, args: ActionArgs) {
  return availability(def, selectWorld(useApp.getState()), args);
}
