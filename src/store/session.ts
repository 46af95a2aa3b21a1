import type { StateCreator } from 'zustand';
import {
  actionOf,
  createWorld,
  initialWorld,
  runScenario,
  step,
  type Action,
  type KernelEvent,
  type Os,
  type Scenario,
  type StepResult,
  type World,
} from '../kernel';
import { defaultScenario } from '../scenarios/load';
import type { AppState } from './index';

/** Who asked for an action: every caller goes through the same door. */
export type ActionSource = 'button' | 'context' | 'palette' | 'key' | 'scenario' | 'test' | 'embed';

/** One applied step: the action, what the kernel answered, and the world after it. */
export interface HistoryEntry {
  /** Unique within a session, increasing. */
  readonly id: number;
  readonly action: Action;
  readonly source: ActionSource;
  readonly status: string;
  readonly events: readonly KernelEvent[];
  readonly world: World;
  /** Narration, when a scenario step carried it. */
  readonly say?: string;
}

export interface SessionSlice {
  readonly os: Os;
  readonly title: string;
  readonly summary: string;
  /** The world before the first step. */
  readonly initial: World;
  /** Every step applied, in order; history keeps them all (worlds share structure). */
  readonly entries: readonly HistoryEntry[];
  /** How many entries are applied: 0 is the initial world, entries.length the latest. */
  readonly cursor: number;
  /** The entry whose events the animation should play now (after apply, redo or a step forward). */
  readonly playing: { readonly entryId: number; readonly nonce: number } | null;

  readonly loadScenario: (scenario: Scenario) => void;
  /** Applies one kernel action at the cursor (dropping any redo future). */
  readonly apply: (action: Action, source: ActionSource, say?: string) => StepResult<World>;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Moves the cursor; with `play`, animates the step it lands on. */
  readonly jumpTo: (cursor: number, play?: boolean) => void;
  /** Moves to the other OS, keeping each OS's session; the first visit loads its default scenario. */
  readonly switchOs: (os: Os) => void;
}

type Snapshot = Pick<SessionSlice, 'title' | 'summary' | 'initial' | 'entries' | 'cursor'>;
const stash = new Map<Os, Snapshot>();

let nextId = 1;
let nonce = 0;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  os: 'windows',
  title: '',
  summary: '',
  initial: createWorld('windows'),
  entries: [],
  cursor: 0,
  playing: null,

  loadScenario(scenario) {
    const run = runScenario(scenario);
    const entries = scenario.steps.map((s, i): HistoryEntry => {
      const r = run.steps[i];
      if (!r) throw new Error('runScenario returned fewer steps than the scenario has');
      return {
        id: nextId++,
        action: actionOf(s),
        source: 'scenario',
        status: r.status,
        events: r.events,
        world: r.world,
        ...(s.say === undefined ? {} : { say: s.say }),
      };
    });
    set({
      os: scenario.os,
      title: scenario.title,
      summary: scenario.summary ?? '',
      initial: initialWorld(scenario),
      entries,
      cursor: entries.length,
      playing: null,
      selection: null,
      highlight: [],
    });
  },

  apply(action, source, say) {
    const { entries, cursor, initial } = get();
    const world = cursor === 0 ? initial : (entries[cursor - 1]?.world ?? initial);
    const r = step(world, action);
    const entry: HistoryEntry = {
      id: nextId++,
      action,
      source,
      status: r.status,
      events: r.events,
      world: r.world,
      ...(say === undefined ? {} : { say }),
    };
    set({
      entries: [...entries.slice(0, cursor), entry],
      cursor: cursor + 1,
      playing: { entryId: entry.id, nonce: ++nonce },
    });
    return r;
  },

  undo() {
    const { cursor } = get();
    if (cursor > 0) set({ cursor: cursor - 1, playing: null });
  },

  redo() {
    const { cursor, entries } = get();
    const next = entries[cursor];
    if (next) set({ cursor: cursor + 1, playing: { entryId: next.id, nonce: ++nonce } });
  },

  switchOs(os) {
    const s = get();
    if (s.os === os) return;
    stash.set(s.os, {
      title: s.title,
      summary: s.summary,
      initial: s.initial,
      entries: s.entries,
      cursor: s.cursor,
    });
    const saved = stash.get(os);
    if (saved) set({ ...saved, os, playing: null, selection: null, highlight: [] });
    else get().loadScenario(defaultScenario(os));
  },

  jumpTo(target, play = false) {
    const { entries } = get();
    const cursor = Math.max(0, Math.min(entries.length, target));
    const entry = entries[cursor - 1];
    set({ cursor, playing: play && entry ? { entryId: entry.id, nonce: ++nonce } : null });
  },
});
