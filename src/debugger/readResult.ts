import type { DebuggerReading } from './reading';

/**
 * A paste already read (by the reader's worker, or on this page when the
 * worker could not start), handed to `importDebugger` so the door does not
 * read it again on the main thread. Only an instance made by this page's
 * code is taken: a message from another window (the embed's postMessage)
 * arrives as a structured clone, a plain object, and is refused, so no
 * reading made elsewhere (with links of its own) is ever shown.
 */
export class ReadResult {
  constructor(
    /** The text that was read: the door checks it is the text it was given. */
    readonly text: string,
    readonly reading: DebuggerReading,
    readonly scenario: unknown,
  ) {}
}
