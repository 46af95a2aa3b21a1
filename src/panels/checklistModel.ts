import { explainUnload, kernelFor, type ObjectRef, type World } from '../kernel/core';
import { appFor, type Tone } from '../personalities';

/** One driver or module in the checklist's overview (nothing selected). */
export interface OwnerSummary {
  readonly ref: ObjectRef;
  readonly name: string;
  /** Its state in a word or two, from the world. */
  readonly state: string;
  readonly tone: Tone;
  /** explainUnload's one-line summary. */
  readonly summary: string;
}

/** Every driver or module, in the order they appeared, with the kernel's summary. */
export function ownerSummaries(world: World): OwnerSummary[] {
  const kernel = kernelFor(world);
  const { ownerKind, ownerTitle } = kernel.vocabulary;
  return kernel.owners(world).map((name) => ({
    ref: { kind: ownerKind, name },
    name: ownerTitle(name),
    ...appFor(world).ownerState(world, name),
    summary: explainUnload(world, name).summary,
  }));
}
