import { argsOf, whole } from '../actions/schemas';
import type { Availability, CommandDef, Outcome } from '../actions/types';
import { ANIMATION_COMMANDS } from '../store/moment';
import { layoutFor } from '../store/layout';
import { moveTo } from '../store/session';
import type { VisualizerState } from '../store/state';
import { asksNext, openQuestion } from './question';
import type { ClassroomUi, LessonSession } from './state';

/**
 * The classroom's stepping and questions: → that asks before it answers, ←,
 * answers, landing on a step as an address does, branches, blanking, autoplay.
 * Each is pure (state in, state out) and goes through the visualizer's one door
 * like every other command. Opening lessons and recording them: ./recording.ts.
 */

const always = (): Availability => ({ enabled: true });
const whileAsking = (s: VisualizerState): Availability =>
  openQuestion(s) !== null ? { enabled: true } : { enabled: false, reason: 'no question is open' };
export const refuse = (s: VisualizerState, error: string) => ({
  state: s,
  outcome: { ok: false, error } as Outcome,
});

export const ui = (s: VisualizerState, change: Partial<ClassroomUi>): VisualizerState => ({
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
export function landAt(s: VisualizerState, step: number): VisualizerState {
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

export const STEPPING_COMMANDS = [
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
    args: argsOf(
      { choice: whole(' (0 is the first choice)') },
      '{ choice: a whole number (0 is the first choice) }',
    ),
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
    args: argsOf(
      { choice: whole(' (0 is the first choice)') },
      '{ choice: a whole number (0 is the first choice) }',
    ),
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
    id: 'landAt',
    label: 'Go to a step as an address does',
    help: 'Goes to a step; in a lesson, a step whose question is unanswered opens with the question asked (its answer not shown)',
    args: argsOf({ step: whole() }, '{ step: a whole number }'),
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
    args: argsOf({ digit: whole('', 0, 9) }, '{ digit: 0 to 9 }'),
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
] as const;
