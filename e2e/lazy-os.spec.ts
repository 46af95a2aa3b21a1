import { fileURLToPath } from 'node:url';
import { AppPage } from './app';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveFolder, type FolderServer } from './hosting';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Each OS's kernel loads when a world of it is first wanted (src/kernel/os.ts `loadOs`): a Windows
 * page never downloads SVR5's (`…svr5Kernel-….js`); switching to SVR5, an SVR5 lesson's link, an SVR5
 * scenario in the iframe or the element loads it, and the SVR5 world draws as before.
 */
const SVR5_KERNEL = /svr5Kernel-[\w-]+\.js$/;

function kernelRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (SVR5_KERNEL.test(r.url())) seen.push(r.url());
  });
  return seen;
}

test('the app on Windows does not load SVR5’s kernel; switching to SVR5 loads it and draws its world', async ({
  page,
}) => {
  const requested = kernelRequests(page);
  const app = new AppPage(page);
  await app.open();
  await expect(app.node('driver:Beep')).toBeVisible();
  expect(requested, 'no SVR5 kernel on a Windows first view').toEqual([]);

  await page.getByRole('radio', { name: 'SVR5 (DDI)' }).click();
  await expect(app.node('module:asyc')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'SVR5 (DDI)' })).toHaveAttribute('aria-checked', 'true');
  expect(requested).toHaveLength(1);

  // Back and forth: each OS keeps its session, and the kernel is not fetched again.
  await page.getByRole('radio', { name: 'Windows (WDM)' }).click();
  await expect(app.node('driver:Beep')).toBeVisible();
  await page.getByRole('radio', { name: 'SVR5 (DDI)' }).click();
  await expect(app.node('module:asyc')).toBeVisible();
  expect(requested).toHaveLength(1);
});

test('an SVR5 lesson opened by its link draws its world at the step asked', async ({ page }) => {
  const requested = kernelRequests(page);
  await page.goto('/?lesson=svr5-busy-while-open&step=1');
  await expect(page.locator('.react-flow__node[data-id^="module:"]').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'SVR5 (DDI)' })).toHaveAttribute('aria-checked', 'true');
  await expect(page).toHaveURL(/lesson=svr5-busy-while-open&step=1/);
  expect(requested).toHaveLength(1);
});

test('the iframe embed: a Windows scenario without SVR5’s kernel, an SVR5 one with it', async ({ page }) => {
  const requested = kernelRequests(page);
  await page.goto('/embed.html?scenario=windows-default&step=3');
  await expect(page.locator('.react-flow__node[data-id="driver:BusEnum"]')).toBeVisible();
  expect(requested).toEqual([]);

  await page.goto('/embed.html?scenario=svr5-default&step=2');
  await expect(page.locator('.react-flow__node[data-id^="module:"]').first()).toBeVisible();
  expect(requested).toHaveLength(1);
});

test.describe('the element', () => {
  let site: FolderServer;
  test.beforeAll(async () => {
    site = await serveFolder(dist, {
      pages: {
        'one.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One visualizer</title>
          <script type="module" src="./unload-lens-element.js"></script></head><body><main>
          <h1>One visualizer</h1>
          <unload-visualizer id="v" scenario="windows-default"></unload-visualizer>
          </main></body></html>`,
      },
    });
  });
  test.afterAll(async () => {
    await site.close();
  });

  test('an SVR5 scenario set as its attribute loads SVR5’s kernel and draws', async ({ page }) => {
    const requested = kernelRequests(page);
    await page.goto(`${site.url}one.html`);
    const node = (id: string) =>
      page.locator('unload-visualizer#v').locator(`.react-flow__node[data-id="${id}"]`);
    await expect(node('driver:Beep')).toBeVisible();
    expect(requested).toEqual([]);
    await page.evaluate(() => document.getElementById('v')!.setAttribute('scenario', 'svr5-default'));
    await expect(node('module:asyc')).toBeVisible();
    expect(requested).toHaveLength(1);
  });
});
