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
 * Knobs: BENCH_SIZES (50,200,1000), BENCH_ROUNDS (3), BENCH_OUT, BENCH_PORTS (4501,4502).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { parseScenario, runScenario, step, type World } from '../src/kernel';
import { extendLayout, layoutFor } from '../src/graph/layout';
import { generatedScenario } from '../src/scenarios/generate';
import { clickToPaint, graphElements, heapMb, launch, panCost, serve } from './browser';
import { initialJsKb, median, printReport, round, type Report, type Sample, type Target } from './report';

const SIZES = (process.env.BENCH_SIZES ?? '50,200,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OUT = process.env.BENCH_OUT ?? 'docs/benchmarks-app.json';

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
  // The app sends an IRP every 30 frames, so its animation plays while the view moves.
  const pan = await panCost(
    page,
    target === 'app'
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
        target === 'app'
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

async function heapAfterSteps(page: Page, base: string, steps: number): Promise<number> {
  await open(page, `${base}?generate=50&bench=1`);
  await page.evaluate((count) => {
    const v = (window as unknown as Door).unloadLens;
    for (let i = 0; i < count / 2; i++) {
      v.run('openHandle', { device: 'Pdo0', handle: 'hb' });
      v.run('closeHandle', { handle: 'hb' });
    }
  }, steps);
  return heapMb(page);
}

/** The whole history laid out at once (a load), and one more device after it (a click), in ms. */
function layoutMs(n: number): { whole: number; extend: number } {
  const parsed = parseScenario(generatedScenario(n));
  if (!parsed.ok) throw new Error('generated scenario invalid');
  const run = runScenario(parsed.scenario);
  const worlds = [run.initial, ...run.steps.map((s) => s.world)];
  const whole: number[] = [];
  const extend: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const layout = layoutFor(worlds);
    whole.push(performance.now() - t0);
    const next: World = step(run.world, {
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

const [appPort = 4501, barePort = 4502] = (process.env.BENCH_PORTS ?? '')
  .split(',')
  .filter(Boolean)
  .map(Number);
const app = await serve(null, appPort);
const bare = await serve('bench/vite.config.ts', barePort);
const browser = await launch();
const results: Record<number, Record<Target, Sample[]>> = {};
try {
  for (const n of SIZES) {
    results[n] = { app: [], bare: [] };
    for (let r = 0; r < ROUNDS; r++)
      for (const target of (r % 2 ? ['bare', 'app'] : ['app', 'bare']) as Target[]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        results[n][target].push(await sample(page, target, target === 'app' ? app.url : bare.url, n));
        await page.close();
        process.stderr.write(`${n} ${target} round ${r + 1}\n`);
      }
  }
  const heapPage = await browser.newPage();
  const heap = round(await heapAfterSteps(heapPage, app.url, 10_000), 1);
  await heapPage.close();

  const report: Report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg()[0] },
    rounds: ROUNDS,
    samples: results,
    layout: Object.fromEntries(SIZES.map((n) => [n, layoutMs(n)])),
    heapMbAfter10kSteps: heap,
    initialJsGzipKb: initialJsKb(),
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
} finally {
  await browser.close();
  app.stop();
  bare.stop();
}
