import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';
import { serveFolder, type FolderServer } from './hosting';

/**
 * The embed (embed.html) and the custom element (unload-lens-element.js) run on Preact through
 * preact/compat (scripts/vite-preact.mjs), the app on React. What React gave and Preact must
 * give too: React Flow's pointer (drag a node, wheel and buttons zoom) and our graph keys, which
 * keep focus on the object each arrow selects (React flushes a key press's effects before the
 * paint; src/lib/preactClient.ts makes Preact do the same, else focus fell to the body).
 * Run after `npm run build`.
 */

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every script a start file may load: its static imports and every `import()` (quotes or backticks). */
function scriptsFrom(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const at = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of readFileSync(`${dist}${file}`, 'utf8').matchAll(
      /["'`]\.\/((?:assets\/)?[\w.-]+\.js)["'`]/g,
    )) {
      const next = `${at}${m[1]!}`;
      if (next !== `${at}sw.js`) visit(next);
    }
  };
  visit(start);
  return [...seen];
}
const entryOf = (page: string) =>
  /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(readFileSync(`${dist}${page}`, 'utf8'))![1]!;
/** react-dom's production build names its error page; Preact's core has its render queue's hook. */
const REACT_DOM = 'react.dev/errors';
const PREACT = 'debounceRendering';
const carries = (files: readonly string[], marker: string) =>
  files.some((f) => readFileSync(`${dist}${f}`, 'utf8').includes(marker));

test('the embed and the element carry Preact and no React; the app keeps React', () => {
  const embed = scriptsFrom(entryOf('embed.html'));
  const element = scriptsFrom('unload-lens-element.js');
  const app = scriptsFrom(entryOf('index.html'));
  expect(embed.length).toBeGreaterThan(5);
  expect(element.length).toBeGreaterThan(5);
  expect({ embed: carries(embed, REACT_DOM), element: carries(element, REACT_DOM) }).toEqual({
    embed: false,
    element: false,
  });
  expect({ embed: carries(embed, PREACT), element: carries(element, PREACT) }).toEqual({
    embed: true,
    element: true,
  });
  // The check can fail: the app's scripts have react-dom.
  expect(carries(app, REACT_DOM)).toBe(true);
});

/** Arrow, Home and End from Windows' first object at step 9, and where each lands (as on React). */
const WALK: readonly (readonly [string, string])[] = [
  ['ArrowDown', 'device:BusEnumFdo'],
  ['ArrowDown', 'device:ToasterPdo'],
  ['ArrowRight', 'device:Beep'],
  ['ArrowUp', 'driver:Beep'],
  ['End', 'device:ToasterPdo'],
  ['Home', 'driver:BusEnum'],
];

/** What has focus: a node's id, else the focused element's tag (`button`, `body`). */
type Focused = () => Promise<string>;

/** Walks the graph by keys. */
async function walkByKeys(page: Page, graph: Locator, focused: Focused) {
  await graph.locator('.react-flow__node[tabindex="0"]').focus();
  expect(await focused()).toBe('driver:BusEnum');
  for (const [key, lands] of WALK) {
    await page.keyboard.press(key);
    await expect.poll(focused, `${key} → ${lands}`).toBe(lands);
    await expect(graph.locator('.react-flow__node.selected')).toHaveAttribute('data-id', lands);
    // Still there once the graph has drawn the selection (on Preact without its fix, focus fell to
    // the body a frame or more after the arrow, while React Flow measured the node again).
    await page.waitForTimeout(400);
    expect(await focused(), `${key}: focus kept on ${lands}`).toBe(lands);
  }
  // Enter: the object's first action; G: back to the graph.
  await page.keyboard.press('Enter');
  await expect.poll(focused).toBe('button');
  await page.keyboard.press('g');
  await expect.poll(focused).toBe('driver:BusEnum');
}

/** Drags a node and zooms with the wheel and the zoom button: each moves what it should. */
async function dragAndZoom(page: Page, graph: Locator) {
  const node = graph.locator('.react-flow__node[data-id="driver:Beep"]');
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 60, before.y + before.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  const after = (await node.boundingBox())!;
  expect(Math.round(after.x - before.x)).toBe(60);
  expect(Math.round(after.y - before.y)).toBe(30);

  const viewport = graph.locator('.react-flow__viewport');
  const scale = async () =>
    Number(/scale\(([\d.]+)\)/.exec((await viewport.getAttribute('style')) ?? '')?.[1]);
  const start = await scale();
  await graph.getByRole('button', { name: /zoom in/i }).click();
  await expect.poll(scale).toBeGreaterThan(start);
  const zoomed = await scale();
  const pane = (await graph.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(scale).toBeLessThan(zoomed);
}

test.describe('the embed on Preact', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto('/embed.html?scenario=windows-default&step=9&controls=full');
    await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  });

  test('arrow keys move focus from object to object, Enter to its actions, G back', async ({ page }) => {
    const focused = () =>
      page.evaluate(() => {
        const at = document.activeElement;
        return at?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? at?.tagName.toLowerCase() ?? '';
      });
    await walkByKeys(page, page.locator('.react-flow'), focused);
  });

  test('a node drags, the wheel and the buttons zoom', async ({ page }) => {
    await dragAndZoom(page, page.locator('.react-flow'));
  });
});

test.describe('the element on Preact, from dist/', () => {
  let site: FolderServer;
  test.beforeAll(async () => {
    site = await serveFolder(dist, {
      pages: {
        'two.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two visualizers</title>
          <script type="module" src="./unload-lens-element.js"></script></head><body><main>
          <h1>Two visualizers</h1>
          <unload-visualizer id="one" scenario="windows-default" step="9" controls="full"></unload-visualizer>
          <unload-visualizer id="two" scenario="svr5-default" step="2"></unload-visualizer>
          </main></body></html>`,
      },
    });
  });
  test.afterAll(async () => {
    await site.close();
  });

  test('keys, drag and zoom inside its shadow root; two on a page are independent and axe-clean', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${site.url}two.html`);
    const one = page.locator('unload-visualizer#one');
    const two = page.locator('unload-visualizer#two');
    await expect(one.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await expect(two.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
    await checkA11y(page, 'two elements on Preact');

    // Focus inside the element is its shadow root's.
    const focused = () =>
      page.evaluate(() => {
        const at = document.querySelector('#one')!.shadowRoot!.activeElement;
        return at?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? at?.tagName.toLowerCase() ?? '';
      });
    await one.locator('.react-flow').scrollIntoViewIfNeeded();
    await dragAndZoom(page, one.locator('.react-flow'));
    await walkByKeys(page, one.locator('.react-flow'), focused);
    // The other one did not move.
    await expect(two.getByText(/^step \d+ \/ \d+$/)).toHaveText(/^step 2 \//);
    await expect(two.locator('.react-flow__node.selected')).toHaveCount(0);
  });
});
