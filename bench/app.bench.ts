/**
 * npm run bench — the app against bare React Flow with the same geometry, in
 * one run, interleaved and repeated. Two baselines: the fair peer ('fair':
 * bare React Flow with the app's view, zoom limits, pane size and culling,
 * bench/bare/main.tsx) and the old one ('bare': the whole window, every
 * element drawn). Load (navigation start → live graph painted, on the page's
 * own clock), smoothness with the view still while an IRP, a PnP removal and
 * a surprise removal animate (fps, p95 frame interval, dropped frames/s, long
 * tasks/s; the app only), pan (main-thread ms per frame,
 * with IRPs animating in the app), click → painted ('Open a handle'),
 * 'Create device' → painted, elements in the graph, layout (whole history,
 * and one more device), heap after 10,000 steps, and the size of the first
 * load. Written to docs/benchmarks-app.json (or BENCH_OUT) with machine and
 * date; `tsx bench/compare.ts before.json after.json` prints the two side by
 * side for docs/benchmarks.md. Reported, never asserted (frame timing in
 * headless Chromium here means something only as a ratio to the baseline).
 *
 * Knobs: BENCH_SIZES (200,1000,5000,10000), BENCH_TARGETS (app,fair,bare), BENCH_ROUNDS (3), BENCH_OUT, BENCH_PORT (4501),
 * BENCH_BEFORE: the folder of an earlier checkout, built (`vite build`), measured as a third target in
 * the same rounds — on a shared machine the only fair before/after.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { format } from 'prettier';
import type * as Kernel from '../src/kernel';
import type * as Layouts from '../src/store/layout';
import type * as Generate from '../src/scenarios/generate';
import {
  clickToPaint,
  graphElements,
  heapMb,
  launch,
  markLiveGraph,
  panCost,
  serve,
  smoothness,
} from './browser';
import {
  initialJsKb,
  median,
  printReport,
  round,
  type Burst,
  type Report,
  type Sample,
  type Smooth,
  type Target,
} from './report';

const SIZES = (process.env.BENCH_SIZES ?? '200,1000,5000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OUT = process.env.BENCH_OUT ?? 'docs/benchmarks-app.json';
const BEFORE = process.env.BENCH_BEFORE ? resolve(process.env.BENCH_BEFORE) : null;
/** BENCH_TARGETS (app,fair,bare): which to measure; BENCH_BEFORE adds 'before'. */
const TARGETS: Target[] = [
  ...((process.env.BENCH_TARGETS ?? 'app,fair,bare').split(',') as Target[]),
  ...(BEFORE ? (['before'] as const) : []),
];

/** Opens `url`; the load is the page's own clock from navigation start to the live graph painted. */
async function open(page: Page, url: string): Promise<number> {
  // tsx names the functions it compiles (`__name(f, 'f')`): the page must know that helper too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(markLiveGraph);
  await page.goto(url, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __live: Promise<number> }).__live);
}

/** The animations watched with the view still (the app and the app before), each on a stack of its own. */
const ANIMATIONS: Record<keyof Smooth, { before?: string; act: string }> = {
  irp: { act: `unloadLens.run('sendIrp', { handle: 'h10', irp: 'smoothIrp' }, 'button')` },
  // An orderly removal of a stack whose handle was closed first (its query-remove succeeds).
  removal: {
    before: `unloadLens.run('closeHandle', { handle: 'h12' }, 'button')`,
    act: `unloadLens.run('requestRemove', { device: 'Pdo12' }, 'button')`,
  },
  surprise: { act: `unloadLens.run('surpriseRemove', { device: 'Pdo14' }, 'button')` },
};

/** Until the app's step animation is over (a minute at most). */
const settled = async (page: Page) => {
  await page.waitForTimeout(300);
  await page.waitForFunction(
    () =>
      (window as unknown as { unloadLens: { getState(): { animating: unknown } } }).unloadLens.getState()
        .animating === null,
    null,
    { timeout: 60_000 },
  );
};

async function smooth(page: Page): Promise<Smooth> {
  const out: { -readonly [K in keyof Smooth]?: Smooth[K] } = {};
  for (const [name, a] of Object.entries(ANIMATIONS) as [keyof Smooth, (typeof ANIMATIONS)['irp']][]) {
    if (a.before) {
      await page.evaluate(a.before);
      await settled(page);
    }
    out[name] = await smoothness(page, a.act);
    await settled(page);
  }
  return out as Smooth;
}

