import { describeRefs, type ObjectRef } from './events';
import type { RuleId } from './rules';
import type { Os } from './osTypes';

/** The live unload checklist's shape, shared by every OS (scenario-format.md, `explainUnload`). */

/** One line of the live unload checklist. */
export interface Condition {
  readonly id: string;
  readonly met: boolean;
  /** Names the blocking objects when not met. */
  readonly text: string;
  readonly rule: RuleId;
  /** The objects that keep this condition from being met (for highlighting). */
  readonly blockers: readonly ObjectRef[];
}

export interface UnloadExplanation {
  readonly driver: string;
  readonly os: Os;
  /** Unload (or `_unload`) has run and the driver is gone, or it was never loaded. */
  readonly unloaded: boolean;
  /** One sentence: where the driver stands and why. */
  readonly summary: string;
  readonly conditions: readonly Condition[];
}

export function cond(
  id: string,
  rule: RuleId,
  blockers: readonly ObjectRef[],
  ok: string,
  notOk: string,
): Condition {
  const met = blockers.length === 0;
  return { id, met, rule, blockers, text: met ? ok : `${notOk}: ${describeRefs(blockers)}` };
}

export function flag(id: string, rule: RuleId, met: boolean, text: string): Condition {
  return { id, met, rule, blockers: [], text };
}
