import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveFolder, type FolderServer } from '../hosting';
import { prepareHosts, type Hosts } from './prepare';
import { snippets } from './snippets';

/**
 * The package in real hosts (issue 18): the tarball `npm pack` makes,
 * installed into fresh Vite apps of React 19 and React 18, and its element
 * script loaded by plain pages of another origin — each drawn in Chromium.
 */

test.describe.configure({ mode: 'serial' });

let hosts: Hosts;
const servers: FolderServer[] = [];

test.beforeAll(async () => {
  // Building, packing and (the first time) installing: minutes on a shared machine.
  test.setTimeout(900_000);
  hosts = await prepareHosts();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `hosts: tarball ${kb(hosts.tarball.bytes)}, ${hosts.tarball.files} files; ` +
      `the element script ${kb(hosts.element.first)} gzip JS before it runs, ${kb(hosts.element.total)} with all it loads later; ` +
      hosts.react
        .map(
          (r) =>
            `React ${r.react} host: the package adds ${kb(r.js.total - r.js.baseline)} gzip JS ` +
            `(${kb(r.js.first - r.js.baseline)} in the first view)`,
        )
        .join('; '),
  );
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(...args: Parameters<typeof serveFolder>) {
  const s = await serveFolder(...args);
  servers.push(s);
  return s;
}

const stepOf = (el: Locator) => el.getByText(/^step \d+ \/ \d+$/);

/** The page's keys reach the page: Space and ↓ scroll it while nothing of the visualizer has focus. */
async function keysScrollThePage(page: Page) {
  // The page must be long enough to scroll first: parts drawn late (the graph) still grow it.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), {
      message: 'the host page is long enough to scroll',
    })
    .toBeGreaterThan(200);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // ↓ first (a line), then Space (a screen): Space first could reach the page's end, leaving ↓ nothing.
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(() => page.evaluate(() => window.scrollY), { message: '↓ scrolls the host' })
    .toBeGreaterThan(0);
  const after = await page.evaluate(() => window.scrollY);
  // Pressed again until it scrolls: on a loaded machine a press's scroll was sometimes lost (scrollY stayed
  // put while nothing prevented the key). A page that kept Space from the host would never scroll here.
  await expect(async () => {
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.scrollY), 'Space scrolls the host').toBeGreaterThan(after + 100);
  }).toPass({ timeout: 15_000 });
}

/** The page's `* { font: 20px serif; letter-spacing; text-transform }` stops at the visualizer's boundary. */
async function hostStylesStayOut(visualizer: Locator) {
  const node = visualizer.locator('.react-flow__node[data-id="driver:Beep"]');
  await expect(node).toBeVisible();
  const style = await node.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontFamily, size: s.fontSize, spacing: s.letterSpacing, transform: s.textTransform };
  });
  expect(style.font).not.toMatch(/^serif$/);
  expect(style.font).toMatch(/sans/);
  expect(style.size).not.toBe('20px');
  expect(style.spacing).toBe('normal');
  expect(style.transform).toBe('none');
  // Nor do its borders and paddings on every div reach the visualizer's own.
  const pane = visualizer.locator('.react-flow__pane');
  expect(await pane.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('0px');
}

