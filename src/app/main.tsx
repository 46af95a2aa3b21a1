import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_OS, isOs } from '../kernel';
import { generatedScenario } from '../scenarios/generate';
import { defaultScenarioSource } from '../scenarios/load';
import { VisualizerProvider } from '../store';
import { syncAddress } from '../share/address';
import { appAddress } from '../share/appAddress';
import { scenarioFromParam } from '../share/link';
import { Notices } from '../share/Notices';
import { openFromParams } from '../share/open';
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
  // ?scenario=…&step=… (a link): never a blank page; what cannot open is said, and the default opens.
  // ?generate=N: a generated machine of about N objects (benchmarks, trying the app at scale).
  const asked = params.get('theme');
  const generate = Number(params.get('generate'));
  const { visualizer, notices } = openFromParams(params, {
    theme: asked === 'light' || asked === 'dark' ? asked : preferredTheme(),
    paletteOpen: window.innerWidth >= 1536,
    fallback:
      generate > 0
        ? generatedScenario(Math.min(generate, 5000))
        : defaultScenarioSource(isOs(os) ? os : DEFAULT_OS),
    resolve: scenarioFromParam,
  });
  // The benchmark drives the visualizer's door directly (npm run bench).
  if (params.has('bench')) Object.assign(window, { unloadLens: visualizer });
  else syncAddress(visualizer.store, appAddress());
  visualizer.store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) saveTheme(s.theme);
  });
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="app">
        <VisualizerProvider visualizer={visualizer}>
          <Notices
            notices={
              asked === null || ['light', 'dark', 'auto'].includes(asked)
                ? notices
                : [
                    ...notices,
                    `theme=${asked.slice(0, 20)} is not light, dark or auto; using your usual theme.`,
                  ]
            }
          />
          <App />
        </VisualizerProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
