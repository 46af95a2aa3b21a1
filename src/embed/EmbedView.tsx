import { lazy, Suspense, useRef } from 'react';
import { Announcer } from '../app/Announcer';
import { HandlerErrors } from '../app/HandlerErrors';
import { useFocusKeeper } from '../app/useFocusKeeper';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { loadedLater } from '../ui/loadedLater';
import { useKeyboard } from '../app/useKeyboard';
import { GraphPreview } from '../graph/GraphPreview';
import { Narration } from '../panels/Narration';
import { useVisualizer } from '../store';
import { selectTheme } from '../store/selectors';
import { EmbedControls } from './EmbedControls';
import { selectLesson } from '../lessons/selectors';
import type { Controls, Questions } from './params';
import { useAutoplay } from './useAutoplay';

// Fetched as this module loads (while the scenario is read), drawn still until it is there.
const EmbedGraph = loadedLater(import('./EmbedGraph'), GraphPreview);
const EmbedPanels = lazy(() => import('./EmbedPanels'));
// Only a lesson a host opened asks (openLesson): the question's part loads then.
const QuestionPanel = lazy(() =>
  import('../lessons/QuestionPanel').then((m) => ({ default: m.QuestionPanel })),
);

export interface EmbedViewProps {
  readonly controls: Controls;
  /**
   * In a lesson (a host's `openLesson`), `frame` (default) draws the question asked, its choices and then
   * the answer in the frame; `host` leaves them to the host page, which hears `state.question`.
   */
  readonly questions?: Questions;
  /** "Open in Unload Lens": a link to the same view in the full app, or null for none. */
  readonly appHref?: string | null;
  /** Names the region for screen readers (several on a page). */
  readonly label?: string;
  /** Fill the height it is given (a frame) rather than only what the content needs. */
  readonly fill?: boolean;
  /**
   * The visualizer is the whole page (embed.html): its main landmark, with a visually hidden h1
   * naming it. In a host's page (the component, the element) it is a region of that page.
   */
  readonly ownPage?: boolean;
}

/**
 * One visualizer sized for a documentation page: readable from 320 px wide,
 * the graph as tall as the width allows (not the window: a frame sized to
 * its content never loops), its own theme and keys. `controls` chooses how
 * much of the app comes along: `none` (the host drives it), `minimal`
 * (step and play), `full` (also act on objects, the checklist and the log).
 */
export function EmbedView({
  controls,
  questions = 'frame',
  appHref = null,
  label = 'Unload Lens',
  fill = false,
  ownPage = false,
}: EmbedViewProps) {
  const Root = ownPage ? 'main' : 'div';
  const theme = useVisualizer(selectTheme);
  const asks = useVisualizer(selectLesson) !== null && questions === 'frame';
  const root = useRef<HTMLDivElement>(null);
  useKeyboard(root);
  useFocusKeeper(root);
  useAutoplay();
  return (
    <Root
      ref={root}
      className={`visualizer @container flex flex-col gap-2 p-2 ${fill ? 'min-h-screen' : ''} ${theme === 'dark' ? 'dark' : ''}`}
      role={ownPage ? undefined : 'region'}
      aria-label={label}
      data-theme={theme}
      data-embed-root=""
    >
      {ownPage ? <h1 className="sr-only">{label}</h1> : null}
      <ErrorBoundary area="announcer">
        <Announcer />
      </ErrorBoundary>
      <ErrorBoundary area="fault messages">
        <HandlerErrors root={root} whole={false} />
      </ErrorBoundary>
      {controls === 'none' ? null : (
        <ErrorBoundary area="controls">
          <EmbedControls full={controls === 'full'} appHref={appHref} asks={asks} />
        </ErrorBoundary>
      )}
      <ErrorBoundary area="narration">
        <Narration />
      </ErrorBoundary>
      {asks ? (
        <ErrorBoundary area="question">
          <Suspense fallback={null}>
            <QuestionPanel />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <div
        className="panel relative min-h-[clamp(240px,62cqw,520px)] flex-1 overflow-hidden"
        data-testid="graph"
        data-grows=""
      >
        <div className="absolute inset-0">
          <ErrorBoundary area="graph">
            <EmbedGraph />
          </ErrorBoundary>
        </div>
      </div>
      {controls === 'full' ? (
        <ErrorBoundary area="panels">
          <Suspense fallback={null}>
            <EmbedPanels />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </Root>
  );
}
