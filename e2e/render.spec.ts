import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

/**
 * `npm run render` draws without a browser what the app's "Export SVG"
 * draws from the screen (docs/embed.md, "Images"): the same nodes, texts
 * and colours, the same layout within a tolerance (text in Node is placed
 * by an estimate of the fonts' widths).
 */

const run = promisify(execFile);

async function rendered(args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'src/render/cli.ts', ...args], { maxBuffer: 8 << 20 });
  return stdout;
}

async function exported(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

interface Word {
  readonly text: string;
  /** Where in the graph (flow units: the layout's own, before the slide's scale and centring). */
  readonly x: number;
  readonly y: number;
}

/** Every word of the graph's texts, where the slide shows it; and the caption's texts. */
function read(svg: string) {
  const g = /<g transform="translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)">([\s\S]*)<\/g>/.exec(svg);
  if (!g) throw new Error('no graph group in the SVG');
  const k = Number(g[3]);
  const words: Word[] = [];
  for (const t of g[4]!.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]*)<\/text>/g)) {
    const text = t[3]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
    // Words, and a name's parts between backslashes: where a line wraps may differ.
    for (const w of text.split(/[\s\\]+/).filter(Boolean))
      words.push({ text: w.toUpperCase(), x: Number(t[1]), y: Number(t[2]) });
  }
  const caption = [...svg.slice(0, g.index).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  const background = /<rect width="1920" height="1080" fill="([^"]+)"/.exec(svg)?.[1];
  return { words, caption, background, scale: k };
}

const sorted = (ws: readonly Word[]) => ws.map((w) => w.text).sort();
const rgb = (c: string) => {
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(c);
  if (hex)
    return hex
      .slice(1)
      .map((h) => Number.parseInt(h, 16))
      .join(',');
  return /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c)?.slice(1).join(',') ?? c;
};

for (const [name, query, args] of [
  ['a scenario at a step, light', '/?scenario=windows-default&step=9', ['windows-default', '--step', '9']],
  [
    'a lesson at a step, dark',
    // Step 2: an address at a question step (3) opens asking it, at step 2.
    '/?lesson=leaked-handle&step=2',
    ['leaked-handle', '--step', '2', '--theme', 'dark'],
  ],
  ['SVR5, light', '/?scenario=svr5-default', ['svr5-default']],
] as const) {
  test(`the rendered image matches the app's export: ${name}`, async ({ page }) => {
    const dark = (args as readonly string[]).includes('dark');
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto(query);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('.visualizer').first()).toHaveAttribute('data-theme', dark ? 'dark' : 'light');
    const [ours, theirs] = await Promise.all([rendered([...args]), exported(page)]);
    await test.info().attach('rendered.svg', { body: ours, contentType: 'image/svg+xml' });
    await test.info().attach('exported.svg', { body: theirs, contentType: 'image/svg+xml' });
    const a = read(ours);
    const b = read(theirs);
    expect(a.caption).toEqual(b.caption);
    expect(rgb(a.background!)).toBe(rgb(b.background!));
    // The same words: every node's kind, name, subtitle and badges.
    expect(sorted(a.words)).toEqual(sorted(b.words));
    // The same layout: each word that occurs once where the app has it, in the graph's own units
    // (the slide's centring is image.ts's; its fix is another change), within 24 px (a card is 184).
    const once = (ws: readonly Word[]) => {
      const n = new Map<string, number>();
      for (const w of ws) n.set(w.text, (n.get(w.text) ?? 0) + 1);
      return new Map(ws.filter((w) => n.get(w.text) === 1).map((w) => [w.text, w]));
    };
    const names = once(b.words);
    const ourNames = once(a.words);
    expect(names.size).toBeGreaterThan(8);
    let worst = 0;
    for (const [text, w] of ourNames) {
      const t = names.get(text);
      if (!t) continue;
      worst = Math.max(worst, Math.hypot(w.x - t.x, w.y - t.y));
    }
    console.info(`render vs export, ${name}: farthest word ${worst.toFixed(1)} px (flow units)`);
    test.info().annotations.push({
      type: 'layout',
      description: `farthest word ${worst.toFixed(1)} px away (flow units); slide scale ${a.scale} vs ${b.scale}`,
    });
    expect(worst).toBeLessThan(24);
  });
}

test('the build’s lesson images load in a plain <img>', async ({ page }) => {
  await page.goto('/examples/');
  const sizes = await page.evaluate(async () => {
    const load = (src: string) =>
      new Promise<[number, number]>((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
        img.onerror = () => reject(new Error(`${src} did not load`));
        img.src = src;
      });
    return Promise.all([
      load('/images/leaked-handle/step-3.svg'),
      load('/images/svr5-auto-unload/step-0-dark.svg'),
    ]);
  });
  expect(sizes).toEqual([
    [1920, 1080],
    [1920, 1080],
  ]);
  const index = (await (await page.request.get('/images/index.json')).json()) as Record<
    string,
    { steps: number }
  >;
  expect(index['leaked-handle']).toMatchObject({ steps: 5 });
});
