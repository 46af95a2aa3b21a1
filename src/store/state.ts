import type { Action, Ask, Expect, KernelEvent, ObjectRef, Os, World } from '../kernel/core';
import type { Layout } from './layout';

/**
 * Animation that tells the truth: while a step animates, everything drawn
 * (graph, badges, checklist, inspector) shows the world as of the event
 * being animated, from the kernel's moments; the step's final world appears
 * once its last event has played. The animation layer reports where it is
 * through the door; without one (a test, a host page) the final world shows.
 */
export interface AnimationMoment {
  /** The entry being animated and the animation's nonce (a replay is a new animation). */
  readonly entryId: number;
  readonly nonce: number;
  /** The index of the latest event played so far; -1 before the first. */
  readonly event: number;
}

/** Who asked for an action: every caller goes through the same door. */
export type ActionSource = 'button' | 'context' | 'palette' | 'key' | 'scenario' | 'test' | 'embed';

export type Theme = 'light' | 'dark';

/** One applied step: the action, what the kernel answered, and the world after it. */
export interface HistoryEntry {
  /** Unique within a visualizer, increasing. */
  readonly id: number;
  readonly action: Action;
  readonly source: ActionSource;
  readonly status: string;
  readonly events: readonly KernelEvent[];
  readonly world: World;
  /** Narration, when a scenario step carried it. */
  readonly say?: string;
  /** The teacher's notes for the step (the presenter console only), when a scenario step carried them. */
  readonly notes?: string;
  /** A predict-then-reveal question, when a scenario step carried it. */
  readonly ask?: Ask;
  /** What the scenario step expected (its `expect`, as written), when it carried one. */
  readonly expect?: Expect;
  /** The world as each event was emitted (the kernel's moments): drawn while the step animates. */
  readonly moments?: readonly World[];
}

/**
 * One OS's session, kept while the visualizer shows the other OS. A feature that keeps something per
 * session adds its field here from its own folder (TypeScript's declaration merging: the lesson being
 * played, src/lessons/state.ts), so the store core imports no feature.
 */
export interface Session {
  readonly title: string;
  readonly summary: string;
  /** The world before the first step. */
  readonly initial: World;
  /** Every step applied, in order; history keeps them all (worlds share structure). */
  readonly entries: readonly HistoryEntry[];
  /** How many entries are applied: 0 is the initial world, entries.length the latest. */
  readonly cursor: number;
  /** Where every structural object of the session's worlds stands: computed once per change. */
  readonly layout: Layout;
  /** What the scenario the session was loaded from said besides its steps; null for a session begun empty. */
  readonly about: ScenarioAbout | null;
}

/**
 * A scenario's own words about itself, kept as written so the recorder
 * exports them back (src/lessons/recorder.ts: record → export → import is
 * the same lesson): its rule and topic (extensions) and its options as
 * given (the world holds them with every default filled in).
 *
 * @public the package's type declarations name it (npm run build:lib), though no file imports it.
 */
export interface ScenarioAbout {
  readonly rule?: string;
  readonly topic?: string;
  readonly options: object;
}

/**
 * Everything one visualizer shows, as data. There is no other state: no
 * module-level variable, no hidden cache. Two visualizers on a page are two
 * such values in two stores. Changes come only through the door
 * (`src/actions/execute.ts`).
 *
 * The store core declares the fields every visualizer has; each feature adds
 * its own slice from its folder, as zustand's slices are composed (by
 * declaration merging: the classroom and typing, src/lessons/state.ts and
 * typing.ts; a pasted debugger session, src/debugger/reading.ts), so the
 * core imports no feature. Their first values are composed with the
 * features (src/store/create.ts).
 */
export interface VisualizerState extends Session {
  readonly os: Os;
  /** The other OSes' sessions, as they were left. */
  readonly stash: Readonly<Partial<Record<Os, Session>>>;
  /** The entry whose events the animation should play now (after apply, redo or a step forward). */
  readonly playing: { readonly entryId: number; readonly nonce: number } | null;
  /** Ids for entries and animation nonces, increasing. */
  readonly counter: number;
  /** Where the playing animation is (src/store/moment.ts): what is drawn follows it. */
  readonly animating: AnimationMoment | null;

  /**
   * Presenter mode's picture for its stage (src/graph/stageFit.ts, shapeForStage): the placed
   * layout `base` moved as a whole to the stage's shape; shown while `base` is the session's layout.
   */
  readonly stage?: { readonly base: Layout; readonly layout: Layout } | null;

  /** The object the user picked in the graph or a panel. */
  readonly selection: ObjectRef | null;
  /** Objects to light up (a checklist blocker, an event's objects). */
  readonly highlight: readonly ObjectRef[];
  /** While a hover or focus shows its own highlight: the one to put back after it. */
  readonly hoverBase: readonly ObjectRef[] | null;
  readonly theme: Theme;
  /** Animation speed: 1 is normal, 2 twice as fast. */
  readonly speed: number;
  /** Skip animation: every state change shows at once. */
  readonly instant: boolean;
  /** The palette of every action, beside the graph. */
  readonly paletteOpen: boolean;
  /** The sheet of keyboard shortcuts. */
  readonly helpOpen: boolean;
}

/** The world at the cursor. */
export function worldAt(s: Session): World {
  return s.cursor === 0 ? s.initial : (s.entries[s.cursor - 1]?.world ?? s.initial);
}
