import type { NodeHandle, Position } from '@xyflow/react';

/**
 * Where edges attach to a card or chip, as React Flow would measure them on a
 * card of the layout's size: declared on a node not measured yet, so React
 * Flow can draw its edges and keep it out of the page while it is out of view
 * (a node without handle bounds is mounted whatever the culling, only to be
 * measured: all 5,000 of `?generate=5000`). Once a node is in view React Flow
 * measures it and its real handles win (a card taller than 80 px moves its
 * bottom, right and left handles with it).
 *
 * Pure data (no React Flow runtime): toFlow runs in the still first view too.
 * The geometry is React Flow's stylesheet: a 6×6 px handle centred on its side
 * (`translate(±50%, ±50%)`), placed in the node's box; `r` sits at 75 % of the
 * height (Card.tsx). Checked against the measured ones in e2e/handles.spec.ts.
 */
const SIZE = 6;
const HALF = SIZE / 2;

type Side = 'top' | 'bottom' | 'left' | 'right';

/** Each handle a card may draw (Card.tsx's HANDLES): its type, side and where along the side (0–1). */
export const CARD_HANDLES = {
  /** Owner and stack edges come in at the top. */
  t: { type: 'target', side: 'top', at: 0.5 },
  /** A dependency comes in at the left (SVR5). */
  l: { type: 'target', side: 'left', at: 0.5 },
  /** Satellites in a card's lane come in at its right. */
  sat: { type: 'target', side: 'right', at: 0.5 },
  /** Ownership and attachment go out at the bottom. */
  b: { type: 'source', side: 'bottom', at: 0.5 },
  /** Satellites below a card without a lane come in at its bottom. */
  bt: { type: 'target', side: 'bottom', at: 0.5 },
  /** A dependency goes out at the right (SVR5). */
  r: { type: 'source', side: 'right', at: 0.75 },
} as const satisfies Record<string, { type: 'source' | 'target'; side: Side; at: number }>;

export type HandleId = keyof typeof CARD_HANDLES;

function place(
  id: string | null,
  type: 'source' | 'target',
  side: Side,
  at: number,
  width: number,
  height: number,
): NodeHandle {
  const across = side === 'top' || side === 'bottom' ? width * at : height * at;
  const x = side === 'left' ? 0 : side === 'right' ? width : across;
  const y = side === 'top' ? 0 : side === 'bottom' ? height : across;
  return {
    ...(id === null ? {} : { id }),
    type,
    position: side as Position,
    x: x - HALF,
    y: y - HALF,
    width: SIZE,
    height: SIZE,
  };
}

/**
 * Every handle a card may draw, at a `width`×`height` card. A card draws only
 * those its edges use, and every edge to a card names its handle, so the
 * ones it does not draw are never looked up.
 */
export function cardHandles(width: number, height: number): NodeHandle[] {
  return Object.entries(CARD_HANDLES).map(([id, h]) => place(id, h.type, h.side, h.at, width, height));
}

/** A chip's one handle: its edge to its anchor leaves at its left, half way down. */
export function chipHandles(width: number, height: number): NodeHandle[] {
  return [place(null, 'source', 'left', 0.5, width, height)];
}
