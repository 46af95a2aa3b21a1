import { describe, expect, it } from 'vitest';
import { SIZES } from '../store/layout';
import { centreOf, hopPath, rectOf, type MeasuredNode } from './geometry';

const node: MeasuredNode = {
  measured: { width: 92, height: 24 },
  internals: { positionAbsolute: { x: 10, y: 20 } },
};
const layout = new Map([['device:Gone', { x: 100, y: 200 }]]);
const drawn = (id: string) => (id === 'handle:h1' ? node : undefined);

describe('rectOf', () => {
  it('uses React Flow’s measure for a drawn node', () => {
    expect(rectOf('handle:h1', drawn, layout)).toEqual({ x: 10, y: 20, width: 92, height: 24 });
  });

  it('falls back to the session layout for a node the step removed', () => {
    expect(rectOf('device:Gone', drawn, layout)).toEqual({
      x: 100,
      y: 200,
      width: SIZES.card.width,
      height: SIZES.card.height,
    });
  });

  it('gives nothing for a node it cannot place', () => {
    expect(rectOf('irp:never', drawn, layout)).toBeNull();
  });
});

describe('centreOf', () => {
  it('is the middle of the box', () => {
    expect(centreOf({ x: 0, y: 10, width: 100, height: 40 })).toEqual({ x: 50, y: 30 });
  });
});

describe('hopPath', () => {
  const upper = { x: 0, y: 0, width: 100, height: 40 };
  const lower = { x: 20, y: 80, width: 100, height: 40 };
  it('goes down a stack from the bottom edge to the next card’s top edge, outside both', () => {
    expect(hopPath(upper, lower)).toEqual({
      from: { x: 50, y: 40, side: 'below' },
      to: { x: 70, y: 80, side: 'above' },
    });
  });
  it('goes up from the top edge to the bottom edge of the card above', () => {
    expect(hopPath(lower, upper)).toEqual({
      from: { x: 70, y: 80, side: 'above' },
      to: { x: 50, y: 40, side: 'below' },
    });
  });
  it('within a row, and resting on one card, stands above the cards', () => {
    const beside = { x: 200, y: 10, width: 100, height: 40 };
    expect(hopPath(upper, beside).to).toEqual({ x: 250, y: 10, side: 'above' });
    expect(hopPath(upper, upper)).toEqual({
      from: { x: 50, y: 0, side: 'above' },
      to: { x: 50, y: 0, side: 'above' },
    });
  });
});
