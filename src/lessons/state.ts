import type { HistoryEntry, VisualizerState } from '../store/state';

/**
 * A lesson being played, as plain data in the visualizer's session (so each
 * OS's session keeps its own, and two visualizers on a page never share one).
 */

/** What happened at a question: the choice picked, or null when it was revealed without an answer. */
export interface Answer {
  readonly choice: number | null;
  readonly correct: boolean;
}

export interface LessonSession {
  /** The built-in lesson's id, or a name for an imported or recorded one. */
  readonly id: string;
  /** Where it came from: a built-in lesson is addressable (`?lesson=`), the others are not. */
  readonly origin: 'built-in' | 'imported';
  /** The lesson's own steps: a branch (acting in the past) never loses them. */
  readonly steps: readonly HistoryEntry[];
  /** Answers by step (1-based: the cursor once that step is applied). */
  readonly answers: Readonly<Record<number, Answer>>;
  /**
   * The question open now, if any: valid while the visualizer's `counter` is still `nonce` (any move closes it).
   * `choice`: the choice the keyboard focus rests on (not an answer), so a reload puts it back there.
   */
  readonly asking: { readonly step: number; readonly nonce: number; readonly choice?: number } | null;
  /** Where the shown steps left the lesson's own: null while on them. */
  readonly branchFrom: number | null;
}

declare module '../store/state' {
  interface Session {
    /** The lesson being played in this session, if any. */
    readonly lesson: LessonSession | null;
  }
  interface VisualizerState {
    /** Presenter mode, text size, autoplay (one for the app, lessons and embeds), the gallery and the lesson editor. */
    readonly classroom: ClassroomUi;
  }
}

/** The classroom's part of the UI: one per visualizer. */
export interface ClassroomUi {
  /** Presenter mode: large type, high contrast, editing chrome hidden, fullscreen. */
  readonly presenter: boolean;
  /** Text size factor, 1 is normal (0.8 to 2.5). */
  readonly fontScale: number;
  /** Steps forward on their own, stopping at questions and at the end. */
  readonly autoplay: boolean;
  /** The lesson gallery is open. */
  readonly galleryOpen: boolean;
  /** The lesson editor (record your own) is open. */
  readonly editorOpen: boolean;
  /** Digits typed to go to a step (then Enter). */
  readonly stepInput: string;
  /** The screen is blanked (B or .), as slide tools do: nothing shows until it is brought back. */
  readonly blank: boolean;
  /** Presenter mode: the side panels folded away, the graph taking the whole stage (src/lessons/projector.ts). */
  readonly panelsHidden: boolean;
}

export const CLASSROOM_DEFAULTS: ClassroomUi = {
  presenter: false,
  fontScale: 1,
  autoplay: false,
  galleryOpen: false,
  editorOpen: false,
  stepInput: '',
  blank: false,
  panelsHidden: false,
};

export const FONT_SCALES = [0.8, 1, 1.25, 1.5, 1.75, 2, 2.5] as const;

/** Presenter mode starts at this text size (a 1080p projector at the back of a room). */
export const PRESENTER_SCALE = 1.5;

/** A new lesson session over the steps just loaded. */
export function startLesson(id: string, origin: LessonSession['origin'], steps: readonly HistoryEntry[]) {
  return { id, origin, steps, answers: {}, asking: null, branchFrom: null } satisfies LessonSession;
}

/** The per-session score: questions answered right, out of those answered (a reveal without an answer counts as asked, not answered). */
export function scoreOf(lesson: LessonSession | null): { right: number; answered: number; asked: number } {
  const all = Object.values(lesson?.answers ?? {});
  return {
    right: all.filter((a) => a.correct).length,
    answered: all.filter((a) => a.choice !== null).length,
    asked: all.length,
  };
}

/**
 * Acting during a lesson starts a branch: the lesson keeps its own steps and
 * remembers where the new line left them (acting on a branch keeps the
 * first fork), so one command returns to them.
 */
function branchOnAct(lesson: LessonSession | null, cursor: number): LessonSession | null {
  if (!lesson || lesson.branchFrom !== null) return lesson;
  return { ...lesson, branchFrom: cursor, asking: null };
}

/** The lessons' part of the door (src/actions/types.ts `Registry.afterAct`): a person's step starts a branch. */
export function branchAfterAct(s: VisualizerState, cursor: number): VisualizerState {
  const lesson = branchOnAct(s.lesson, cursor);
  return lesson === s.lesson ? s : { ...s, lesson };
}
