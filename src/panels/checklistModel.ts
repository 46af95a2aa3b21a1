import {
  describeRefs,
  explainUnload,
  kernelFor,
  type Condition,
  type ObjectRef,
  type UnloadExplanation,
  type World,
} from '../kernel/core';
import { appFor, type Tone } from '../personalities';

/**
 * What the unload checklist says, from the kernel's explanation, and what
 * it holds back in front of a class (issue 17: nothing on screen answers an
 * open question).
 *
 * The rule, precisely: while the classroom holds back (`holdsBack` in
 * src/lessons/commands.ts: a lesson at step 0, a question open or one press
 * away), the checklist shows only what holds now, never what an action
 * will do:
 * - every condition keeps its mark (met or not), its blockers and its rule:
 *   those are facts of the world as shown;
 * - a line keeps only its fact: the part before its first colon (the
 *   kernel writes them "fact: consequence", e.g. "It has no Unload routine:
 *   it is never unloaded"), then the objects that block it ("Files still
 *   open: handle h1", but not "IRP_MN_REMOVE_DEVICE waits for h1 to
 *   close"), unless the OS's personality words it (`conditionFact`:
 *   Windows' "sc stop is refused …" line);
 * - the kernel's one-sentence summary, which says what comes next ("sc stop
 *   marks it Unload Pending…", "A demand unload gets EBUSY…"), is replaced by
 *   `HELD_BACK`, and in the overview by the lines not met.
 */

/** Said instead of the kernel's summary while the classroom holds back. */
export const HELD_BACK = 'What happens next is the class’s to predict: below is only what holds now.';

/** One driver or module in the checklist's overview (nothing selected). */
export interface OwnerSummary {
  readonly ref: ObjectRef;
  readonly name: string;
  /** Its state in a word or two, from the world. */
  readonly state: string;
  readonly tone: Tone;
  /** explainUnload's one-line summary, or (held back) the lines not met. */
  readonly summary: string;
}

/** A condition's line as a bare fact (see the rule above). */
function factOf(world: World, owner: string, c: Condition): string {
  const worded = appFor(world).conditionFact?.(world, owner, c);
  if (worded !== undefined) return worded;
  const colon = c.text.indexOf(':');
  const fact = colon > 0 ? c.text.slice(0, colon) : c.text;
  return c.blockers.length > 0 ? `${fact}: ${describeRefs(c.blockers)}` : fact;
}

/** The explanation as the checklist shows it: whole, or (held back) facts only. */
export function shownExplanation(world: World, owner: string, heldBack: boolean): UnloadExplanation {
  const e = explainUnload(world, owner);
  if (!heldBack) return e;
  return {
    ...e,
    summary: HELD_BACK,
    conditions: e.conditions.map((c) => ({ ...c, text: factOf(world, owner, c) })),
  };
}

/** Every driver or module, in the order they appeared, with the kernel's summary (or, held back, its facts). */
export function ownerSummaries(world: World, heldBack = false): OwnerSummary[] {
  return kernelFor(world)
    .owners(world)
    .map((name) => ownerSummary(world, name, heldBack));
}

/** One driver or module of the overview (src/panels/overview.ts keeps them between moments). */
export function ownerSummary(world: World, name: string, heldBack: boolean): OwnerSummary {
  const { ownerKind, ownerTitle } = kernelFor(world).vocabulary;
  const e = shownExplanation(world, name, heldBack);
  const open = e.conditions.filter((c) => !c.met).map((c) => c.text);
  return {
    ref: { kind: ownerKind, name },
    name: ownerTitle(name),
    ...appFor(world).ownerState(world, name),
    summary: heldBack
      ? open.length > 0
        ? `Not met: ${open.join('; ')}.`
        : 'Every condition is met.'
      : e.summary,
  };
}
