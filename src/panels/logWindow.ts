/**
 * Which rows of the event log are drawn (the log is virtualised: the page does not grow with
 * the history). Rows have their own heights (a step's events wrap, some have narration): the
 * measured height where a row was drawn before, else an estimate. Drawn: the rows in view and
 * `overscan` more on each side (so Tab and the wheel find the next row already there), and
 * always the rows in `keep` (the current step, which the log follows); the rows between are
 * gaps of their summed height, so the scroll bar and every position stay true.
 */
export interface Drawn {
  /** The rows drawn, in order, each with the height of the rows left out just above it. */
  readonly rows: readonly { readonly index: number; readonly gapBefore: number }[];
  /** The height of the rows left out after the last one drawn. */
  readonly gapAfter: number;
}

export function logWindow(
  heights: readonly number[],
  top: number,
  view: number,
  overscan: number,
  keep: readonly number[] = [],
): Drawn {
  const n = heights.length;
  const offsets = new Array<number>(n + 1);
  offsets[0] = 0;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  // The first row whose bottom is below the top of the view, the last whose top is above its bottom.
  let first = 0;
  while (first < n - 1 && offsets[first + 1]! <= top) first++;
  let last = first;
  while (last < n - 1 && offsets[last + 1]! < top + view) last++;
  const from = Math.max(0, first - overscan);
  const to = Math.min(n - 1, last + overscan);
  const indices = new Set<number>();
  for (let i = from; i <= to; i++) indices.add(i);
  for (const k of keep) if (k >= 0 && k < n) indices.add(k);
  const sorted = [...indices].sort((a, b) => a - b);
  let end = 0;
  const rows = sorted.map((index) => {
    const gapBefore = offsets[index]! - end;
    end = offsets[index + 1]!;
    return { index, gapBefore };
  });
  return { rows, gapAfter: offsets[n]! - end };
}

/** A row's height before it was ever drawn: the step's line, its narration, its events. */
export function estimatedHeight(events: number, narrated: boolean): number {
  return 28 + (narrated ? 18 : 0) + events * 20;
}
