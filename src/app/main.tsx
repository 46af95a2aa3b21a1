import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_OS, isOs } from '../kernel';
import { generatedScenario } from '../scenarios/generate';
import { defaultScenarioSource } from '../scenarios/load';
import { createVisualizer, VisualizerProvider } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { PairPage, pairOfVisualizers } from './PairPage';
import { preferredTheme, saveTheme } from './storage';
import './index.css';

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root');

if (root && params.get('view') === 'pair') {
  createRoot(root).render(
    <StrictMode>
      <PairPage visualizers={pairOfVisualizers(preferredTheme())} />
    </StrictMode>,
  );
} else if (root) {
  const os = params.get('os');
  // ?generate=N: a generated machine of about N objects (benchmarks, trying the app at scale).
  const generate = Number(params.get('generate'));
  const visualizer = createVisualizer({
    theme: preferredTheme(),
    paletteOpen: window.innerWidth >= 1536,
    scenario:
      generate > 0
        ? generatedScenario(Math.min(generate, 5000))
        : defaultScenarioSource(isOs(os) ? os : DEFAULT_OS),
  });
  // The benchmark drives the visualizer's door directly (npm run bench).
  if (params.has('bench')) Object.assign(window, { unloadLens: visualizer });
  // Never a blank page: if the default scenario cannot be loaded, the app opens empty and says why.
  const problem = visualizer.loaded.ok ? null : visualizer.loaded.error;
  visualizer.store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) saveTheme(s.theme);
  });
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="app">
        <VisualizerProvider visualizer={visualizer}>
          {problem ? (
            <p role="alert" className="panel m-2 p-3 text-sm">
              The default scenario could not be loaded: {problem}. The simulator starts empty.
            </p>
          ) : null}
          <App />
        </VisualizerProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
