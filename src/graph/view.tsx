import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { boundsOf } from './extent';
import type { Point } from '../store/layout';

/** How the graph's view follows the session: refits on new objects, and drops details far out. */

/**
 * `includeHiddenNodes`: fit every node by its size, measured or declared. React Flow otherwise fits
 * only the nodes it has measured, and a large graph's nodes out of view are never measured (their
 * size and handles are declared: toFlow.ts), so the first view would fit the few in it.
 */
export const FIT = { padding: 0.15, maxZoom: 1.1, includeHiddenNodes: true } as const;

const selectView = (s: ReactFlowState) => ({ width: s.width, height: s.height, minZoom: s.minZoom });
const sameView = (a: ReturnType<typeof selectView>, b: ReturnType<typeof selectView>) =>
  a.width === b.width && a.height === b.height && a.minZoom === b.minZoom;

/**
 * New objects change the layout: then the whole graph is fitted again, so
 * nothing new appears outside the view — when it fits at a readable zoom.
 * A graph too large for that keeps its zoom and moves to the new objects
 * instead (refitting it would only jump to its middle and redraw another
 * part of it).
 */
export function FitWhenLayoutChanges({ positions }: { positions: ReadonlyMap<string, Point> }) {
  const { fitView, getViewport, setCenter } = useReactFlow();
  const previous = useRef<ReadonlyMap<string, Point> | null>(null);
  const size = useStore(selectView, sameView);
  useEffect(() => {
    const before = previous.current;
    previous.current = positions;
    if (!before || before === positions) return;
    // After React Flow has measured the new nodes.
    const frame = requestAnimationFrame(() => {
      const all = boundsOf(positions.values());
      const room = 1 + 2 * FIT.padding;
      const zoom = Math.min(size.width / (all.width * room), size.height / (all.height * room));
      if (!(zoom < size.minZoom)) return void fitView(FIT);
      const added = [...positions].filter(([id]) => !before.has(id)).map(([, p]) => p);
      if (added.length === 0) return;
      const box = boundsOf(added);
      void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: getViewport().zoom });
    });
    return () => cancelAnimationFrame(frame);
  }, [positions, fitView, getViewport, setCenter, size]);
  return null;
}

/** Below this zoom a card's 12 px text is under 6 px: unreadable, so cards drop their details (index.css). */
const FAR = 0.45;
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR;
const selectDom = (s: ReactFlowState) => s.domNode;

/** Marks the graph `.graph-far` when zoomed out that far: one subscriber, no node re-renders. */
export function FarOut() {
  const far = useStore(selectFar);
  const dom = useStore(selectDom);
  useEffect(() => void dom?.classList.toggle('graph-far', far), [dom, far]);
  return null;
}
