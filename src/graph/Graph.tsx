import { Background, Controls, ReactFlow, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../store';
import { selectHighlight, selectSelection, selectTheme, selectWorld } from '../store/selectors';
import { refOf } from './ids';
import { layoutWorlds } from './layout';
import { NODE_TYPES } from './nodes';
import { createReuser } from './stableNodes';
import { toFlow } from './toFlow';
import type { AppState } from '../store';
import type { ReactNode } from 'react';

/** Every world of the session: the layout covers them all, so nothing jumps in time. */
const selectLayoutWorlds = (s: AppState) => s.entries;
const selectInitial = (s: AppState) => s.initial;
const selectSelect = (s: AppState) => s.select;

export function Graph({ children }: { children?: ReactNode }) {
  const world = useApp(selectWorld);
  const entries = useApp(selectLayoutWorlds);
  const initial = useApp(selectInitial);
  const selection = useApp(selectSelection);
  const highlight = useApp(selectHighlight);
  const theme = useApp(selectTheme);
  const select = useApp(selectSelect);

  const positions = useMemo(
    () => layoutWorlds([initial, ...entries.map((e) => e.world)]),
    [initial, entries],
  );

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
