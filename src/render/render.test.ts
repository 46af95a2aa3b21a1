import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textWidth } from './draw';
import { readNode } from './markup';
import { palettesFrom } from './palette';
import { openForRender } from './session';
import { slideOf } from './slide';

const css = readFileSync(fileURLToPath(new URL('../app/index.css', import.meta.url)), 'utf8');
const flowCss = readFileSync(createRequire(import.meta.url).resolve('@xyflow/react/dist/style.css'), 'utf8');
const { light, dark } = palettesFrom(css, flowCss);

describe('images without a browser', () => {
  it('takes the app’s colours from its stylesheet, and the graph’s background from React Flow’s', () => {
    expect(light.ink).toBe('#0f172a');
    expect(dark.ink).toBe('#e5e7eb');
    expect(light.graph).toBe(light.panel);
    expect(dark.graph).toBe('#141414');
    expect(() => palettesFrom(':root { --ink: #000; }')).toThrow(/no light colour for --bg/);
  });

  it('reads a card’s texts, tones and handles from the markup the app’s component renders', () => {
    const m = readNode(
      '<div class="card card-pending card-ghost card-highlight" data-kind="driver"><div data-handleid="r" data-handlepos="right" class="react-flow__handle source" style="top:75%"></div><div class="card-head"><span class="card-kind">driver</span><span class="card-title">\\<wbr/>Driver\\<wbr/>A&amp;B</span></div><div class="card-sub">PnP · has Unload</div><div class="card-badges"><span class="badge badge-danger">reboot required</span><span class="badge badge-ghost">gone</span></div></div>',
    );
    expect(m).toEqual({
      shape: 'card',
      kind: 'driver',
      title: ['\\', 'Driver\\', 'A&B'],
      subtitle: 'PnP · has Unload',
      tone: 'pending',
      ghost: true,
      highlighted: true,
      badges: [
        { tone: 'danger', text: 'reboot required' },
        { tone: 'ghost', text: 'gone' },
      ],
      handles: [{ id: 'r', type: 'source', position: 'right', at: 0.75 }],
    });
  });

  it('draws a scenario’s step as a slide: the caption, every node’s name and badge, the theme’s colours', async () => {
    const { visualizer } = await openForRender('windows-default', 9);
    const svg = slideOf(visualizer.getState(), light);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1920" height="1080"/);
    expect(svg).toContain('>step 9 / 9 · STATUS_SUCCESS</text>');
    for (const text of [
      'BusEnumFdo',
      'ToasterPdo',
      'Beep',
      'RefCount 1',
      'loaded',
      'h1',
      'device stack of ToasterPdo',
    ])
      expect(svg).toContain(`>${text}<`);
    expect(svg).toContain(`stroke="${light.ok}"`);
    const night = slideOf(visualizer.getState(), dark);
    expect(night).toContain(`fill="${dark.graph}"`);
    expect(night).not.toContain(light.ink);
    // The same state draws the same picture.
    expect(slideOf(visualizer.getState(), light)).toBe(svg);
  });

  it('opens a lesson at step 0 unless told, and says when a step was clamped', async () => {
    expect((await openForRender('leaked-handle', undefined)).visualizer.getState().cursor).toBe(0);
    const far = await openForRender('svr5-default', 99);
    expect(far.notes).toEqual([
      expect.stringMatching(/^step 99 is not a step of svr5-default \(0 to \d+\); drew step \d+\.$/),
    ]);
    await expect(openForRender('nope', undefined)).rejects.toThrow(
      /"nope" is not a built-in scenario, a lesson or a file/,
    );
  });

  it('estimates text wider in bold and capitals', () => {
    expect(textWidth('abc', { size: 10, weight: 700 })).toBeGreaterThan(textWidth('abc', { size: 10 }));
    expect(textWidth('abc', { size: 10, upper: true })).toBeGreaterThan(textWidth('abc', { size: 10 }));
  });
});

describe('a PNG', () => {
  it('is the slide at 1920×1080', async () => {
    const { toPng } = await import('./png');
    const { visualizer } = await openForRender('svr5-default', undefined);
    const png = await toPng(slideOf(visualizer.getState(), dark));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  }, 30_000);
});

describe('npm run render', () => {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', cli, ...args], (error, _stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });

  it('says what is wrong with its arguments, and how to call it', async () => {
    const bad = await run('windows-default', '--step', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('render: --step x: expected a whole number, like --step 3');
    expect(bad.stderr).toContain('usage: npm run render --');
    const none = await run('no-such-thing');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/render: "no-such-thing" is not a built-in scenario, a lesson or a file/);
  }, 60_000);
});
