// The example page's own script: drives the frame from its buttons, mounts the React
// component, and defines the custom element. (No inline script: the page runs under a strict CSP.)
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { UnloadVisualizer, type StateReport } from '../src/lib';
import '../src/lib/element-entry';

const frame = document.querySelector<HTMLIFrameElement>('#lens-frame');
const frameStatus = document.querySelector('#frame-status');
const describe = (s: StateReport) =>
  `${s.title}: step ${s.step} of ${s.steps}${s.status ? ` (${s.status})` : ''}. ` +
  s.checklist.map((c) => `${c.owner}: ${c.summary}`).join(' ');

// The frame's messages: size it to its content, and say where it stands.
window.addEventListener(
  'message',
  (e: MessageEvent<{ source?: string; type?: string } & Record<string, unknown>>) => {
    if (e.source !== frame?.contentWindow || e.data?.source !== 'unload-lens') return;
    if (e.data.type === 'height' && frame) frame.style.height = `${Number(e.data.height)}px`;
    if ((e.data.type === 'state' || e.data.type === 'ready') && frameStatus)
      frameStatus.textContent = describe(e.data as unknown as StateReport);
    if (e.data.type === 'error' && frameStatus)
      frameStatus.textContent = `The frame says: ${String(e.data.message)}`;
  },
);
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-send]')) {
  button.addEventListener('click', () => {
    const message = JSON.parse(button.dataset.send ?? '{}') as unknown;
    frame?.contentWindow?.postMessage(message, window.location.origin);
  });
}

function ReactExample() {
  const [state, setState] = useState<StateReport | null>(null);
  return (
    <>
      <UnloadVisualizer
        className="react-lens"
        scenario="svr5-default"
        theme="auto"
        controls="full"
        onStateChange={setState}
      />
      <p className="status" role="status" aria-live="polite">
        {state ? describe(state) : ''}
      </p>
    </>
  );
}

const mount = document.querySelector('#react-lens');
if (mount)
  createRoot(mount).render(
    <StrictMode>
      <ReactExample />
    </StrictMode>,
  );
