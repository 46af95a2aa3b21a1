import { kernelFor, kernelOf, type ActionOf, type OptionsOf, type Os, type WorldOf } from './os';
import type { StepResult } from './types';

export type { Os } from './os';
export type World = WorldOf<Os>;

/** An empty world for one OS: nothing loaded, clock at 0. */
export function createWorld<O extends Os>(os: O, options?: Partial<OptionsOf<O>>): WorldOf<O> {
  return kernelOf(os).createWorld(options);
}

/**
 * The kernel's one door: (world, action) → { world, status, events }.
 * Pure: the given world is never changed; the result shares what did not change.
 * An action of another OS is a programming error and throws; scenario input
 * is validated by `parseScenario` before it gets here.
 */
export function step<W extends World>(world: W, action: ActionOf<W['os']>): StepResult<W>;
export function step(world: World, action: ActionOf<Os>): StepResult<World>;
export function step(world: World, action: ActionOf<Os>): StepResult<World> {
  return kernelFor(world).step(world, action);
}
