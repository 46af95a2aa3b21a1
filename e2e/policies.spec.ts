import { expect, test } from './fixtures';
import {
  CSP,
  serveDist,
  STRICT_CSP,
  violations,
  watchViolations,
  workerActive,
  type DistServer,
} from './hosting';

/**
 * The app under the strictest policy the README documents: Trusted Types enforced for scripts
 * (`require-trusted-types-for 'script'`, only the app's own policy allowed) and no `data:`
 * images. The service worker still registers (its URL goes through the policy), so offline
 * works; nothing is reported, the favicon included (a file, not a `data:` URL).
 */
test.use({ serviceWorkers: 'allow' });

let server: DistServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

for (const [name, csp] of [
  ['the documented policy (with data:)', CSP],
  ['the strict policy (Trusted Types, no data:)', STRICT_CSP],
] as const) {
  test(`under ${name}: no violation, the favicon loads, and offline works`, async ({ page, context }) => {
    server = await serveDist(csp);
    await watchViolations(page);
    const favicon = page.waitForResponse((r) => r.url().endsWith('/icon.svg'));
    await page.goto(`${server.url}/`);
    await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    expect((await favicon).status()).toBe(200);
    await expect(page.locator('link[rel="icon"]')).not.toHaveAttribute('href', /^data:/);
    await workerActive(page);
    expect(await violations(page)).toEqual([]);

    await server.close();
    await context.setOffline(true);
    const before = server.requests();
    await page.reload();
    await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.goto(`${server.url}/embed.html?scenario=svr5-default&step=2&controls=full`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(server.requests(), 'nothing reached the (stopped) server').toBe(before);
  });
}

test.describe(() => {
  // The refusal the test provokes on purpose is reported on the console.
  test.use({ allowedPageErrors: /requires 'TrustedScriptURL' assignment/ });
  test('Trusted Types really are enforced by the strict policy: a string script URL is refused', async ({
    page,
  }) => {
    server = await serveDist(STRICT_CSP);
    await page.goto(`${server.url}/`);
    await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    const refused = await page.evaluate(() => {
      try {
        document.createElement('script').src = './sw.js';
        return 'accepted';
      } catch (e) {
        return e instanceof TypeError ? 'refused' : String(e);
      }
    });
    expect(refused).toBe('refused');
    // The app's registration went through its policy: the page is controlled by the worker.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active)))
      .toBe(true);
  });
});
