import type { Availability, CommandDef, Outcome } from '../actions/types';
import { OSES, isOs, type Ask, type Os } from '../kernel/core';
import { ANIMATION_COMMANDS } from '../store/moment';
import { layoutFor } from '../store/layout';
import { emptySession, moveTo } from '../store/session';
import type { VisualizerState } from '../store/state';
import { loadedLesson } from './catalogue';
import { asksNext, openQuestion } from './question';
import { FONT_SCALES, PRESENTER_SCALE, startLesson, type ClassroomUi, type LessonSession } from './state';

export { openQuestion } from './question';

/**
 * The classroom's commands: stepping that asks before it answers, lessons,
 * branches, autoplay, presenter mode. Each is pure (state in, state out) and
 * goes through the visualizer's one door like every other command.
 */

type Parsed<A> = { ok: true; value: A } | { ok: false; error: string };
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (error: string): Parsed<never> => ({ ok: false, error });
/** Parses `{ [key]: a whole number }`, or says what was expected. */
const wholeArg =
  <K extends string>(key: K, expected: string) =>
  (a: unknown): Parsed<Record<K, number>> =>
    isRecord(a) && Number.isInteger(a[key])
      ? { ok: true, value: { [key]: a[key] as number } as Record<K, number> }
      : fail(`expected { ${key}: ${expected} }`);
const always = (): Availability => ({ enabled: true });
const whileAsking = (s: VisualizerState): Availability =>
  openQuestion(s) !== null ? { enabled: true } : { enabled: false, reason: 'no question is open' };
const refuse = (s: VisualizerState, error: string) => ({
  state: s,
  outcome: { ok: false, error } as Outcome,
});

const ui = (s: VisualizerState, change: Partial<ClassroomUi>): VisualizerState => ({
  ...s,
  classroom: { ...s.classroom, ...change },
});
const withLesson = (s: VisualizerState, lesson: LessonSession | null): VisualizerState => ({ ...s, lesson });

/** Shows a question's step, with the answer given (null: revealed without one). */
function reveal(s: VisualizerState, step: number, choice: number | null): VisualizerState {
  const lesson = s.lesson;
  const ask = s.entries[step - 1]?.ask;
  if (!lesson || !ask) return s;
  const answers = { ...lesson.answers, [step]: { choice, correct: choice === ask.answer } };
  return atEnd(withLesson(moveTo(s, step, true), { ...lesson, answers, asking: null }));
}

/** Autoplay stops at the end of the steps. */
function atEnd(s: VisualizerState): VisualizerState {
  return s.classroom.autoplay && s.cursor >= s.entries.length ? ui(s, { autoplay: false }) : s;
}

/** One step forward, asking first when the step has a question; at an open question, reveals it. */
function next(s: VisualizerState): VisualizerState {
  const open = openQuestion(s);
  if (open !== null) return reveal(s, open, null);
  if (asksNext(s) && s.lesson) {
    const asking = { step: s.cursor + 1, nonce: s.counter };
    return ui(withLesson(s, { ...s.lesson, asking }), { autoplay: false });
  }
  return atEnd(moveTo(s, s.cursor + 1, true));
}

/**
 * Lands at `step` as an address does (`?lesson=…&step=N`, a copied link):
 * a step whose question has not been answered is not shown answered. The
 * class sees the step before it with the question open, as if the teacher
 * had just pressed → (issue 17: opening a question step by its address
 * asks it). Elsewhere, and on a branch, the step itself.
 */
function landAt(s: VisualizerState, step: number): VisualizerState {
  const at = moveTo(s, step);
  const lesson = at.lesson;
  if (!lesson || lesson.branchFrom !== null || at.cursor === 0) return at;
  if (!at.entries[at.cursor - 1]?.ask || lesson.answers[at.cursor]) return at;
  const before = moveTo(s, at.cursor - 1);
  return withLesson(before, { ...lesson, asking: { step: at.cursor, nonce: before.counter } });
}

/** The lesson's own steps shown again (from a branch), at `cursor`, with `lesson`'s answers. */
function onLessonSteps(s: VisualizerState, lesson: LessonSession, cursor: number): VisualizerState {
  const entries = lesson.steps;
  const layout =
    s.entries === entries ? s.layout : layoutFor([s.initial, ...entries.map((e) => e.world)], s.layout);
  return moveTo({ ...s, entries, layout, lesson: { ...lesson, branchFrom: null, asking: null } }, cursor);
}

type OpenArgs = { id: string; step?: number; ask?: boolean };
const stepArg = (a: unknown): Parsed<OpenArgs> =>
  isRecord(a) &&
  typeof a.id === 'string' &&
  (a.step === undefined || Number.isInteger(a.step)) &&
  (a.ask === undefined || typeof a.ask === 'boolean')
    ? {
        ok: true,
        value: {
          id: a.id,
          ...(a.step === undefined ? {} : { step: a.step as number }),
          ...(a.ask === undefined ? {} : { ask: a.ask }),
        },
      }
    : fail(
        'expected { id: a lesson id, step?: a whole number, ask?: true to ask a question step’s question }',
      );

