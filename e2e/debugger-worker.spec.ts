import type { Page } from '@playwright/test';
import { SESSION } from '../src/kernel/debugger/fixtures/session';
import { CSP, STRICT_CSP, serveDist, violations, watchViolations, type DistServer } from './hosting';
import { expect, test } from './fixtures';

/**
 * The WinDbg reader reads in a worker (src/debugger/readInBackground.ts): a long paste shows
 * how far it is, the page keeps answering, it can be stopped, and it works under the
 * documented policies (the worker's address through its Trusted Types policy); where a worker
 * cannot start, the page reads it itself and says so.
 */

/** A long session: the sample session again and again, about 4.6 MB (under the 5,000,000 limit). */
const TIMES = Math.floor(4_600_000 / (SESSION.length + 1));
const LONG = Array.from({ length: TIMES }, () => SESSION).join('\n');

/**
 * Opens the paste dialog and puts `text` in its box as a paste does: the whole value at once,
 * then one input event (Playwright's fill types it through the editor, line by line, which
 * takes minutes for 100,000 lines). A `times` > 1 repeats the text in the page, not over the wire.
 */
/**
 * Records in the page, as they are drawn, the texts of the reading's progress (its status, the
 * seconds shown, the note that the page reads it itself): a reading on a busy machine may come
 * and go between two polls of a test.
 */
async function recordProgress(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="paste-progress"]');
      if (!p) return;
      const text = [
        ...p.querySelectorAll('[role="status"], span[aria-hidden="true"], [data-testid="paste-on-page"]'),
      ]
        .map((e) => e.textContent)
        .join(' | ');
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

async function paste(page: Page, text: string, times = 1) {
  await page.getByRole('button', { name: /paste debugger output/i }).click();
  const box = page.getByRole('dialog').getByRole('textbox', { name: 'Debugger output' });
  await expect(box).toBeFocused();
  await box.evaluate(
    (el: HTMLTextAreaElement, { text, times }) => {
      const value = Array.from({ length: times }, () => text).join('\n');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { text, times },
  );
  return page.getByRole('dialog');
}

test('a 4.6 MB paste is read in the background: progress, a page that answers, then the findings', async ({
  page,
}) => {
  test.slow();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await recordProgress(page);
  await page.goto('/');
  const dialog = await paste(page, SESSION, TIMES);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Reading the paste' })).toBeVisible();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('debugger-findings')).toContainText('\\Driver\\pulsar');
  expect(workers.some((u) => /reader\.worker/.test(u))).toBe(true);
  const seen = await progressSeen(page);
  expect(
    seen.some((t) => /Reading [\d,]+ lines in the background/.test(t)),
    seen.join('\n'),
  ).toBe(true);
  // The page answered while the worker read: the seconds shown kept counting, every 0.1 s.
  const ticks = new Set(seen.filter((t) => t.includes('in the background')).map((t) => t.split(' | ')[0]));
  expect(ticks.size, seen.join('\n')).toBeGreaterThanOrEqual(3);
});

test('the largest paste taken (4.99 MB, 10 MB is refused at once) shows its share read rising, on a progress bar with its value', async ({
  page,
}) => {
  test.slow();
  // What the bar and the text say, recorded in the page as they are drawn (a poll could miss them).
  await page.addInitScript(() => {
    const seen: { text: string; now: string | null }[] = [];
    (window as unknown as { percentSeen: typeof seen }).percentSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="paste-percent"]')?.textContent ?? '';
      const bar = document.querySelector('[data-testid="paste-progress"] progress');
      const now = bar?.getAttribute('value') ?? null;
      if (text && seen.at(-1)?.text !== text) seen.push({ text, now });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto('/');
  const times = Math.floor(4_990_000 / (SESSION.length + 1));
  const dialog = await paste(page, SESSION, times);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Reading the paste' });
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ % read$/);
  await expect(dialog).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByTestId('debugger-findings')).toContainText('\\Driver\\pulsar');
  const seen = await page.evaluate(
    () => (window as unknown as { percentSeen: { text: string; now: string | null }[] }).percentSeen,
  );
  const shares = seen.map((s) => Number(/^Reading… (\d+) %$/.exec(s.text)?.[1]));
  const told = seen.map((s) => s.text).join(', ');
  // Every text is "Reading… N %", the bar holding the same N; N only rises, through many values, to 100.
  expect(
    shares.every((n) => Number.isInteger(n) && n >= 0 && n <= 100),
    told,
  ).toBe(true);
  expect(
    seen.every((s, i) => s.now === String(shares[i])),
    told,
  ).toBe(true);
  expect(
    shares.every((n, i) => i === 0 || n > shares[i - 1]!),
    told,
  ).toBe(true);
  // How many of the worker's ~100 reports get drawn depends on how busy the page is (React draws the
  // latest): on a loaded CI machine two (0 % and 87 %) were seen. At least one share above 0 % is drawn.
  expect(new Set(shares).size, told).toBeGreaterThanOrEqual(2);
  console.log(
    `4.99 MB paste: ${shares.length} shares shown (${shares.slice(0, 4).join(', ')} … ${shares.at(-1)} %)`,
  );
});

