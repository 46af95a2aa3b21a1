import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UnloadVisualizer } from 'unload-lens';
import './hostile.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p>Some text of the page.</p>
    <UnloadVisualizer scenario="windows-default" step={9} />
    <div style={{ height: '3000px' }}>The rest of the page.</div>
  </StrictMode>,
);
