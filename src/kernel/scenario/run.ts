import type { KernelEvent } from '../events';
import type { Action } from './actions';
import { createWorld, step, type World } from '../world';
import type { Expect, Scenario, ScenarioStep } from './schema';

export interface StepRecord {
  readonly status: string;
  readonly events: readonly KernelEvent[];
  /** The world after this step (worlds share structure, so keeping all is cheap). */
  readonly world: World;
  /** What the step's `expect` asked for and did not get; empty when it holds (or there is none). */
  readonly failures: readonly string[];
}

export interface ScenarioRun {
  readonly steps: readonly StepRecord[];
  readonly world: World;
  /** The world before the first step. */
  readonly initial: World;
}

/** The action a scenario step performs, without its narration, question and expectation. */
export function actionOf(s: ScenarioStep): Action {
  const { say: _say, notes: _notes, ask: _ask, expect: _expect, ...action } = s;
  return action;
}

/** The empty world a scenario starts from, with its options. */
export function initialWorld(scenario: Scenario): World {
  return createWorld(scenario.os, scenario.options);
}

/** Plays every step in order. Pure: the same scenario always gives the same run. */
export function runScenario(scenario: Scenario): ScenarioRun {
  const initial = initialWorld(scenario);
  let world = initial;
  const steps: StepRecord[] = [];
  for (const s of scenario.steps) {
    const r = step(world, actionOf(s));
    world = r.world;
    steps.push({
      status: r.status,
      events: r.events,
      world,
      failures: s.expect ? checkExpect(s.expect, r.status, r.events) : [],
    });
  }
  return { steps, world, initial };
}

/** Compares a step's outcome with its `expect`: status, events that must occur, events that must not. */
export function checkExpect(expect: Expect, status: string, events: readonly KernelEvent[]): string[] {
  const failures: string[] = [];
  if (expect.status !== undefined && expect.status !== status) {
    failures.push(`expected status ${expect.status}, got ${status}`);
  }
  const seen = new Set(events.map((e) => e.type));
  for (const t of expect.events ?? [])
    if (!seen.has(t as KernelEvent['type'])) failures.push(`expected a ${t} event`);
  for (const t of expect.absent ?? [])
    if (seen.has(t as KernelEvent['type'])) failures.push(`did not expect a ${t} event`);
  return failures;
}
