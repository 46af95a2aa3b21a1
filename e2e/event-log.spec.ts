import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

/**
 * The event log is virtualised (src/panels/logWindow.ts): the page's size does not grow with
 * the history, every row keeps its place for a screen reader (aria-setsize/aria-posinset), the
 * rows left out come back as the log scrolls, and every row is a target of at least 24×24 px.
 */

/** A scenario of about `steps` steps: Beep opened and closed again and again. */
function scenario(steps: number): string {
  const s: object[] = [{ do: 'loadDriver', driver: 'Beeper', model: 'legacy', controlDevice: 'Beep' }];
  for (let i = 1; s.length < steps; i++)
    s.push(
      i % 2 === 1
        ? { do: 'openHandle', device: 'Beep', handle: `h${(i + 1) / 2}` }
        : { do: 'closeHandle', handle: `h${i / 2}` },
    );
  return JSON.stringify({ format: 'unload-scenario/1', os: 'windows', title: `${steps} steps`, steps: s });
}

/** Opens the scenario, goes to its last step, and answers the page's element count. */
async function openAtEnd(page: Page, steps: number): Promise<number> {
  await page.goto('/');
  await page.getByRole('button', { name: /Share/ }).first().click();
  await page.getByTestId('import-file').setInputFiles({
    name: `s${steps}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(scenario(steps)),
  });
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('End');
  await expect(page.getByTestId('event-log')).toContainText(`step ${steps} of ${steps}`);
  // The log followed the playhead to the last step (on a phone the log itself is further down the page).
  const now = page.locator('[data-testid="event-log-scroll"] [aria-current="step"]');
  // Scrolled to again until it holds: on a loaded machine the virtualised log may still be placing its
  // rows (following the playhead) when the page first scrolls, and the row moves (seen once on CI).
  await expect(async () => {
    await now.scrollIntoViewIfNeeded();
    await expect(now).toBeInViewport({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

test('the page does not grow with the history: 50 and 500 steps', async ({ page }) => {
  test.slow();
  const at50 = await openAtEnd(page, 50);
  const at500 = await openAtEnd(page, 500);
  console.log(`elements in the page: ${at50} at 50 steps, ${at500} at 500 steps`);
  // Not ~17 elements a step (7,650 more): the rows drawn are those in view and a few around them.
  expect(at500 - at50).toBeLessThan(150);
  const rows = page.locator('[data-testid="event-log-scroll"] ol > li');
  expect(await rows.count()).toBeLessThan(60);
  // Every row knows its place in the whole log: the start, then 500 steps.
  await expect(rows.last()).toHaveAttribute('aria-setsize', '501');
  await expect(rows.last()).toHaveAttribute('aria-posinset', '501');

  // Scrolled to the top, the first rows are drawn; a click there travels to that step.
  await page.getByTestId('event-log-scroll').evaluate((e) => (e.scrollTop = 0));
  const start = page.locator('[data-testid="event-log-scroll"] li[aria-posinset="1"]');
  await expect(start).toContainText('start');
  await page.locator('[data-testid="event-log-scroll"] li[data-step="3"] button').click();
  await expect(page.getByTestId('event-log')).toContainText('step 3 of 500');
  // And back at the bottom, the last steps (step 3 is now the current one: the log shows up to it).
  await expect(page.locator('[data-testid="event-log-scroll"] [aria-current="step"]')).toContainText('3');
});

for (const width of [390, 320]) {
  test(`at ${width} px, every event-log row is a target of 24×24 px at least (axe target-size)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openAtEnd(page, 20);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="event-log-scroll"] button')].flatMap((b) => {
        const r = b.getBoundingClientRect();
        return r.height < 24 || r.width < 24 ? [`${b.textContent}: ${r.width}×${r.height}`] : [];
      }),
    );
    expect(small).toEqual([]);
    await checkA11y(page, `event log at ${width} px`);
  });
}
