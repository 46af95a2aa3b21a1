import { Background, Controls, ReactFlow, type NodeMouseHandler, type OnNodesChange } from '@xyflow/react';
import { useCallback, useId, useMemo, useState } from 'react';
import type { World } from '../kernel/core';
import { appFor } from '../personalities';
import { NODE_TYPES } from '../personalities/nodeTypes';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHighlight, selectLayout, selectSelection, selectTheme, selectWorld } from '../store/selectors';
import { selectPresenter } from '../lessons/selectors';
import { refOf } from '../ui/ids';
import { createFlowMaker } from './stableNodes';
import { withoutDeclared, type GraphNode } from './toFlow';
import { GRAPH_WORDS, useGraphKeyboard } from './useGraphKeyboard';
import { FIT, FarOut, FitWhenLayoutChanges } from './view';
import type { ReactNode } from 'react';

/**
 * `panKey`: the key that pans while held (React Flow listens for it on the
 * whole document and keeps it from the page): Space in the app, where keys
 * work wherever focus is; null in an embed until the graph has focus, so a
 * host page's Space still scrolls it.
 */
export function Graph({ children, panKey = 'Space' }: { children?: ReactNode; panKey?: string | null }) {
  const { execute } = useVisualizerApi();
  const world = useVisualizer(selectWorld);
  // The layout of every world of the session, computed once per change in the store: nothing jumps in time.
  const positions = useVisualizer(selectLayout).positions;
  const selection = useVisualizer(selectSelection);
  const highlight = useVisualizer(selectHighlight);
  const theme = useVisualizer(selectTheme);
  // Presenter mode fits the view itself (src/lessons/PresenterZoom.tsx): React Flow's own first fit,
  // which runs when the first nodes arrive, would undo it.
  const presenter = useVisualizer(selectPresenter);
  // Handlers keep their identity across renders: a new function each render would re-render every
  // node React Flow draws (its NodeWrapper takes the click handler) on every animation moment.
  const onNodeClick = useCallback<NodeMouseHandler>(
    (_, node) => execute('select', { ref: refOf(node.id) }),
    [execute],
  );
  const onPaneClick = useCallback(() => execute('select', { ref: null }), [execute]);

  const [makeFlow] = useState(createFlowMaker);
  // The nodes React Flow has measured: the others come with their size and handles declared, so it
  // mounts only those in view (./nodes/handles.ts). Read when a node is built, never rendered.
  const [measured] = useState(() => new Set<string>());
  const [onNodesChange] = useState(() => noteMeasured(measured));
  const { nodes, edges } = useMemo(
    () => makeFlow({ world, positions, selected: selection, highlight, measured }),
    [makeFlow, world, positions, selection, highlight, measured],
  );

  const keys = useGraphKeyboard(nodes, edges, selection);
  // A node the keyboard copied (its tab stop) is a new object to React Flow: once measured, it must
  // not declare its handles again (toFlow.ts's `measured`).
  // The stripped copy is kept per copy (a WeakMap): the same stop node gives React Flow the same object.
  const [stripped] = useState(() => new WeakMap<GraphNode, GraphNode>());
  const shown = useMemo(() => {
    const strip = (n: GraphNode) => {
      let out = stripped.get(n);
      if (!out) stripped.set(n, (out = withoutDeclared(n)));
      return out;
    };
    const out = keys.nodes.map((n, i) => (n === nodes[i] || !measured.has(n.id) ? n : strip(n)));
    return out.every((n, i) => n === keys.nodes[i]) ? keys.nodes : out;
  }, [keys.nodes, nodes, measured, stripped]);
  // React Flow names its descriptions and arrowheads after the flow's id ('1' for all): two graphs
  // on a page (pair, compare, several embeds) each need their own (axe duplicate-id-aria).
  const flowId = `graph${useId().replace(/[^\w-]/g, '')}`;

  return (
    <ReactFlow
      id={flowId}
      nodes={shown}
      edges={edges}
      onKeyDown={keys.onKeyDown}
      edgesFocusable={false}
      deleteKeyCode={null}
      panActivationKeyCode={panKey}
      ariaLabelConfig={GRAPH_WORDS}
      nodeTypes={NODE_TYPES}
      onNodeClick={onNodeClick}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      nodesDraggable={false}
      nodesConnectable={false}
      // A large graph keeps only what is in view in the page: it pans at the cost of what it shows.
      // Large is the session's (every card of its history), not this step's: a step from 5,000 nodes
      // to none would otherwise turn culling off for the render before React Flow drops the old
      // nodes, and mount all 5,000 of them once (Home on ?generate=5000).
      onlyRenderVisibleElements={nodes.length > CULL_ABOVE || positions.size > CULL_ABOVE}
      elementsSelectable
      fitView={!presenter}
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
      <p className="sr-only" role="status">
        {keys.said}
      </p>
      <Halted world={world} />
      {children}
    </ReactFlow>
  );
}

/** Keeps the ids of the nodes React Flow has measured (its 'dimensions' changes) in `into`. */
function noteMeasured(into: Set<string>): OnNodesChange {
  return (changes) => {
    for (const c of changes) if (c.type === 'dimensions' && c.dimensions) into.add(c.id);
  };
}

/** A stopped machine (a bug check): its screen over the graph, as the machine would show it. */
function Halted({ world }: { world: World }) {
  const halted = appFor(world).halted?.(world);
  if (!halted) return null;
  return (
    <div
      role="alert"
      data-testid="halted"
      className="pointer-events-none absolute inset-x-0 top-0 z-10 bg-[#0a3d91] py-3 pr-32 pl-4 font-mono text-sm text-white shadow-lg"
    >
      <p className="font-bold">{halted.title}</p>
      {halted.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** Nodes beyond which only those in view are rendered (below it, culling would save next to nothing). */
const CULL_ABOVE = 150;
