import { explainUnload, kernelFor } from '../kernel';
import { worldAt, type VisualizerState } from '../store';
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
    playing: s.autoplay,
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
