import type { Page } from '@playwright/test';
import { EmbedHost, passOn } from './embedHost';
import { expect, test } from './fixtures';
import { CSP } from './hosting';

/**
 * The built app, the embed and the library pages run under a strict
 * Content-Security-Policy (the one the README and docs/embed.md give: hosting.ts): no inline script,
 * no eval, no inline style element or attribute. Every document is served
 * with the header; any violation is reported by the page and fails.
 */

async function strict(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    await passOn(route, undefined, { 'content-security-policy': CSP });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    all.push(
      ...(await frame.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])),
    );
  }
  return all;
}

test.describe('under a strict Content-Security-Policy', () => {
  test('the app loads, steps, exports images and imports a file with no violation', async ({ page }) => {
    await strict(page);
    await page.goto('/');
    const beep = page.locator('.react-flow__node[data-id="driver:Beep"]');
    await expect(beep).toBeVisible();
    await beep.click();
    await page.getByRole('button', { name: 'Stop (sc stop)', exact: true }).click();
    await expect(page.getByText('step 10 / 10')).toBeVisible();
    await page.getByRole('button', { name: 'Share' }).click();
    for (const name of ['Export SVG', 'Export PNG']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.(svg|png)$/);
    }
    await page.getByTestId('import-file').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": 1}'),
    });
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('the embed, in a host page and driven by it, with no violation', async ({ page, baseURL }) => {
    await strict(page);
    const host = new EmbedHost(page, baseURL!);
    await host.open('/embed.html?scenario=windows-default&controls=full');
    await host.expectMessage('ready');
    await host.send({ type: 'dispatch', action: { do: 'stopDriver', driver: 'Beep' } });
    await host.expectMessage('state', { step: 10 });
    await expect(host.frame().locator('.react-flow__node[data-id="driver:Beep"]')).toContainText(
      'Unload Pending',
    );
    expect(await violations(page)).toEqual([]);
  });

  test('the example page (frame, React component, custom element) with no violation', async ({ page }) => {
    await strict(page);
    await page.goto('/examples/');
    await expect(page.frameLocator('#lens-frame').getByText('step 9 / 9')).toBeVisible();
    await expect(page.locator('#react-lens .react-flow__node[data-id="module:asyc"]')).toBeVisible();
    await expect(page.locator('unload-visualizer .react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await page.goto('/examples/elements.html');
    await expect(page.locator('#three .react-flow__node').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('when the program cannot load', () => {
  test.use({ allowedPageErrors: /Failed to load resource|net::ERR_FAILED/ });
  for (const path of ['/', '/embed.html?scenario=windows-default']) {
    test(`${path} says so, under the strict policy, instead of a blank page`, async ({ page }) => {
      await strict(page);
      // Every script of the build fails to load, as when the network drops mid-load.
      await page.route('**/assets/*.js', (route) => route.abort('failed'));
      await page.goto(path);
      const failure = page.getByRole('alert');
      await expect(failure).toContainText('Unload Lens could not start.');
      await expect(failure).toContainText('did not load');
      await expect(page.getByText('Loading Unload Lens…')).toBeHidden();
      expect(await violations(page)).toEqual([]);
    });
  }
});
