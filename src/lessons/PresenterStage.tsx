import { useRef, type ReactNode } from 'react';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { ImportPanel } from '../app/lazyParts';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Narration } from '../panels/Narration';
import { useVisualizer } from '../store';
import { LaserPointer } from './LaserPointer';
import { Legend } from './Legend';
import { QuestionPanel } from './QuestionPanel';
import { selectAsking } from './selectors';
import type { VisualizerState } from '../store/state';

const selectFolded = (s: VisualizerState) => s.classroom.panelsHidden;

/**
 * Presenter mode's stage, for a projector: the graph first, as large as the
 * room allows, the panels in one column beside it (narration, question,
 * checklist, then the log filling what is left). `H` folds the column away
 * so the graph takes the whole width; an open question stays, because the
 * class has to read it.
 */
export function PresenterStage({ graph }: { readonly graph: ReactNode }) {
  const folded = useVisualizer(selectFolded);
  const asking = useVisualizer(selectAsking);
  const side = !folded || asking !== null;
  const stage = useRef<HTMLDivElement>(null);
  return (
    <div ref={stage} className="presenter-stage" data-folded={folded ? 'true' : undefined}>
      <LaserPointer stage={stage} />
      <div className="presenter-graph panel relative overflow-hidden" data-testid="graph">
        <ErrorBoundary area="legend">
          <Legend />
        </ErrorBoundary>
        <ErrorBoundary area="graph">{graph}</ErrorBoundary>
        {folded ? null : (
          <p className="presenter-cramped panel" data-testid="cramped">
            Press H to give the graph more room
          </p>
        )}
      </div>
      {side ? (
        <aside aria-label="Explain" className="presenter-side">
          {/* Narration, question and checklist scroll together; the log below keeps its room, so the
              step's events stay on screen (EventLog follows them inside it). */}
          <div className="presenter-side-top">
            {folded ? null : (
              <ErrorBoundary area="narration">
                <Narration />
              </ErrorBoundary>
            )}
            <ErrorBoundary area="debugger findings">
              <ImportPanel />
            </ErrorBoundary>
            <ErrorBoundary area="question">
              <QuestionPanel />
            </ErrorBoundary>
            {folded ? null : (
              <ErrorBoundary area="unload checklist">
                <Checklist />
              </ErrorBoundary>
            )}
          </div>
          {folded ? null : (
            <div className="presenter-log">
              <ErrorBoundary area="event log">
                <EventLog />
              </ErrorBoundary>
            </div>
          )}
        </aside>
      ) : null}
    </div>
  );
}
