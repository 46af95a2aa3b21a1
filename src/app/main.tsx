import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_OS, isOs, loadEveryOs } from '../kernel/core';
import { defaultScenarioSource } from '../scenarios/load';
import { VisualizerProvider } from '../store';
import { syncAddress } from '../share/address';
import { scenarioFromParam } from '../share/source';
import { Notices } from '../share/Notices';
import { openFromParams } from '../share/open';
import { App } from './App';
import { ErrorBoundary, FaultSwitch } from '../ui/ErrorBoundary';
import { PairPage, pairOfVisualizers } from './PairPage';
import { NOTHING_SAVED_NOTICE, onThemeElsewhere, preferredTheme, saveTheme } from './storage';
import { RestoreOffer } from './RestoreOffer';
import { keepWork } from './work/keeper';
import { offerUpdates } from './offline';
import { UpdateOffer } from './UpdateOffer';
import { DEBUGGER_COMMANDS } from '../debugger/commands';
import { lessonAddressOf } from '../lessons/address';
import { loadLesson, loadLessons } from '../lessons/catalogue';
import { viewAddress } from './viewAddress';
import { keepTab, resumeTab } from './tabSession';
import './index.css';
import '../lessons/classroom.css';

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root');
// Offline once loaded (a service worker in a production build); a new version is offered, not forced.
const updates = offerUpdates();

if (root && params.get('view') === 'pair') {
  // One visualizer per OS: every OS's kernel (src/kernel/os.ts).
  await loadEveryOs();
  createRoot(root).render(
    <StrictMode>
      <PairPage visualizers={pairOfVisualizers(preferredTheme())} />
    </StrictMode>,
  );
} else if (root && params.get('view') === 'compare') {
  await loadLessons();
  const { ComparePage } = await import('../lessons/ComparePage');
  createRoot(root).render(
    <StrictMode>
      <ComparePage initialPair={params.get('pair')} theme={preferredTheme()} />
    </StrictMode>,
  );
} else if (root && params.get('view') === 'console') {
  // The presenter console, for the teacher's screen (src/lessons/ConsolePage.tsx).
  await loadLessons();
  const { ConsolePage } = await import('../lessons/ConsolePage');
  await import('../lessons/handout.css');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="presenter console">
        <ConsolePage channel={params.get('channel') ?? ''} lessonId={params.get('lesson') ?? ''} />
      </ErrorBoundary>
    </StrictMode>,
  );
} else if (root && params.get('view') === 'handout') {
  // A lesson's handout to print (src/lessons/Handout.tsx).
  await loadLessons();
  const { HandoutPage } = await import('../lessons/Handout');
  await import('../lessons/handout.css');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="handout">
        <HandoutPage lessonId={params.get('lesson')} />
      </ErrorBoundary>
    </StrictMode>,
  );
} else if (root) {
  const os = params.get('os');
  // ?scenario=…&step=… (a link), ?lesson=…&step=… (a lesson), ?generate=N (a generated machine of about
  // N objects, for benchmarks): never a blank page; what cannot open is said, and the default opens.
  const asked = params.get('theme');
  const generate = Number(params.get('generate'));
  const lessonAt = lessonAddressOf(window.location.search);
  const opened = await openFromParams(params, {
    theme: asked === 'light' || asked === 'dark' ? asked : preferredTheme(),
    paletteOpen: window.innerWidth >= 1536 && !lessonAt,
    // The generator is the benchmark's alone: loaded only when asked for.
    fallback:
      generate > 0
        ? (await import('../scenarios/generate')).generatedScenario(Math.min(generate, 10_000))
        : defaultScenarioSource(isOs(os) ? os : DEFAULT_OS),
    resolve: scenarioFromParam,
    // A link's scenario that asks questions opens as a lesson, so it asks them (issue 17).
    asLesson: true,
    // The app brings the debugger reader (an embed does not load it).
    commands: DEBUGGER_COMMANDS,
  });
  const { visualizer } = opened;
  const notices = [...opened.notices];
  if (lessonAt) {
    // That lesson alone (the gallery, if it opens, loads the rest).
    // A lesson that cannot load (offline, a damaged file) is refused below in words, and the gallery opens.
    await loadLesson(lessonAt.id, async (id) =>
      (await import('../scenarios/lessons/files')).LESSON_FILES[id](),
    ).catch(() => undefined);
    const r = visualizer.execute('openLesson', { id: lessonAt.id, step: lessonAt.step, ask: true });
    if (!r.ok) {
      notices.push(`${r.error}. Pick a lesson from the gallery.`);
      visualizer.execute('toggleGallery');
    }
  }
  if (params.get('view') === 'lessons' && !visualizer.getState().classroom.galleryOpen)
    visualizer.execute('toggleGallery');
  // A reload of this tab (a clicker's F5) comes back as it was, unasked: step, score, presenter mode.
  const tab = await resumeTab(visualizer);
  notices.push(...tab.problems);
  // What writes links (the address, the kept work) packs a changed scenario with a compressor the first
  // view does not need: it loads beside the first view, and the address and the tab's state follow the
  // view from then on (until then the address is the one that opened this view).
  const links = import('../share/makeLink');
  links.then(
    (writer) => {
      syncAddress(visualizer.store, (s) => viewAddress(s, writer));
      keepTab(visualizer, writer);
    },
    (e: unknown) =>
      console.error(
        `Unload Lens: the address and this tab's state will not follow the view: the link writer did not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`,
      ),
  );
  // The work is kept as the user works (src/app/work/), and offered back after a reload or a crash.
  const keeper = keepWork(visualizer, links);
  if (!keeper.saving) notices.push(NOTHING_SAVED_NOTICE);
  // The benchmark drives the visualizer's door directly (npm run bench), measuring the app as it runs.
  // The fault-injection tests (e2e/containment.spec.ts) name a part here and it fails as it draws.
  const faults = params.has('bench') ? new Set<string>() : null;
  if (params.has('bench')) Object.assign(window, { unloadLens: visualizer, unloadLensFaults: faults });
  visualizer.store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) saveTheme(s.theme);
  });
  // A theme chosen in another tab shows here at once; an address that asked for one keeps it.
  if (asked !== 'light' && asked !== 'dark')
    onThemeElsewhere((theme) => visualizer.execute('setTheme', { theme }));
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="app">
        <FaultSwitch.Provider value={faults}>
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
            <RestoreOffer keeper={keeper} />
            <App />
            <UpdateOffer updates={updates} workKept={keeper.saving} />
          </VisualizerProvider>
        </FaultSwitch.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
