import type { EventType, KernelEvent } from '../events';
import { explainUnload } from '../explain';
import { kernel, type RunStep } from '../testing';
import type { Svr5Action, Svr5Options } from './actions';
import type { Svr5World } from './model';

/**
 * Shared helpers for the SVR5 walkthrough-case tests (cases.test.ts,
 * cases-auto.test.ts): the cases of shared/domain/svr5.md §6, played
 * through the pure step API.
 */

export type Step = RunStep<'svr5'>;

/** Plays `actions` from an empty world; returns every step and the final world. */
export function play(
  actions: readonly Svr5Action[],
  options: Partial<Svr5Options> = {},
): { steps: Step[]; world: Svr5World } {
  return kernel('svr5', options).do(...actions);
}

export function step(steps: readonly Step[], i: number): Step {
  const s = steps[i];
  if (!s) throw new Error(`no step ${i}`);
  return s;
}

export const types = (s: Step): EventType[] => s.events.map((e) => e.type);
export const of = (s: Step, type: EventType): KernelEvent[] => s.events.filter((e) => e.type === type);
/** Every event of this type across all the steps. */
export const allOf = (steps: readonly Step[], type: EventType): KernelEvent[] =>
  steps.flatMap((s) => of(s, type));
export const devicesOf = (s: Step, type: EventType): (string | undefined)[] =>
  of(s, type).map((e) => e.device);

export const isLoaded = (world: Svr5World, module: string): boolean =>
  world.modules.get(module)?.loaded ?? false;

/** One line of the live checklist for `module`. */
export function condition(world: Svr5World, module: string, id: string) {
  const c = explainUnload(world, module).conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id} for ${module}`);
  return c;
}

/** A DDI 8 driver `tty` with two instances, plus whatever else the case needs. */
export const tty = (extra: Partial<Extract<Svr5Action, { do: 'registerModule' }>> = {}): Svr5Action => ({
  do: 'registerModule',
  module: 'tty',
  ddi: '8',
  devices: ['tty0', 'tty1'],
  ...extra,
});
