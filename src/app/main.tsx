import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_OS, isOs } from '../kernel';
import { defaultScenarioSource } from '../scenarios/load';
import { createVisualizer, VisualizerProvider } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { PairPage, pairOfVisualizers } from './PairPage';
import { preferredTheme, saveTheme } from './storage';
import { keepAddress, lessonAddressOf } from '../lessons/address';
import { ComparePage } from '../lessons/ComparePage';
import './index.css';
import '../lessons/classroom.css';

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root');

if (root && params.get('view') === 'pair') {
  createRoot(root).render(
    <StrictMode>
      <PairPage visualizers={pairOfVisualizers(preferredTheme())} />
    </StrictMode>,
  );
} else if (root && params.get('view') === 'compare') {
  createRoot(root).render(
    <StrictMode>
      <ComparePage initialPair={params.get('pair')} theme={preferredTheme()} />
    </StrictMode>,
  );
} else if (root) {
  const os = params.get('os');
  const lessonAt = lessonAddressOf(window.location.search);
  const visualizer = createVisualizer({
    theme: preferredTheme(),
    paletteOpen: window.innerWidth >= 1536 && !lessonAt,
    scenario: lessonAt ? undefined : defaultScenarioSource(isOs(os) ? os : DEFAULT_OS),
  });
  // Never a blank page: if what was asked for cannot be loaded, the app says why and opens on what it can.
  let problem = visualizer.loaded.ok
    ? null
    : `The default scenario could not be loaded: ${visualizer.loaded.error}. The simulator starts empty.`;
  if (lessonAt) {
    const r = visualizer.execute('openLesson', { id: lessonAt.id, step: lessonAt.step });
    if (!r.ok) {
      problem = `${r.error}. Pick a lesson from the gallery.`;
      visualizer.execute('loadScenario', { scenario: defaultScenarioSource(isOs(os) ? os : DEFAULT_OS) });
      visualizer.execute('toggleGallery');
    }
  }
  if (params.get('view') === 'lessons' && !visualizer.getState().classroom.galleryOpen)
    visualizer.execute('toggleGallery');
  keepAddress(visualizer, window);
  visualizer.store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) saveTheme(s.theme);
  });
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="app">
        <VisualizerProvider visualizer={visualizer}>
          {problem ? (
            <p role="alert" className="panel m-2 p-3 text-sm">
              {problem}
            </p>
          ) : null}
          <App />
        </VisualizerProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
