/**
 * The debugger reader's worker: reads a paste off the page's main thread
 * (readPaste, the very function the page would run) and posts what it read,
 * with the phase it is in first and how far it is as it goes (about a
 * hundred messages over a paste), so the dialog can say how far it is.
 * One paste per message; the page ends the worker to cancel.
 */
import { readPaste } from './reading';
import type { FromWorker, ToWorker } from './workerMessages';

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { text } = e.data;
  try {
    post({ type: 'phase', phase: 'reading', lines: countLines(text) });
    const { reading, scenario } = readPaste(text, (done, of) => post({ type: 'progress', done, of }));
    post({ type: 'done', reading, scenario });
  } catch (err) {
    // readPaste never throws on any text; a fault here is the reader's own, said as such.
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};

/** Lines of the paste (as the reader counts them: \r\n, \r or \n), for the progress line. */
function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
