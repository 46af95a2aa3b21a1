import { expect, test } from './fixtures';
import { serveDist, violations, watchViolations, workerActive, type DistServer } from './hosting';

/**
 * Offline: once loaded, the app, a lesson and the embed open with no
 * network — the origin's server stopped and the browser offline — from the
 * service worker's cache, every page and the worker itself served with the
 * strict Content-Security-Policy (hosting.ts) and no violation. A new
 * version is offered and waits for the user; it never reloads the page
 * mid-lesson.
 */
test.use({ serviceWorkers: 'allow' });

let server: DistServer;
test.beforeEach(async () => {
  server = await serveDist();
});
test.afterEach(async () => {
  await server.close();
});

test('once loaded, the app, a lesson and the embed open with no network', async ({ page, context }) => {
  await watchViolations(page);
  await page.goto(`${server.url}/`);
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await workerActive(page);

  await server.close();
  await context.setOffline(true);
  const before = server.requests();

  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await page.locator('.react-flow__node[data-id="driver:Beep"]').click();
  await page.getByRole('button', { name: 'Stop (sc stop)', exact: true }).click();
  await expect(page.getByText('step 10 / 10')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto(`${server.url}/?lesson=leaked-handle&step=2`);
  await expect(page.getByText('step 2 / 5')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="driver:Beeper"]')).toBeVisible();

  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();

  await page.goto(`${server.url}/embed.html?scenario=svr5-default&step=2&controls=full`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByText(/step 2 \/ 7/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(server.requests(), 'nothing reached the (stopped) server').toBe(before);
});

test('a new version is offered, and waits for the user, never reloading mid-lesson', async ({ page }) => {
  await page.goto(`${server.url}/?lesson=leaked-handle&step=2`);
  await expect(page.getByText('step 2 / 5')).toBeVisible();
  await workerActive(page);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  server.publishUpdate();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const offer = page.getByTestId('update-offer');
  await expect(offer).toContainText('A new version of Unload Lens is ready');
  expect(await page.evaluate(() => 'sameDocument' in window), 'not reloaded').toBe(true);
  await expect(page.getByText('step 2 / 5')).toBeVisible();

  await offer.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => !('sameDocument' in window));
  await expect(page.getByText('step 2 / 5')).toBeVisible();
  await expect(page.getByTestId('update-offer')).toHaveCount(0);
});
