import { describe, expect, it } from 'vitest';
import { fitStage, questionBandHeight, questionBelow, shapeForStage } from './stageFit';

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

describe('presenter mode’s picture for its stage', () => {
  // As layout.ts places them: first-row cards at y 0, columns from y 160, each column 192 + a lane of
  // 100 + a gap of 20 wide.
  const card = { width: 192, height: 80 };
  const opts = { scale: 1.5, card, lane: 100, chip: 92, gap: 20, below: 0, lift: 0 };
  const place = (columns: number, depth = 2) => {
    const positions = new Map<string, { x: number; y: number }>();
    const tops = new Set<string>();
    for (let c = 0; c < columns; c++) {
      positions.set(`top${c}`, { x: c * 312, y: 0 });
      tops.add(`top${c}`);
      for (let d = 0; d < depth; d++) positions.set(`col${c}.${d}`, { x: c * 312, y: 160 + d * 106 });
    }
    return { positions, tops };
  };
  const overlaps = (m: ReadonlyMap<string, { x: number; y: number }>, room = 0) => {
    const boxes = [...m.values()];
    return boxes.some((a, i) =>
      boxes.some(
        (b, j) =>
          j > i &&
          a.x < b.x + card.width + room &&
          b.x < a.x + card.width + room &&
          a.y < b.y + card.height &&
          b.y < a.y + card.height,
      ),
    );
  };
  const width = (m: ReadonlyMap<string, { x: number; y: number }>) =>
    Math.max(...[...m.values()].map((p) => p.x + card.width)) - Math.min(...[...m.values()].map((p) => p.x));

  it('gives back the room of a lane no satellite ever takes, and widens a used one by the chips’ growth', () => {
    const { positions, tops } = place(3);
    const shaped = shapeForStage(
      { positions, tops, laned: new Set(['col1.0']), hung: false },
      { ...opts, ratio: 10 },
    );
    // Column 0 has no lane: column 1 starts after a card, the frames' room and the gap.
    expect(shaped.get('col1.0')?.x).toBe(192 + 20 + 20);
    // Column 1's lane is used: 100, and half a chip more at 150 % (the presenter's chips are larger).
    expect(shaped.get('col2.0')?.x).toBe(232 + 192 + 100 + 46 + 20);
    // A first-row card follows its column and never overlaps its neighbour.
    expect(shaped.get('top1')?.x).toBe(232);
    expect(shaped.get('top2')?.x).toBe(shaped.get('col2.0')?.x);
    expect(overlaps(shaped)).toBe(false);
    // The order is kept: nothing swaps places.
    expect(shaped.get('col0.1')).toEqual({ x: 0, y: 266 });
  });

  it('stands a column’s cards closer when asked (the presenter’s shorter cards), the order and columns kept', () => {
    const { positions, tops } = place(2, 3);
    const rows = { band: 160, from: 106, pitch: 96 };
    const shaped = shapeForStage(
      { positions, tops, laned: new Set(), hung: false },
      { ...opts, ratio: 10, lift: 22, rows },
    );
    // Card i of a column: up by the lift and i × (106 − 96); the first row stays.
    expect([0, 1, 2].map((d) => shaped.get(`col0.${d}`)?.y)).toEqual([138, 234, 330]);
    expect(shaped.get('top0')?.y).toBe(0);
    // Never farther apart than the layout's pitch: a larger `pitch` changes nothing.
    const same = shapeForStage(
      { positions, tops, laned: new Set(), hung: false },
      { ...opts, ratio: 10, rows: { ...rows, pitch: 120 } },
    );
    expect(same.get('col0.2')?.y).toBe(372);
    expect(overlaps(shaped)).toBe(false);
  });

  it('stands columns without a lane `apart` from the next, a laned one its lane and a gap', () => {
    const { positions, tops } = place(3);
    const shaped = shapeForStage(
      { positions, tops, laned: new Set(['col1.0']), hung: false },
      { ...opts, ratio: 10, apart: 28 },
    );
    expect(shaped.get('col1.0')?.x).toBe(192 + 28);
    expect(shaped.get('col2.0')?.x).toBe(220 + 192 + 146 + 20);
    expect(overlaps(shaped)).toBe(false);
  });

  it('keeps one band on a wide stage', () => {
    const { positions, tops } = place(5);
    const shaped = shapeForStage({ positions, tops, laned: new Set(), hung: false }, { ...opts, ratio: 3 });
    expect(new Set([...shaped.values()].map((p) => p.y))).toEqual(new Set([0, 160, 266]));
  });

  it('on a 4:3 stage stands the columns right of a cut in a second band, drawn larger, nothing overlapping', () => {
    const { positions, tops } = place(5, 1);
    const laned = new Set<string>();
    const one = shapeForStage({ positions, tops, laned, hung: false }, { ...opts, ratio: 100 });
    const two = shapeForStage({ positions, tops, laned, hung: false }, { ...opts, ratio: 4 / 3 });
    expect(Math.max(...[...two.values()].map((p) => p.y))).toBeGreaterThan(240);
    expect(width(two)).toBeLessThan(width(one));
    expect(overlaps(two, 20)).toBe(false);
    // Each column stays under its first-row card.
    for (let c = 0; c < 5; c++) expect(two.get(`col${c}.0`)?.x).toBe(two.get(`top${c}`)?.x);
    // Drawn larger on that stage: the smaller of width and height ratios grows.
    const size = (m: ReadonlyMap<string, { x: number; y: number }>) => {
      const h = Math.max(...[...m.values()].map((p) => p.y + card.height));
      return Math.min(4 / 3 / width(m), 1 / h);
    };
    expect(size(two)).toBeGreaterThan(size(one));
  });

  it('never cuts under a first-row card that spans two columns', () => {
    const { positions, tops } = place(4, 1);
    // top1 stands between columns 1 and 2 (centred over both, as layout.ts places a driver of two).
    positions.set('top1', { x: 312 + 156, y: 0 });
    positions.delete('top2');
    tops.delete('top2');
    const two = shapeForStage({ positions, tops, laned: new Set(), hung: false }, { ...opts, ratio: 1 });
    // In the second band, a first-row card stands lower than 0 and a column's card lower than 160.
    const bandOf = (id: string) => ((two.get(id)?.y ?? 0) > (id.startsWith('top') ? 0 : 160) ? 2 : 1);
    // It does wrap (the stage is square), just not under top1.
    expect(new Set([0, 1, 2, 3].map((c) => bandOf(`col${c}.0`))).size).toBe(2);
    // Both columns it stands over are in its band.
    expect(bandOf('col1.0')).toBe(bandOf('top1'));
    expect(bandOf('col2.0')).toBe(bandOf('top1'));
  });
});
