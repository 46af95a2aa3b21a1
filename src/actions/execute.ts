import { kernelOf, type Action, type StepExtras } from '../kernel/core';
import { applyAction } from '../store/session';
import type { ActionSource, VisualizerState } from '../store/state';
import type { Outcome, Registry } from './types';
import { checkArgs } from './schemas';
import { parseStepFor } from './validate';

/**
 * The one door. Every command a person, a key, a scenario step, a host
 * page or a test gives goes through here: found in the registry, its
 * arguments checked, then performed — a kernel action by the kernel, an app
 * command by its pure `perform`. State in, state out, and an outcome: the
 * kernel's status and events, or what was wrong. Never throws.
 */
export function transition(
  state: VisualizerState,
  id: string,
  args: unknown,
  source: ActionSource,
  registry: Registry,
): { state: VisualizerState; outcome: Outcome } {
  try {
    return perform(state, id, args, source, registry);
  } catch (e) {
    // A throw is a bug, not a refusal: marked, so the visualizer shows it (src/app/HandlerErrors.tsx).
    const error = `${id}: ${e instanceof Error ? e.message : String(e)}`;
    return { state, outcome: { ok: false, error, fault: true } };
  }
}

const refuse = (state: VisualizerState, error: string) => ({
  state,
  outcome: { ok: false, error } as Outcome,
});

function perform(
  state: VisualizerState,
  id: string,
  args: unknown,
  source: ActionSource,
  registry: Registry,
) {
  const def = registry.find(id, state.os);
  if (!def) {
    const other = registry.osOf(id);
    const here = kernelOf(state.os).vocabulary.name;
    return refuse(
      state,
      other
        ? `"${id}" is ${kernelOf(other).vocabulary.article} action; this visualizer shows ${here}`
        : `no action "${id}"`,
    );
  }
  if (def.kind === 'command') {
    let value: unknown = undefined;
    if (def.args) {
      const p = checkArgs(def.args, args);
      if (!p.ok) return refuse(state, `${id}: ${p.error}`);
      value = p.value;
    }
    const a = def.available(state);
    if (!a.enabled) return refuse(state, `${id}: ${a.reason}`);
    const r = def.perform(state, value, (st, i, a, src) => transition(st, i, a, src, registry));
    return 'outcome' in r ? r : { state: r, outcome: { ok: true, events: [] } as Outcome };
  }
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
    return refuse(state, `${id}: expected an object of fields`);
  }
  const fields = { ...(args as Record<string, unknown> | undefined), do: id };
  const problems = parseStepFor(state.os, fields);
  if (problems.length > 0) return refuse(state, `${id}: ${problems.join('; ')}`);
  // A step's words (say, notes, ask) and its expectation ride with it into the history, so the
  // recorder can write the step back as it came (src/lessons/recorder.ts).
  const { say, notes, ask, expect, ...action } = fields as Action & StepExtras;
  const extras: StepExtras = {
    ...(say === undefined ? {} : { say }),
    ...(notes === undefined ? {} : { notes }),
    ...(ask === undefined ? {} : { ask }),
    ...(expect === undefined ? {} : { expect }),
  };
  const { state: applied, entry } = applyAction(state, action, source, extras);
  // A person's new step (not a scenario's, not the same refusal shown again): the features follow.
  const made = source !== 'scenario' && applied.cursor !== state.cursor;
  const next = made ? registry.afterAct(applied, state.cursor) : applied;
  return { state: next, outcome: { ok: true, status: entry.status, events: entry.events } as Outcome };
}
