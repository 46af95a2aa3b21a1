import fc from 'fast-check';
import type { Action } from '../scenario/actions';
import type { StepResult } from '../types';
import { step, type World } from '../world';

/** One step of a random run, as the properties see it. */
export interface StepCtx<W extends World, A extends Action> {
  readonly index: number;
  readonly action: A;
  readonly before: W;
  readonly result: StepResult<W>;
  /** The world before the step as JSON, taken before the step ran (only when the property asks for it). */
  readonly beforeSnap?: string;
}

/** A step that threw: the engine broke its promise that every action gets a status. */
export interface Crash<A extends Action> {
  readonly index: number;
  readonly action: A;
  readonly error: string;
}

/**
 * Folds `actions` from `start`, calling `each` on every step. A step that
 * throws ends the run (the crash is returned): the other invariants are
 * checked on the steps before it, and "never throws" reports the crash.
 */
export function fold<W extends World, A extends Action>(
  start: W,
  actions: readonly A[],
  each: (c: StepCtx<W, A>) => void,
  snapshots = false,
): { steps: StepCtx<W, A>[]; crash?: Crash<A> } {
  let world = start;
  const steps: StepCtx<W, A>[] = [];
  for (const [index, action] of actions.entries()) {
    const beforeSnap = snapshots ? snapshot(world) : undefined;
    let result: StepResult<W>;
    try {
      result = step(world, action) as StepResult<W>;
    } catch (e) {
      return { steps, crash: { index, action, error: e instanceof Error ? e.message : String(e) } };
    }
    const c: StepCtx<W, A> = {
      index,
      action,
      before: world,
      result,
      ...(beforeSnap === undefined ? {} : { beforeSnap }),
    };
    each(c);
    steps.push(c);
    world = result.world;
  }
  return { steps };
}

/** Runs a property over many random runs; `each` checks one step, `perRun` sees every step of a run. */
export function runProperty<W extends World, A extends Action, O>(
  runs: fc.Arbitrary<{ options: O; actions: A[] }>,
  start: (options: O) => W,
  each: (c: StepCtx<W, A>) => void,
  perRun: (steps: StepCtx<W, A>[], crash?: Crash<A>) => void,
  numRuns: number,
  snapshots: boolean,
): void {
  fc.assert(
    fc.property(runs, ({ options, actions }) => {
      const { steps, crash } = fold(start(options), actions, each, snapshots);
      perRun(steps, crash);
    }),
    { numRuns, ...replay() },
  );
}

/**
 * FC_SEED (and FC_PATH) replay a failure fast-check printed:
 * `FC_SEED=5142542 FC_PATH="681:0:2" npx vitest run <file> -t "<property>"`.
 */
function replay(): { seed?: number; path?: string } {
  const seed = process.env.FC_SEED;
  if (seed === undefined || seed === '') return {};
  const path = process.env.FC_PATH;
  return { seed: Number(seed), ...(path ? { path } : {}) };
}

/** A stable text form of a value (Immutable collections serialise through toJSON). */
export function snapshot(v: unknown): string {
  return JSON.stringify(v);
}

/** Throws with a message that names the step, so fast-check's report reads well. */
export function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** The step is pure (the world before is untouched) and deterministic (same input, same output). */
export function pureAndDeterministic<W extends World, A extends Action>(
  c: StepCtx<W, A>,
  where: string,
): void {
  check(snapshot(c.before) === c.beforeSnap, () => `${where}: the world before the step was mutated`);
  const again = step(c.before, c.action);
  check(
    snapshot(again) === snapshot(c.result),
    () => `${where}: stepping the same world with the same action gave a different result`,
  );
}
