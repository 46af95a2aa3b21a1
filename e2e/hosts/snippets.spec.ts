import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { CSP, serveFolder, type FolderServer } from '../hosting';
import { placed, snippets } from './snippets';

/**
 * Every HTML snippet of README and docs/embed.md, as written, on a page of
 * a docs site (another origin), with YOUR-HOST replaced by servers of dist/
 * (at a site's root and in a folder, each sending the headers README's
 * Hosting section gives). (The React snippets: e2e/hosts/hosts.spec.ts.)
 */

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const servers: FolderServer[] = [];
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const html = snippets().filter((s) => s.lang === 'html');

test('README and docs/embed.md have HTML snippets to try', () => {
  expect(html.map((s) => s.name)).toEqual(expect.arrayContaining(['readme-1', 'readme-3', 'embed-1']));
});

for (const snippet of html)
  test(`${snippet.file}'s snippet ${snippet.name}, as written, works on another origin`, async ({ page }) => {
    let body = '';
    const docs = await serveFolder(dist, {
      prefix: '/docs/',
      pages: {
        get 'page.html'() {
          return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${snippet.name}</title></head>
            <body><main>${body}</main><div style="height:2000px"></div></body></html>`;
        },
      },
    });
    servers.push(docs);
    const headers = {
      'access-control-allow-origin': docs.origin,
      'content-security-policy': CSP.replace(
        "frame-ancestors 'self'",
        `frame-ancestors 'self' ${docs.origin}`,
      ),
    };
    const root = await serveFolder(dist, { headers });
    const folder = await serveFolder(dist, { prefix: '/unload-lens/', headers });
    servers.push(root, folder);
    body = placed(snippet.code, { root: root.url, folder: folder.url }, docs.origin);

    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // (The browser asks the docs site for a favicon it has none of.)
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
    });
    await page.goto(`${docs.url}page.html`);

    const stepText = /^step \d+ \/ \d+$/;
    if (/<iframe/.test(snippet.code)) {
      const frame = page.frameLocator('iframe');
      // (On step 9, or where the snippet's own script sends it once the frame is ready.)
      await expect(frame.getByText(stepText)).toBeVisible();
      await expect(frame.locator('.react-flow__node').first()).toBeVisible();
      // The page hears the frame: it sizes it to its content (no inner scroll bar).
      await expect
        .poll(async () => (await page.locator('iframe').boundingBox())?.height ?? 0)
        .toBeGreaterThan(300);
    }
    if (/<unload-visualizer/.test(snippet.code)) {
      const lens = page.locator('unload-visualizer');
      const button = page.getByRole('button', { name: 'Show the visualizer' });
      if (await button.count()) {
        await expect(lens.locator('.react-flow__node')).toHaveCount(0);
        await button.click();
      }
      await expect(lens.getByText(stepText)).toBeVisible();
      await expect(lens.locator('.react-flow__node').first()).toBeVisible();
      expect(await lens.evaluate((el) => el.shadowRoot !== null)).toBe(true);
    }
    expect(errors).toEqual([]);
  });
