import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';

/** Serving the built app and the baseline page, and driving Chromium, for the app benchmark. */

export interface Server {
  readonly url: string;
  /** Resolves once the server has exited (its port is free again). */
  stop(): Promise<void>;
}

/** `vite preview` of a build (or of `outDir`) on a port of its own; resolves once it answers. */
export async function serve(config: string | null, port: number, outDir?: string): Promise<Server> {
  const args = [
    'preview',
    '--port',
    String(port),
    '--strictPort',
    ...(config ? ['-c', config] : []),
    ...(outDir ? ['--outDir', outDir] : []),
  ];
  // vite itself, not through npx: stopping the child stops the server.
  const child: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = () => {
    child.kill();
    return exited;
  };
  // A server that exits at once (its port taken) must not be mistaken for the one answering there.
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 100 && !gone; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`vite preview on ${port} did not start (is the build there? npm run bench builds it)`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--enable-precise-memory-info'],
  });
}

/**
 * Drags the graph's pane for `frames` animation frames and returns the
 * main-thread time per frame while it moved (DevTools' TaskDuration; the
 * compositor's own work is not counted: on this machine only the ratio to
 * the baseline means much). `every` runs in the page every 30 frames (the
 * app sends an IRP then, so its animation plays while the view moves).
 */
export async function panCost(page: Page, every?: (k: number) => void, frames = 90): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) *
    1000;
  const { x, y } = await emptyPanePoint(page);
  const transform = () =>
    page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform);
  const from = await transform();
  if (every) await page.evaluate(`window.__every = ${every.toString()}`);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const before = await taskMs();
  for (let i = 0; i < frames; i++) {
    if (every && i % 30 === 0)
      await page.evaluate((k) => (window as unknown as { __every(k: number): void }).__every(k), i / 30);
    await page.mouse.move(x + Math.sin(i / 10) * 200, y + Math.cos(i / 10) * 120);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  const after = await taskMs();
  await page.mouse.up();
  await cdp.detach();
  // A drag that did not move the view measured nothing (a press on an edge or a card does not pan).
  if ((await transform()) === from) throw new Error('the pane did not pan: the figure would mean nothing');
  return (after - before) / frames;
}

/**
 * A point of the graph's pane with nothing drawn on it, near its middle:
 * a drag that starts on a card or an edge would not pan the view.
 */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.react-flow__pane').first().boundingBox();
  if (!box) throw new Error('no pane');
  const point = await page.evaluate((b) => {
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    for (let r = 0; r < Math.max(b.width, b.height) / 2; r += 8)
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a * Math.PI) / 8);
        const y = cy + r * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  }, box);
  if (!point) throw new Error('no empty place on the pane to drag from');
  return point;
}

/**
 * ms from `act` (run in the page) to the second animation frame after it:
 * the change is painted by then.
 */
export async function clickToPaint(page: Page, act: () => void): Promise<number> {
  await page.evaluate(`window.__act = ${act.toString()}`);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        (window as unknown as { __act: () => void }).__act();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      }),
  );
}

/** The JS heap after a full garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

/** Elements in the graph's part of the page (what panning and layout have to move and style). */
export function graphElements(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.react-flow')?.querySelectorAll('*').length ?? 0);
}

/**
 * Run before any of a page's own scripts (`page.addInitScript`): `window.__live` resolves to the
 * page's own clock (ms since navigation start) at the second frame after React Flow's first node is
 * in the page — the live graph painted, measured inside the page, not by Playwright's round trips.
 * The app's still first view (GraphPreview) is not React Flow's: it does not count.
 */
export function markLiveGraph(): void {
  const w = window as unknown as { __live?: Promise<number> };
  w.__live = new Promise<number>((resolve) => {
    let seen = false;
    const look = () => {
      if (seen || !document.querySelector('.react-flow__node')) return;
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    };
    const observer = new MutationObserver(look);
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** How smoothly an animation played with the view still: the page's frames from `act` until it ended. */
export interface Smoothness {
  readonly fps: number;
  /** The 95th percentile of the intervals between frames, ms. */
  readonly p95: number;
  /** Frames that a 60 Hz display would have shown but were not drawn, per second. */
  readonly dropped: number;
  /** Main-thread tasks of 50 ms or more, per second. */
  readonly longTasks: number;
  /** How long it was watched, ms (the animation, at most `atMost`). */
  readonly ms: number;
}

/**
 * Runs `act` in the page (it starts an animation through the app's door) and records every animation
 * frame and long task until the app says the step's animation is over (its `animating` moment,
 * set while it plays, is null again), `atMost` ms at most.
 */
export async function smoothness(page: Page, act: string, atMost = 20_000): Promise<Smoothness> {
  await page.evaluate(`window.__smoothAct = () => { ${act}; }`);
  return page.evaluate(
    ({ atMost }) =>
      new Promise<Smoothness>((resolve) => {
        const door = (window as unknown as { unloadLens: { getState(): { animating: unknown } } }).unloadLens;
        let seen = false;
        let long = 0;
        const observer = new PerformanceObserver((list) => (long += list.getEntries().length));
        observer.observe({ type: 'longtask' });
        const frames: number[] = [];
        const t0 = performance.now();
        (window as unknown as { __smoothAct(): void }).__smoothAct();
        const tick = (t: number) => {
          frames.push(t);
          const now = door.getState().animating !== null;
          seen ||= now;
          const over = seen && !now;
          if (!over && t - t0 < atMost) return void requestAnimationFrame(tick);
          long += observer.takeRecords().length;
          observer.disconnect();
          const gaps = frames.slice(1).map((x, i) => x - (frames[i] ?? x));
          const ms = Math.max(1, (frames.at(-1) ?? t0) - t0);
          const sorted = [...gaps].sort((a, b) => a - b);
          const dropped = gaps.reduce((a, g) => a + Math.max(0, Math.round(g / (1000 / 60)) - 1), 0);
          resolve({
            fps: (gaps.length / ms) * 1000,
            p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
            dropped: (dropped / ms) * 1000,
            longTasks: (long / ms) * 1000,
            ms,
          });
        };
        requestAnimationFrame(tick);
      }),
    { atMost },
  );
}