test('a reading can be stopped: the paste stays, nothing is drawn, and it can be read again', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  const dialog = await paste(page, SESSION, TIMES);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  // At once, without waiting for the button to stand still (the progress line appears above it).
  await dialog.getByRole('button', { name: 'Stop reading' }).dispatchEvent('click');
  await expect(dialog.getByTestId('paste-progress')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Debugger output' })).toBeFocused();
  expect((await dialog.getByRole('textbox').inputValue()).length).toBe(LONG.length);
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(page.getByTestId('debugger-findings')).toHaveCount(0);
  // Read again, to the end this time.
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('debugger-findings')).toContainText('\\Driver\\pulsar');
});

test('a paste over the limit is refused at once, saying how long it is and what to paste', async ({
  page,
}) => {
  await page.goto('/');
  const dialog = await paste(page, 'x'.repeat(1_000_000), 10);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    '10,000,009 characters long, over the 5,000,000 this reader takes: paste the commands',
  );
  await expect(dialog.getByTestId('paste-progress')).toHaveCount(0);
});

test.describe(() => {
  test.use({ allowedPageErrors: /Worker is switched off/ });
  test('where no worker can start, the page reads the paste itself and says so', async ({ page }) => {
    await page.addInitScript(() => {
      window.Worker = class {
        constructor() {
          throw new TypeError('Worker is switched off');
        }
      } as unknown as typeof Worker;
    });
    await recordProgress(page);
    await page.goto('/');
    const dialog = await paste(page, SESSION, TIMES);
    await dialog.getByRole('button', { name: 'Read and draw' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('debugger-findings')).toContainText('\\Driver\\pulsar');
    const seen = await progressSeen(page);
    expect(
      seen.some((t) =>
        t.includes(
          'on this page… | The background reader could not start (Worker is switched off): the page reads it itself',
        ),
      ),
      seen.join('\n'),
    ).toBe(true);
  });
});

let server: DistServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

for (const [name, csp] of [
  ['the documented policy', CSP],
  ['the strict policy (Trusted Types)', STRICT_CSP],
] as const) {
  test(`under ${name}, the reader's worker starts and nothing is reported`, async ({ page }) => {
    server = await serveDist(csp);
    await watchViolations(page);
    const worker = page.waitForEvent('worker');
    await page.goto(`${server.url}/`);
    const dialog = await paste(page, SESSION);
    await dialog.getByRole('button', { name: 'Read and draw' }).click();
    expect((await worker).url()).toMatch(/reader\.worker/);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('debugger-findings')).toContainText('\\Driver\\pulsar');
    expect(await violations(page)).toEqual([]);
  });
}
