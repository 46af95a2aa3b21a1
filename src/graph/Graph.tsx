import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type NodeMouseHandler,
  type ReactFlowState,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NODE_TYPES } from '../personalities/nodeTypes';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHighlight, selectLayout, selectSelection, selectTheme, selectWorld } from '../store/selectors';
import { refOf } from './ids';
import { createReuser } from './stableNodes';
import { toFlow } from './toFlow';
import type { ReactNode } from 'react';

export function Graph({ children }: { children?: ReactNode }) {
  const { execute } = useVisualizerApi();
  const world = useVisualizer(selectWorld);
  // The layout of every world of the session, computed once per change in the store: nothing jumps in time.
  const positions = useVisualizer(selectLayout).positions;
  const selection = useVisualizer(selectSelection);
  const highlight = useVisualizer(selectHighlight);
  const theme = useVisualizer(selectTheme);
  const select = (ref: ReturnType<typeof refOf>) => execute('select', { ref });

  const [reuse] = useState(createReuser);
  const { nodes, edges } = useMemo(
    () => reuse(toFlow({ world, positions, selected: selection, highlight })),
    [reuse, world, positions, selection, highlight],
  );

  const onNodeClick: NodeMouseHandler = (_, node) => select(refOf(node.id));

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodeClick={onNodeClick}
      onPaneClick={() => select(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      // Only what is in view is in the page: a large graph pans at the cost of what it shows.
      onlyRenderVisibleElements
      elementsSelectable
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      colorMode={theme}
      proOptions={{ hideAttribution: false }}
      aria-label="Kernel object graph"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
      <FitWhenLayoutChanges positions={positions} />
      <FarOut />
      {children}
    </ReactFlow>
  );
}

const FIT = { padding: 0.15, maxZoom: 1.1 } as const;

/** New objects change the layout; refit then, so nothing new appears outside the view. */
function FitWhenLayoutChanges({ positions }: { positions: unknown }) {
  const { fitView } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After React Flow has measured the new nodes.
    const frame = requestAnimationFrame(() => void fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [positions, fitView]);
  return null;
}

/** Below this zoom a card's 12 px text is under 6 px: unreadable, so cards drop their details (index.css). */
const FAR = 0.45;
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR;
const selectDom = (s: ReactFlowState) => s.domNode;

/** Marks the graph `.graph-far` when zoomed out that far: one subscriber, no node re-renders. */
function FarOut() {
  const far = useStore(selectFar);
  const dom = useStore(selectDom);
  useEffect(() => void dom?.classList.toggle('graph-far', far), [dom, far]);
  return null;
}
