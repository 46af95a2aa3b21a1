import { createWorld, step, type Action, type Os, type Scenario, type StepExtras } from '../kernel';
import { extendLayout, layoutFor } from '../graph/layout';
import { worldAt, type ActionSource, type HistoryEntry, type Session, type VisualizerState } from './state';

/**
 * The session's transitions, pure: each takes the state and returns the
 * next one. The door (src/actions/execute.ts) is their only caller.
 */

/** An empty session of one OS, ready for a scenario's steps. */
export function emptySession(os: Os, title = '', summary = '', options: object = {}): Session {
  const initial = createWorld(os, options);
  return { title, summary, initial, entries: [], cursor: 0, layout: layoutFor([initial]) };
}

/** The session a scenario starts from: its OS, title, options; no step applied yet. */
export function scenarioStart(s: VisualizerState, scenario: Scenario): VisualizerState {
  return {
    ...s,
    ...emptySession(scenario.os, scenario.title, scenario.summary ?? '', scenario.options),
    os: scenario.os,
    imported: null,
    playing: null,
    selection: null,
    highlight: [],
    hoverBase: null,
  };
}

/**
 * Applies one kernel action at the cursor, dropping any redo future; the
 * step is animated unless a scenario is loading.
 */
export function applyAction(
  s: VisualizerState,
  action: Action,
  source: ActionSource,
  extras: StepExtras = {},
): { state: VisualizerState; entry: HistoryEntry } {
  const r = step(worldAt(s), action);
  const id = s.counter + 1;
  const entry: HistoryEntry = {
    id,
    action,
    source,
    status: r.status,
    events: r.events,
    world: r.world,
    ...(extras.say === undefined ? {} : { say: extras.say }),
    ...(extras.ask === undefined ? {} : { ask: extras.ask }),
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
  };
  const stash = { ...s.stash, [s.os]: keep };
  const saved = s.stash[os];
  const cleared = { playing: null, selection: null, highlight: [], hoverBase: null };
  if (saved) return { ...s, ...saved, ...cleared, os, stash };
  return { ...fresh(), stash };
}
