/**
 * A long session in Chromium: thousands of random UI actions on the built
 * app — clicks on whatever button is enabled, on graph objects, shortcut
 * keys, text typed into whatever field is open — watching for what a
 * person would notice: an uncaught exception, an error in the console, a
 * part replaced by its error message, a blank page, a heap that grows
 * faster than the history it keeps.
 *
 *   npm run build && npm run long-session            (LONG_ACTIONS=3000, LONG_SEED=1, LONG_PORT=4480)
 *
 * Not part of `npm test` (it takes minutes); its figures go in the
 * hardening issue's closing note. Exits non-zero when it saw a fault.
 */
import type { Page } from '@playwright/test';
import { heapMb, launch, serve } from '../bench/browser';
import { random } from './soakMoves';

const ACTIONS = Number(process.env.LONG_ACTIONS ?? 3000);
const SEED = Number(process.env.LONG_SEED ?? 1);
const PORT = Number(process.env.LONG_PORT ?? 4480);
const SAMPLE_EVERY = Math.max(50, Math.floor(ACTIONS / 20));
const KEYS = [
  'ArrowLeft',
  'ArrowRight',
  ' ',
  'Escape',
  'a',
  'l',
  'p',
  'e',
  '?',
  'Home',
  'End',
  'Tab',
  'Enter',
];
const WORDS = ['Beep', 'Fdo0', 'h1', 'tty1', '42', '', 'x'.repeat(300), '{"format":1}', '<b>', 'ñ'];

interface Sample {
  readonly action: number;
  readonly heapMb: number;
  readonly steps: number;
}

/**
 * Clicks one enabled button or graph object a person could click now (the
 * topmost thing at its centre: not one under a dialog), chosen at random;
 * never a link, so the session stays on the page.
 */
async function clickSomething(page: Page, pick: number): Promise<string> {
  const target = await page.evaluate((pick) => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'button:not([disabled]), .react-flow__node, [role="radio"], [role="tab"], summary',
      ),
    ].flatMap((e) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return [];
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return [];
      const top = document.elementFromPoint(x, y);
      return top && (top === e || e.contains(top))
        ? [{ x, y, name: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() }]
        : [];
    });
    return all[Math.floor(pick * all.length)] ?? null;
  }, pick);
  if (!target) return 'nothing to click';
  await page.mouse.click(target.x, target.y);
  return `click ${target.name.slice(0, 40)}`;
}

async function typeSomething(page: Page, pick: number, word: string): Promise<string> {
  const fields = page.locator('input:visible:not([type="file"]), textarea:visible, select:visible');
  const n = await fields.count();
  if (n === 0) return 'no field';
  const field = fields.nth(Math.floor(pick * n));
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') {
    const options = await field.locator('option').count();
    if (options > 0) await field.selectOption({ index: Math.floor(pick * options) }, { timeout: 1500 });
    return 'select';
  }
  await field.fill(word, { timeout: 1500 });
  return `type ${JSON.stringify(word.slice(0, 12))}`;
}

async function stepsShown(page: Page): Promise<number> {
  const text =
    (await page
      .locator('text=/step \\d+ \\/ \\d+/')
      .first()
      .textContent()
      .catch(() => '')) ?? '';
  return Number(/\/ (\d+)/.exec(text)?.[1] ?? 0);
}

async function main() {
  const server = await serve(null, PORT);
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const faults: string[] = [];
  page.on('pageerror', (e) => faults.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') faults.push(`console: ${m.text().slice(0, 200)}`);
  });
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(server.url);
  await page.locator('.react-flow__node').first().waitFor();

  const rnd = random(SEED);
  const samples: Sample[] = [];
  const kinds = new Map<string, number>();
  let boundaries = 0;
  let harness = 0;
  const left = new Map<string, number>();
  const started = Date.now();
  for (let i = 1; i <= ACTIONS; i++) {
    const roll = rnd();
    let what: string;
    try {
      if (roll < 0.55) what = await clickSomething(page, rnd());
      else if (roll < 0.85) {
        const key = KEYS[Math.floor(rnd() * KEYS.length)]!;
        await page.keyboard.press(key);
        what = `key ${key}`;
      } else what = await typeSomething(page, rnd(), WORDS[Math.floor(rnd() * WORDS.length)]!);
    } catch {
      // The element went away between finding and clicking it: the page moved on, not a fault.
      harness += 1;
      what = 'missed';
    }
    // A link followed by a key (Tab to it, Enter) leaves the page: a person would come back.
    if (!page.url().startsWith(server.url)) {
      left.set(page.url(), (left.get(page.url()) ?? 0) + 1);
      await page.goto(server.url);
    }
    const kind = what.split(' ')[0]!;
    if (process.env.LONG_SHOT && kind === 'nothing' && !kinds.has('nothing'))
      await page.screenshot({ path: process.env.LONG_SHOT });
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    // A part that failed shows its boundary's message (role=alert with "could not be drawn").
    const broken = await page.getByText(/could not be drawn|went wrong/).count();
    if (broken > 0) {
      boundaries += 1;
      faults.push(`action ${i} (${what}): a part shows its error message`);
      await page.goto(server.url);
    }
    if ((await page.locator('#root').innerHTML()).length < 200) {
      faults.push(`action ${i} (${what}): the page is blank`);
      await page.goto(server.url);
    }
    if (i % SAMPLE_EVERY === 0) {
      samples.push({
        action: i,
        heapMb: Math.round((await heapMb(page)) * 10) / 10,
        steps: await stepsShown(page),
      });
      const last = samples.at(-1)!;
      console.error(`${i}/${ACTIONS}: heap ${last.heapMb} MB, ${last.steps} steps, faults ${faults.length}`);
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  await browser.close();
  await server.stop();

  const first = samples[0];
  const last = samples.at(-1);
  console.log(`\nLong session: ${ACTIONS} random UI actions, seed ${SEED}, ${seconds} s`);
  console.log(
    `actions: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')} (missed: element gone, ${harness})`,
  );
  console.log(
    `faults: ${faults.length} (uncaught exceptions, console errors, parts showing an error: ${boundaries})`,
  );
  for (const f of faults.slice(0, 20)) console.log(`  ${f}`);
  console.log(
    'heap (after GC) by action: ' +
      samples.map((s) => `${s.action}: ${s.heapMb} MB/${s.steps} steps`).join(', '),
  );
  if (first && last)
    console.log(
      `heap from ${first.heapMb} to ${last.heapMb} MB; the history held ${first.steps} → ${last.steps} steps`,
    );
  process.exit(faults.length > 0 ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
