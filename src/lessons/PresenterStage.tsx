import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { extentOf } from '../graph/extent';
import { questionBelow } from '../graph/stageFit';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Narration } from '../panels/Narration';
import { useVisualizer } from '../store';
import { selectEntries, selectInitial, selectLayout } from '../store/selectors';
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
export function PresenterStage({
  graph,
  findings,
}: {
  readonly graph: ReactNode;
  /** The pasted debugger session's findings, loaded when there is one (the page hands it in, as the graph). */
  readonly findings: ReactNode;
}) {
  const folded = useVisualizer(selectFolded);
  const asking = useVisualizer(selectAsking);
  const side = !folded || asking !== null;
  const stage = useRef<HTMLDivElement>(null);
  const below = useQuestionBelow(stage, folded && asking !== null);
  return (
    <div
      ref={stage}
      className="presenter-stage"
      data-folded={folded ? 'true' : undefined}
      data-question-below={below ? 'true' : undefined}
    >
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
            <ErrorBoundary area="debugger findings">{findings}</ErrorBoundary>
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

/**
 * Whether an open question on a folded stage goes in a band below the graph
 * (stageFit.ts): decided as the question opens, from the stage's size and
 * what the lesson draws at any step, so the class never sees the graph
 * fitted beside it first. The column is the folded stage's (classroom.css:
 * min(30vw, 30rem)); the band, about twelve lines of the floor's size.
 */
function useQuestionBelow(stage: React.RefObject<HTMLDivElement | null>, open: boolean): boolean {
  const layout = useVisualizer(selectLayout);
  const initial = useVisualizer(selectInitial);
  const entries = useVisualizer(selectEntries);
  const [size, setSize] = useState({ width: 0, height: 0, floor: 18 });
  useEffect(() => {
    const el = stage.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const seen = () => {
      const r = el.getBoundingClientRect();
      const floor = parseFloat(getComputedStyle(el).getPropertyValue('--floor')) || 18;
      setSize((s) =>
        s.width === r.width && s.height === r.height && s.floor === floor
          ? s
          : { width: r.width, height: r.height, floor },
      );
    };
    seen();
    const watch = new ResizeObserver(seen);
    watch.observe(el);
    return () => watch.disconnect();
  }, [stage]);
  const ratio = useMemo(() => {
    const box = extentOf([initial, ...entries.map((e) => e.world)], layout.positions);
    return box.height > 0 ? box.width / box.height : 0;
  }, [initial, entries, layout]);
  if (!open) return false;
  const column = Math.min(0.3 * window.innerWidth, 30 * 16);
  return questionBelow(size, ratio, { column, band: 12 * size.floor });
}
