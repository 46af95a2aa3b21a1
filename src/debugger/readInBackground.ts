import workerUrl from './reader.worker?worker&url';
import { loadReader } from './reader';
import { ReadResult } from './readResult';
import type { FromWorker, ToWorker } from './workerMessages';

/** How far a reading is, for the dialog's progress line. */
export type Progress =
  | { readonly phase: 'starting' }
  | {
      readonly phase: 'reading';
      readonly lines: number;
      readonly where: 'worker' | 'page';
      readonly why?: string;
      /** How much of it is read, 0 to 1, when the reader has said (its worker does, as it goes). */
      readonly done?: number;
    };

type ReadOutcome =
  { readonly ok: true; readonly result: ReadResult } | { readonly ok: false; readonly error: string };

/** A reading under way: its outcome, and a way to stop it (the worker is ended; nothing is read). */
export interface Reading {
  readonly done: Promise<ReadOutcome>;
  cancel(): void;
}

/** Starts the reader's worker; throws when it cannot start (no Worker, a policy refusing it). */
export type StartWorker = () => Worker;

const POLICY = 'unload-lens-debugger-worker';

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (url: string) => string },
  ): {
    createScriptURL(url: string): unknown;
  };
}

/**
 * The worker's address as the page's policy wants it: a TrustedScriptURL where Trusted Types
 * exist (`new Worker` is a script-URL sink), made by a policy that makes exactly this one
 * address. A policy is the page's, created once: kept here for the page's other visualizers.
 */
let policy: { createScriptURL(url: string): unknown } | null | undefined;
function scriptUrl(): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return workerUrl;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy(POLICY, {
        createScriptURL: (url) => {
          if (url !== workerUrl) throw new TypeError(`${POLICY} makes only the reader's worker, not ${url}`);
          return url;
        },
      });
    } catch {
      // The host's `trusted-types` list does not name this policy: a plain string, which works
      // wherever Trusted Types are not enforced (where they are, the reader runs on the page).
      policy = null;
    }
  }
  return policy ? (policy.createScriptURL(workerUrl) as string) : workerUrl;
}

const startReaderWorker: StartWorker = () => new Worker(scriptUrl(), { type: 'module' });

/**
 * Reads a paste off the main thread: in the reader's worker, so the page keeps drawing and
 * answering while a long session is read. The same function reads it there as on the page
 * (reading.ts), so the result is the same. When the worker cannot start, the page reads it
 * itself and `onProgress` says so; when the worker fails, the outcome says how.
 */
export function readInBackground(
  text: string,
  onProgress: (p: Progress) => void,
  start: StartWorker = startReaderWorker,
): Reading {
  let w: Worker;
  let cancelled = false;
  let finish: (o: ReadOutcome) => void = () => {};
  const done = new Promise<ReadOutcome>((resolve) => (finish = resolve));
  onProgress({ phase: 'starting' });
  try {
    w = start();
  } catch (e) {
    const why = `the background reader could not start (${e instanceof Error ? e.message : String(e)})`;
    void readHere(text, why, onProgress, () => cancelled).then((o) => finish(o));
    return { done, cancel: () => ((cancelled = true), finish({ ok: false, error: 'cancelled' })) };
  }
  let lines = 0;
  const end = (o: ReadOutcome) => {
    w.terminate();
    finish(o);
  };
  w.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'phase') {
      lines = m.lines;
      onProgress({ phase: 'reading', lines, where: 'worker' });
    } else if (m.type === 'progress')
      onProgress({ phase: 'reading', lines, where: 'worker', done: m.of > 0 ? m.done / m.of : 1 });
    else if (m.type === 'done') end({ ok: true, result: new ReadResult(text, m.reading, m.scenario) });
    else end({ ok: false, error: `the reader failed: ${m.message}` });
  };
  w.onerror = (e) => {
    e.preventDefault();
    end({
      ok: false,
      error: `the background reader stopped: ${e.message || 'its script could not be loaded'}`,
    });
  };
  w.onmessageerror = () =>
    end({ ok: false, error: 'the background reader sent an answer the page could not read' });
  w.postMessage({ text } satisfies ToWorker);
  return { done, cancel: () => end({ ok: false, error: 'cancelled' }) };
}

/** The page reads the paste itself (the worker could not start), after the dialog has said so. */
async function readHere(
  text: string,
  why: string,
  onProgress: (p: Progress) => void,
  cancelled: () => boolean,
): Promise<ReadOutcome> {
  const reader = await loadReader();
  onProgress({ phase: 'reading', lines: text.split(/\r\n|\r|\n/).length, where: 'page', why });
  // Two frames: the progress line is painted before the page is busy reading.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (cancelled()) return { ok: false, error: 'cancelled' };
  const { reading, scenario } = reader.readPaste(text);
  return { ok: true, result: new ReadResult(text, reading, scenario) };
}
