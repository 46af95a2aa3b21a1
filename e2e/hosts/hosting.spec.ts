import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { CSP, serveFolder, type FolderServer } from '../hosting';

/**
 * `dist/` as README's Hosting section says to serve it, but from a folder
 * of a site (`/docs/lens/`), not its root, and used from a page of another
 * origin: the app, the embed, the example pages and the element script all
 * work, nothing 404s, and no page claims its scripts were blocked.
 */

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const servers: FolderServer[] = [];
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function serve(...args: Parameters<typeof serveFolder>) {
  const s = await serveFolder(...args);
  servers.push(s);
  return s;
}

/** Requests of the page that failed (404, blocked), to say which. */
function failures(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // (A request cut short by the next navigation is no failure of the site.)
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${r.url()}`);
  });
  return failed;
}

const stepText = /^step \d+ \/ \d+$/;

test('dist/ served from a subfolder: the app, the embed and the example pages work', async ({ page }) => {
  const site = await serve(dist, { prefix: '/docs/lens/', headers: { 'content-security-policy': CSP } });
  const failed = failures(page);

  await page.goto(`${site.url}embed.html?scenario=windows-default&step=9`);
  await expect(page.getByText(stepText)).toHaveText('step 9 / 9');
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(page.locator('.boot-wait, #boot-failure:not([hidden])')).toHaveCount(0);

  await page.goto(site.url);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('.boot-wait, #boot-failure:not([hidden])')).toHaveCount(0);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
    return { href, status: (await fetch(href)).status };
  });
  expect(manifest).toEqual({ href: `${site.url}manifest.webmanifest`, status: 200 });

  await page.goto(`${site.url}examples/`);
  await expect(page.frameLocator('#lens-frame').getByText('step 9 / 9')).toBeVisible();
  await expect(page.locator('#react-lens .react-flow__node[data-id="module:asyc"]')).toBeVisible();
  await expect(page.locator('unload-visualizer').getByText(stepText)).toHaveText('step 8 / 9');
  expect(failed).toEqual([]);
});

test('the element script of dist/ from another origin: loads with CORS, not without', async ({ page }) => {
  const lens = await serve(dist, { prefix: '/docs/lens/', headers: { 'access-control-allow-origin': '*' } });
  const closed = await serve(dist, { prefix: '/docs/lens/' });
  const html = (from: string) => `<!doctype html><html lang="en"><head><title>docs</title>
    <script type="module" src="${from}unload-lens-element.js"></script></head>
    <body><unload-visualizer scenario="svr5-default" step="2"></unload-visualizer></body></html>`;
  // Two pages of the docs site, one loading the script from each lens server.
  const docs = await serve(dist, {
    prefix: '/docs/',
    pages: { 'open.html': html(lens.url), 'closed.html': html(closed.url) },
  });

  await page.goto(`${docs.url}open.html`);
  await expect(page.locator('unload-visualizer').getByText(stepText)).toHaveText(/^step 2 \//);
  await expect(page.locator('unload-visualizer .react-flow__node[data-id="module:usbd"]')).toBeVisible();

  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') blocked.push(m.text());
  });
  await page.goto(`${docs.url}closed.html`);
  await expect.poll(() => blocked.join('\n')).toMatch(/CORS|Access-Control-Allow-Origin/);
  expect(await page.evaluate(() => customElements.get('unload-visualizer'))).toBeUndefined();
});

test('embed.html of dist/ in a subfolder, framed by a page of another origin that the headers allow', async ({
  page,
}) => {
  let src = '';
  const docs = await serve(dist, {
    prefix: '/docs/',
    pages: {
      get 'framed.html'() {
        return `<!doctype html><html lang="en"><head><title>docs</title></head><body>
        <iframe id="lens" title="Unload Lens" src="${src}" style="width:100%;height:480px;border:0"></iframe></body></html>`;
      },
    },
  });
  const lens = await serve(dist, {
    prefix: '/docs/lens/',
    headers: {
      'content-security-policy': CSP.replace(
        "frame-ancestors 'self'",
        `frame-ancestors 'self' ${docs.origin}`,
      ),
    },
  });
  src = `${lens.url}embed.html?scenario=windows-default&step=9&origins=${docs.origin}`;
  // What the frame says to the page, from the start (its `ready` may come before the test listens).
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    addEventListener('message', (e: MessageEvent<{ type?: string }>) => heard.push(String(e.data?.type)));
  });
  await page.goto(`${docs.url}framed.html`);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard))
    .toContain('ready');
  const frame = page.frameLocator('#lens');
  await expect(frame.getByText(stepText)).toHaveText('step 9 / 9');
  await expect(frame.locator('.boot-wait, #boot-failure:not([hidden])')).toHaveCount(0);
});

test.describe('with its service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('dist/ in a subfolder registers its service worker for that folder, and the embed opens offline', async ({
    page,
    context,
  }) => {
    const site = await serve(dist, { prefix: '/docs/lens/', headers: { 'content-security-policy': CSP } });
    await page.goto(site.url);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.url);
    // Everything precached: the embed opens with the site gone.
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).length), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      for (const k of keys)
        if ((await (await caches.open(k)).keys()).some((r) => r.url.endsWith('embed.html'))) return true;
      return false;
    });
    await context.setOffline(true);
    await site.close();
    await page.goto(`${site.url}embed.html?scenario=windows-default&step=9`);
    await expect(page.getByText(stepText)).toHaveText('step 9 / 9');
  });
});
