import type { Store } from './store';
import type { Line } from './text';
import type { CommandKind, Source } from './types';

/**
 * One command's output is read by one reader, line by line. The importer
 * hands it every line until the next prompt or the next command's first
 * line; the reader says what it made of each.
 */
export type Outcome =
  /** Read: something was taken from the line. */
  | { readonly kind: 'read' }
  /** Known and carries nothing the reader keeps (a column header, `Args:`, a blank). */
  | { readonly kind: 'skip' }
  /** The line belongs here but could not be read; `expected` says what should have been there. */
  | { readonly kind: 'unread'; readonly expected: string }
  /** Not this output's: the output ended before this line. */
  | { readonly kind: 'end' };

export const READ: Outcome = { kind: 'read' };
export const SKIP: Outcome = { kind: 'skip' };
export const END: Outcome = { kind: 'end' };
export function unread(expected: string): Outcome {
  return { kind: 'unread', expected };
}

export interface Reader {
  readonly kind: CommandKind;
  feed(line: Line): Outcome;
  /** The debugger printed an error inside this output (it could not read the object). */
  failed(): void;
  /** The output ended before line `next` (the next command, or the end of the paste): report what is missing. */
  finish(next: number): void;
  /** The author left lines out here ("...", "<snip>"): what is missing after it was left out, not cut off. */
  elide(line: number): void;
}

/** What a reader is made with. */
export interface ReaderContext {
  readonly store: Store;
  /** The line the command (its prompt, or its output's first line) is on. */
  readonly start: number;
  /** The first argument typed at the prompt, when there was one. */
  readonly argument?: string;
  /** Everything typed after the command's name (its flags follow the first argument). */
  readonly args?: string;
}

/**
 * What every reader keeps: where its output starts (the header line, once
 * read; the prompt line before), the last line it took, and whether the
 * debugger reported an error inside it (then nothing is "missing" after).
 */
export abstract class BaseReader implements Reader {
  abstract readonly kind: CommandKind;
  protected last: number;
  protected gaveUp = false;
  private at?: number;
  protected elidedAt?: number;

  constructor(protected readonly ctx: ReaderContext) {
    this.last = ctx.start;
  }

  /** Where what this output prints is cited: its header line once read, else its prompt. */
  protected get src(): Source {
    return { line: this.at ?? this.ctx.start, command: this.kind };
  }

  /** The output's first line (its header) is line `n`. */
  protected begin(n: number): void {
    this.at = n;
    this.last = n;
  }

  abstract feed(line: Line): Outcome;
  abstract finish(next: number): void;

  failed(): void {
    this.gaveUp = true;
  }

  elide(line: number): void {
    this.elidedAt ??= line;
  }

  /**
   * The output stops before what its command always prints: cut off, or,
   * after an author's "..." line, left out on purpose (then said so, as an
   * `elided` problem, and no "cut off?").
   */
  protected cutOff(line: number, message: string): void {
    const store = this.ctx.store;
    if (this.elidedAt === undefined) {
      store.problem(line, 'truncated', `${message} (cut off?)`);
      return;
    }
    store.problem(
      line,
      'elided',
      `${message}: the author left lines out at line ${this.elidedAt}, so what follows was not pasted`,
    );
  }
}

/**
 * The first line of each command's output (kdexts' `dprintf` formats, and
 * the examples on each command's page of the debugger docs), which starts
 * a reader even where no prompt was pasted.
 */
const HEADERS: readonly [RegExp, CommandKind][] = [
  [/^ *Device object \([^)]*\) is for:/i, 'devobj'],
  // NT4 and Windows 2000 printed no address: "Driver object is for:" (the !drvobj page's symc810 example).
  [/^ *Driver object (?:\([^)]*\) )?is for:/i, 'drvobj'],
  [/^ *!DevObj +!DrvObj/i, 'devstack'],
  [/^ *(?:Dumping IopRootDeviceNode|DevNode (?:0x)?[0-9a-f`]+ for PDO)/i, 'devnode'],
  [/^ *Irp is active with \d/i, 'irp'],
  [/^ *Object: +(?:0x)?[0-9a-f`]+ +Type: +\(/i, 'object'],
  // Who holds what (commands/who.ts).
  [/^ *Checking handle table for process/i, 'devhandles'],
  [/^ *\*{2,} NT ACTIVE PROCESS DUMP \*{2,}/i, 'process'],
  [/^ *PROCESS +(?:0x)?[0-9a-f`]{8,17}\b/i, 'process'],
  [/^ *THREAD +(?:0x)?[0-9a-f`]{8,17} +Cid /i, 'thread'],
  // Windows XP adds the current process: "processor number 0, process 815c3020".
  [/^ *processor number \d+(?:, process (?:0x)?[0-9a-f`]{8,17})?$/i, 'handle'],
  [/^ *[0-9a-f]{1,16}: +Object: +(?:0x)?[0-9a-f`]{8,17} +GrantedAccess:/i, 'handle'],
  [/^ *(?:Kernel )?(?:New version of )?handle table at \S+ with \d+ entries in use/i, 'handle'],
];

export function headerOf(text: string): CommandKind | undefined {
  for (const [re, kind] of HEADERS) if (re.test(text)) return kind;
  return undefined;
}
