import type { Page } from '@playwright/test';
import { EmbedHost, passOn } from './embedHost';
import { expect, test } from './fixtures';

/**
 * The SDK (dist/unload-lens-sdk.js) as a documentation page on another
 * origin uses it: one `<script type="module">` importing it from where the
 * frame is served, a frame, and promises (docs/embed.md, "The SDK").
 */

const LENS = 'http://lens.test';
const DOCS = 'http://docs.test';

async function openDocs(page: Page, baseURL: string, frameQuery: string, timeout = 10_000) {
  await EmbedHost.proxy(page, LENS, baseURL);
  // Served from the frame's origin, as a host would load it (with the CORS header a module from another origin needs).
  await page.route(`${LENS}/unload-lens-sdk.js`, (route) =>
    passOn(route, `${baseURL}/unload-lens-sdk.js`, { 'access-control-allow-origin': DOCS }),
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A driver guide</title>
<script type="module" src="/guide.js"></script></head>
<body><h1>Unloading a driver</h1>
<iframe id="lens" title="Unload Lens" style="width:100%;border:0" src="${LENS}/embed.html?${frameQuery}"></iframe></body></html>`;
  const js = `import { connect } from '${LENS}/unload-lens-sdk.js';
const lens = connect(document.getElementById('lens'), { timeout: ${timeout} });
window.lens = lens;
window.heard = [];
window.stop = lens.on('state', (s) => window.heard.push(s.step));`;
  await page.route(`${DOCS}/guide.html`, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.route(`${DOCS}/guide.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: js }));
  await page.goto(`${DOCS}/guide.html`);
}

interface Lens {
  ready: Promise<{ step: number; steps: number; version: number }>;
  goto(n: number): Promise<{ step: number; note?: string }>;
  step(d?: number): Promise<{ step: number; note?: string }>;
  dispatch(a: string, args?: object): Promise<{ step: number; status: string }>;
  openLesson(id: string, step?: number): Promise<{ step: number; title: string }>;
  select(id: string): Promise<unknown>;
}
type HostWindow = Window & { lens: Lens; heard: number[]; stop(): void };

test.describe('the SDK', () => {
  test('drives a frame on another origin with promises that settle with each reply', async ({
    page,
    baseURL,
  }) => {
    await openDocs(page, baseURL!, `scenario=windows-default&step=2&origins=${encodeURIComponent(DOCS)}`);
    const frame = page.frameLocator('#lens');
    const ready = await page.evaluate(() => (window as unknown as HostWindow).lens.ready);
    expect(ready).toMatchObject({ version: 1, step: 2, steps: 9 });

    const three = await page.evaluate(() => (window as unknown as HostWindow).lens.goto(3));
    expect(three.step).toBe(3);
    await expect(frame.getByText('step 3 / 9')).toBeVisible();
    const far = await page.evaluate(() => (window as unknown as HostWindow).lens.step(1000));
    expect(far).toMatchObject({ step: 9, note: /delta 1000 from step 3 .* showing step 9/ });

    const stopped = await page.evaluate(() =>
      (window as unknown as HostWindow).lens.dispatch('stopDriver', { driver: 'Beep' }),
    );
    expect(stopped).toMatchObject({ step: 10, status: 'STATUS_SUCCESS' });
    await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toContainText('Unload Pending');
    await page.evaluate(() => (window as unknown as HostWindow).lens.select('driver:Beep'));
    await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toHaveClass(/selected/);

    // A refused kernel action rejects with the kernel's status and reason.
    const refused = await page.evaluate(() =>
      (window as unknown as HostWindow).lens.dispatch('closeHandle', { handle: 'nope' }).then(
        () => null,
        (e: { name: string; kind: string; status: string; message: string }) => ({
          name: e.name,
          kind: e.kind,
          status: e.status,
          message: e.message,
        }),
      ),
    );
    expect(refused).toMatchObject({
      name: 'LensError',
      kind: 'refused',
      status: expect.stringMatching(/^STATUS_/),
    });

    const lesson = await page.evaluate(() =>
      (window as unknown as HostWindow).lens.openLesson('leaked-handle', 2),
    );
    expect(lesson.step).toBe(2);
    await expect(frame.getByText('step 2 / 5')).toBeVisible();

    const heard = await page.evaluate(() => (window as unknown as HostWindow).heard);
    expect(heard).toEqual(expect.arrayContaining([3, 9, 10, 11, 2]));
    // Sized to its content by the SDK.
    await expect.poll(async () => (await page.locator('#lens').boundingBox())!.height).toBeGreaterThan(300);
  });

  test.describe('a frame that does not allow the page', () => {
    // The frame says so as an error in its console, on purpose.
    test.use({ allowedPageErrors: /does not answer the page at/ });

    test('ready fails, saying what to check; the frame says it too', async ({ page, baseURL }) => {
      await openDocs(page, baseURL!, 'scenario=windows-default', 1500);
      const failed = await page.evaluate(() =>
        (window as unknown as HostWindow).lens.ready.then(
          () => 'ready',
          (e: Error) => e.message,
        ),
      );
      expect(failed).toBe(
        `Unload Lens at ${LENS} did not answer "ready" within 1500 ms: check the frame's src, and that its origins= names this page (${DOCS})`,
      );
      await expect(page.frameLocator('#lens').getByTestId('link-notice')).toContainText(
        `add origins=${DOCS}`,
      );
    });
  });
});
