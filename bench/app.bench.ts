/**
 * npm run bench — the app against bare React Flow with the same geometry, in
 * one run, interleaved and repeated: load, pan (main-thread ms per frame),
 * click → painted, heap after 10,000 steps, layout, and the size of the
 * first load. Written to docs/benchmarks-app.json and printed as a table for
 * docs/benchmarks.md. Reported, never asserted (frame timing in headless
 * Chromium here means something only as a ratio to the baseline).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { parseScenario, runScenario } from '../src/kernel';
import { layoutFor } from '../src/graph/layout';
import { generatedScenario } from '../src/scenarios/generate';
import { clickToPaint, heapMb, launch, panCost, serve } from './browser';

const SIZES = (process.env.BENCH_SIZES ?? '50,200,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

type Target = 'app' | 'bare';
interface Sample {
  load: number;
  pan: number;
  click: number[];
}

async function open(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, null, {
    timeout: 120_000,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return performance.now() - t0;
}

async function sample(page: Page, target: Target, base: string, n: number): Promise<Sample> {
  const load = await open(page, `${base}?generate=${n}&bench=1`);
  const pan = await panCost(page);
  const click: number[] = [];
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
  return { load, pan, click };
}

async function heapAfterSteps(page: Page, base: string, steps: number): Promise<number> {
  await open(page, `${base}?generate=50&bench=1`);
  await page.evaluate((count) => {
    const v = (window as unknown as { unloadLens: { run(id: string, args: unknown): unknown } }).unloadLens;
    for (let i = 0; i < count / 2; i++) {
      v.run('openHandle', { device: 'Pdo0', handle: 'hb' });
      v.run('closeHandle', { handle: 'hb' });
    }
  }, steps);
  return heapMb(page);
}

function layoutMs(n: number): number {
  const parsed = parseScenario(generatedScenario(n));
  if (!parsed.ok) throw new Error('generated scenario invalid');
  const run = runScenario(parsed.scenario);
  const worlds = [run.initial, ...run.steps.map((s) => s.world)];
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    layoutFor(worlds);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** gzip KB of the scripts index.html loads first. */
function initialJsKb(): { total: number; files: Record<string, number> } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files: Record<string, number> = {};
  for (const m of html.matchAll(/src="\/(assets\/[^"]+\.js)"/g)) {
    const f = m[1] ?? '';
    files[f] = round(gzipSync(readFileSync(`dist/${f}`)).length / 1024, 1);
  }
  for (const f of readdirSync('dist/assets').filter((x) => x.endsWith('.js')))
    if (html.includes(`assets/${f}"`) && !files[`assets/${f}`])
      files[`assets/${f}`] = round(gzipSync(readFileSync(`dist/assets/${f}`)).length / 1024, 1);
  return {
    total: round(
      Object.values(files).reduce((a, b) => a + b, 0),
      1,
    ),
    files,
  };
}

const app = await serve(null, 4501);
const bare = await serve('bench/vite.config.ts', 4502);
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
  const heap = { steps10k: round(await heapAfterSteps(heapPage, app.url, 10_000), 1) };
  await heapPage.close();

  const rows = SIZES.map((n) => {
    const a = results[n]?.app ?? [];
    const b = results[n]?.bare ?? [];
    const m = (s: Sample[], k: 'load' | 'pan') => median(s.map((x) => x[k]));
    const clicks = (s: Sample[]) => s.flatMap((x) => x.click).sort((x, y) => x - y);
    const p95 = (xs: number[]) => xs[Math.floor(xs.length * 0.95)] ?? NaN;
    return {
      objects: n,
      loadMs: { app: round(m(a, 'load'), 0), bare: round(m(b, 'load'), 0) },
      panMsPerFrame: {
        app: round(m(a, 'pan')),
        bare: round(m(b, 'pan')),
        ratio: round(m(a, 'pan') / m(b, 'pan')),
      },
      clickMs: {
        app: { median: round(median(clicks(a)), 0), p95: round(p95(clicks(a)), 0) },
        bare: { median: round(median(clicks(b)), 0), p95: round(p95(clicks(b)), 0) },
      },
      layoutMs: round(layoutMs(n), 0),
    };
  });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    rounds: ROUNDS,
    rows,
    heapMbAfter10kSteps: heap.steps10k,
    initialJsGzipKb: initialJsKb(),
  };
  writeFileSync('docs/benchmarks-app.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    '| objects | load app / bare (ms) | pan ms/frame app / bare (ratio) | click→paint app median / p95 (ms) | same, bare | layout (ms) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.objects} | ${r.loadMs.app} / ${r.loadMs.bare} | ${r.panMsPerFrame.app} / ${r.panMsPerFrame.bare} (${r.panMsPerFrame.ratio}×) | ${r.clickMs.app.median} / ${r.clickMs.app.p95} | ${r.clickMs.bare.median} / ${r.clickMs.bare.p95} | ${r.layoutMs} |`,
    );
  console.log(`\nJS heap after 10,000 steps: ${heap.steps10k} MB`);
  console.log(`Initial JavaScript, gzip: ${report.initialJsGzipKb.total} KB`);
} finally {
  await browser.close();
  app.stop();
  bare.stop();
}
