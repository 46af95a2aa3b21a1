import type { ObjectRef, Os, World } from '../kernel/core';
import { availability, defaultArgs, toAction } from './args';
import { kernelActionsFor, type KernelActionDef } from './registry';
import type { Availability } from './types';

/**
 * What the screen says of an action a person may take now: whether its
 * button is greyed out, and why.
 *
 * The kernel's refusal of a dry run (`refused`) states an outcome in the
 * kernel's words ("EBUSY: module busy", "STATUS_DELETE_PENDING…"): while a
 * lesson holds back what is about to happen (issue 17: a question open, or
 * one press away; src/lessons/question.ts `holdsBack`), a greyed-out button
 * with that reason would answer the question, and a greyed-out button alone
 * would too. So, held back, such an action is offered like any other: it
 * can be taken (acting starts a branch, and the kernel answers then), and no
 * reason is shown. Reasons that are facts of the form (a field to fill, no
 * object to choose yet, another OS's action) stay.
 */
export function shownAvailability(a: Availability, heldBack: boolean): Availability {
  return heldBack && !a.enabled && a.refused ? { enabled: true } : a;
}

/** One action offered for the selected object, as its button shows it. */
export interface SelectionOffer {
  readonly def: KernelActionDef;
  readonly id: string;
  readonly fields: Record<string, unknown>;
  readonly avail: Availability;
}

/** The actions that apply to the selected object, each with its arguments and (shown) availability. */
export function selectionOffers(
  os: Os,
  world: World,
  selection: ObjectRef,
  heldBack: boolean,
): SelectionOffer[] {
  return kernelActionsFor(os)
    .filter((d) => d.subject?.kind === selection.kind)
    .map((def) => {
      const args = defaultArgs(def, world, selection);
      const { do: id, ...fields } = toAction(def, args);
      return { def, id, fields, avail: shownAvailability(availability(def, world, args), heldBack) };
    });
}
