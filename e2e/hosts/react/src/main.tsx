// A fresh React app's page: three visualizers, one driven by the page's buttons (controlled `step`),
// one given a scenario it cannot open (onError), and a long page around them (its keys scroll it).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { UnloadVisualizer, type StateReport } from 'unload-lens';

function Controlled() {
  const [step, setStep] = useState(9);
  const [said, setSaid] = useState('');
  return (
    <section id="controlled">
      <button type="button" onClick={() => setStep(3)}>
        Show step 3
      </button>
      <button type="button" onClick={() => setStep(5)}>
        Show step 5
      </button>
      <UnloadVisualizer
        scenario="windows-default"
        step={step}
        controls="minimal"
        theme="light"
        onStateChange={(s: StateReport) => {
          setStep(s.step);
          setSaid(`step ${s.step} of ${s.steps}`);
        }}
      />
      <p id="controlled-said">{said}</p>
    </section>
  );
}

function Broken() {
  const [error, setError] = useState('');
  return (
    <section id="broken">
      <UnloadVisualizer scenario="no-such-scenario" onError={setError} />
      <p id="broken-said">{error}</p>
    </section>
  );
}

/** A lesson's scenario (its file loads when first named) on a step the page gives. */
function Lesson() {
  const [error, setError] = useState('');
  return (
    <section id="lesson">
      <UnloadVisualizer scenario="clean-stop" step={2} onError={setError} />
      <p id="lesson-said">{error}</p>
    </section>
  );
}

function Page() {
  return (
    <main>
      <h1>A host page</h1>
      <Controlled />
      <section id="svr5">
        <UnloadVisualizer scenario="svr5-default" defaultStep={2} theme="dark" />
      </section>
      <Broken />
      <Lesson />
      <div id="below" style={{ height: '3000px' }}>
        The rest of the page.
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
