import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { offerUpdates } from '../app/offline';
import { DEFAULT_OS } from '../kernel';
import { defaultScenarioSource } from '../scenarios/load';
import { Notices } from '../share/Notices';
import { openFromParams } from '../share/open';
import { builtInSource, isPacked } from '../share/source';
import { useVisualizer, VisualizerProvider } from '../store';
import { selectCursor, selectEntries } from '../store/selectors';
import { connectHost } from './bridge';
import { EmbedView } from './EmbedView';
import { watchHeight } from './height';
import { readEmbedParams } from './params';
import { followTheme } from './theme';
import '../app/index.css';

/**
 * The embed page: `embed.html?scenario=…&step=…&theme=…&controls=…&autoplay=1&speed=…&origins=…`.
 * One visualizer that fills its frame, follows the host's theme, posts its
 * height, and answers the control API (bridge.ts) to the origins allowed.
 */
const params = new URLSearchParams(window.location.search);
const options = readEmbedParams(params, window.location.origin);
// A packed scenario is unpacked before the first view; the unpacker loads only for such a link.
const named = params.get('scenario');
const unpacked =
  named !== null && isPacked(named) ? (await import('../share/link')).scenarioFromParam(named) : null;
const { visualizer, notices } = openFromParams(params, {
  fallback: defaultScenarioSource(DEFAULT_OS),
  resolve: (value) => unpacked ?? builtInSource(value),
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

if (options.autoplay) visualizer.execute('play');
const inFrame = window.parent !== window;
const bridge = inFrame
  ? connectHost(visualizer, {
      host: window.parent,
      self: window,
      origins: options.origins,
      setTheme: (t) => theme.set(t),
    })
  : null;

const appPage = new URL('./', window.location.href).href;
function Embed() {
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
    <EmbedView
      controls={options.controls}
      appHref={appHref}
      label={visualizer.getState().title || 'Unload Lens'}
      fill
    />
  );
}

const root = document.getElementById('embed');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="embedded visualizer">
        <VisualizerProvider visualizer={visualizer}>
          <Notices notices={[...notices, ...options.notices]} />
          <Embed />
        </VisualizerProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
  if (bridge) watchHeight(root, (h) => bridge.postHeight(h));
}
// Opens offline too once loaded; a new version is taken at the next load, never offered inside a host's page.
offerUpdates({ prompt: false });
