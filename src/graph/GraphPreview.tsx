import { useMemo } from 'react';
import { useVisualizer } from '../store';
import { selectLayout, selectWorld } from '../store/selectors';
import { refOf } from '../ui/ids';
import { SIZES, type Point } from '../store/layout';
import type { World } from '../kernel/core';
import { toFlow } from './toFlow';

/**
 * Nodes beyond which the preview is simplified: no names, every box of a kind in one path, the lines
 * in another (a few elements in all, whatever the size: the still picture must not cost what the
 * live one it stands in for would).
 */
const NAMED_AT_MOST = 400;

/** Node types drawn as cards (the rest are satellites: handles, IRPs, references, channels). */
const CARDS = new Set(['driver', 'device', 'module', 'instance']);

/**
 * The graph drawn still, without React Flow: the same world, layout and
 * cards' places, as boxes and lines in one SVG fitted to its panel. It is
 * what a page shows while React Flow's code loads (a few hundred ms on a
 * slow line), so the first view is the picture, not a blank panel; the
 * interactive graph replaces it as soon as it is there.
 */
export function GraphPreview() {
  const world = useVisualizer(selectWorld);
  const positions = useVisualizer(selectLayout).positions;
  return <StillGraph world={world} positions={positions} />;
}

/**
 * One world drawn still (boxes, names and lines in one SVG), for the preview
 * and for a printed handout's steps (src/lessons/Handout.tsx); `label` names
 * the picture for a reader (the preview, under the live graph, is hidden).
 */
function StillGraph({
  world,
  positions,
  label,
}: {
  readonly world: World;
  readonly positions: ReadonlyMap<string, Point>;
  readonly label?: string;
}) {
  const flow = useMemo(() => toFlow({ world, positions, selected: null, highlight: [] }), [world, positions]);
  const boxes = flow.nodes.map((n) => {
    const frame = n.type === 'frame' ? n.data : null;
    const card = CARDS.has(n.type);
    const size = frame ?? (card ? SIZES.card : SIZES.satellite);
    return {
      id: n.id,
      frame,
      card,
      x: n.position.x,
      y: n.position.y,
      width: size.width,
      height: size.height,
    };
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const pad = 40;
  // Not Math.min(...xs): a spread of 10,000 arguments is near the engine's limit.
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  left -= pad;
  top -= pad;
  const width = right - left + pad;
  const height = bottom - top + pad;
  if (boxes.length === 0 || !Number.isFinite(width + height))
    return label ? <p className="muted">Nothing is loaded yet: the graph is empty.</p> : <GraphLoading />;
  const centre = (id: string) => {
    const b = at.get(id);
    return b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
  };
  return (
    <div className="graph-preview h-full w-full" data-testid={label ? undefined : 'graph-preview'}>
      {label ? null : (
        <p className="sr-only" role="status">
          Loading the interactive graph
        </p>
      )}
      <svg
        viewBox={`${left} ${top} ${width} ${height}`}
        className="h-full w-full"
        {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      >
        {boxes.length > NAMED_AT_MOST ? (
          <Simplified boxes={boxes} edges={flow.edges} centre={centre} />
        ) : null}
        {boxes.length > NAMED_AT_MOST
          ? null
          : flow.edges.map((e) => {
              const a = centre(e.source);
              const b = centre(e.target);
              return a && b ? <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} /> : null;
            })}
        {boxes.length > NAMED_AT_MOST
          ? null
          : boxes.map((b) => {
              if (b.frame)
                return (
                  <g key={b.id} className="graph-preview-frame">
                    <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={12} />
                    <text x={b.x + 8} y={b.y + 15}>
                      {b.frame.label}
                    </text>
                  </g>
                );
              const ref = refOf(b.id);
              const card = b.card;
              return (
                <g key={b.id} className={card ? 'graph-preview-card' : 'graph-preview-chip'}>
                  <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={card ? 10 : 6} />
                  <text x={b.x + 8} y={b.y + (card ? 20 : 16)}>
                    {card ? <tspan className="graph-preview-kind">{ref?.kind} </tspan> : null}
                    <tspan className="graph-preview-name">{ref?.name}</tspan>
                  </text>
                </g>
              );
            })}
      </svg>
    </div>
  );
}

interface Box {
  readonly frame: unknown;
  readonly card: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A large graph still: its frames, cards and chips each one path of boxes, its lines one path. */
function Simplified({
  boxes,
  edges,
  centre,
}: {
  readonly boxes: readonly Box[];
  readonly edges: readonly { readonly source: string; readonly target: string }[];
  readonly centre: (id: string) => { x: number; y: number } | null;
}) {
  const rects = (of: (b: Box) => boolean) =>
    boxes
      .filter(of)
      .map((b) => `M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}z`)
      .join('');
  const lines = edges
    .map((e) => {
      const a = centre(e.source);
      const b = centre(e.target);
      return a && b ? `M${a.x} ${a.y}L${b.x} ${b.y}` : '';
    })
    .join('');
  // Styled here, as the named preview's boxes and lines are in index.css (.graph-preview rect, line).
  // A large machine fitted to the panel is drawn at a hundredth of its size or less: strokes keep their
  // width on screen (non-scaling), and boxes are filled with the line colour, so they show as marks.
  const box = {
    fill: 'var(--line)',
    stroke: 'var(--line)',
    strokeWidth: 1,
    vectorEffect: 'non-scaling-stroke',
  } as const;
  return (
    <g data-testid="graph-preview-simplified">
      <path d={lines} style={{ ...box, fill: 'none', opacity: 0.6 }} />
      <path d={rects((b) => !!b.frame)} style={{ ...box, fill: 'none', strokeDasharray: '6 4' }} />
      <path d={rects((b) => !b.frame && b.card)} style={box} />
      <path d={rects((b) => !b.frame && !b.card)} style={box} />
    </g>
  );
}

/** Before there is anything to draw. */
function GraphLoading() {
  return <p className="muted p-3 text-sm">Drawing the graph…</p>;
}
