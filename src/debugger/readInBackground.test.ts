import { describe, expect, it } from 'vitest';
import { SESSION } from '../kernel/debugger/fixtures/session';
import { readInBackground, type Progress } from './readInBackground';
import { readPaste } from './reading';
import type { FromWorker, ToWorker } from './workerMessages';

/**
 * A worker as the page sees one: it takes the paste and answers in the worker's words
 * (reader.worker.ts's protocol), asynchronously; `script` is what runs "inside" it.
 */
function fakeWorker(script: (text: string, post: (m: FromWorker) => void) => void) {
  const w = {
    terminated: false,
    onmessage: null as ((e: { data: FromWorker }) => void) | null,
    onerror: null as ((e: { message: string; preventDefault(): void }) => void) | null,
    onmessageerror: null,
    postMessage(m: ToWorker) {
      setTimeout(() => script(m.text, (a) => void (w.terminated || w.onmessage?.({ data: a }))));
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('readInBackground', () => {
  it('says how far the worker is and hands over what it read, then ends the worker', async () => {
    const w = fakeWorker((text, post) => {
      post({ type: 'phase', phase: 'reading', lines: 3 });
      post({ type: 'done', ...readPaste(text) });
    });
    const seen: Progress[] = [];
    const o = await readInBackground(
      SESSION,
      (p) => seen.push(p),
      () => w as unknown as Worker,
    ).done;
    expect(seen.map((p) => p.phase)).toEqual(['starting', 'reading']);
    expect(o.ok && o.result.text).toBe(SESSION);
    expect(o.ok && o.result.reading).toEqual(readPaste(SESSION).reading);
    expect(w.terminated).toBe(true);
  });

  it('passes on how much the worker has read as it reads, as a share of the paste', async () => {
    const long = Array.from({ length: 40 }, () => SESSION).join('\n');
    // The worker's own script (reader.worker.ts): the phase, then the reader's progress as it goes.
    const w = fakeWorker((text, post) => {
      post({ type: 'phase', phase: 'reading', lines: text.split('\n').length });
      post({ type: 'done', ...readPaste(text, (done, of) => post({ type: 'progress', done, of })) });
    });
    const seen: Progress[] = [];
    await readInBackground(
      long,
      (p) => seen.push(p),
      () => w as unknown as Worker,
    ).done;
    const shares = seen.flatMap((p) => (p.phase === 'reading' && p.done !== undefined ? [p.done] : []));
    expect(shares.length).toBeGreaterThan(50);
    expect(shares.length).toBeLessThanOrEqual(102);
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((x, i) => i === 0 || x >= shares[i - 1]!)).toBe(true);
    // Each still says how many lines and where.
    expect(seen.at(-1)).toMatchObject({ phase: 'reading', where: 'worker', lines: long.split('\n').length });
  });

  it('says so when the worker fails, and when it stops; a cancelled reading answers "cancelled"', async () => {
    const failing = fakeWorker((_, post) => post({ type: 'failed', message: 'out of memory' }));
    const o = await readInBackground(
      'x',
      () => {},
      () => failing as unknown as Worker,
    ).done;
    expect(o).toEqual({ ok: false, error: 'the reader failed: out of memory' });

    const crashing = fakeWorker(() => crashing.onerror?.({ message: 'boom', preventDefault() {} }));
    const c = await readInBackground(
      'x',
      () => {},
      () => crashing as unknown as Worker,
    ).done;
    expect(c).toEqual({ ok: false, error: 'the background reader stopped: boom' });

    const slow = fakeWorker(() => {});
    const r = readInBackground(
      'x',
      () => {},
      () => slow as unknown as Worker,
    );
    r.cancel();
    expect(await r.done).toEqual({ ok: false, error: 'cancelled' });
    expect(slow.terminated).toBe(true);
  });

  it('reads on the page, saying why, when the worker cannot start', async () => {
    // Node has no requestAnimationFrame: lent for this test only (unit tests share a worker's globals).
    const had = globalThis.requestAnimationFrame;
    globalThis.requestAnimationFrame ??= (f: FrameRequestCallback) =>
      setTimeout(() => f(0)) as unknown as number;
    const seen: Progress[] = [];
    const o = await readInBackground(
      SESSION,
      (p) => seen.push(p),
      () => {
        throw new TypeError('Worker is not defined');
      },
    ).done.finally(() => {
      if (had === undefined) Reflect.deleteProperty(globalThis, 'requestAnimationFrame');
    });
    const last = seen.at(-1);
    expect(last?.phase === 'reading' && last.where).toBe('page');
    expect(last?.phase === 'reading' && last.why).toContain('could not start (Worker is not defined)');
    expect(o.ok && o.result.reading).toEqual(readPaste(SESSION).reading);
  });
});
