import { SIZES, type Point } from '../store/layout';

/** A node's box in flow coordinates (the coordinates of React Flow's viewport). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What React Flow knows of a node (a subset of its InternalNode). */
export interface MeasuredNode {
  readonly measured: { readonly width?: number; readonly height?: number };
  readonly width?: number;
  readonly height?: number;
  readonly internals: { readonly positionAbsolute: Point };
}

/**
 * Where a node is: React Flow's own measure when the node is drawn; else its
 * place in the session's layout (a device the step just deleted is gone from
 * the graph, but the animation still shows what happened where it stood).
 */
export function rectOf(
  id: string,
  drawn: (id: string) => MeasuredNode | undefined,
  layout: ReadonlyMap<string, Point>,
): Rect | null {
  const n = drawn(id);
  if (n) {
    return {
      ...n.internals.positionAbsolute,
      width: n.measured.width ?? n.width ?? SIZES.card.width,
      height: n.measured.height ?? n.height ?? SIZES.card.height,
    };
  }
  const p = layout.get(id);
  return p ? { ...p, width: SIZES.card.width, height: SIZES.card.height } : null;
}

export function centreOf(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** A point on a card's top or bottom edge, and on which side of it a token stands. */
export interface EdgePoint extends Point {
  readonly side: 'above' | 'below';
}

/**
 * Where a token's hop starts and ends: from the edge of one card that faces
 * the next to the edge of the next that faces it (down a stack: bottom to
 * top; up: top to bottom), so that it crosses neither card; within a row,
 * or resting on one card, along the top edges.
 */
export function hopPath(a: Rect, b: Rect): { from: EdgePoint; to: EdgePoint } {
  const ca = centreOf(a);
  const cb = centreOf(b);
  const top = (r: Rect, c: Point): EdgePoint => ({ x: c.x, y: r.y, side: 'above' });
  const bottom = (r: Rect, c: Point): EdgePoint => ({ x: c.x, y: r.y + r.height, side: 'below' });
  if (b.y >= a.y + a.height) return { from: bottom(a, ca), to: top(b, cb) };
  if (a.y >= b.y + b.height) return { from: top(a, ca), to: bottom(b, cb) };
  return { from: top(a, ca), to: top(b, cb) };
}
