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
