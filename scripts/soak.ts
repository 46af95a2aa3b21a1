/**
 * The soak: tens of thousands of random UI actions on the built app in
 * Chromium (scripts/soakMoves.ts: a uniform mix over the visible controls
 * and a "rich" mix weighted to real use), watching for what a person would
 * notice — an uncaught exception, an error in the console, a part showing
 * its error message or a fault report, a blank page — and sampling the
 * heap (after a full GC) and the page's DOM size as the session goes on.
 *
 *   npm run build && npm run soak
 *   SOAK_ACTIONS=20000 SOAK_MIX=both SOAK_SEED=1 SOAK_PORT=4388 SOAK_DIST=dist SOAK_OUT=soak.json npm run soak
 *
 * SOAK_MIX: uniform, rich or both (half each, the uniform half first, each
 * in a fresh page). SOAK_DIST serves another build folder (a copy of dist,
 * so a rebuild during a long run does not change what is soaked). Not part
 * of `npm test`: it takes tens of minutes. Exits non-zero when it saw a fault.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { heapMb, launch, serve } from '../bench/browser';
import { random, richMove, uniformMove, type Rnd } from './soakMoves';

const ACTIONS = Number(process.env.SOAK_ACTIONS ?? 20000);
const MIX = process.env.SOAK_MIX ?? 'both';
const SEED = Number(process.env.SOAK_SEED ?? 1);
const PORT = Number(process.env.SOAK_PORT ?? 4388);
const DIST = process.env.SOAK_DIST;
const OUT = process.env.SOAK_OUT;

interface Sample {
  readonly action: number;
  readonly seconds: number;
  readonly heapMb: number;
  readonly domNodes: number;
  readonly steps: number;
}

interface Run {
  readonly mix: string;
  readonly actions: number;
  readonly seconds: number;
  readonly moves: Record<string, number>;
  readonly missed: number;
  readonly consoleErrors: number;
  readonly uncaught: number;
  readonly partErrors: number;
  readonly faultReports: number;
  readonly blankPages: number;
  readonly leftPage: number;
  readonly faults: readonly string[];
  readonly samples: readonly Sample[];
}

/** Steps in the history, as the timeline shows them ("step 3 / 12"); 0 when none is shown. */
function stepsShown(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = /step \d+ (?:\/|of) (\d+)/.exec(document.body.innerText);
    return Number(m?.[1] ?? 0);
  });
}

async function soak(url: string, mix: 'uniform' | 'rich', actions: number, rnd: Rnd): Promise<Run> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  // A control that went away is given up on soon: the next random action is as good.
  page.setDefaultTimeout(2000);
  // A link that opens a tab (the Microsoft docs, the embed page): a person would close it and come back.
  context.on('page', (p) => {
    if (p !== page) void p.close();
  });
  const faults: string[] = [];
  let consoleErrors = 0;
  let uncaught = 0;
  page.on('pageerror', (e) => {
    uncaught += 1;
    faults.push(`uncaught: ${e.message.slice(0, 200)}`);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The soak's own offline server: a download or a docs link that cannot load is not the app's error.
    consoleErrors += 1;
    faults.push(`console: ${m.text().slice(0, 200)}`);
  });
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();

  const every = Math.max(50, Math.floor(actions / 40));
  const samples: Sample[] = [];
  const moves: Record<string, number> = {};
  let missed = 0;
  let partErrors = 0;
  let faultReports = 0;
  let blankPages = 0;
  let leftPage = 0;
  const started = Date.now();
  for (let i = 1; i <= actions; i++) {
    let what: string;
    try {
      what = await (mix === 'rich' ? richMove(page, rnd) : uniformMove(page, rnd));
    } catch {
      // The element went away between finding and using it: the page moved on, not a fault.
      missed += 1;
      what = 'missed';
    }
    const kind = what.split(/[ :]/)[0]!;
    moves[kind] = (moves[kind] ?? 0) + 1;
    if (!page.url().startsWith(url)) {
      leftPage += 1;
      await page.goto(url);
    }
    const seen = await page.evaluate(() => ({
      part: /could not be drawn/.test(document.body.innerText),
      report: document.querySelector('[data-testid="handler-error"]') !== null,
      blank: (document.getElementById('root')?.innerHTML.length ?? 0) < 200,
    }));
    if (seen.part || seen.report || seen.blank) {
      if (seen.part) partErrors += 1;
      if (seen.report) faultReports += 1;
      if (seen.blank) blankPages += 1;
      const which = [
        seen.part && 'a part shows its error',
        seen.report && 'a fault report',
        seen.blank && 'blank',
      ]
        .filter(Boolean)
        .join(', ');
      faults.push(`${mix} action ${i} (${what}): ${which}`);
      await page.goto(url);
      await page.locator('.react-flow__node').first().waitFor();
    }
    if (i % every === 0 || i === actions) {
      samples.push({
        action: i,
        seconds: Math.round((Date.now() - started) / 1000),
        heapMb: Math.round((await heapMb(page)) * 10) / 10,
        domNodes: await page.evaluate(() => document.getElementsByTagName('*').length),
        steps: await stepsShown(page),
      });
      const s = samples.at(-1)!;
      console.error(
        `${mix} ${i}/${actions} (${s.seconds} s): heap ${s.heapMb} MB, ${s.domNodes} elements, ${s.steps} steps, faults ${faults.length}`,
      );
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  await browser.close();
  return {
    mix,
    actions,
    seconds,
    moves,
    missed,
    consoleErrors,
    uncaught,
    partErrors,
    faultReports,
    blankPages,
    leftPage,
    faults,
    samples,
  };
}

function summary(r: Run): string {
  const heaps = r.samples.map((s) => s.heapMb);
  const doms = r.samples.map((s) => s.domNodes);
  const steps = r.samples.map((s) => s.steps);
  const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)} (last ${xs.at(-1)})`;
  return [
    `${r.mix}: ${r.actions} actions in ${r.seconds} s (${Math.round((r.actions / Math.max(1, r.seconds)) * 10) / 10}/s)`,
    `  moves: ${Object.entries(r.moves)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  console errors ${r.consoleErrors}, uncaught exceptions ${r.uncaught}, parts showing an error ${r.partErrors}, fault reports ${r.faultReports}, blank pages ${r.blankPages}; left the page ${r.leftPage}, missed (element gone) ${r.missed}`,
    `  heap after GC, MB: ${range(heaps)}; DOM elements: ${range(doms)}; history steps: ${range(steps)}`,
    ...r.faults.slice(0, 15).map((f) => `  ${f}`),
  ].join('\n');
}

async function main() {
  const server = await serve(null, PORT, DIST);
  const rnd = random(SEED);
  const runs: Run[] = [];
  try {
    if (MIX === 'both') {
      runs.push(await soak(server.url, 'uniform', Math.floor(ACTIONS / 2), rnd));
      runs.push(await soak(server.url, 'rich', ACTIONS - Math.floor(ACTIONS / 2), rnd));
    } else if (MIX === 'uniform' || MIX === 'rich') runs.push(await soak(server.url, MIX, ACTIONS, rnd));
    else throw new Error(`SOAK_MIX is uniform, rich or both, not ${MIX}`);
  } finally {
    await server.stop();
  }
  console.log(`\nSoak: ${ACTIONS} random UI actions, seed ${SEED}`);
  for (const r of runs) console.log(summary(r));
  if (OUT) writeFileSync(OUT, JSON.stringify({ seed: SEED, runs }, null, 2));
  const faults = runs.reduce((n, r) => n + r.faults.length, 0);
  process.exit(faults > 0 ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
