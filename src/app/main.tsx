import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultScenario } from '../scenarios/load';
import { useApp } from '../store';
import { App } from './App';
import './index.css';

const params = new URLSearchParams(window.location.search);
const os = params.get('os') === 'svr5' ? 'svr5' : 'windows';
useApp.getState().loadScenario(defaultScenario(os));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
