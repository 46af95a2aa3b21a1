import { useRef } from 'react';
import { GraphPreview } from '../graph/GraphPreview';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Inspector } from '../panels/Inspector';
import { Narration } from '../panels/Narration';
import { SelectionActions } from '../panels/SelectionActions';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectPaletteOpen, selectTheme } from '../store/selectors';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { KeyHelp } from './KeyHelp';
import { loadedLater } from '../ui/loadedLater';
import { ActionPalette, Gallery, ImportPanel, LessonEditor } from './lazyParts';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';
import { Announcer } from './Announcer';
import { HandlerErrors } from './HandlerErrors';
import { useFocusKeeper } from './useFocusKeeper';
import { Legend } from '../lessons/Legend';
import { PresenterBar, usePresenterFullscreen, usePresenterStyle } from '../lessons/presenter';
import { PresenterStage } from '../lessons/PresenterStage';
import { QuestionPanel } from '../lessons/QuestionPanel';
import { selectPresenter } from '../lessons/selectors';
import { Timeline } from '../lessons/Timeline';
import { useAutoplay } from '../lessons/useAutoplay';
import { ViewName } from '../ui/landmarkName';

/**
 * React Flow and the graph load beside the first view, which draws the
 * graph still until they are there. The fetch starts as this module loads,
 * not at the first render: it runs while the scenario is read and played,
 * and the first view never waits for it.
 */
const AppGraph = loadedLater(import('./AppGraph'), GraphPreview);

/** The timeline and the sheets over the visualizer, each behind its own boundary (with the command that closes it). */
const PARTS = [
  ['timeline', Timeline, null],
  ['keyboard shortcuts sheet', KeyHelp, 'toggleHelp'],
  ['lesson gallery', Gallery, 'toggleGallery'],
  ['lesson editor', LessonEditor, 'toggleEditor'],
] as const;

/**
 * Everything one visualizer shows, inside its own element: its theme is a
 * class on that element, and with `keys="element"` its shortcuts act only
 * while focus is inside it (several on a page each answer their own keys).
 */
export function VisualizerView(props: { keys: 'window' | 'element'; label?: string }) {
  // One of several on a page: each part's landmark is named after this view (landmarkName.ts).
  return (
    <ViewName.Provider value={props.label}>
      <View {...props} />
    </ViewName.Provider>
  );
}

function View({ keys, label }: { keys: 'window' | 'element'; label?: string }) {
  const theme = useVisualizer(selectTheme);
  const paletteOpen = useVisualizer(selectPaletteOpen);
  const root = useRef<HTMLDivElement>(null);
  const { execute } = useVisualizerApi();
  const presenter = useVisualizer(selectPresenter);
  const look = usePresenterStyle();
  useKeyboard(keys === 'window' ? 'window' : root);
  useFocusKeeper(root);
  useAutoplay();
  usePresenterFullscreen();
  // The page's own app is its main landmark; one of several visualizers on a page is a region.
  const Main = keys === 'window' ? 'main' : 'div';
  return (
    <div
      ref={root}
      className={`visualizer flex h-full flex-col ${theme === 'dark' ? 'dark' : ''} ${look.className}`}
      style={look.style}
      role={label ? 'region' : undefined}
      aria-label={label}
      data-theme={theme}
      data-presenter={presenter ? 'true' : undefined}
      // Focus returns here when a key leaves a mouse-clicked button (useKeyboard).
      tabIndex={-1}
    >
      <Announcer />
      <HandlerErrors root={root} whole={keys === 'window'} />
      <ErrorBoundary area={presenter ? 'presenter bar' : 'toolbar'}>
        {presenter ? <PresenterBar /> : <Toolbar />}
      </ErrorBoundary>
      {PARTS.map(([area, Part, close]) => (
        <ErrorBoundary key={area} area={area} onClose={close ? () => execute(close) : undefined}>
          <Part />
        </ErrorBoundary>
      ))}
      {presenter ? (
        // Presenter mode: the graph as large as the room allows, the panels beside it (src/lessons).
        <Main className="flex min-h-0 flex-1 flex-col p-2">
          <PresenterStage graph={<AppGraph />} findings={<ImportPanel />} />
        </Main>
      ) : (
        <Main className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-2 lg:flex-row lg:overflow-hidden">
          {paletteOpen ? (
            <aside
              aria-label={label ? `${label}: all actions` : 'All actions'}
              className="order-3 flex flex-col gap-2 lg:order-1 lg:w-60 lg:shrink-0 lg:overflow-y-auto"
            >
              <ErrorBoundary area="action palette" onClose={() => execute('togglePalette')}>
                <ActionPalette />
              </ErrorBoundary>
            </aside>
          ) : null}
          <div className="order-1 flex min-w-0 flex-1 flex-col gap-2 lg:order-2 lg:min-h-0">
            <ErrorBoundary area="narration">
              <Narration />
            </ErrorBoundary>
            <div
              className="panel relative min-h-[55vh] flex-1 overflow-hidden lg:min-h-0"
              data-testid="graph"
            >
              <ErrorBoundary area="legend">
                <Legend />
              </ErrorBoundary>
              <ErrorBoundary area="graph">
                <AppGraph />
              </ErrorBoundary>
            </div>
            <div className="h-80 shrink-0 lg:h-[32%]">
              <ErrorBoundary area="event log">
                <EventLog />
              </ErrorBoundary>
            </div>
          </div>
          <aside
            aria-label={label ? `${label}: explain` : 'Explain'}
            className="order-2 flex flex-col gap-2 lg:order-3 lg:w-80 lg:shrink-0 lg:overflow-y-auto"
          >
            <ErrorBoundary area="debugger findings">
              <ImportPanel />
            </ErrorBoundary>
            <ErrorBoundary area="question">
              <QuestionPanel />
            </ErrorBoundary>
            <ErrorBoundary area="selected object's actions">
              <SelectionActions />
            </ErrorBoundary>
            <ErrorBoundary area="unload checklist">
              <Checklist />
            </ErrorBoundary>
            <ErrorBoundary area="inspector">
              <Inspector />
            </ErrorBoundary>
          </aside>
        </Main>
      )}
    </div>
  );
}
