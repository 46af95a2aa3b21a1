import { describe, expect, it } from 'vitest';
import { fitStage, questionBandHeight, questionBelow } from './stageFit';

const opts = { padding: 0, maxZoom: 3 };

describe('presenter mode’s fit', () => {
  it('shows the content as large as the stage allows, centred', () => {
    const f = fitStage({ width: 1000, height: 500 }, { x: 100, y: 50, width: 400, height: 100 }, opts);
    expect(f.zoom).toBe(2.5);
    // Centred: 1000 wide, the content 1000 drawn; 500 high, the content 250 drawn.
    expect(f.x).toBe(-250);
    expect(f.y).toBe(125 - 125);
  });

  it('never goes past the largest zoom', () => {
    expect(fitStage({ width: 1000, height: 1000 }, { x: 0, y: 0, width: 10, height: 10 }, opts).zoom).toBe(3);
  });

  it('keeps clear of the corner: below it or left of it, whichever draws larger', () => {
    const corner = { width: 120, height: 40 };
    // Wide content fills the width: it moves below the corner.
    const wide = fitStage(
      { width: 1000, height: 600 },
      { x: 0, y: 0, width: 1000, height: 560 },
      { ...opts, corner },
    );
    expect(wide.zoom).toBeCloseTo(1);
    expect(wide.y).toBeGreaterThanOrEqual(40);
    // Tall content fills the height: it moves left of the corner.
    const tall = fitStage(
      { width: 1000, height: 600 },
      { x: 0, y: 0, width: 900, height: 600 },
      { ...opts, corner },
    );
    expect(tall.x + 900 * tall.zoom).toBeLessThanOrEqual(1000 - 120 + 1e-9);
    // Content that leaves the corner free anyway keeps the whole stage.
    const small = fitStage(
      { width: 1000, height: 600 },
      { x: 0, y: 0, width: 500, height: 600 },
      { ...opts, corner },
    );
    expect(small.zoom).toBe(1);
  });
});

describe('where an open question stands', () => {
  const stage = { width: 1000, height: 630 };
  const room = { column: 307, band: 216 };
  it('below a wide graph, which it would shrink beside', () => {
    expect(questionBelow(stage, 3.2, room)).toBe(true);
  });
  it('beside a tall or square graph, and on a near tie', () => {
    expect(questionBelow(stage, 1, room)).toBe(false);
    expect(questionBelow(stage, 1.55, room)).toBe(false);
  });
  it('beside when there is nothing to measure yet', () => {
    expect(questionBelow({ width: 0, height: 0 }, 3, room)).toBe(false);
    expect(questionBelow(stage, 0, room)).toBe(false);
  });
});

describe('a question band’s height, estimated', () => {
  const ask = {
    question: 'Toaster has no device object left. Does its Unload run?',
    choices: ['Yes: its last device is gone', 'No: the registration still holds it'],
  };
  it('a short question with two short choices takes about five lines of the floor', () => {
    const h = questionBandHeight({ say: 'The toaster is removed in order.', ...ask }, 1008, 18);
    expect(h).toBeGreaterThan(4 * 18);
    expect(h).toBeLessThan(9 * 18);
  });
  it('grows with the setup’s lines, shrinks on a wider screen, grows with the floor', () => {
    const long = { say: 'The user asks again. '.repeat(20), ...ask };
    const short = questionBandHeight({ say: 'The user asks again.', ...ask }, 1008, 18);
    expect(questionBandHeight(long, 1008, 18)).toBeGreaterThan(short + 3 * 18);
    expect(questionBandHeight(long, 1900, 18)).toBeLessThan(questionBandHeight(long, 1008, 18));
    expect(questionBandHeight(long, 1008, 24)).toBeGreaterThan(questionBandHeight(long, 1008, 18));
  });
  it('puts choices that do not fit side by side in more rows', () => {
    const four = { ...ask, choices: ['a '.repeat(20), 'b', 'c', 'd'] };
    // 14rem cells: four side by side at 1008 px, two rows at 500 px.
    expect(questionBandHeight(four, 500, 18)).toBeGreaterThan(questionBandHeight(four, 1008, 18));
  });
});
