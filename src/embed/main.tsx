import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary, FailureListener, FaultSwitch } from '../ui/ErrorBoundary';
import { DEFAULT_OS } from '../kernel/core';
import { defaultScenarioSource } from '../scenarios/load';
import { Notices } from '../share/Notices';
import { openFromParams } from '../share/open';
import { scenarioFromParam } from '../share/source';
import { useVisualizer, VisualizerProvider } from '../store';
import { selectCursor, selectEntries } from '../store/selectors';
import { EmbedView } from './EmbedView';
import { holdMessages, notAllowed, parentOrigin, readEmbedParams, allows } from './params';
import { followTheme } from './theme';
import '../app/index.css';

/**
 * The embed page: `embed.html?scenario=…&step=…&theme=…&controls=…&autoplay=1&speed=…&origins=…`.
 * One visualizer that fills its frame, follows the host's theme, posts its
 * height, and answers the control API (bridge.ts) to the origins allowed.
 */
const params = new URLSearchParams(window.location.search);
const options = readEmbedParams(params, window.location.origin);
const inFrame = window.parent !== window;
/** An iframe's height when its page gives it none (CSS 2: 150 px). */
const DEFAULT_FRAME_HEIGHT = 150;
// A host may post on the iframe's `load` event, before the control API listens: kept, answered after `ready`.
const early = inFrame ? holdMessages(window, options.origins) : null;
// What the address names loads before the first view (a packed scenario's unpacker, a lesson's file: only then).
const { visualizer, notices } = await openFromParams(params, {
  fallback: defaultScenarioSource(DEFAULT_OS),
  resolve: scenarioFromParam,
  ...(options.speed === null ? {} : { speed: options.speed }),
});
const theme = followTheme(visualizer, window, options.theme);
const html = document.documentElement;
const paintPage = () => {
  const dark = visualizer.getState().theme === 'dark';
  html.classList.toggle('dark', dark);
  html.style.colorScheme = dark ? 'dark' : 'light';
};
paintPage();
visualizer.store.subscribe((s, prev) => {
  if (s.theme !== prev.theme) paintPage();
});

// In a frame, playing starts as the host is told `ready` (at the first step); alone, at once.
const autoplay = () => {
  if (options.autoplay) visualizer.execute('play');
};
if (!inFrame) autoplay();

// The fault-injection tests (e2e/embed-containment.spec.ts) name a part here and it fails as it draws;
// off (null, nothing on window) unless the address says `?bench`.
const faults = params.has('bench') ? new Set<string>() : null;
if (faults) Object.assign(window, { unloadLens: visualizer, unloadLensFaults: faults });

// A part that could not be drawn says so in its own box, and the host hears it (`error`, `cause:
// "fault"`): told at once once the control API listens, kept until then.
const failures: string[] = [];
let tellHost: ((message: string) => void) | null = null;
const partFailed = (area: string, error: Error) => {
  const text = `The ${area} could not be drawn: ${error.message}`;
  if (tellHost) tellHost(text);
  else failures.push(text);
};

const appPage = new URL('./', window.location.href).href;
function Embed({ notices }: { notices: readonly string[] }) {
  // The link to the full app follows the view.
  const cursor = useVisualizer(selectCursor);
  const entries = useVisualizer(selectEntries);
  const [appHref, setAppHref] = useState<string | null>(null);
  useEffect(() => {
    if (options.controls === 'none') return;
    let live = true;
    // The link writer (and its compressor) loads after the first view.
    void import('../share/makeLink').then(({ linkTo }) => {
      if (live) setAppHref(linkTo(appPage, { ...visualizer.getState(), cursor, entries }));
    });
    return () => {
      live = false;
    };
  }, [cursor, entries]);
  return (
    <>
      <ErrorBoundary area="notices">
        <Notices key={notices.length} notices={notices} />
      </ErrorBoundary>
      <EmbedView
        controls={options.controls}
        questions={options.questions}
        appHref={appHref}
        label={visualizer.getState().title || 'Unload Lens'}
        fill
        ownPage
      />
    </>
  );
}

const addressNotices = [...notices, ...options.notices];
for (const n of addressNotices) console.warn(`Unload Lens: ${n}`);
// The page around the frame may not be allowed to hear it: said in the console at once. On screen
// too when the frame has the browser's default 150 px height (its page meant to size it from the
// `height` it cannot hear), and as soon as that page tries to drive it; a frame its page gave a
// height, with no script around it, needs no origins= and shows nothing.
const around = inFrame ? parentOrigin(window) : null;
const unheard = around !== null && !allows(options.origins, around);
if (unheard) {
  console.warn(`Unload Lens: ${notAllowed(around, options.origins)}`);
  if (window.innerHeight <= DEFAULT_FRAME_HEIGHT) addressNotices.push(notAllowed(around, options.origins));
}

const root = document.getElementById('embed');
if (root) {
  const reactRoot = createRoot(root);
  const draw = (shown: readonly string[]) =>
    reactRoot.render(
      <StrictMode>
        <FailureListener.Provider value={partFailed}>
          <FaultSwitch.Provider value={faults}>
            <ErrorBoundary area="embedded visualizer">
              <VisualizerProvider visualizer={visualizer}>
                <Embed notices={shown} />
              </VisualizerProvider>
            </ErrorBoundary>
          </FaultSwitch.Provider>
        </FailureListener.Provider>
      </StrictMode>,
    );
  draw(addressNotices);
  const forbidden = (origin: string) => {
    const text = notAllowed(origin, options.origins);
    console.error(`Unload Lens: ${text}`);
    if (addressNotices.includes(text)) return;
    addressNotices.push(text);
    draw([...addressNotices]);
  };
  // The control API (its message schemas) and the height reporter load beside the first view; a host
  // waits for `ready`.
  if (inFrame) {
    void Promise.all([import('./bridge'), import('./height')]).then(
      ([{ connectHost }, { watchHeight }]) => {
        autoplay();
        const bridge = connectHost(visualizer, {
          host: window.parent,
          self: window,
          origins: options.origins,
          setTheme: (t) => theme.set(t),
          early: early?.take() ?? [],
          notices: [...notices, ...options.notices],
          forbidden,
        });
        watchHeight(root, (h) => bridge.postHeight(h));
        tellHost = (m) => bridge.fault(m);
        for (const m of failures.splice(0)) bridge.fault(m);
      },
      (e: unknown) => {
        console.error('Unload Lens: the control API could not load:', e);
        autoplay();
      },
    );
  }
}
// Opens offline too once loaded; a new version is taken at the next load, never offered inside a host's page.
// The service worker's registration is no part of the first view: it loads beside it.
void import('../app/offline').then(({ offerUpdates }) => offerUpdates({ prompt: false }));
