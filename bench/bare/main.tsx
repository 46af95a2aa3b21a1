import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseScenario, runScenario } from '../../src/kernel';
import { layoutFor } from '../../src/store/layout';
import { toFlow } from '../../src/graph/toFlow';
import { generatedScenario } from '../../src/scenarios/generate';

/**
 * The benchmark's baseline: bare React Flow given the app's own positions,
 * sizes and edges for the same generated world, with React Flow's default
 * nodes and nothing else (no store, no panels, no animation layer).
 */
const n = Number(new URLSearchParams(location.search).get('generate') ?? 200);
const parsed = parseScenario(generatedScenario(n));
if (!parsed.ok) throw new Error('generated scenario invalid');
const run = runScenario(parsed.scenario);
const layout = layoutFor([run.initial, ...run.steps.map((s) => s.world)]);
const flow = toFlow({ world: run.world, positions: layout.positions, selected: null, highlight: [] });
const SIZE: Record<string, { width: number; height: number }> = {
  driver: { width: 184, height: 80 },
  device: { width: 184, height: 80 },
};
const initialNodes: Node[] = flow.nodes.map((x) => ({
  id: x.id,
  position: x.position,
  data: { label: x.id },
  style: SIZE[x.type] ?? { width: 92, height: 24 },
}));
const edges: Edge[] = flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

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
        },
      ]),
  });
  return <ReactFlow nodes={nodes} edges={edges} fitView minZoom={0.05} nodesDraggable={false} />;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Bare />
    </StrictMode>,
  );
