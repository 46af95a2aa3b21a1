/**
 * The WinDbg reader on a long paste, in the built app in Chromium: from "Read and draw" to the
 * findings drawn, and the page's main thread meanwhile (the gaps between animation frames, and
 * the long tasks, > 50 ms, the browser reports), with the reader in its worker and with the
 * worker switched off (the page reads it itself, as before). On this shared machine only the
 * ratios mean much; no figure is asserted.
 *
 *   npx vite build && npx tsx bench/reader.bench.ts      (READER_PORT=4389)
 */
import type { Page } from '@playwright/test';
import { SESSION } from '../src/kernel/debugger/fixtures/session';
import { launch, serve } from './browser';

const PORT = Number(process.env.READER_PORT ?? 4389);
const RUNS = Number(process.env.READER_RUNS ?? 3);

interface Figures {
  readonly totalMs: number;
  readonly frames: number;
  readonly maxFrameMs: number;
  readonly p95FrameMs: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly maxLongTaskMs: number;
}

/** Pastes `times` copies of `text` (joined by newlines), reads it, and measures the page meanwhile. */
async function measure(page: Page, text: string, times: number): Promise<Figures> {
  await page.getByRole('button', { name: /paste debugger output/i }).click();
  const box = page.getByRole('dialog').getByRole('textbox', { name: 'Debugger output' });
  await box.evaluate(
    (el: HTMLTextAreaElement, { text, times }) => {
      const value = Array.from({ length: times }, () => text).join('\n');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { text, times },
  );
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise<Figures>((resolve) => {
        const frames: number[] = [];
        const tasks: number[] = [];
        const watch = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
        watch.observe({ type: 'longtask' });
        let last = performance.now();
        let done = false;
        const tick = (t: number) => {
          frames.push(t - last);
          last = t;
          if (!done) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const t0 = performance.now();
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Read and draw',
        )!;
        button.click();
        const poll = () => {
          if (
            document.querySelector('[data-testid="debugger-findings"]') &&
            !document.querySelector('[role="dialog"]')
          ) {
            const totalMs = performance.now() - t0;
            // One more frame: the findings painted.
            requestAnimationFrame(() => {
              done = true;
              watch.disconnect();
              const sorted = [...frames].sort((a, b) => a - b);
              resolve({
                totalMs,
                frames: frames.length,
                maxFrameMs: sorted.at(-1) ?? 0,
                p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
                longTasks: tasks.length,
                longTaskMs: tasks.reduce((a, b) => a + b, 0),
                maxLongTaskMs: Math.max(0, ...tasks),
              });
            });
          } else setTimeout(poll, 5);
        };
        poll();
      }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const server = await serve(null, PORT);
  const browser = await launch();
  const times = Math.floor(4_990_000 / (SESSION.length + 1));
  const chars = times * (SESSION.length + 1) - 1;
  const results: Record<string, Figures[]> = { worker: [], page: [] };
  try {
    for (let run = 0; run < RUNS; run++)
      for (const where of ['worker', 'page'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        // tsx names the functions of the measuring script with a helper the page does not have.
        await context.addInitScript('globalThis.__name = (f) => f');
        const page = await context.newPage();
        if (where === 'page')
          await page.addInitScript(() => {
            window.Worker = class {
              constructor() {
                throw new TypeError('switched off for the benchmark');
              }
            } as unknown as typeof Worker;
          });
        await page.goto(server.url);
        await page.locator('.react-flow__node').first().waitFor();
        results[where]!.push(await measure(page, SESSION, times));
        await context.close();
      }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(
    `WinDbg reader, a ${chars.toLocaleString('en')}-character paste (the limit), median of ${RUNS}:`,
  );
  const row = (where: string, f: Figures[]) => {
    const m = (k: keyof Figures) => Math.round(median(f.map((x) => x[k])));
    return `  ${where}: read and drawn in ${m('totalMs')} ms; frames ${m('frames')}, longest gap ${m('maxFrameMs')} ms, p95 ${m('p95FrameMs')} ms; long tasks ${m('longTasks')} (${m('longTaskMs')} ms, longest ${m('maxLongTaskMs')} ms)`;
  };
  console.log(row('in the worker', results.worker!));
  console.log(row('on the page ', results.page!));
  const w = median(results.worker!.map((f) => f.maxFrameMs));
  const p = median(results.page!.map((f) => f.maxFrameMs));
  console.log(`  longest main-thread gap, worker / page: ${(w / p).toFixed(2)}`);
  console.log(JSON.stringify(results));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