export const LESSON_COMMANDS = [
  // What is drawn follows the animation (src/animation/moment.ts).
  ...ANIMATION_COMMANDS,
  {
    kind: 'command',
    id: 'next',
    label: 'Next',
    keys: ['ArrowRight', ' ', 'PageDown'],
    help: 'Next step; at a step with a question, asks it first, and the next press reveals the answer',
    available: (s) =>
      s.cursor < s.entries.length || openQuestion(s) !== null
        ? { enabled: true }
        : { enabled: false, reason: 'at the latest step' },
    // On a blanked screen the press brings the screen back, and only that (as slide tools do).
    perform: (s) => (s.classroom.blank ? ui(s, { blank: false }) : next(s)),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'back',
    label: 'Back',
    keys: ['ArrowLeft', 'PageUp'],
    help: 'Step back (closes an open question first)',
    available: (s) =>
      s.cursor > 0 || openQuestion(s) !== null
        ? { enabled: true }
        : { enabled: false, reason: 'at the first step' },
    perform: (s) =>
      s.classroom.blank
        ? ui(s, { blank: false })
        : openQuestion(s) !== null && s.lesson
          ? withLesson(s, { ...s.lesson, asking: null })
          : moveTo(ui(s, { autoplay: false }), s.cursor - 1),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'answer',
    label: 'Answer',
    help: 'Answers the open question with a choice (0 is the first) and reveals what happens',
    parse: wholeArg('choice', 'a whole number (0 is the first choice)'),
    available: whileAsking,
    perform: (s, a) => {
      const step = openQuestion(s) ?? 0;
      const ask = s.entries[step - 1]?.ask;
      if (!ask || a.choice < 0 || a.choice >= ask.choices.length)
        return refuse(s, `answer: the question has ${ask?.choices.length ?? 0} choices (0 is the first)`);
      return reveal(s, step, a.choice);
    },
  } satisfies CommandDef<{ choice: number }>,
  {
    kind: 'command',
    id: 'pointChoice',
    label: 'Point at a choice',
    help: 'Keeps which choice of the open question the focus is on (0 is the first), without answering: a reload comes back to it',
    parse: wholeArg('choice', 'a whole number (0 is the first choice)'),
    available: whileAsking,
    perform: (s, a) => {
      const step = openQuestion(s);
      const ask = step === null ? undefined : s.entries[step - 1]?.ask;
      if (!s.lesson?.asking || !ask || a.choice < 0 || a.choice >= ask.choices.length)
        return refuse(
          s,
          `pointChoice: the question has ${ask?.choices.length ?? 0} choices (0 is the first)`,
        );
      if (s.lesson.asking.choice === a.choice) return s;
      return withLesson(s, { ...s.lesson, asking: { ...s.lesson.asking, choice: a.choice } });
    },
  } satisfies CommandDef<{ choice: number }>,
  {
    kind: 'command',
    id: 'openLesson',
    label: 'Open a lesson',
    help: 'Loads a built-in lesson by id at step 0 (or at `step`; with `ask`, a step with a question opens with it asked, as an address does)',
    parse: stepArg,
    available: always,
    perform: (s, a, run) => {
      const found = loadedLesson(a.id);
      if (found === 'unknown') return refuse(s, `openLesson: no lesson "${a.id}"`);
      if (!found)
        return refuse(s, `openLesson: the lesson has not loaded yet (await loadLesson("${a.id}") first)`);
      const r = run(s, 'loadScenario', { scenario: found.scenario }, 'scenario');
      if (!r.outcome.ok) return r;
      const loaded = r.state;
      const lesson = startLesson(found.id, 'built-in', loaded.entries);
      const opened = { ...loaded, lesson };
      const at = a.ask ? landAt(opened, a.step ?? 0) : moveTo(opened, a.step ?? 0);
      return ui(at, { galleryOpen: false, autoplay: false });
    },
  } satisfies CommandDef<OpenArgs>,
  {
    kind: 'command',
    id: 'loadLesson',
    label: 'Load a lesson file',
    help: 'Loads a scenario as a lesson at step 0; a bad one is refused with every problem and the current lesson stays',
    parse: (a): Parsed<{ scenario: unknown; name: string }> =>
      isRecord(a) && 'scenario' in a
        ? {
            ok: true,
            value: { scenario: a.scenario, name: typeof a.name === 'string' ? a.name : 'imported' },
          }
        : fail('expected { scenario, name? }'),
    available: always,
    perform: (s, a, run) => {
      const r = run(s, 'loadScenario', { scenario: a.scenario }, 'scenario');
      if (!r.outcome.ok) return r;
      const lesson = startLesson(a.name, 'imported', r.state.entries);
      return ui(moveTo({ ...r.state, lesson }, 0), {
        galleryOpen: false,
        autoplay: false,
      });
    },
  } satisfies CommandDef<{ scenario: unknown; name: string }>,
  {
    kind: 'command',
    id: 'landAt',
    label: 'Go to a step as an address does',
    help: 'Goes to a step; in a lesson, a step whose question is unanswered opens with the question asked (its answer not shown)',
    parse: wholeArg('step', 'a whole number'),
    available: always,
    perform: (s, a) => landAt(s, a.step),
  } satisfies CommandDef<{ step: number }>,
  {
    kind: 'command',
    id: 'returnToLesson',
    label: 'Back to the lesson',
    help: 'Leaves a branch: the lesson’s own steps again, where the branch left them',
    available: (s) =>
      s.lesson?.branchFrom != null ? { enabled: true } : { enabled: false, reason: 'not on a branch' },
    perform: (s) => (s.lesson ? onLessonSteps(s, s.lesson, s.lesson.branchFrom ?? 0) : s),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'blankOrReturn',
    label: 'Blank the screen (or back to the lesson)',
    keys: ['b'],
    help: 'Blanks the screen, as slide tools do (again, or → ←, to bring it back); while a branch waits, back to the lesson’s own steps instead',
    available: always,
    perform: (s) =>
      s.lesson?.branchFrom != null && !s.classroom.blank
        ? onLessonSteps(s, s.lesson, s.lesson.branchFrom)
        : ui(s, { blank: !s.classroom.blank, autoplay: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleBlank',
    label: 'Blank the screen',
    keys: ['.'],
    help: 'Blanks the screen, as slide tools do (again, or → ←, to bring it back)',
    available: always,
    perform: (s) => ui(s, { blank: !s.classroom.blank, autoplay: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'restartLesson',
    label: 'Restart the lesson',
    keys: ['r'],
    help: 'Step 0 of the lesson’s own steps, every answer forgotten: each question is asked again',
    available: (s) => (s.lesson ? { enabled: true } : { enabled: false, reason: 'no lesson is open' }),
    perform: (s) =>
      s.lesson ? ui(onLessonSteps(s, { ...s.lesson, answers: {} }, 0), { autoplay: false, blank: false }) : s,
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'togglePlay',
    label: 'Play / pause',
    keys: ['k'],
    help: 'Steps forward on its own at the chosen speed; stops at each question and at the end',
    available: always,
    perform: (s) =>
      s.classroom.autoplay || (s.cursor >= s.entries.length && openQuestion(s) === null)
        ? ui(s, { autoplay: false })
        : ui(s, { autoplay: true }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'typeDigit',
    label: 'Type a digit',
    help: 'At a question, picks that answer (1 is the first); otherwise builds a step number for Enter',
    parse: (a): Parsed<{ digit: number }> =>
      isRecord(a) && Number.isInteger(a.digit) && (a.digit as number) >= 0 && (a.digit as number) <= 9
        ? { ok: true, value: { digit: a.digit as number } }
        : fail('expected { digit: 0 to 9 }'),
    available: always,
    perform: (s, a) => {
      const step = openQuestion(s);
      const ask = step === null ? undefined : s.entries[step - 1]?.ask;
      if (step !== null && ask)
        return a.digit >= 1 && a.digit <= ask.choices.length ? reveal(s, step, a.digit - 1) : s;
      return ui(s, { stepInput: `${s.classroom.stepInput}${a.digit}`.slice(-4) });
    },
  } satisfies CommandDef<{ digit: number }>,
  {
    kind: 'command',
    id: 'goToTyped',
    label: 'Go to the step typed',
    keys: ['Enter'],
    help: 'A step number, then Enter: goes to that step',
    available: (s) =>
      s.classroom.stepInput !== ''
        ? { enabled: true }
        : { enabled: false, reason: 'type a step number first' },
    perform: (s) => ui(moveTo(s, Number(s.classroom.stepInput)), { stepInput: '', autoplay: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'togglePresenter',
    label: 'Presenter mode',
    keys: ['p'],
    help: 'Large type and nodes, high contrast, editing hidden, fullscreen',
    available: always,
    perform: (s) =>
      s.classroom.presenter
        ? ui(s, { presenter: false, fontScale: 1, blank: false })
        : ui(s, { presenter: true, fontScale: Math.max(s.classroom.fontScale, PRESENTER_SCALE) }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'setFontScale',
    label: 'Text size',
    help: `A factor from ${FONT_SCALES[0]} to ${FONT_SCALES[FONT_SCALES.length - 1]} (1 is normal)`,
    parse: (a): Parsed<{ scale: number }> =>
      isRecord(a) && typeof a.scale === 'number' && a.scale >= 0.8 && a.scale <= 2.5
        ? { ok: true, value: { scale: a.scale } }
        : fail('expected { scale: a number from 0.8 to 2.5 }'),
    available: always,
    perform: (s, a) => ui(s, { fontScale: a.scale }),
  } satisfies CommandDef<{ scale: number }>,
  {
    kind: 'command',
    id: 'biggerText',
    label: 'Larger text',
    keys: ['+', '='],
    available: always,
    perform: (s) =>
      ui(s, { fontScale: FONT_SCALES.find((f) => f > s.classroom.fontScale) ?? s.classroom.fontScale }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'smallerText',
    label: 'Smaller text',
    keys: ['-'],
    available: always,
    perform: (s) =>
      ui(s, {
        fontScale: [...FONT_SCALES].reverse().find((f) => f < s.classroom.fontScale) ?? s.classroom.fontScale,
      }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleGallery',
    label: 'Lessons',
    keys: ['l'],
    help: 'Show or hide the lesson gallery',
    available: always,
    perform: (s) => ui(s, { galleryOpen: !s.classroom.galleryOpen, editorOpen: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleEditor',
    label: 'Record a lesson',
    keys: ['e'],
    help: 'Show or hide the lesson editor: the steps you did, with narration and questions to write, export and import',
    available: always,
    perform: (s) => ui(s, { editorOpen: !s.classroom.editorOpen, galleryOpen: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'newRecording',
    label: 'Record a new lesson',
    help: 'An empty system of an OS to act on: every action becomes a step of the new lesson',
    parse: (a): Parsed<{ os: Os }> =>
      isRecord(a) && isOs(a.os)
        ? { ok: true, value: { os: a.os } }
        : fail(`expected { os: ${OSES.map((o) => `"${o}"`).join(' | ')} }`),
    available: always,
    perform: (s, a) => ({
      ...s,
      ...emptySession(a.os, 'My lesson'),
      os: a.os,
      playing: null,
      selection: null,
      highlight: [],
      hoverBase: null,
    }),
  } satisfies CommandDef<{ os: Os }>,
  {
    kind: 'command',
    id: 'setLessonInfo',
    label: 'Title and summary',
    parse: (a): Parsed<{ title: string; summary: string }> =>
      isRecord(a) && typeof a.title === 'string' && typeof a.summary === 'string'
        ? { ok: true, value: { title: a.title, summary: a.summary } }
        : fail('expected { title: text, summary: text }'),
    available: always,
    perform: (s, a) => ({ ...s, title: a.title, summary: a.summary }),
  } satisfies CommandDef<{ title: string; summary: string }>,
  {
    kind: 'command',
    id: 'annotateStep',
    label: 'Narrate a step',
    help: 'Sets a step’s narration and question (null removes it)',
    parse: (a): Parsed<{ step: number; say?: string | null; ask?: Ask | null }> => {
      if (!isRecord(a) || !Number.isInteger(a.step)) return fail('expected { step, say?, ask? }');
      if (a.say !== undefined && a.say !== null && typeof a.say !== 'string')
        return fail('say: expected text or null');
      if (a.ask !== undefined && a.ask !== null && !isAsk(a.ask))
        return fail('ask: expected { question, choices (2 or more), answer, explain?, rule? } or null');
      return { ok: true, value: a as { step: number; say?: string | null; ask?: Ask | null } };
    },
    available: always,
    perform: (s, a) => {
      const old = s.entries[a.step - 1];
      if (!old) return refuse(s, `annotateStep: no step ${a.step}`);
      const { say: _say, ask: _ask, ...rest } = old;
      const say = a.say === undefined ? old.say : (a.say ?? undefined);
      const ask = a.ask === undefined ? old.ask : (a.ask ?? undefined);
      const entry = { ...rest, ...(say ? { say } : {}), ...(ask ? { ask } : {}) };
      const entries = s.entries.map((e) => (e === old ? entry : e));
      const lesson = s.lesson && {
        ...s.lesson,
        steps: s.lesson.steps.map((e) => (e === old ? entry : e)),
      };
      return { ...s, entries, lesson };
    },
  } satisfies CommandDef<{ step: number; say?: string | null; ask?: Ask | null }>,
] as const;

function isAsk(v: unknown): v is Ask {
  return (
    isRecord(v) &&
    typeof v.question === 'string' &&
    Array.isArray(v.choices) &&
    v.choices.length >= 2 &&
    v.choices.every((c) => typeof c === 'string') &&
    Number.isInteger(v.answer) &&
    (v.answer as number) >= 0 &&
    (v.answer as number) < v.choices.length &&
    (v.explain === undefined || typeof v.explain === 'string') &&
    (v.rule === undefined || typeof v.rule === 'string')
  );
}
