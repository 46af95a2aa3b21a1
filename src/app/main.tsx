import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultScenario } from '../scenarios/load';
import { useApp } from '../store';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './index.css';

const params = new URLSearchParams(window.location.search);
const os = params.get('os') === 'svr5' ? 'svr5' : 'windows';

const root = document.getElementById('root');
if (root) {
  let problem: string | null = null;
  try {
    useApp.getState().loadScenario(defaultScenario(os));
  } catch (e) {
    // Never a blank page: the app still opens, empty, and says why.
    problem = e instanceof Error ? e.message : String(e);
  }
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="app">
        {problem ? (
          <p role="alert" className="panel m-2 p-3 text-sm">
            The default scenario could not be loaded: {problem}. The simulator starts empty.
          </p>
        ) : null}
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
