import { createWorld, step, type Action, type Os, type Scenario, type StepExtras } from '../kernel/core';
import { extendLayout, layoutFor } from './layout';
import { worldAt, type ActionSource, type HistoryEntry, type Session, type VisualizerState } from './state';

/**
 * The session's transitions, pure: each takes the state and returns the
 * next one. The door (src/actions/execute.ts) is their only caller.
 */

/** An empty session of one OS, ready for a scenario's steps. */
export function emptySession(os: Os, title = '', summary = '', options: object = {}): Session {
  const initial = createWorld(os, options);
  return {
    title,
    summary,
    initial,
    entries: [],
    cursor: 0,
    layout: layoutFor([initial]),
    lesson: null,
    about: null,
  };
}

/** The session a scenario starts from: its OS, title, options; no step applied yet. */
export function scenarioStart(s: VisualizerState, scenario: Scenario): VisualizerState {
  return {
    ...s,
    ...emptySession(scenario.os, scenario.title, scenario.summary ?? '', scenario.options),
    about: {
      ...(scenario.rule === undefined ? {} : { rule: scenario.rule }),
      ...(scenario.topic === undefined ? {} : { topic: scenario.topic }),
      options: scenario.options,
    },
    os: scenario.os,
    imported: null,
    playing: null,
    selection: null,
    highlight: [],
    hoverBase: null,
  };
}

/**
 * Applies one kernel action at the cursor, dropping any redo future (a
 * lesson keeps its own steps: acting starts a branch, which the door asks
 * the lessons for: src/actions/execute.ts); the step is animated
 * unless a scenario is loading. The same refused action again, changing
 * nothing, is shown again rather than stacked as another identical step.
 */
export function applyAction(
  s: VisualizerState,
  action: Action,
  source: ActionSource,
  extras: StepExtras = {},
): { state: VisualizerState; entry: HistoryEntry } {
  const before = worldAt(s);
  const r = step(before, action);
  const current = s.entries[s.cursor - 1];
  if (source !== 'scenario' && r.world === before && current && sameRefusal(current, action, r.status)) {
    const nonce = s.counter + 1;
    return { entry: current, state: { ...s, counter: nonce, playing: { entryId: current.id, nonce } } };
  }
  const id = s.counter + 1;
  const entry: HistoryEntry = {
    id,
    action,
    source,
    status: r.status,
    events: r.events,
    world: r.world,
    ...(r.moments === undefined ? {} : { moments: r.moments }),
    ...(extras.say === undefined ? {} : { say: extras.say }),
    ...(extras.notes === undefined ? {} : { notes: extras.notes }),
    ...(extras.ask === undefined ? {} : { ask: extras.ask }),
    ...(extras.expect === undefined ? {} : { expect: extras.expect }),
  };
  const entries = [...s.entries.slice(0, s.cursor), entry];
  return {
    entry,
    state: {
      ...s,
      entries,
      cursor: s.cursor + 1,
      counter: id,
      // A loading scenario lays out once, after its last step (commands.ts). A step at the end of
      // the history extends the layout; one in the past drops the future, so the union is redone.
      layout:
        source === 'scenario'
          ? s.layout
          : s.cursor === s.entries.length
            ? extendLayout(s.layout, r.world)
            : layoutFor([s.initial, ...entries.map((e) => e.world)], s.layout),
      playing: source === 'scenario' ? null : { entryId: id, nonce: id },
    },
  };
}

/** The entry is this same action, refused with this same status (its world unchanged). */
function sameRefusal(entry: HistoryEntry, action: Action, status: string): boolean {
  return (
    entry.status === status &&
    entry.events.some((e) => e.type === 'refused') &&
    JSON.stringify(entry.action) === JSON.stringify(action)
  );
}

/** Moves the cursor; with `play`, animates the step it lands on. */
export function moveTo(s: VisualizerState, target: number, play = false): VisualizerState {
  const cursor = Math.max(0, Math.min(s.entries.length, target));
  const entry = s.entries[cursor - 1];
  const nonce = s.counter + 1;
  return {
    ...s,
    cursor,
    counter: nonce,
    playing: play && entry ? { entryId: entry.id, nonce } : null,
  };
}

/** Moves to another OS, keeping this one's session; `fresh` gives the session for an OS not visited yet. */
export function switchOs(s: VisualizerState, os: Os, fresh: () => VisualizerState): VisualizerState {
  if (s.os === os) return s;
  const keep: Session = {
    title: s.title,
    summary: s.summary,
    initial: s.initial,
    entries: s.entries,
    cursor: s.cursor,
    layout: s.layout,
    lesson: s.lesson,
    about: s.about,
  };
  const stash = { ...s.stash, [s.os]: keep };
  const saved = s.stash[os];
  const cleared = { playing: null, selection: null, highlight: [], hoverBase: null };
  if (saved) return { ...s, ...saved, ...cleared, os, stash };
  return { ...fresh(), stash };
}
