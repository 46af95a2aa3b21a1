import type { Frame, Page, Route } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Serves a routed request from `url` (default: its own), with `headers` added. The body is read
 * at once and the answer built from it: `route.fulfill({ response })` reads the fetched body
 * only while it fulfils, and a frame that navigated or reloaded meanwhile has disposed of it
 * ("Fetch response has been disposed"). A request its page no longer wants (navigated away,
 * closed) is left alone: there is no one left to answer.
 */
export async function passOn(
  route: Route,
  url?: string,
  headers: Record<string, string> = {},
): Promise<void> {
  try {
    const response = await route.fetch(url === undefined ? undefined : { url });
    const body = await response.body();
    await route.fulfill({ status: response.status(), headers: { ...response.headers(), ...headers }, body });
  } catch (e) {
    if (e instanceof Error && /disposed|has been closed|already handled/i.test(e.message)) return;
    throw e;
  }
}

/** A message the frame sent, as the host page received it. */
export interface Received {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * A documentation page that embeds one frame and drives it through the
 * control API: served by the test at `origin` + /__host.html (any origin on
 * this machine: 127.0.0.1 is the frame's own, localhost another).
 */
export class EmbedHost {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  /**
   * Serves `origin` (a made-up one, like http://lens.test) from the app's own server, so a
   * frame can be on another origin than its host. (Chromium will not let a page the test
   * serves frame 127.0.0.1 itself: local network access.)
   */
  static async proxy(page: Page, origin: string, baseURL: string): Promise<void> {
    await page.route(`${origin}/**`, (route) =>
      passOn(route, route.request().url().replace(origin, baseURL)),
    );
  }

  /**
   * The host page with one frame. `onLoad`: messages the page posts on the iframe's `load` event
   * (before the frame says `ready`), to `onLoadTarget` (default `*`).
   */
  async open(
    frameSrc: string,
    frameWidth = '100%',
    {
      onLoad = [],
      onLoadTarget = '*',
      height = 150,
    }: { onLoad?: unknown[]; onLoadTarget?: string; height?: number } = {},
  ): Promise<void> {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A driver guide</title>
<style>body{margin:0;padding:16px;background:#0f172a;color:#e2e8f0;font-family:sans-serif} iframe{display:block;border:0;width:${frameWidth};height:${height}px}</style>
<script src="/__host.js"></script></head>
<body><main><h1>Unloading a driver</h1><p>Prose that drives the frame.</p>
<iframe id="frame" title="Unload Lens" src="${frameSrc}"></iframe></main></body></html>`;
    // The host's script: every message from the frame kept; the frame sized to the height it posts.
    const js = `window.received = [];
addEventListener('message', (e) => {
  if (!e.data || e.data.source !== 'unload-lens') return;
  window.received.push({ ...e.data, origin: e.origin });
  if (e.data.type === 'height') document.getElementById('frame').style.height = e.data.height + 'px';
});
window.send = (m, target) => document.getElementById('frame').contentWindow.postMessage(m, target || '*');
const onLoad = ${JSON.stringify(onLoad)};
// In the capture phase, from the head: the frame's load event cannot come before this listens.
document.addEventListener('load', (e) => {
  if (e.target.id === 'frame') for (const m of onLoad) window.send(m, ${JSON.stringify(onLoadTarget)});
}, true);`;
    await this.page.route(`${this.origin}/__host.html`, (r) =>
      r.fulfill({ contentType: 'text/html', body: html }),
    );
    await this.page.route(`${this.origin}/__host.js`, (r) =>
      r.fulfill({ contentType: 'text/javascript', body: js }),
    );
    await this.page.goto(`${this.origin}/__host.html`);
  }

  frame(): Frame {
    const f = this.page.frames().find((x) => x !== this.page.mainFrame());
    if (!f) throw new Error('no frame');
    return f;
  }

  async received(): Promise<Received[]> {
    return this.page.evaluate(() => (window as unknown as { received: Received[] }).received);
  }

  async send(message: unknown): Promise<void> {
    await this.page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
  }

  /** Waits for a message of `type` after the first `after` ones, matching `like`; returns it. */
  async expectMessage(type: string, like: Record<string, unknown> = {}, after = 0): Promise<Received> {
    let found: Received | undefined;
    await expect
      .poll(
        async () => {
          const all = (await this.received()).slice(after);
          found = all.findLast((m) => m.type === type && Object.entries(like).every(([k, v]) => m[k] === v));
          return found !== undefined;
        },
        `a "${type}" message like ${JSON.stringify(like)}`,
      )
      .toBe(true);
    return found!;
  }

  async count(): Promise<number> {
    return (await this.received()).length;
  }
}
