import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseScenario, runScenario } from '../../src/kernel';
import { layoutFor } from '../../src/store/layout';
import { toFlow } from '../../src/graph/toFlow';
import { generatedScenario } from '../../src/scenarios/generate';

/**
 * The benchmark's baselines: bare React Flow given the app's own positions,
 * sizes and edges for the same generated world, with React Flow's default
 * nodes and nothing else (no store, no panels, no animation layer).
 *
 * `?fair=1` (the fair peer): what a competent React Flow user would build for
 * the same picture — the app's view (its fit: padding, zoom at most, every
 * node by its declared size), its zoom limits, the app's graph pane size
 * (`&w=&h=`, measured from the app in the same run) and the app's culling
 * (`onlyRenderVisibleElements` above 150 nodes), nodes with their size given.
 * Without it (the old baseline, kept as a second, labelled one): the whole
 * window, `fitView` with defaults, min zoom 0.05, every element drawn.
 */
const params = new URLSearchParams(location.search);
const n = Number(params.get('generate') ?? 200);
const fair = params.has('fair');
const parsed = parseScenario(generatedScenario(n));
if (!parsed.ok) throw new Error('generated scenario invalid');
const run = runScenario(parsed.scenario);
const layout = layoutFor([run.initial, ...run.steps.map((s) => s.world)]);
const flow = toFlow({ world: run.world, positions: layout.positions, selected: null, highlight: [] });
const SIZE: Record<string, { width: number; height: number }> = {
  driver: { width: 184, height: 80 },
  device: { width: 184, height: 80 },
};
const sizeOf = (type: string) => SIZE[type] ?? { width: 92, height: 24 };
const initialNodes: Node[] = flow.nodes.map((x) => ({
  id: x.id,
  position: x.position,
  data: { label: x.id },
  style: sizeOf(x.type),
  // The fair peer says each node's size, as the app declares it (culling needs it before measuring).
  ...(fair ? sizeOf(x.type) : {}),
}));
const edges: Edge[] = flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
/** The app's view (src/graph/view.tsx FIT, Graph.tsx minZoom and CULL_ABOVE), copied for the fair peer. */
const FAIR_FIT = { padding: 0.15, maxZoom: 1.1, includeHiddenNodes: true } as const;

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  // The click baseline: one node's data changes, as a click on an action changes one device.
  Object.assign(window, {
    bareClick: (i: number) =>
      setNodes((ns) =>
        ns.map((x, j) => (j === i % ns.length ? { ...x, data: { label: `${x.id}*${i}` } } : x)),
      ),
    // The create baseline: one more node, placed beside the last, as 'Create device' adds one card.
    bareAdd: (i: number) =>
      setNodes((ns) => [
        ...ns,
        {
          id: `added${i}`,
          position: { x: (ns.at(-1)?.position.x ?? 0) + 200, y: 0 },
          data: { label: `added${i}` },
          style: SIZE.device,
          ...(fair ? SIZE.device : {}),
        },
      ]),
  });
  if (!fair) return <ReactFlow nodes={nodes} edges={edges} fitView minZoom={0.05} nodesDraggable={false} />;
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      fitView
      fitViewOptions={FAIR_FIT}
      minZoom={0.2}
      onlyRenderVisibleElements={nodes.length > 150}
      nodesDraggable={false}
      nodesConnectable={false}
    />
  );
}

const root = document.getElementById('root');
// The fair peer's pane is the app's graph pane, in size.
const w = Number(params.get('w'));
const h = Number(params.get('h'));
if (root && fair && w > 0 && h > 0) Object.assign(root.style, { width: `${w}px`, height: `${h}px` });
if (root)
  createRoot(root).render(
    <StrictMode>
      <Bare />
    </StrictMode>,
  );
