import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect } from 'react';
import { eventObjects } from '../kernel/core';
import { nodeId } from '../ui/ids';
import { useVisualizer } from '../store';
import { selectCurrentEntry } from '../store/selectors';

/** Below this width the zoom buttons would sit over the whole graph's left column. */
const NARROW = 560;
/**
 * The fit in a narrow view: the whole graph across the width, its left edge
 * clear of the zoom buttons (React Flow's controls, bottom left: 26 px wide,
 * 15 px from the edge), so no control covers a node.
 */
const CLEAR_OF_CONTROLS = { top: '12px', right: '8px', bottom: '12px', left: '48px' } as const;

/**
 * In a narrow view (a phone, a 320 px column), after each step, the whole
 * graph fitted to the width, clear of the zoom buttons; the step's objects
 * are marked on it as everywhere, and the zoom buttons bring them closer.
 * Wide views keep the app's fit (src/graph/view.tsx).
 */
export function FocusOnStep() {
  const { fitView, getInternalNode, getNodes } = useReactFlow();
  const entry = useVisualizer(selectCurrentEntry);
  const narrow = useFlowStore((s) => s.width > 0 && s.width < NARROW);
  useEffect(() => {
    if (!narrow) return;
    // Fitted once the step's nodes (before the first step: any node) are measured.
    const ids = entry ? [...new Set(entry.events.flatMap(eventObjects).map(nodeId))] : [];
    if (ids.length === 0) ids.push(...getNodes().map((n) => n.id));
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
      if (nodes.length > 0) void fitView({ padding: CLEAR_OF_CONTROLS, maxZoom: 1.1 });
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [narrow, entry, fitView, getInternalNode, getNodes]);
  return null;
}
