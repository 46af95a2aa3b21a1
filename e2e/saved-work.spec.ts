import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Nothing lost: the work is kept in the browser as the user works and
 * offered back after a reload, a closed tab or a crash; two tabs keep
 * their own; a browser that refuses storage still runs the app and says,
 * once, that nothing will be saved.
 */
const beep = (page: Page) => page.locator('.react-flow__node[data-id="driver:Beep"]');
const offer = (page: Page) => page.getByTestId('restore-offer');

/** A lesson, answered at its first question, then a branch off it (what no address can carry). */
async function lessonWithBranch(page: Page): Promise<void> {
  await page.goto('/?lesson=leaked-handle&step=2');
  await expect(page.getByText('step 2 / 5')).toBeVisible();
  await page.getByRole('button', { name: /Ask/ }).click();
  await page
    .getByRole('button', { name: /^B\b|Unload Pending/ })
    .first()
    .click();
  await page.locator('.react-flow__node[data-id="handle:h1"]').click();
  await page.getByRole('button', { name: /Close/ }).first().click();
  await expect(page.getByText(/branch/i).first()).toBeVisible();
}

/** A tab at `path`; `unannounced`: one whose going away is never announced (a crash: no pagehide). */
async function newTab(context: BrowserContext, path = '/', unannounced = false): Promise<Page> {
  const page = await context.newPage();
  if (unannounced)
    await page.addInitScript(() => {
      const add = window.addEventListener.bind(window);
      window.addEventListener = ((
        type: string,
        ...rest: Parameters<typeof add> extends [unknown, ...infer R] ? R : never
      ) => {
        if (type !== 'pagehide') add(type, ...rest);
      }) as typeof window.addEventListener;
    });
  await page.goto(path);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return page;
}

test('after a reload, the lesson’s branch is offered back, and restored exactly', async ({ page }) => {
  await lessonWithBranch(page);
  const stepText = await page
    .getByText(/^step \d+ \/ \d+$/)
    .first()
    .innerText();
  await page.reload();
  await expect(offer(page)).toContainText('on a branch off the lesson');
  await offer(page).getByRole('button', { name: 'Restore' }).click();
  await expect(offer(page)).toHaveCount(0);
  await expect(page.getByText(stepText).first()).toBeVisible();
  await expect(page.getByText(/branch/i).first()).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="handle:h1"]')).toHaveCount(0);
});

test('a plain reload keeps the view, the selection and the speed without asking', async ({ page }) => {
  await page.goto('/');
  await beep(page).click();
  await page.getByLabel('Speed').selectOption({ label: '2×' });
  await page.reload();
  await expect(beep(page)).toBeVisible();
  await expect(page.getByLabel('Speed')).toHaveValue('2');
  await expect(page.locator('.react-flow__node.selected[data-id="driver:Beep"]')).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
});

test('two tabs keep their own work; a tab gone, even unannounced, is offered to the next', async ({
  context,
}) => {
  const a = await newTab(context, '/?scenario=windows-default', true);
  await beep(a).click();
  await a.getByRole('button', { name: 'Stop (sc stop)', exact: true }).click();
  await expect(a.getByText('step 10 / 10')).toBeVisible();
  const b = await newTab(context, '/?os=svr5');
  await expect(offer(b), 'tab A still works on its own').toHaveCount(0);

  // Tab A goes away without a word, as in a crash (its Web Lock is freed): its work is offered to the
  // next tab; tab B's is untouched.
  await a.close({ runBeforeUnload: false });
  const c = await newTab(context, '/?os=svr5');
  await expect(offer(c)).toContainText('step 10 of 10');
  await offer(c).getByRole('button', { name: 'Restore' }).click();
  await expect(c.getByText('step 10 / 10')).toBeVisible();
  await expect(beep(c)).toContainText('Unload Pending');
  await b.reload();
  await expect(b.getByText(/step 7 \/ 7/)).toBeVisible();
  await expect(offer(b)).toHaveCount(0);
});

test.describe('with site storage refused', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The user agent blocked access to storage.', 'SecurityError');
          },
        });
    });
  });

  test('the app still works and says once that nothing will be saved', async ({ page }) => {
    await page.goto('/');
    const said = page.getByText('nothing will be saved');
    await expect(said).toHaveCount(1);
    await beep(page).click();
    await page.getByRole('button', { name: 'Stop (sc stop)', exact: true }).click();
    await expect(page.getByText('step 10 / 10')).toBeVisible();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(said).toHaveCount(1);
    await page.goto('/?lesson=leaked-handle&step=1');
    await expect(page.getByText('step 1 / 5')).toBeVisible();
  });
});

test('the address follows the OS switch, both ways', async ({ page }) => {
  await page.goto('/?scenario=windows-default&step=4');
  await page.getByRole('radio', { name: /SVR5/ }).click();
  await expect(page).toHaveURL(/scenario=svr5-default/);
  await page.getByRole('radio', { name: /Windows/ }).click();
  await expect(page).toHaveURL(/scenario=windows-default&step=4/);
});

test('a reload keeps what was open and half-typed: the editor with an incomplete question, the palette, the log filter', async ({
  page,
}) => {
  await page.goto('/');
  await expect(beep(page)).toBeVisible();
  // The log filter and the palette of every action.
  const filter = page.getByRole('searchbox', { name: 'Filter the event log' });
  await filter.fill('Beep');
  await expect(page.getByTestId('event-log').getByRole('status')).toContainText('steps match');
  const matched = await page.getByTestId('event-log').getByRole('status').textContent();
  await page.getByRole('button', { name: '☰ All actions' }).click();
  await expect(page.getByRole('complementary', { name: 'All actions' })).toBeVisible();
  // A question half-written in the editor: one choice, not saved yet.
  await page.keyboard.press('e');
  const editor = page.getByRole('dialog', { name: 'Record a lesson' });
  const step1 = editor.locator('[data-editor-step="1"]');
  await step1.getByText('Question (asked before this step is shown)').click();
  await step1.getByLabel('Question').fill('Does the driver load?');
  await step1.getByLabel('Choices, one per line').fill('Yes');
  await expect(step1).toContainText('Not saved yet: give at least two choices');

  await page.reload();
  await expect(beep(page)).toBeVisible();
  const again = page.getByRole('dialog', { name: 'Record a lesson' });
  await expect(again).toBeVisible();
  const back = again.locator('[data-editor-step="1"]');
  await expect(back.getByLabel('Question')).toHaveValue('Does the driver load?');
  await expect(back.getByLabel('Choices, one per line')).toHaveValue('Yes');
  await expect(back).toContainText('Not saved yet: give at least two choices');
  // Finished after the reload, it is saved as any question is.
  await back.getByLabel('Choices, one per line').fill('Yes\nNo');
  await expect(back).not.toContainText('Not saved yet');
  await again.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('complementary', { name: 'All actions' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Filter the event log' })).toHaveValue('Beep');
  await expect(page.getByTestId('event-log').getByRole('status')).toHaveText(matched ?? '');
  await expect(offer(page)).toHaveCount(0);
});
