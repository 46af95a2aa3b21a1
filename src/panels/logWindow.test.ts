import { describe, expect, it } from 'vitest';
import { logWindow } from './logWindow';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('logWindow: the rows of the event log that are drawn', () => {
  const heights = Array.from({ length: 1000 }, (_, i) => 20 + (i % 7) * 10);

  it('draws the rows in view and the overscan, whatever the history', () => {
    const d = logWindow(heights, 5000, 400, 3);
    const shown = d.rows.map((r) => r.index);
    expect(shown.length).toBeLessThan(30);
    // Contiguous, and the gaps plus the drawn rows are the whole height: the scroll bar stays true.
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, k) => shown[0]! + k));
    expect(sum(d.rows.map((r) => r.gapBefore + heights[r.index]!)) + d.gapAfter).toBe(sum(heights));
    // The view is covered: the drawn rows start above its top and end below its bottom.
    const top = sum(heights.slice(0, shown[0]));
    const bottom = sum(heights.slice(0, shown.at(-1)! + 1));
    expect(top).toBeLessThanOrEqual(5000);
    expect(bottom).toBeGreaterThanOrEqual(5400);
  });

  it('always draws the rows kept (the current step), with a gap before it', () => {
    const d = logWindow(heights, 0, 400, 2, [900]);
    const last = d.rows.at(-1)!;
    expect(last.index).toBe(900);
    expect(last.gapBefore).toBe(sum(heights.slice(d.rows.at(-2)!.index + 1, 900)));
    expect(d.gapAfter).toBe(sum(heights.slice(901)));
  });

  it('draws a short history whole, and nothing of an empty one', () => {
    expect(logWindow([30, 30, 30], 0, 400, 2).rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(logWindow([], 0, 400, 2)).toEqual({ rows: [], gapAfter: 0 });
  });

  it('at the bottom of a long history, draws its last rows', () => {
    const total = sum(heights);
    const d = logWindow(heights, total - 300, 300, 0);
    expect(d.rows.at(-1)!.index).toBe(999);
    expect(d.gapAfter).toBe(0);
  });
});
