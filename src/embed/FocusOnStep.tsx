import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect } from 'react';
import { eventObjects } from '../kernel/core';
import { nodeId } from '../graph/ids';
import { useVisualizer } from '../store';
import { selectCurrentEntry } from '../store/selectors';

/** Below this width the whole graph would be too small to read: show the step's objects instead. */
const NARROW = 560;
/** At least this zoom when focusing, so card text stays readable. */
const READABLE = 0.75;

/**
 * In a narrow frame, the view follows the story: after each step it frames
 * the objects the step touched, at a readable size (the whole graph is one
 * click away, on the fit-view control). Wide frames keep the whole graph.
 */
export function FocusOnStep() {
  const { fitView, getInternalNode } = useReactFlow();
  const entry = useVisualizer(selectCurrentEntry);
  const narrow = useFlowStore((s) => s.width > 0 && s.width < NARROW);
  useEffect(() => {
    if (!narrow || !entry) return;
    const ids = [...new Set(entry.events.flatMap(eventObjects).map(nodeId))];
    let frame = 0;
    let tries = 0;
    let settled = 0;
    // Once the step's nodes are measured, and after the whole-graph fits (first view, layout change).
    const attempt = () => {
      const nodes = ids.filter((id) => getInternalNode(id)?.measured.width).map((id) => ({ id }));
      if (nodes.length === 0 && ++tries < 120) {
        frame = requestAnimationFrame(attempt);
        return;
      }
      if (nodes.length > 0 && ++settled < 3) {
        frame = requestAnimationFrame(attempt);
        return;
      }
      if (nodes.length > 0) void fitView({ nodes, padding: 0.25, minZoom: READABLE, maxZoom: 1.1 });
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [narrow, entry, fitView, getInternalNode]);
  return null;
}
