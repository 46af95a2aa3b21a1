import type { VisualizerState } from '../store/state';
import { conclusionOf, holdsBack, openQuestion } from './question';
import { scoreOf } from './state';

/** Selectors of the classroom's state, at module scope (components subscribe narrowly). */
export const selectLesson = (s: VisualizerState) => s.lesson;
export const selectPresenter = (s: VisualizerState) => s.classroom.presenter;
export const selectFontScale = (s: VisualizerState) => s.classroom.fontScale;
export const selectAutoplay = (s: VisualizerState) => s.classroom.autoplay;
export const selectGalleryOpen = (s: VisualizerState) => s.classroom.galleryOpen;
export const selectEditorOpen = (s: VisualizerState) => s.classroom.editorOpen;
export const selectStepInput = (s: VisualizerState) => s.classroom.stepInput;
export const selectBlank = (s: VisualizerState) => s.classroom.blank;
/** The step whose question is open now, or null. */
export const selectAsking = (s: VisualizerState) => openQuestion(s);
/** The choice of the open question the focus rests on (0 when none was pointed at). */
export const selectPointedChoice = (s: VisualizerState) =>
  openQuestion(s) === null ? 0 : (s.lesson?.asking?.choice ?? 0);
export const selectBranchFrom = (s: VisualizerState) => s.lesson?.branchFrom ?? null;

/**
 * Right answers out of answered; while none was answered (a class answering
 * aloud, the teacher revealing with the clicker), how many were asked.
 */
export const selectScoreText = (s: VisualizerState) => {
  const { right, answered, asked } = scoreOf(s.lesson);
  if (asked === 0) return '';
  return answered === 0
    ? `${asked} ${asked === 1 ? 'question' : 'questions'} asked`
    : `${right} of ${answered} right`;
};

/** The steps of the shown line that carry a question (1-based), as a string key for cheap comparison. */
export const selectQuestionSteps = (s: VisualizerState): string =>
  s.entries.flatMap((e, i) => (e.ask ? [i + 1] : [])).join(',');

/** The screen holds back what is about to happen (see `holdsBack`): the checklist shows facts only. */
export const selectHeldBack = (s: VisualizerState) => holdsBack(s);

/** The lesson's conclusion once the class has seen every step, else null. */
export const selectConclusion = (s: VisualizerState) => conclusionOf(s);

/**
 * What the narration says before the first step: a plain scenario's summary;
 * in a lesson nothing (its summary is its conclusion, shown at the end).
 */
export const selectOpeningSummary = (s: VisualizerState) => (s.lesson ? '' : s.summary);
