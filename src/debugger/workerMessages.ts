import type { DebuggerReading } from './reading';

/** What the page sends the reader's worker: one paste. */
export interface ToWorker {
  readonly text: string;
}

/** What the worker answers: the phase it is in, then what it read (or why it could not). */
export type FromWorker =
  | { readonly type: 'phase'; readonly phase: 'reading'; readonly lines: number }
  /** Lines read so far of the lines there are (about a hundred of these over a paste). */
  | { readonly type: 'progress'; readonly done: number; readonly of: number }
  | { readonly type: 'done'; readonly reading: DebuggerReading; readonly scenario: unknown }
  | { readonly type: 'failed'; readonly message: string };
