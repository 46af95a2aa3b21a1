import type { UnloadExplanation } from './checklist';
import { kernelFor } from './os';
import type { World } from './world';

export type { Condition, UnloadExplanation } from './checklist';

/**
 * The live checklist for one driver (Windows) or module (SVR5): every
 * condition the OS checks before calling Unload / `_unload`, met or not,
 * naming what blocks it.
 */
export function explainUnload(world: World, driver: string): UnloadExplanation {
  return kernelFor(world).explain(world, driver);
}
