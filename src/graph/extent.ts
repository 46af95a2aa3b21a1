import type { World } from '../kernel/core';
import { PLACE, SIZES, type Point } from '../store/layout';
import { toFlow } from './toFlow';

/** The box around every placed card, in flow coordinates. */
export function boundsOf(positions: Iterable<Point>): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + SIZES.card.width + SIZES.lane);
    bottom = Math.max(bottom, p.y + SIZES.card.height);
  }
  return left === Infinity
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: left, y: top, width: right - left, height: bottom - top };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Past this many worlds × placed cards the walk costs more than it saves: the placed cards decide. */
const WALK_AT_MOST = 20_000;

/** The size a node of this type takes in the flow, before the browser draws it. */
function sizeOf(node: { type?: string; data: unknown }): { width: number; height: number } {
  if (node.type === 'frame') {
    const d = node.data as { width: number; height: number };
    return { width: d.width, height: d.height };
  }
  const sat = SIZES.satellite;
  return node.type === 'driver' ||
    node.type === 'device' ||
    node.type === 'module' ||
    node.type === 'instance'
    ? SIZES.card
    : { width: sat.width, height: sat.height };
}

/**
 * The box around everything a history draws, at any of its steps: every
 * card, every frame with its caption, and every satellite where it sits — a
 * card's lane counts only where a satellite appears in it. A lesson fitted
 * to this box shows every object of every step without the room a lane
 * would keep for satellites that never come (presenter mode fits to it).
 * A long history of a large world falls back to the placed cards with
 * their lanes (boundsOf).
 */
export function extentOf(worlds: readonly World[], positions: ReadonlyMap<string, Point>): Box {
  if (worlds.length * Math.max(1, positions.size) > WALK_AT_MOST) return boundsOf(positions.values());
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const world of worlds) {
    const flow = toFlow({ world, positions, selected: null, highlight: [] });
    for (const node of flow.nodes) {
      const { width, height } = sizeOf(node);
      left = Math.min(left, node.position.x);
      top = Math.min(top, node.position.y);
      right = Math.max(right, node.position.x + width);
      bottom = Math.max(bottom, node.position.y + height);
    }
    // A dependency drawn right to left (out at a card's right, into a card to its left) curves out past both.
    const at = new Map(flow.nodes.map((n) => [n.id, n.position.x]));
    for (const edge of flow.edges) {
      if (edge.sourceHandle !== 'r' || edge.targetHandle !== 'l') continue;
      const from = at.get(edge.source);
      const to = at.get(edge.target);
      if (from === undefined || to === undefined) continue;
      const reach = bulge(from + SIZES.card.width, to);
      left = Math.min(left, reach.left);
      right = Math.max(right, reach.right);
    }
  }
  return left === Infinity
    ? boundsOf(positions.values())
    : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * How far an edge from a right-side handle at `from` into a left-side handle
 * at `to` reaches across: React Flow's bezier puts each control point
 * 0.25 × 25 × √(from − to) past its end when the target lies to the left
 * (getBezierPath's curvature), so the curve bulges out past both cards.
 * Read off the curve at a few points; forward edges stay between their ends.
 */
export function bulge(from: number, to: number): { left: number; right: number } {
  if (to >= from) return { left: from, right: to };
  const c = 0.25 * 25 * Math.sqrt(from - to);
  const [p0, p1, p2, p3] = [from, from + c, to - c, to];
  let [left, right] = [to, from];
  for (let i = 1; i < 32; i++) {
    const t = i / 32;
    const u = 1 - t;
    const x = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    [left, right] = [Math.min(left, x), Math.max(right, x)];
  }
  return { left, right };
}

/**
 * The cards a satellite (a handle, an IRP, a reference) stands beside at any
 * step of a history: in a card's lane, just right of it, or hung below a
 * card without a lane (toFlow.ts, satelliteAt). The others never need that
 * room (presenter mode leaves it out, stageFit.ts). A history too long to
 * walk counts every card.
 */
export function lanesUsed(
  worlds: readonly World[],
  positions: ReadonlyMap<string, Point>,
): { readonly lane: Set<string>; readonly below: Set<string> } {
  if (worlds.length * Math.max(1, positions.size) > WALK_AT_MOST)
    return { lane: new Set(positions.keys()), below: new Set(positions.keys()) };
  const cards = [...positions];
  const sat = SIZES.satellite;
  // In the lane: just right of the card, from its top down one place.
  const inLane = (x: number, y: number) =>
    cards.find(([, p]) => x === p.x + SIZES.card.width + 8 && y >= p.y && y < p.y + PLACE.pitch)?.[0];
  // Below a card without a lane: two to a row, from under the card down to the next row.
  const hungBelow = (x: number, y: number) =>
    cards.find(
      ([, p]) =>
        (x === p.x || x === p.x + sat.width + sat.gap) &&
        y >= p.y + SIZES.card.height + 30 &&
        y < p.y + PLACE.band,
    )?.[0];
  const used = { lane: new Set<string>(), below: new Set<string>() };
  for (const world of worlds) {
    for (const node of toFlow({ world, positions, selected: null, highlight: [] }).nodes) {
      if (sizeOf(node) === SIZES.card || node.type === 'frame') continue;
      const { x, y } = node.position;
      const lane = inLane(x, y);
      const below = lane === undefined ? hungBelow(x, y) : undefined;
      if (lane !== undefined) used.lane.add(lane);
      if (below !== undefined) used.below.add(below);
    }
  }
  return used;
}
