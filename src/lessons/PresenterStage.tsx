import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { extentOf } from '../graph/extent';
import { questionBandHeight, questionBelow } from '../graph/stageFit';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Narration } from '../panels/Narration';
import { useVisualizer } from '../store';
import { selectEntries, selectInitial, selectLayout } from '../store/selectors';
import { LaserPointer } from './LaserPointer';
import { Legend } from './Legend';
import { QuestionPanel } from './QuestionPanel';
import { selectAsking } from './selectors';
import { useStageShape } from './useStageShape';
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
  const place = useQuestionPlace(stage, folded && asking !== null);
  const graphBox = useRef<HTMLDivElement>(null);
  // The lesson's picture shaped to this stage (two bands on a 4:3 projector): what the graph draws.
  useStageShape(graphBox);
  return (
    <div
      ref={stage}
      className="presenter-stage"
      data-folded={folded ? 'true' : undefined}
      data-question={place ?? undefined}
    >
      <LaserPointer stage={stage} />
      <div ref={graphBox} className="presenter-graph panel relative overflow-hidden" data-testid="graph">
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
 * Where an open question stands on a folded stage: in a band across the top
 * (where the title and the timeline were: while the class reads a question,
 * the clicker is the only control and the question is the slide's title) or
 * in a column beside the graph, whichever draws the graph larger
 * (stageFit.ts). Decided as the question opens, from the room the visualizer
 * has (the chrome in or out does not change it) and what the lesson draws at
 * any step, so the class never sees the graph fitted one way and then the
 * other. The column is the folded stage's (classroom.css: min(30vw, 30rem));
 * the band as tall as this question's words make it (questionBandHeight).
 */
function useQuestionPlace(
  stage: React.RefObject<HTMLDivElement | null>,
  open: boolean,
): 'band' | 'side' | null {
  const layout = useVisualizer(selectLayout);
  const initial = useVisualizer(selectInitial);
  const entries = useVisualizer(selectEntries);
  const asking = useVisualizer(selectAsking);
  const [size, setSize] = useState({ width: 0, height: 0, floor: 18 });
  useEffect(() => {
    const el = stage.current;
    // The visualizer's whole box less its main's padding: the room with the bar and timeline hidden.
    const room = el?.closest<HTMLElement>('.visualizer');
    if (!el || !room || typeof ResizeObserver === 'undefined') return;
    const seen = () => {
      const box = room.getBoundingClientRect();
      const r = { width: box.width - 16, height: box.height - 16 };
      const floor = parseFloat(getComputedStyle(el).getPropertyValue('--floor')) || 18;
      setSize((s) =>
        s.width === r.width && s.height === r.height && s.floor === floor
          ? s
          : { width: r.width, height: r.height, floor },
      );
    };
    seen();
    const watch = new ResizeObserver(seen);
    watch.observe(room);
    return () => watch.disconnect();
  }, [stage]);
  const ratio = useMemo(() => {
    const box = extentOf([initial, ...entries.map((e) => e.world)], layout.positions);
    return box.height > 0 ? box.width / box.height : 0;
  }, [initial, entries, layout]);
  if (!open || asking === null) return null;
  const column = Math.min(0.3 * window.innerWidth, 30 * 16);
  const entry = entries[asking - 1];
  const band = entry?.ask
    ? questionBandHeight({ say: entry.say, ...entry.ask }, size.width, size.floor)
    : 8 * size.floor;
  // The band stands above the graph with the stage's gap (0.5rem) between them.
  return questionBelow(size, ratio, { column: column + 8, band: band + 8 }) ? 'band' : 'side';
}