type Door = { unloadLens: { run(id: string, args: unknown, source?: string): unknown } };

/** The app's graph pane, in CSS pixels (the fair peer's pane is given the same size). */
let pane = { width: 0, height: 0 };

const bare = (t: Target) => t === 'bare' || t === 'fair';

async function sample(page: Page, target: Target, base: string, n: number): Promise<Sample> {
  const url =
    target === 'fair'
      ? `${base}?generate=${n}&fair=1&w=${pane.width}&h=${pane.height}`
      : `${base}?generate=${n}&bench=1`;
  const load = await open(page, url);
  const elements = await graphElements(page);
  // What a load leaves for later (chunks, saving the work, measuring cards) ends before the view moves:
  // the pan measures panning, every target alike.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
  // A machine too loaded to finish an animation in time loses that sample's smoothness, not the run.
  const still = bare(target)
    ? undefined
    : await smooth(page).catch((e: unknown) => void process.stderr.write(`smoothness: ${String(e)}\n`));
  // The app (and the app before) sends an IRP every 30 frames, so its animation plays while the view moves.
  const pan = await panCost(
    page,
    !bare(target)
      ? (k) =>
          (window as unknown as Door).unloadLens.run('sendIrp', { handle: 'h0', irp: `panIrp${k}` }, 'button')
      : undefined,
  );
  const click: number[] = [];
  const create: number[] = [];
  for (let i = 0; i < 7; i++) {
    if (bare(target)) {
      await page.evaluate(`window.__i = ${i}`);
      click.push(
        await clickToPaint(page, () => (window as unknown as { bareClick(i: number): void }).bareClick(1)),
      );
    } else {
      // "Open a handle" on a selected function device, as a person would click it.
      await page.evaluate(
        `window.unloadLens.execute('select', { ref: { kind: 'device', name: 'Fdo${i}' } })`,
      );
      await page.getByRole('button', { name: 'Open a handle', exact: true }).waitFor();
      click.push(
        await clickToPaint(page, () =>
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open a handle')?.click(),
        ),
      );
    }
  }
  for (let i = 0; i < 5; i++) {
    await page.evaluate(`window.__i = ${i}`);
    // A new card: the app's 'Create device' through its door (a new PDO of the bus driver), the baseline one more node.
    create.push(
      await clickToPaint(
        page,
        !bare(target)
          ? () => {
              const i = (window as unknown as { __i: number }).__i;
              (window as unknown as Door).unloadLens.run(
                'createDevice',
                { driver: 'Bus', device: `NewPdo${i}`, role: 'pdo' },
                'button',
              );
            }
          : () => {
              const w = window as unknown as { __i: number; bareAdd(i: number): void };
              w.bareAdd(w.__i);
            },
      ),
    );
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }
  return { load, pan, click, create, elements, ...(still ? { still } : {}) };
}

/**
 * 10,000 steps in one burst (a script driving the door, 500 steps a task), then the JS heap.
 * A target too slow to finish in a minute stops there: its figure says how far it got.
 */
async function heapAfterSteps(page: Page, base: string, steps: number): Promise<Burst> {
  await open(page, `${base}?generate=50&bench=1`);
  const t0 = performance.now();
  let done = 0;
  while (done < steps && performance.now() - t0 < 60_000) {
    await page.evaluate((count) => {
      const v = (window as unknown as Door).unloadLens;
      for (let i = 0; i < count / 2; i++) {
        v.run('openHandle', { device: 'Pdo0', handle: 'hb' });
        v.run('closeHandle', { handle: 'hb' });
      }
    }, 500);
    done += 500;
  }
  const ms = performance.now() - t0;
  return { mb: round(await heapMb(page), 1), steps: done, seconds: round(ms / 1000, 1) };
}

