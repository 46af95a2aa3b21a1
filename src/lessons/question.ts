import type { VisualizerState } from '../store/state';

/**
 * Where a lesson stands with its questions: the one open now, the one a
 * press away, and what the screen holds back meanwhile (issue 17).
 */

/** The step whose question is open now (a move of the cursor closes it), or null. */
export function openQuestion(s: VisualizerState): number | null {
  const a = s.lesson?.asking;
  return a && a.nonce === s.counter && a.step === s.cursor + 1 ? a.step : null;
}

/** The next step asks a question that has not been answered or revealed yet. */
export function asksNext(s: VisualizerState): boolean {
  const next = s.entries[s.cursor];
  return !!(s.lesson && next?.ask && !s.lesson.answers[s.cursor + 1]);
}

/**
 * Whether the screen holds back what is about to happen (issue 17: nothing
 * on screen answers an open question). In a lesson, on its own steps, it
 * does at step 0 (nothing has happened yet: the class predicts from the
 * start), while a question is open, and while the next step's question has
 * not been asked and answered yet (one press away). Facts of the world as
 * shown stay; sentences that say what an action will do, and the lesson's
 * conclusion, wait. On a branch the teacher is acting freely: nothing is
 * held back.
 */
export function holdsBack(s: VisualizerState): boolean {
  if (!s.lesson || s.lesson.branchFrom !== null) return false;
  return s.cursor === 0 || openQuestion(s) !== null || asksNext(s);
}

/**
 * The lesson's conclusion (its `summary`), once the class has seen it all:
 * at the last of the lesson's own steps, no question open. Before, null.
 */
export function conclusionOf(s: VisualizerState): string | null {
  if (!s.lesson || s.lesson.branchFrom !== null || !s.summary) return null;
  return s.cursor >= s.entries.length && s.entries.length > 0 && openQuestion(s) === null ? s.summary : null;
}
