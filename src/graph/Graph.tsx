import { Background, Controls, ReactFlow, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NODE_TYPES } from '../personalities/nodeTypes';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHighlight, selectLayout, selectSelection, selectTheme, selectWorld } from '../store/selectors';
import { refOf } from './ids';
import { createReuser } from './stableNodes';
import { toFlow } from './toFlow';
import { GRAPH_WORDS, useGraphKeyboard } from './useGraphKeyboard';
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

  const keys = useGraphKeyboard(nodes, edges, selection);
  const onNodeClick: NodeMouseHandler = (_, node) => select(refOf(node.id));

  return (
    <ReactFlow
      nodes={keys.nodes}
      edges={edges}
      onKeyDown={keys.onKeyDown}
      edgesFocusable={false}
      deleteKeyCode={null}
      ariaLabelConfig={GRAPH_WORDS}
      nodeTypes={NODE_TYPES}
      onNodeClick={onNodeClick}
      onPaneClick={() => select(null)}
      nodesDraggable={false}
      nodesConnectable={false}
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
      <p className="sr-only" role="status">
        {keys.said}
      </p>
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
