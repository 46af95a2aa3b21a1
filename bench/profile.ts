/**
 * Where the time goes when the app draws a big machine and rewinds it: Chromium's sampling
 * profiler (CDP) over the load of `?generate=N` until the graph is painted, then over Home
 * (back to step 0), each as the functions with the most self time. Build unminified first, so
 * the names mean something:
 *
 *   npx vite build --minify false --outDir /tmp/profile-dist
 *   PROFILE_DIST=/tmp/profile-dist PROFILE_N=5000 npx tsx bench/profile.ts     (PROFILE_PORT=4386)
 */
import type { CDPSession, Page } from '@playwright/test';
import { launch, serve } from './browser';

const N = Number(process.env.PROFILE_N ?? 5000);
const PORT = Number(process.env.PROFILE_PORT ?? 4386);
const TOP = Number(process.env.PROFILE_TOP ?? 20);

/** Runs `act` under the profiler; answers its wall time and the functions by self time. */
async function profiled(cdp: CDPSession, page: Page, act: () => Promise<void>) {
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await act();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const ms = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  const time = new Map<number, number>();
  profile.samples?.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const where = `${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + (time.get(n.id) ?? 0) / 1000);
  }
  return { ms, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP) };
}

async function main() {
  const server = await serve(null, PORT, process.env.PROFILE_DIST);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const show = (what: string, r: { ms: number; top: [string, number][] }) => {
      console.log(`\n${what}: ${r.ms} ms`);
      for (const [k, v] of r.top) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
    };
    show(
      `?generate=${N}, load to the graph painted`,
      await profiled(cdp, page, async () => {
        await page.goto(`${server.url}?generate=${N}`);
        await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
      }),
    );
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    show('Home (back to step 0)', await profiled(cdp, page, () => page.keyboard.press('Home')));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
