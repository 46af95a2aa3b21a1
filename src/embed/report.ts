import { explainUnload, kernelFor } from '../kernel/core';
import { worldAt, type Visualizer, type VisualizerState } from '../store';
import type { StateReport } from './protocol';

/** The parts of the state a report reads (with `classroom.autoplay`). */
const REPORTED = ['os', 'title', 'initial', 'entries', 'cursor', 'theme'] as const;

/** What a host hears after every change: where the visualizer stands, in plain data. */
export function stateReport(s: VisualizerState): StateReport {
  const world = worldAt(s);
  return {
    os: s.os,
    title: s.title,
    step: s.cursor,
    steps: s.entries.length,
    status: s.entries[s.cursor - 1]?.status ?? null,
    playing: s.classroom.autoplay,
    theme: s.theme,
    checklist: kernelFor(world)
      .owners(world)
      .map((owner) => {
        const e = explainUnload(world, owner);
        return {
          owner,
          unloaded: e.unloaded,
          summary: e.summary,
          blocking: e.conditions.filter((c) => !c.met).map((c) => c.id),
        };
      }),
  };
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
      state.classroom.autoplay === previous.classroom.autoplay
    )
      return;
    const report = stateReport(state);
    const text = JSON.stringify(report);
    if (text === last) return;
    last = text;
    onReport(report);
  });
}
