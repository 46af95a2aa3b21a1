import { explainUnload } from '../kernel/core';
import { holdsBack, openQuestion } from '../lessons/question';
import { ownerSummaries } from '../panels/checklistModel';
import { worldAt, type Visualizer, type VisualizerState } from '../store';
import type { AskedQuestion, StateReport } from './protocol';

/** The parts of the state a report reads (with `classroom.autoplay`, and whether the screen holds back). */
const REPORTED = ['os', 'title', 'initial', 'entries', 'cursor', 'theme', 'lesson'] as const;

/**
 * What a host hears after every change: where the visualizer stands, in
 * plain data. In a lesson, while the screen holds back (step 0, a question
 * open or one press away: `holdsBack`, issue 17), a host hears what the
 * checklist on screen says — facts, the lines not met — never the kernel's
 * summary of what comes next: a host page showing it would answer the
 * question. After the reveal it hears the whole summary again. The
 * question asked now comes with it (never its answer).
 */
export function stateReport(s: VisualizerState): StateReport {
  const world = worldAt(s);
  const held = holdsBack(s);
  return {
    os: s.os,
    title: s.title,
    step: s.cursor,
    steps: s.entries.length,
    status: s.entries[s.cursor - 1]?.status ?? null,
    playing: s.classroom.autoplay,
    theme: s.theme,
    checklist: ownerSummaries(world, held).map(({ ref, summary }) => {
      const e = explainUnload(world, ref.name);
      return {
        owner: ref.name,
        unloaded: e.unloaded,
        summary,
        blocking: e.conditions.filter((c) => !c.met).map((c) => c.id),
      };
    }),
    question: askedQuestion(s),
  };
}

/** The lesson's question open now, as a host may show it: the step asking it, the question, the choices. */
function askedQuestion(s: VisualizerState): AskedQuestion | null {
  const step = openQuestion(s);
  const ask = step === null ? undefined : s.entries[step - 1]?.ask;
  return step !== null && ask ? { step, question: ask.question, choices: ask.choices } : null;
}

/**
 * Calls `onReport` with the visualizer's report whenever it changes (not
 * for a hover or an animation frame). Every change through the door is one
 * update of the store, reported as it happens: a host sees each step the
 * frame passed through, in order, whoever else reacts to the same update
 * (the autoplay that pauses at the latest step, for one). Returns the
 * unsubscribe. The embed's bridge and the library share it.
 */
export function watchReports(v: Visualizer, onReport: (r: StateReport) => void): () => void {
  let last = JSON.stringify(stateReport(v.getState()));
  return v.store.subscribe((state, previous) => {
    // A hover, a selection or an animation frame changes nothing a report reads: skip the work.
    if (
      REPORTED.every((k) => state[k] === previous[k]) &&
      state.classroom.autoplay === previous.classroom.autoplay &&
      holdsBack(state) === holdsBack(previous)
    )
      return;
    const report = stateReport(state);
    const text = JSON.stringify(report);
    if (text === last) return;
    last = text;
    onReport(report);
  });
}
