import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { connectHost } from '../embed/bridge';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { createVisualizer } from '../store';
import { connect, LensError } from './index';

/**
 * The SDK against the frame's real bridge and a real visualizer, over two
 * windows that post to each other as a browser does (asynchronously, with
 * the sender's origin and window). e2e/embed-sdk.spec.ts does it in Chromium.
 */

const PAGE = 'https://docs.test';
const LENS = 'https://lens.test';

/** A window: a place messages arrive, and a postMessage that delivers them later, from `from`. */
interface Peer {
  /** Who posts into this window (set once both exist), and from which origin. */
  peer: object | null;
  peerOrigin: string;
}

function fakeWindow(origin: string) {
  const target = new EventTarget();
  const link: Peer = { peer: null, peerOrigin: '' };
  const win = Object.assign(target, link, {
    location: { origin, href: `${origin}/guide/` },
    setTimeout: (f: () => void, ms: number) => setTimeout(f, ms) as unknown as number,
    clearTimeout: (t: number) => clearTimeout(t),
    postMessage(data: unknown, targetOrigin: string) {
      if (targetOrigin !== '*' && targetOrigin !== origin) return; // the browser drops it
      const copy: unknown = structuredClone(data);
      setTimeout(() => {
        const e = Object.assign(new Event('message'), {
          data: copy,
          origin: win.peerOrigin,
          source: win.peer,
        });
        target.dispatchEvent(e);
      }, 1);
    },
  });
  return win;
}

/** A page with one frame; `bridge` connects the frame's visualizer (as embed.html does once loaded). */
function pageWithFrame() {
  const page = fakeWindow(PAGE);
  const inner = fakeWindow(LENS);
  inner.peer = page;
  inner.peerOrigin = PAGE;
  page.peer = inner;
  page.peerOrigin = LENS;
  const frame = Object.assign(new EventTarget(), {
    src: `${LENS}/embed.html?scenario=windows-default`,
    contentWindow: inner,
    style: { height: '' },
    ownerDocument: { defaultView: page },
  });
  const v = createVisualizer({ scenario: BUILT_IN_SCENARIOS['windows-default'] });
  const bridge = () =>
    connectHost(v, {
      host: page as unknown as Window,
      self: inner as unknown as Window,
      origins: { any: false, list: [PAGE] },
      setTheme: () => undefined,
    });
  return { page, inner, frame: frame as unknown as HTMLIFrameElement, v, bridge };
}

describe('the SDK', () => {
  it('waits for ready, then each call settles with its own reply', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame);
    const b = w.bridge();
    const ready = await lens.ready;
    expect(ready).toMatchObject({ version: 1, step: 9, steps: 9, os: 'windows' });
    const [three, back] = await Promise.all([lens.goto(3), lens.step(-1)]);
    expect(three.step).toBe(3);
    expect(back.step).toBe(2);
    expect(await lens.goto(999)).toMatchObject({ step: 9, note: /step 999 .* showing step 9/ });
    expect(await lens.load('svr5-default', 1)).toMatchObject({ os: 'svr5', step: 1 });
    expect(await lens.openLesson('leaked-handle', 2)).toMatchObject({ step: 2, steps: 5, question: null });
    // At a question step, asked (the step before it shown); `{ ask: false }` shows the step answered.
    expect(await lens.openLesson('leaked-handle', 3)).toMatchObject({ step: 2, question: { step: 3 } });
    expect(await lens.openLesson('leaked-handle', 3, { ask: false })).toMatchObject({
      step: 3,
      question: null,
    });
    expect(await lens.openLesson('leaked-handle', 2)).toMatchObject({ step: 2 });
    await lens.select('driver:Leaky');
    expect(w.v.getState().selection).toEqual({ kind: 'driver', name: 'Leaky' });
    await lens.select(null);
    expect(w.v.getState().selection).toBeNull();
    expect(await lens.play()).toMatchObject({ playing: true });
    expect(await lens.pause()).toMatchObject({ playing: false });
    expect((await lens.getState()).title).toBe(lens.state?.title);
    b.dispose();
    lens.destroy();
  });

  it('rejects with the frame’s reason: a message that cannot be done, a refused kernel action', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame);
    w.bridge();
    await lens.ready;
    // @ts-expect-error not an action: TypeScript refuses it; plain JS reaches the frame, which answers
    const bad = await lens.dispatch('nope').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LensError);
    expect(bad).toMatchObject({ kind: 'message', message: /no action "nope"/ });
    const refused = await lens.dispatch('closeHandle', { handle: 'nope' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'refused' });
    expect((refused as LensError).status).toMatch(/^STATUS_/);
    expect((refused as LensError).state?.step).toBe(10);
    // @ts-expect-error nothing to load: refused by TypeScript, and by the frame for plain JS
    const none = await lens.load(undefined).catch((e: unknown) => e);
    expect(none).toMatchObject({ kind: 'message', message: /"scenario" is missing/ });
  });

  it('tells state and height to listeners until they stop; sizes the frame', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame);
    const b = w.bridge();
    await lens.ready;
    const steps: number[] = [];
    const stop = lens.on('state', (s) => steps.push(s.step));
    const heights: number[] = [];
    lens.on('height', (h) => heights.push(h));
    await lens.goto(4);
    await lens.goto(5);
    stop();
    await lens.goto(6);
    expect(steps).toEqual([4, 5]);
    b.postHeight(480.2);
    await new Promise((r) => setTimeout(r, 10));
    expect(heights).toEqual([481]);
    expect(w.frame.style.height).toBe('481px');
  });

  it('finds a frame that was ready before it connected', async () => {
    const w = pageWithFrame();
    w.bridge();
    await new Promise((r) => setTimeout(r, 10)); // `ready` went by, unheard
    const lens = connect(w.frame);
    expect(await lens.ready).toMatchObject({ step: 9 });
    expect((await lens.goto(1)).step).toBe(1);
  });

  it('ignores messages from another origin or window', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame, { timeout: 200 });
    w.page.peerOrigin = 'https://evil.test';
    w.bridge();
    await expect(lens.ready).rejects.toThrow(/did not answer "ready" within 200 ms/);
  });

  it('fails a call the frame never answers, with what to check', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame, { timeout: 50 });
    const call = lens.goto(2);
    await expect(lens.ready).rejects.toMatchObject({ kind: 'timeout' });
    await expect(call).rejects.toThrow(
      /Unload Lens at https:\/\/lens.test did not answer "goto" within 50 ms: check the frame's src, and that its origins= names this page \(https:\/\/docs.test\)/,
    );
  });

  it('fails what is waiting when destroyed', async () => {
    const w = pageWithFrame();
    const lens = connect(w.frame);
    const call = lens.goto(2);
    lens.destroy();
    await expect(call).rejects.toMatchObject({ kind: 'destroyed' });
    await expect(lens.goto(3)).rejects.toMatchObject({ kind: 'destroyed' });
  });

  it('is at most 3 KB gzip, built and minified with no dependency', async () => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    const gzip = gzipSync(code, { level: 9 }).length;
    console.info(`SDK: ${code.length} bytes minified, ${gzip} gzip`);
    expect(new TextDecoder().decode(code)).not.toMatch(/zod|react/);
    expect(gzip).toBeLessThanOrEqual(3 * 1024);
  });
});
