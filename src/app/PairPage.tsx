import { createVisualizer, VisualizerProvider, type Visualizer } from '../store';
import { defaultScenarioSource } from '../scenarios/load';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { VisualizerView } from './VisualizerView';
import { OSES, kernelOf } from '../kernel/core';
import type { Theme } from '../store';

/**
 * Two visualizers on one page, each with its own store, scenario, step,
 * selection, theme and animation (`?view=pair`): the ground the compare view
 * and documentation embeds stand on, and the end-to-end test of it.
 */
export function PairPage({ visualizers }: { visualizers: readonly Visualizer[] }) {
  return (
    // The page's one main landmark; each visualizer is a region named for its OS, its parts' landmarks named after it.
    <main className="grid h-full grid-cols-1 gap-2 p-2 xl:grid-cols-2" aria-label="Two visualizers">
      {visualizers.map((v, i) => (
        <section
          key={i}
          className="min-h-[900px] overflow-hidden rounded border xl:min-h-0"
          data-testid={`visualizer-${i}`}
        >
          <ErrorBoundary area={`visualizer ${i + 1}`}>
            <VisualizerProvider visualizer={v}>
              <VisualizerView
                keys="element"
                label={`Visualizer ${i + 1}: ${kernelOf(v.getState().os).vocabulary.longName}`}
              />
            </VisualizerProvider>
          </ErrorBoundary>
        </section>
      ))}
    </main>
  );
}

/** One visualizer per OS, each on its OS's default scenario. */
export function pairOfVisualizers(theme: Theme): Visualizer[] {
  return OSES.map((os) => createVisualizer({ scenario: defaultScenarioSource(os), theme }));
}