test('the package: ES modules only (no CommonJS require in any built file)', () => {
  const files = readdirSync(hosts.lib).filter((f) => f.endsWith('.js'));
  expect(files).toContain('unload-lens.js');
  expect(files).toContain('unload-lens-element.js');
  const withRequire = files.filter((f) => /\brequire\b/.test(readFileSync(join(hosts.lib, f), 'utf8')));
  expect(withRequire, 'built files that call require').toEqual([]);
  const pkg = JSON.parse(readFileSync(join(hosts.lib, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
    dependencies: Record<string, string>;
  };
  expect(pkg.peerDependencies.react).toMatch(/\^18\.3/);
  expect(pkg.peerDependencies.react).toMatch(/\^19/);
});

test('sizes: the element at most 200 KB gzip before it runs; the component at most 120 KB added to the first view of a React page', () => {
  // Measured and printed in beforeAll; what the targets hold today (the component's whole,
  // lazy parts included, is larger: 210 KB against 120; see the report).
  expect(hosts.element.first).toBeLessThanOrEqual(200 * 1024);
  for (const r of hosts.react)
    expect(r.js.first - r.js.baseline, `React ${r.react}`).toBeLessThanOrEqual(120 * 1024);
});

// The element with everything it may load (the live graph, the panels, every lesson's file): 286 KB
// on React, 219.8 on Preact (scripts/vite-preact.mjs), of which the lesson catalogue's text is about
// 24. NOT YET within issue 18's 200 KB; the cap keeps it from growing.
// 229.0 KB (npm run size) after this session's kernel mechanisms and lessons (issue 19).
// 219.0 KB once SVR5's kernel and rules load only for a world of SVR5 (11.4 KB more then, apart).
// 227.7 KB with issue 17's question drawn in the frame, issue 21's argument schemas and issue 22's
// cheaper moments (the checklist overview's record of reads), npm run size on the merged build.
const ELEMENT = { total: 200, totalCap: 228.7 };

test(`sizes: the element with all it may load is at most ${ELEMENT.totalCap} KB gzip`, () => {
  expect(hosts.element.total).toBeLessThanOrEqual(ELEMENT.totalCap * 1024);
});

test(`sizes: the element with all it may load meets issue 18's ${ELEMENT.total} KB gzip target`, () => {
  test.fail(true, `over its ${ELEMENT.total} KB target (not yet)`);
  expect(hosts.element.total).toBeLessThanOrEqual(ELEMENT.total * 1024);
});

for (const line of ['19', '18']) {
  const host = () => {
    const h = hosts.react.find((r) => r.react.startsWith(`${line}.`));
    if (!h) throw new Error(`no React ${line} host`);
    return h;
  };

  test(`React ${line} host: tsc --noEmit passes with skipLibCheck false`, () => {
    const h = host();
    expect(h.tsc.output, 'tsc --noEmit in the host').toBe('');
    expect(h.tsc.code).toBe(0);
  });

  test(`React ${line} host: builds with no chunk warning`, () => {
    // React 18's main chunk (React 18, the package's first view, its kernel) was 528 kB while the
    // package carried its styles twice (src/lib/styles.ts); 484 kB since.
    expect(host().buildLog).not.toMatch(/larger than \d+ kB|chunk size/i);
  });

  test(`React ${line} host: three visualizers draw and stay independent; the page's buttons drive step; keys stay the page's`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const site = await serve(host().dist);
    await page.goto(site.url);
    const controlled = page.locator('#controlled');
    const svr5 = page.locator('#svr5');
    await expect(controlled.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await expect(svr5.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
    await expect(stepOf(controlled)).toHaveText('step 9 / 9');
    await expect(stepOf(svr5)).toHaveText(/^step 2 \/ \d+$/);
    await expect(page.locator('#broken-said')).toContainText('no built-in scenario "no-such-scenario"');
    await expect(page.locator('#broken [role="alert"][data-failed]')).toHaveCount(0);
    // A lesson's scenario, loaded when named, lands on the page's step with nothing to say.
    await expect(stepOf(page.locator('#lesson'))).toHaveText(/^step 2 \//);
    await expect(page.locator('#lesson .react-flow__node').first()).toBeVisible();
    await expect(page.locator('#lesson-said')).toHaveText('');
    // Nothing took the page's focus on the way (a host page keeps its keys and its scroll position).
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    // Each moves alone.
    await controlled.getByRole('button', { name: 'Step back' }).click();
    await expect(stepOf(controlled)).toHaveText('step 8 / 9');
    await expect(stepOf(svr5)).toHaveText(/^step 2 \//);
    await svr5.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepOf(svr5)).toHaveText(/^step 3 \//);
    await expect(stepOf(controlled)).toHaveText('step 8 / 9');

    // Controlled: "Show step 3", the reader moves, "Show step 3" again brings it back.
    await page.getByRole('button', { name: 'Show step 3' }).click();
    await expect(stepOf(controlled)).toHaveText('step 3 / 9');
    await controlled.getByRole('button', { name: 'Step back' }).click();
    await expect(stepOf(controlled)).toHaveText('step 2 / 9');
    await expect(page.locator('#controlled-said')).toHaveText('step 2 of 9');
    await page.getByRole('button', { name: 'Show step 3' }).click();
    await expect(stepOf(controlled)).toHaveText('step 3 / 9');

    await keysScrollThePage(page);
    expect(errors).toEqual([]);
  });

  test(`React ${line} host: the docs' React snippets, as written, compile and draw`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const site = await serve(host().dist);
    await page.goto(`${site.url}snippets.html`);
    const names = snippets()
      .filter((s) => s.lang === 'tsx')
      .map((s) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) await expect(page.locator(`[data-snippet="${name}"]`).first()).toBeAttached();
    // README's: the component on its step.
    const readme = page.locator('[data-snippet="readme-2"]');
    await expect(stepOf(readme)).toHaveText('step 9 / 9');
    // docs/embed.md's controlled step: the page's button brings the view back after the reader moved.
    // (Found by what they say: every html and tsx block of a file counts in its snippets' numbers.)
    const named = (words: string) => snippets().find((s) => s.lang === 'tsx' && s.code.includes(words))!.name;
    const controlled = page.locator(`[data-snippet="${named('Show step 3 again')}"]`);
    await expect(stepOf(controlled)).toHaveText('step 9 / 9');
    await controlled.getByRole('button', { name: 'Show step 3 again' }).click();
    await expect(stepOf(controlled)).toHaveText('step 3 / 9');
    await controlled.getByRole('button', { name: 'Step back' }).click();
    await expect(stepOf(controlled)).toHaveText('step 2 / 9');
    await expect(controlled.getByText(/^step 2 of 9: /)).toBeVisible();
    await controlled.getByRole('button', { name: 'Show step 3 again' }).click();
    await expect(stepOf(controlled)).toHaveText('step 3 / 9');
    // Click to load.
    const onClick = page.locator(`[data-snippet="${named('Show the visualizer')}"]`);
    await expect(onClick.locator('.react-flow__node')).toHaveCount(0);
    await onClick.getByRole('button', { name: 'Show the visualizer' }).click();
    await expect(onClick.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test(`React ${line} host: hostile global CSS does not reach the component`, async ({ page }) => {
    const site = await serve(host().dist);
    await page.goto(`${site.url}hostile.html`);
    await hostStylesStayOut(page.locator('[data-unload-lens]'));
    await keysScrollThePage(page);
  });
}

/** The element script, from the unpacked tarball, on an origin of its own (with CORS, as README says). */
async function elementOrigin() {
  const lib = await serve(hosts.lib, { headers: { 'access-control-allow-origin': '*' } });
  const page = await serve(hosts.plain, { transform: (_, text) => text.replaceAll('__LENS__', lib.origin) });
  return { lib, page };
}

test('a plain page of another origin: three elements, each its own shadow root, state and keys', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const { page: site } = await elementOrigin();
  await page.goto(`${site.url}elements.html`);
  const [one, two, three] = ['#one', '#two', '#three'].map((id) => page.locator(`unload-visualizer${id}`));
  await expect(one!.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(two!.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
  await expect(stepOf(one!)).toHaveText('step 9 / 9');
  expect(await page.evaluate(() => document.activeElement === document.body), 'no element took focus').toBe(
    true,
  );
  expect(
    await page.evaluate(() => [...document.querySelectorAll('unload-visualizer')].map((e) => !!e.shadowRoot)),
  ).toEqual([true, true, true]);
  await one!.getByRole('button', { name: 'Step back' }).click();
  await expect(stepOf(one!)).toHaveText('step 8 / 9');
  await expect(stepOf(two!)).toHaveText(/^step 2 \//);
  // theme="blue" is said, and the element draws with its default theme.
  await expect.poll(() => warnings.join('\n')).toContain('theme="blue"');
  await expect(three!.locator('.react-flow__node').first()).toBeVisible();
  await expect(three!.locator('.visualizer')).toHaveAttribute('data-theme', /^(light|dark)$/);
  const said = await page.evaluate(async () => {
    const el = document.querySelector('#two')!;
    const heard = new Promise<string>((resolve) =>
      el.addEventListener('error', (e) => resolve((e as CustomEvent<{ message: string }>).detail.message)),
    );
    el.setAttribute('controls', 'most');
    return heard;
  });
  expect(said).toContain('controls="most"');
  await keysScrollThePage(page);
});

test('a plain page under hostile global CSS: the element is untouched', async ({ page }) => {
  const { page: site } = await elementOrigin();
  await page.goto(`${site.url}hostile.html`);
  await hostStylesStayOut(page.locator('unload-visualizer'));
});
