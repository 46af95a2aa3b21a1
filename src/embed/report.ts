import { explainUnload, kernelFor } from '../kernel';
import { worldAt, type Visualizer, type VisualizerState } from '../store';
import type { StateReport } from './protocol';

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
 * Calls `onReport` with the visualizer's report whenever it changes (once
 * per batch of changes, and not for a hover or an animation frame).
 * Returns the unsubscribe. The embed's bridge and the library share it.
 */
export function watchReports(v: Visualizer, onReport: (r: StateReport) => void): () => void {
  let last = JSON.stringify(stateReport(v.getState()));
  let queued = false;
  return v.store.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const report = stateReport(v.getState());
      const text = JSON.stringify(report);
      if (text === last) return;
      last = text;
      onReport(report);
    });
  });
}