/** The whole history laid out at once (a load), and one more device after it (a click), in ms; `root` the checkout. */
async function layoutMs(root: string, n: number): Promise<{ whole: number; extend: number }> {
  const kernel = (await import(`${root}/src/kernel/index.ts`)) as typeof Kernel;
  const { extendLayout, layoutFor } = (await import(`${root}/src/store/layout.ts`)) as typeof Layouts;
  const { generatedScenario } = (await import(`${root}/src/scenarios/generate.ts`)) as typeof Generate;
  const parsed = kernel.parseScenario(generatedScenario(n));
  if (!parsed.ok) throw new Error('generated scenario invalid');
  const run = kernel.runScenario(parsed.scenario);
  const worlds = [run.initial, ...run.steps.map((s) => s.world)];
  const whole: number[] = [];
  const extend: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const layout = layoutFor(worlds);
    whole.push(performance.now() - t0);
    const next = kernel.step(run.world, {
      do: 'createDevice',
      driver: 'Bus',
      device: `New${i}`,
      role: 'pdo',
    }).world;
    const t1 = performance.now();
    extendLayout(layout, next);
    extend.push(performance.now() - t1);
  }
  return { whole: median(whole), extend: median(extend) };
}

/** One port for every target: each sample starts its target's server and stops it (BENCH_PORT, 4501). */
const PORT = Number(process.env.BENCH_PORT ?? 4501);
const serveTarget = (t: Target) =>
  bare(t)
    ? serve('bench/vite.config.ts', PORT)
    : serve(null, PORT, t === 'before' && BEFORE ? `${BEFORE}/dist` : undefined);

async function layouts(root: string): Promise<Record<number, { whole: number; extend: number }>> {
  const out: Record<number, { whole: number; extend: number }> = {};
  for (const n of SIZES) out[n] = await layoutMs(root, n);
  return out;
}

/** The size of the app's graph pane at the bench's viewport. */
async function paneOfApp(): Promise<{ width: number; height: number }> {
  const server = await serveTarget('app');
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await open(page, `${server.url}?generate=50&bench=1`);
    const box = await page.locator('.react-flow').first().boundingBox();
    await page.close();
    if (!box) throw new Error('the app drew no graph pane');
    return { width: Math.round(box.width), height: Math.round(box.height) };
  } finally {
    await server.stop();
  }
}

const VIEWPORT = { width: 1280, height: 720 };
const browser = await launch();
const results: Record<number, Partial<Record<Target, Sample[]>>> = {};
try {
  pane = await paneOfApp();
  process.stderr.write(`the app's graph pane: ${pane.width}×${pane.height}\n`);
  for (const n of SIZES) {
    const mine: Partial<Record<Target, Sample[]>> = {};
    results[n] = mine;
    for (let r = 0; r < ROUNDS; r++)
      // Each round in another order: the machine's other load falls on every target alike.
      for (const target of r % 2 ? [...TARGETS].reverse() : TARGETS) {
        const server = await serveTarget(target);
        try {
          const page = await browser.newPage({ viewport: VIEWPORT });
          (mine[target] ??= []).push(await sample(page, target, server.url, n));
          await page.close();
        } finally {
          await server.stop();
        }
        process.stderr.write(`${n} ${target} round ${r + 1}\n`);
        // The samples so far, in case a later one fails (a long run on a shared machine).
        writeFileSync(`${OUT}.partial`, JSON.stringify({ pane, samples: results }));
      }
  }
  const heapOf = async (t: Target) => {
    const server = await serveTarget(t);
    try {
      const page = await browser.newPage();
      const burst = await heapAfterSteps(page, server.url, 10_000);
      await page.close();
      return burst;
    } finally {
      await server.stop();
    }
  };
  const heap = await heapOf('app');
  const heapBefore = BEFORE ? await heapOf('before') : null;

  const report: Report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg()[0] },
    rounds: ROUNDS,
    pane,
    samples: results,
    layout: await layouts(resolve('.')),
    ...(BEFORE ? { layoutBefore: await layouts(BEFORE) } : {}),
    heapMbAfter10kSteps: heap.mb,
    burst: heap,
    ...(heapBefore === null ? {} : { heapMbAfter10kStepsBefore: heapBefore.mb, burstBefore: heapBefore }),
    initialJsGzipKb: initialJsKb(),
    ...(BEFORE ? { initialJsGzipKbBefore: initialJsKb(`${BEFORE}/dist`) } : {}),
  };
  // In the repository's own format (npm run lint checks docs/ too).
  writeFileSync(OUT, await format(JSON.stringify(report), { parser: 'json' }));
  printReport(report);
} finally {
  await browser.close();
}
