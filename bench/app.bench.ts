/**
 * npm run bench — the app against bare React Flow with the same geometry, in
 * one run, interleaved and repeated: load, pan (main-thread ms per frame,
 * with IRPs animating in the app), click → painted ('Open a handle'),
 * 'Create device' → painted, elements in the graph, layout (whole history,
 * and one more device), heap after 10,000 steps, and the size of the first
 * load. Written to docs/benchmarks-app.json (or BENCH_OUT) with machine and
 * date; `tsx bench/compare.ts before.json after.json` prints the two side by
 * side for docs/benchmarks.md. Reported, never asserted (frame timing in
 * headless Chromium here means something only as a ratio to the baseline).
 *
 * Knobs: BENCH_SIZES (50,200,1000), BENCH_ROUNDS (3), BENCH_OUT, BENCH_PORT (4501),
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
import { clickToPaint, graphElements, heapMb, launch, panCost, serve } from './browser';
import {
  initialJsKb,
  median,
  printReport,
  round,
  type Burst,
  type Report,
  type Sample,
  type Target,
} from './report';

const SIZES = (process.env.BENCH_SIZES ?? '50,200,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OUT = process.env.BENCH_OUT ?? 'docs/benchmarks-app.json';
const BEFORE = process.env.BENCH_BEFORE ? resolve(process.env.BENCH_BEFORE) : null;
const TARGETS: Target[] = BEFORE ? ['app', 'bare', 'before'] : ['app', 'bare'];

async function open(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, null, {
    timeout: 120_000,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return performance.now() - t0;
}

type Door = { unloadLens: { run(id: string, args: unknown, source?: string): unknown } };

async function sample(page: Page, target: Target, base: string, n: number): Promise<Sample> {
  const load = await open(page, `${base}?generate=${n}&bench=1`);
  const elements = await graphElements(page);
  // What a load leaves for later (chunks, saving the work, measuring cards) ends before the view moves:
  // the pan measures panning, every target alike.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
  // The app (and the app before) sends an IRP every 30 frames, so its animation plays while the view moves.
  const pan = await panCost(
    page,
    target !== 'bare'
      ? (k) =>
          (window as unknown as Door).unloadLens.run('sendIrp', { handle: 'h0', irp: `panIrp${k}` }, 'button')
      : undefined,
  );
  const click: number[] = [];
  const create: number[] = [];
  for (let i = 0; i < 7; i++) {
    if (target === 'bare') {
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
        target !== 'bare'
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
  return { load, pan, click, create, elements };
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
  t === 'bare'
    ? serve('bench/vite.config.ts', PORT)
    : serve(null, PORT, t === 'before' && BEFORE ? `${BEFORE}/dist` : undefined);

async function layouts(root: string): Promise<Record<number, { whole: number; extend: number }>> {
  const out: Record<number, { whole: number; extend: number }> = {};
  for (const n of SIZES) out[n] = await layoutMs(root, n);
  return out;
}

const browser = await launch();
const results: Record<number, Partial<Record<Target, Sample[]>>> = {};
try {
  for (const n of SIZES) {
    const mine: Partial<Record<Target, Sample[]>> = {};
    results[n] = mine;
    for (let r = 0; r < ROUNDS; r++)
      // Each round in another order: the machine's other load falls on every target alike.
      for (const target of r % 2 ? [...TARGETS].reverse() : TARGETS) {
        const server = await serveTarget(target);
        try {
          const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
          (mine[target] ??= []).push(await sample(page, target, server.url, n));
          await page.close();
        } finally {
          await server.stop();
        }
        process.stderr.write(`${n} ${target} round ${r + 1}\n`);
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
