/**
 * Moving through the graph with the arrow keys: from a node, the neighbour
 * along an edge that lies most nearly in the arrow's direction; when no
 * edge leads that way, the nearest node that way (so every node can be
 * reached, even in a graph of several parts). Pure: positions in, an id out.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** A node as navigation sees it: its id and its centre. */
export interface NavNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface NavEdge {
  readonly source: string;
  readonly target: string;
  /** What the edge means, in words ("Beep owns Beep"): said when the move follows it. */
  readonly label?: string | undefined;
}

/** React Flow's edges as navigation sees them: their ends and their words (`ariaLabel`). */
export const navEdges = (
  edges: readonly { source: string; target: string; ariaLabel?: string | null | undefined }[],
): NavEdge[] => edges.map((e) => ({ source: e.source, target: e.target, label: e.ariaLabel ?? undefined }));

export interface Move {
  readonly id: string;
  /** The edge followed, when the move went along one. */
  readonly via?: string | undefined;
}

const UNIT: Readonly<Record<Direction, readonly [number, number]>> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * How far `to` is from `from` going `dir`, or null when it is not that way:
 * the distance along the arrow plus twice the distance across it, so a node
 * straight ahead beats a nearer one off to the side.
 */
function cost(from: NavNode, to: NavNode, dir: Direction, cone = WIDE): number | null {
  const [ux, uy] = UNIT[dir];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const along = dx * ux + dy * uy;
  const across = Math.abs(dx * uy - dy * ux);
  if (along <= 0 || across > along * cone) return null;
  return along + 2 * across;
}

/** How far off the arrow a node may lie (across ÷ along): within 60° either side. */
const WIDE = Math.tan((60 * Math.PI) / 180);
/**
 * How far off the arrow a linked node may lie to be preferred: 45° either
 * side, so the four arrows split a node's neighbours between them and a
 * device just below-left of its driver is "down", not "left" (a wider cone
 * let an edge hide the next driver in the row from ← and →).
 */
const ALONG_EDGE = 1;

function best(from: NavNode, candidates: Iterable<NavNode>, dir: Direction, cone: number): NavNode | null {
  let out: NavNode | null = null;
  let low = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const k = cost(from, c, dir, cone);
    // Ties go to the earlier node: the same graph always moves the same way.
    if (k !== null && k < low) {
      low = k;
      out = c;
    }
  }
  return out;
}

/** Where an arrow key goes from node `fromId`: along an edge within 45° first, else to the nearest node within 60° that way. */
export function neighbour(
  nodes: readonly NavNode[],
  edges: readonly NavEdge[],
  fromId: string,
  dir: Direction,
): Move | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const from = byId.get(fromId);
  if (!from) return null;
  const linked = new Map<string, string | undefined>();
  for (const e of edges) {
    if (e.source === fromId && byId.has(e.target)) linked.set(e.target, e.label);
    if (e.target === fromId && byId.has(e.source)) linked.set(e.source, e.label);
  }
  const along = best(
    from,
    [...linked.keys()].map((id) => byId.get(id) as NavNode),
    dir,
    ALONG_EDGE,
  );
  if (along) return { id: along.id, via: linked.get(along.id) };
  const any = best(from, nodes, dir, WIDE);
  return any ? { id: any.id } : null;
}

/** Reading order: top to bottom, then left to right (a row is the nodes within a pixel of one height). */
const readsBefore = (a: NavNode, b: NavNode): boolean =>
  a.y < b.y - 1 || (Math.abs(a.y - b.y) <= 1 && a.x < b.x);

/** The first or last node in reading order (Home and End on a graph node), or null for an empty graph. */
export function readingEnd(nodes: readonly NavNode[], end: 'first' | 'last'): string | null {
  let out: NavNode | null = null;
  for (const n of nodes) if (!out || (end === 'first' ? readsBefore(n, out) : readsBefore(out, n))) out = n;
  return out?.id ?? null;
}

/** The node a Tab into the graph lands on: the selected one if it is drawn, else the first (reading order). */
export function tabStop(nodes: readonly NavNode[], selected: string | null): string | null {
  if (selected && nodes.some((n) => n.id === selected)) return selected;
  return readingEnd(nodes, 'first');
}
