import { ReactFlowProvider } from '@xyflow/react';
import { createElement, useMemo } from 'react';
import { SIZES } from '../store/layout';
import { toFlow } from '../graph/toFlow';
import { NODE_TYPES } from '../personalities/nodeTypes';
import { StillProvider, worldAt, type VisualizerState } from '../store';

/** Room under a card for the badges it may grow by (they wrap inside it), in graph units. */
const GROWTH = 40;
const PAD = 24;

/**
 * One step of a lesson drawn for a handout: the live graph's own cards and
 * chips (the personality's node components, with every state badge the
 * screen shows — Unload Pending, surprise-removed, Started, RefCount…), at
 * the places the lesson's layout gives, with the lines between them; held
 * still and scaled to the page (an SVG whose objects are the app's HTML
 * cards, so print and PDF keep them sharp). `step`: the state after that
 * step (0: before the first).
 */
export function HandoutGraph({
  state,
  step,
  label,
}: {
  readonly state: VisualizerState;
  readonly step: number;
  readonly label: string;
}) {
  const at = useMemo(() => ({ ...state, cursor: step, selection: null, highlight: [] }), [state, step]);
  const flow = useMemo(
    () => toFlow({ world: worldAt(at), positions: at.layout.positions, selected: null, highlight: [] }),
    [at],
  );
  const boxes = flow.nodes.map((n) => {
    const frame = n.type === 'frame' ? (n.data as { width: number; height: number }) : null;
    const card = n.type !== 'frame' && !!n.data && CARD_TYPES.has(n.type ?? '');
    const size = frame ?? (card ? SIZES.card : SIZES.satellite);
    return { node: n, frame: !!frame, card, x: n.position.x, y: n.position.y, ...size };
  });
  if (boxes.length === 0) return <p className="muted">Nothing is loaded yet: the graph is empty.</p>;
  const left = Math.min(...boxes.map((b) => b.x)) - PAD;
  const top = Math.min(...boxes.map((b) => b.y)) - PAD;
  const right = Math.max(...boxes.map((b) => b.x + b.width + (b.card ? 0 : 40))) + PAD;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height + (b.card ? GROWTH : 0))) + PAD;
  const placed = new Map(boxes.map((b) => [b.node.id, b]));
  const centre = (id: string) => {
    const b = placed.get(id);
    return b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
  };
  return (
    <svg
      viewBox={`${left} ${top} ${right - left} ${bottom - top}`}
      className="handout-drawing"
      role="img"
      aria-label={label}
      data-testid="handout-drawing"
    >
      {/* Frames (a device stack's outline) under everything, then the lines, then the cards. */}
      {boxes
        .filter((b) => b.frame)
        .map((b) => (
          <Drawn key={b.node.id} box={b} state={at} />
        ))}
      {flow.edges.map((e) => {
        const a = centre(e.source);
        const b = centre(e.target);
        return a && b ? (
          <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="handout-line" />
        ) : null;
      })}
      {boxes
        .filter((b) => !b.frame)
        .map((b) => (
          <Drawn key={b.node.id} box={b} state={at} />
        ))}
    </svg>
  );
}

/** Node types drawn as cards (the rest are satellites: handles, IRPs, references, channels). */
const CARD_TYPES = new Set(['driver', 'device', 'module', 'instance']);

type Box = {
  readonly node: ReturnType<typeof toFlow>['nodes'][number];
  readonly card: boolean;
  readonly frame: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** One node, drawn by the component that draws it on screen, still (nothing can be done in a handout). */
function Drawn({ box, state }: { box: Box; state: VisualizerState }) {
  const n = box.node;
  const Component = NODE_TYPES[n.type ?? ''];
  if (!Component) return null;
  return (
    <foreignObject
      x={box.x}
      y={box.y}
      width={box.width + (box.card || box.frame ? 0 : 40)}
      height={box.height + (box.card ? GROWTH : 0)}
      className="handout-node"
      data-node={n.id}
    >
      <div style={box.frame ? { width: box.width, height: box.height } : undefined}>
        <StillProvider state={state}>
          <ReactFlowProvider>
            {createElement(Component, { id: n.id, type: n.type, data: n.data } as never)}
          </ReactFlowProvider>
        </StillProvider>
      </div>
    </foreignObject>
  );
}
