import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The app benchmark's figures: raw samples kept in the JSON, summarised into rows for the tables. */

/** The app, bare React Flow, and optionally the app as it was before (BENCH_BEFORE). */
export type Target = 'app' | 'bare' | 'before';

export interface Sample {
  readonly load: number;
  readonly pan: number;
  readonly click: readonly number[];
  readonly create?: readonly number[];
  readonly elements?: number;
}

export interface Report {
  readonly date: string;
  readonly machine: Record<string, unknown>;
  readonly rounds: number;
  readonly samples: Record<number, Partial<Record<Target, Sample[]>>>;
  readonly layout: Record<number, { whole: number; extend: number }>;
  readonly layoutBefore?: Record<number, { whole: number; extend: number }>;
  readonly heapMbAfter10kSteps: number;
  readonly heapMbAfter10kStepsBefore?: number;
  /** The burst the heap is measured after: how many steps ran (10,000 unless a minute ran out), in how long. */
  readonly burst?: Burst;
  readonly burstBefore?: Burst;
  readonly initialJsGzipKb: { total: number; files: Record<string, number> };
  readonly initialJsGzipKbBefore?: { total: number; files: Record<string, number> };
}

export interface Burst {
  readonly mb: number;
  readonly steps: number;
  readonly seconds: number;
}

export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export interface Row {
  readonly objects: number;
  readonly load: { app: number; bare: number };
  readonly pan: { app: number; bare: number; ratio: number };
  readonly click: { app: { median: number; p95: number }; bare: { median: number; p95: number } };
  readonly create: { app: { median: number; p95: number }; bare: { median: number; p95: number } };
  readonly elements: { app: number; bare: number };
  readonly layout: { whole: number; extend: number };
}

/** Rows of the app (or of `target`, the app before) against bare React Flow. */
export function rowsOf(r: Report, target: 'app' | 'before' = 'app'): Row[] {
  return Object.keys(r.samples)
    .map(Number)
    .sort((a, b) => a - b)
    .map((n) => {
      const a = r.samples[n]?.[target] ?? [];
      const b = r.samples[n]?.bare ?? [];
      const m = (s: Sample[], f: (x: Sample) => number) => median(s.map(f));
      const dist = (s: Sample[], f: (x: Sample) => readonly number[]) => {
        const all = s.flatMap(f);
        return { median: round(median(all), 0), p95: round(p95(all), 0) };
      };
      const pan = { app: m(a, (x) => x.pan), bare: m(b, (x) => x.pan) };
      const layout = (target === 'app' ? r.layout : r.layoutBefore)?.[n] ?? { whole: NaN, extend: NaN };
      return {
        objects: n,
        load: {
          app: round(
            m(a, (x) => x.load),
            0,
          ),
          bare: round(
            m(b, (x) => x.load),
            0,
          ),
        },
        pan: { app: round(pan.app), bare: round(pan.bare), ratio: round(pan.app / pan.bare) },
        click: { app: dist(a, (x) => x.click), bare: dist(b, (x) => x.click) },
        create: { app: dist(a, (x) => x.create ?? []), bare: dist(b, (x) => x.create ?? []) },
        elements: { app: m(a, (x) => x.elements ?? NaN), bare: m(b, (x) => x.elements ?? NaN) },
        layout: { whole: round(layout.whole, 1), extend: round(layout.extend, 1) },
      };
    });
}

export function printReport(r: Report): void {
  console.log(
    '| objects | load app / bare (ms) | pan ms/frame app / bare (ratio) | click→paint app median / p95 | bare | create→paint app median / p95 | bare | graph elements app / bare | layout whole / +1 device (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const x of rowsOf(r))
    console.log(
      `| ${x.objects} | ${x.load.app} / ${x.load.bare} | ${x.pan.app} / ${x.pan.bare} (${x.pan.ratio}×) | ${x.click.app.median} / ${x.click.app.p95} | ${x.click.bare.median} / ${x.click.bare.p95} | ${x.create.app.median} / ${x.create.app.p95} | ${x.create.bare.median} / ${x.create.bare.p95} | ${x.elements.app} / ${x.elements.bare} | ${x.layout.whole} / ${x.layout.extend} |`,
    );
  console.log(`\nJS heap after 10,000 steps: ${r.heapMbAfter10kSteps} MB`);
  if (r.burst) console.log(`The burst: ${r.burst.steps} steps in ${r.burst.seconds} s`);
  console.log(`Initial JavaScript, gzip: ${r.initialJsGzipKb.total} KB`);
}

/**
 * gzip KB of the scripts index.html loads first, in the build at `dist`: its entry scripts and the
 * modules it preloads (not what it only prefetches for later, nor what loads on demand).
 */
export function initialJsKb(dist = 'dist'): { total: number; files: Record<string, number> } {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const files: Record<string, number> = {};
  const first = [
    ...html.matchAll(/<script type="module"[^>]*src="\.?\/(assets\/[^"]+\.js)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/(assets\/[^"]+\.js)"/g),
  ];
  for (const m of first) {
    const f = m[1] ?? '';
    files[f] = round(gzipSync(readFileSync(`${dist}/${f}`)).length / 1024, 1);
  }
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return { total: round(total, 1), files };
}
