import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The app benchmark's figures: raw samples kept in the JSON, summarised into rows for the tables. */

/**
 * The app; the fair peer (bare React Flow with the app's view, zoom limits, pane size and culling);
 * the old bare baseline (the whole window, every element drawn); optionally the app as it was
 * before (BENCH_BEFORE).
 */
export type Target = 'app' | 'fair' | 'bare' | 'before';

/** Frames while an animation plays with the view still (bench/browser.ts `smoothness`). */
export interface Frames {
  readonly fps: number;
  readonly p95: number;
  readonly dropped: number;
  readonly longTasks: number;
  readonly ms: number;
}

/** An IRP, a PnP removal and a surprise removal, each watched from its click to its animation's end. */
export interface Smooth {
  readonly irp: Frames;
  readonly removal: Frames;
  readonly surprise: Frames;
}

export interface Sample {
  readonly load: number;
  readonly pan: number;
  readonly click: readonly number[];
  readonly create?: readonly number[];
  readonly elements?: number;
  /** The app (and the app before) only: animations with the view still. */
  readonly still?: Smooth;
}

export interface Report {
  readonly date: string;
  readonly machine: Record<string, unknown>;
  readonly rounds: number;
  /** The app's graph pane, given to the fair peer. */
  readonly pane?: { width: number; height: number };
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

interface Dist {
  readonly median: number;
  readonly p95: number;
}

export interface Row {
  readonly objects: number;
  readonly load: { app: number; bare: number; fair: number; ratio: number };
  readonly pan: { app: number; bare: number; ratio: number; fair: number; fairRatio: number };
  /** Medians over the rounds of each animation's figures (null when not measured). */
  readonly still: Record<keyof Smooth, Frames> | null;
  readonly click: { app: Dist; bare: Dist; fair: Dist };
  readonly create: { app: Dist; bare: Dist; fair: Dist };
  readonly elements: { app: number; bare: number; fair: number };
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
      const f = r.samples[n]?.fair ?? [];
      const m = (s: Sample[], f: (x: Sample) => number) => median(s.map(f));
      const dist = (s: Sample[], f: (x: Sample) => readonly number[]) => {
        const all = s.flatMap(f);
        return { median: round(median(all), 0), p95: round(p95(all), 0) };
      };
      const pan = { app: m(a, (x) => x.pan), bare: m(b, (x) => x.pan), fair: m(f, (x) => x.pan) };
      const load = { app: m(a, (x) => x.load), bare: m(b, (x) => x.load), fair: m(f, (x) => x.load) };
      const withStill = a.filter((x) => x.still);
      const frames = (k: keyof Smooth): Frames => {
        const of = (g: (x: Frames) => number) =>
          round(
            m(withStill, (x) => (x.still ? g(x.still[k]) : NaN)),
            1,
          );
        return {
          fps: of((x) => x.fps),
          p95: of((x) => x.p95),
          dropped: of((x) => x.dropped),
          longTasks: of((x) => x.longTasks),
          ms: of((x) => x.ms),
        };
      };
      const layout = (target === 'app' ? r.layout : r.layoutBefore)?.[n] ?? { whole: NaN, extend: NaN };
      return {
        objects: n,
        load: {
          app: round(load.app, 0),
          bare: round(load.bare, 0),
          fair: round(load.fair, 0),
          ratio: round(load.app / load.fair),
        },
        pan: {
          app: round(pan.app),
          bare: round(pan.bare),
          ratio: round(pan.app / pan.bare),
          fair: round(pan.fair),
          fairRatio: round(pan.app / pan.fair),
        },
        still: withStill.length
          ? { irp: frames('irp'), removal: frames('removal'), surprise: frames('surprise') }
          : null,
        click: { app: dist(a, (x) => x.click), bare: dist(b, (x) => x.click), fair: dist(f, (x) => x.click) },
        create: {
          app: dist(a, (x) => x.create ?? []),
          bare: dist(b, (x) => x.create ?? []),
          fair: dist(f, (x) => x.create ?? []),
        },
        elements: {
          app: m(a, (x) => x.elements ?? NaN),
          bare: m(b, (x) => x.elements ?? NaN),
          fair: m(f, (x) => x.elements ?? NaN),
        },
        layout: { whole: round(layout.whole, 1), extend: round(layout.extend, 1) },
      };
    });
}

/** 'fps / p95 ms / dropped per s / long tasks per s' of one animation. */
export const framesText = (f: Frames | undefined) =>
  f ? `${f.fps} / ${f.p95} / ${f.dropped} / ${f.longTasks}` : '–';

export function printReport(r: Report): void {
  console.log(
    '| objects | load app / fair / old bare (ms) | pan ms/frame app / fair (ratio) | old bare (ratio) | click→paint app median / p95 | fair | create→paint app median / p95 | fair | graph elements app / fair / old bare | layout whole / +1 device (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const x of rowsOf(r))
    console.log(
      `| ${x.objects} | ${x.load.app} / ${x.load.fair} / ${x.load.bare} (${x.load.ratio}×) | ${x.pan.app} / ${x.pan.fair} (${x.pan.fairRatio}×) | ${x.pan.bare} (${x.pan.ratio}×) | ${x.click.app.median} / ${x.click.app.p95} | ${x.click.fair.median} / ${x.click.fair.p95} | ${x.create.app.median} / ${x.create.app.p95} | ${x.create.fair.median} / ${x.create.fair.p95} | ${x.elements.app} / ${x.elements.fair} / ${x.elements.bare} | ${x.layout.whole} / ${x.layout.extend} |`,
    );
  console.log(
    '\nWith the view still, fps / p95 frame interval ms / dropped frames per s / long tasks per s:\n',
  );
  console.log('| objects | IRP | PnP removal | surprise removal |');
  console.log('|---|---|---|---|');
  for (const x of rowsOf(r))
    console.log(
      `| ${x.objects} | ${framesText(x.still?.irp)} | ${framesText(x.still?.removal)} | ${framesText(x.still?.surprise)} |`,
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
