import { isOs, type ObjectRef, type Os } from '../../kernel/core';
import { openQuestion } from '../../lessons/question';
import type { Answer, LessonSession } from '../../lessons/state';
import type { scenarioParam } from '../../share/makeLink';
import type { Session, VisualizerState } from '../../store';

/**
 * The work in progress as plain JSON, kept in the browser while the user
 * works (keeper.ts) and offered back after a reload or a crash
 * (restore.ts): each OS's session as a scenario parameter (a built-in id,
 * or the session packed as a link packs it: src/share/makeLink.ts) with its
 * step, the lesson played (its answers and the branch off it), the
 * selection and the animation speed.
 */
const WORK_FORMAT = 1;

interface SavedLesson {
  readonly id: string;
  readonly origin: LessonSession['origin'];
  /** The lesson's own steps, packed: the only source of an imported lesson (a built-in one opens by id). */
  readonly own: string | null;
  /** Where the shown steps (a branch) left the lesson's own, or null on them. */
  readonly branchFrom: number | null;
  /** Answers by lesson step (1-based). */
  readonly answers: Readonly<Record<string, Answer>>;
  /**
   * The question open (the step asking it, one after the cursor) and the choice the focus was on
   * (null: none pointed at), or null when none is open. Absent in work an earlier build wrote.
   */
  readonly asking?: SavedAsking | null;
}

interface SavedAsking {
  readonly step: number;
  readonly choice: number | null;
}

export interface SavedSession {
  readonly os: Os;
  readonly title: string;
  /** The steps shown, as a `scenario` parameter. */
  readonly scenario: string;
  readonly steps: number;
  readonly cursor: number;
  readonly lesson: SavedLesson | null;
}

export interface SavedWork {
  readonly format: typeof WORK_FORMAT;
  /** When it was saved (milliseconds since 1970), to say how old it is. */
  readonly savedAt: number;
  /** The session shown. */
  readonly current: SavedSession;
  /** The other OSes' sessions, as they were left. */
  readonly others: readonly SavedSession[];
  readonly selection: ObjectRef | null;
  readonly speed: number;
  readonly instant: boolean;
}

/**
 * Writes a session's `scenario` parameter: share/makeLink.ts, with its
 * compressor, which a page loads after its first view and hands in.
 */
export interface LinkWriter {
  readonly scenarioParam: typeof scenarioParam;
}

/**
 * Captures the work; each session is packed only when its steps changed
 * (scenarioParam keeps the last, shared with the address).
 */
export function workCapturer({ scenarioParam }: LinkWriter): (s: VisualizerState, now: number) => SavedWork {
  const session = (s: VisualizerState): SavedSession => ({
    os: s.os,
    title: s.title,
    scenario: scenarioParam(s),
    steps: s.entries.length,
    cursor: s.cursor,
    lesson: s.lesson && {
      id: s.lesson.id,
      origin: s.lesson.origin,
      own: s.lesson.origin === 'built-in' ? null : scenarioParam({ ...s, entries: s.lesson.steps }),
      branchFrom: s.lesson.branchFrom,
      answers: s.lesson.answers,
      asking: askingOf(s),
    },
  });
  return (s, now) => ({
    format: WORK_FORMAT,
    savedAt: now,
    current: session(s),
    others: (Object.entries(s.stash) as [Os, Session][])
      .filter(([os]) => os !== s.os)
      .map(([os, kept]) => session({ ...s, ...kept, os })),
    selection: s.selection,
    speed: s.speed,
    instant: s.instant,
  });
}

/** The open question as kept: its step and the choice the focus rests on. */
function askingOf(s: VisualizerState): SavedAsking | null {
  const step = openQuestion(s);
  return step === null ? null : { step, choice: s.lesson?.asking?.choice ?? null };
}

/**
 * Two captures show the same view (the sessions, steps, lesson and the question open), whatever the
 * selection, the speed or the choice the focus rests on.
 */
export function sameView(a: SavedWork, b: SavedWork): boolean {
  const session = (v: SavedSession) =>
    v.lesson ? { ...v, lesson: { ...v.lesson, asking: v.lesson.asking?.step ?? null } } : v;
  const view = (w: SavedWork) => JSON.stringify([session(w.current), w.others.map(session)]);
  return view(a) === view(b);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function readLesson(v: unknown): SavedLesson | null | undefined {
  if (v === null) return null;
  if (!isRecord(v) || typeof v.id !== 'string' || (v.origin !== 'built-in' && v.origin !== 'imported'))
    return undefined;
  if (!(v.own === null || typeof v.own === 'string')) return undefined;
  if (!(v.branchFrom === null || isCount(v.branchFrom)) || !isRecord(v.answers)) return undefined;
  const answers: Record<string, Answer> = {};
  for (const [k, a] of Object.entries(v.answers)) {
    if (!isRecord(a) || !(a.choice === null || isCount(a.choice)) || typeof a.correct !== 'boolean')
      return undefined;
    answers[k] = { choice: a.choice, correct: a.correct };
  }
  const asking = readAsking(v.asking);
  if (asking === undefined) return undefined;
  return { id: v.id, origin: v.origin, own: v.own, branchFrom: v.branchFrom, answers, asking };
}

/** The open question as kept (absent, from an earlier build: none), or undefined when it does not read. */
function readAsking(v: unknown): SavedAsking | null | undefined {
  if (v === undefined || v === null) return null;
  if (!isRecord(v) || !isCount(v.step) || !(v.choice === null || isCount(v.choice))) return undefined;
  return { step: v.step, choice: v.choice };
}

function readSession(v: unknown): SavedSession | null {
  if (!isRecord(v) || !isOs(v.os) || typeof v.title !== 'string' || typeof v.scenario !== 'string')
    return null;
  if (!isCount(v.steps) || !isCount(v.cursor)) return null;
  const lesson = readLesson(v.lesson);
  if (lesson === undefined) return null;
  return { os: v.os, title: v.title, scenario: v.scenario, steps: v.steps, cursor: v.cursor, lesson };
}

/**
 * Reads saved work back (parsed from its JSON): null for anything that is
 * not work this build wrote (another format, damaged text). The values
 * inside are checked again by the door when restored.
 */
export function readWork(v: unknown): SavedWork | null {
  if (!isRecord(v) || v.format !== WORK_FORMAT || typeof v.savedAt !== 'number') return null;
  const current = readSession(v.current);
  const others = Array.isArray(v.others) ? v.others.map(readSession) : [null];
  if (!current || others.some((o) => o === null)) return null;
  const selection = isRecord(v.selection)
    ? (v.selection as unknown as ObjectRef)
    : v.selection === null
      ? null
      : undefined;
  if (selection === undefined || typeof v.speed !== 'number' || typeof v.instant !== 'boolean') return null;
  return {
    format: WORK_FORMAT,
    savedAt: v.savedAt,
    current,
    others: others as SavedSession[],
    selection,
    speed: v.speed,
    instant: v.instant,
  };
}
