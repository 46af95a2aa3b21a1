import type { ObjectRef, World } from '../kernel/core';
import { appFor } from '../personalities';

/**
 * Helpers for the tests that check nothing on screen answers an open
 * question (issue 17): how an answer is recognised, and what there is to
 * look at.
 */

/**
 * The OS's names in a question's right answer that no wrong choice and not
 * the question itself has (EBUSY, STATUS_NO_SUCH_DEVICE, IRP_MN_REMOVE_DEVICE):
 * the answer's tell-tales.
 */
export function tellTales(question: string, choices: readonly string[], answer: number): string[] {
  const words = (t: string) => t.split(/[^A-Za-z0-9_]+/).filter((w) => /^[A-Z][A-Z0-9_]{2,}$/.test(w));
  const elsewhere = new Set(
    [question, ...choices.filter((_, i) => i !== answer)].flatMap(words).map((w) => w.toLowerCase()),
  );
  return words(choices[answer] ?? '').filter((w) => !elsewhere.has(w.toLowerCase()));
}

/** Every object the graph draws for a world (its cards and satellites): what a student can click. */
export function drawnObjects(world: World): ObjectRef[] {
  const out: ObjectRef[] = [];
  appFor(world).flow(world, {
    card: (ref) => out.push(ref),
    satellite: (ref) => out.push(ref),
    edge: () => {},
    frame: () => {},
  });
  return out;
}
