/**
 * `?generate=N` at scale, before and after in one run: the time from navigation to the graph
 * painted ("draw"), then Home (back to step 0) from the last step to the graph painted again, for
 * two builds served in turn on one port, rounds interleaved so the machine's other load falls on
 * both alike. Also the page's DOM size after the draw. Reported, never asserted.
 *
 *   npx vite build --outDir /tmp/before-dist     (in the older checkout, or before a change)
 *   npx vite build                               (this checkout: dist/)
 *   GEN_BEFORE=/tmp/before-dist npx tsx bench/generate.bench.ts
 *
 * Measured 2026-12-06 on the shared 2-core machine (load average ~21), 3 rounds, medians, before =
 * 9629ef4, after = the layout read as changes (structureSince) and culling kept for the session:
 * draw 8,308 → 5,671 ms, Home 2,522 → 219 ms, End 3,010 → 3,242 ms (unchanged). What was left of
 * draw and End was React Flow's own (12.12): a node not measured yet is rendered whatever the
 * culling (`forceInitialRender` in getNodesInside), so all 5,000 cards mounted once to be measured.
 *
 * Then (before = d5eccf0, after = nodes not measured yet declare their size and handles,
 * src/graph/nodes/handles.ts, so only the nodes in view mount), two runs of 3 rounds, medians:
 * draw 6,208 → 2,263 and 4,730 → 2,679 ms; End 2,892 → 1,045 and 3,727 → 872 ms; Home 196 → 255
 * and 188 → 229 ms (noise at this load: single rounds 174–260); DOM after the draw the same (75
 * nodes in view). The draw's best round 1,947 ms. What is left: the scenario's 5,000 steps run and
 * laid out, and ~1,449 ownership edges from the bus driver that cross the view at the smallest zoom.
 *
 * Knobs: GEN_BEFORE (a built folder; without it, only this build), GEN_AFTER (dist), GEN_N (5000),
 * GEN_ROUNDS (3), GEN_PORT (4418).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { launch, serve } from './browser';

const N = Number(process.env.GEN_N ?? 5000);
const ROUNDS = Number(process.env.GEN_ROUNDS ?? 3);
const PORT = Number(process.env.GEN_PORT ?? 4418);
const TARGETS: [string, string][] = [
  ...(process.env.GEN_BEFORE ? ([['before', process.env.GEN_BEFORE]] as [string, string][]) : []),
  ['after', process.env.GEN_AFTER ?? 'dist'],
];

const painted = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

type Door = { unloadLens: { getState(): { cursor: number } } };

interface Sample {
  draw: number;
  home: number;
  end: number;
  nodes: number;
  dom: number;
}

async function sample(page: Page, url: string): Promise<Sample> {
  const t0 = performance.now();
  await page.goto(`${url}?generate=${N}&bench=1`);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
  await painted(page);
  const draw = performance.now() - t0;
  const nodes = await page.locator('.react-flow__node').count();
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  // What the load leaves for later (saving the work, chunks) ends before the keys are timed.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const step = () => page.evaluate(() => (window as unknown as Door).unloadLens.getState().cursor);
  const t1 = performance.now();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => (window as unknown as Door).unloadLens.getState().cursor === 0);
  await painted(page);
  const home = performance.now() - t1;
  if ((await step()) !== 0) throw new Error('Home did not reach step 0');
  const t2 = performance.now();
  await page.keyboard.press('End');
  await page.locator('.react-flow__node').first().waitFor();
  await painted(page);
  const end = performance.now() - t2;
  return { draw, home, end, nodes, dom };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const browser = await launch();
const results = new Map<string, Sample[]>();
try {
  for (let r = 0; r < ROUNDS; r++)
    for (const [name, dir] of r % 2 ? [...TARGETS].reverse() : TARGETS) {
      const server = await serve(null, PORT, dir);
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const s = await sample(page, server.url);
        await page.close();
        results.set(name, [...(results.get(name) ?? []), s]);
        process.stderr.write(
          `${name} round ${r + 1}: ${JSON.stringify(s, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}\n`,
        );
      } finally {
        await server.stop();
      }
    }
} finally {
  await browser.close();
}

console.log(`\n?generate=${N}, median of ${ROUNDS} (ms; DOM in elements)`);
console.log('target   draw    Home    End   nodes   DOM');
for (const [name, xs] of results) {
  const m = (k: keyof Sample) => String(Math.round(median(xs.map((x) => x[k])))).padStart(6);
  console.log(`${name.padEnd(7)}${m('draw')}  ${m('home')} ${m('end')}  ${m('nodes')} ${m('dom')}`);
}
