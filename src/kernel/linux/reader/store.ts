import { MAX_PROBLEMS } from '../../debugger/store';
import type { KernelTaint, LinuxModule, LinuxProblem, OpenFile, RemoveError } from './types';

/**
 * Where the line readers put what they read: one entry per module (found by
 * its sysfs name), the open files, the kernel's taint, the log lines that
 * matter, and the problems. Caps keep a hostile paste a small answer
 * (docs/limits.md): MAX_PROBLEMS problems then one line for the rest,
 * MAX_MODULES modules, MAX_FILES open files.
 */

/** A machine has a few hundred modules; past this, module rows are not kept. */
export const MAX_MODULES = 10_000;
/** lsof of a busy device prints thousands of rows at most; past this, rows are not kept. */
export const MAX_FILES = 20_000;
/** Kernel log lines about modules kept (the rest are counted). */
const MAX_LOG = 5_000;

type Field = keyof LinuxModule['lines'];

export class Store {
  readonly modules = new Map<string, LinuxModule>();
  readonly files: OpenFile[] = [];
  readonly log: { line: number; text: string; module?: string }[] = [];
  readonly problems: LinuxProblem[] = [];
  taint?: KernelTaint;
  otherLog?: { count: number; first: number };
  private dropped = 0;
  private droppedFrom = 0;
  private over = new Map<string, number>();

  /** The module named `name` (made if new), or undefined past MAX_MODULES. */
  module(name: string, line: number): LinuxModule | undefined {
    let m = this.modules.get(name);
    if (m) return m;
    if (this.modules.size >= MAX_MODULES) {
      this.limit('modules', line);
      return undefined;
    }
    m = { name, errors: [], lines: { module: [line] } };
    this.modules.set(name, m);
    return m;
  }

  /** Notes that `field` of `m` was printed on `line`. */
  cite(m: LinuxModule, field: Field, line: number): void {
    const lines = (m.lines[field] ??= []);
    if (lines[lines.length - 1] !== line && lines.length < 64) lines.push(line);
  }

  error(m: LinuxModule, e: RemoveError): void {
    if (m.errors.length < 64) m.errors.push(e);
  }

  file(f: OpenFile): void {
    if (this.files.length >= MAX_FILES) this.limit('open files', f.line);
    else this.files.push(f);
  }

  addLog(line: number, text: string, module?: string): void {
    if (this.log.length < MAX_LOG) this.log.push({ line, text, ...(module ? { module } : {}) });
  }

  countOtherLog(line: number): void {
    if (this.otherLog) this.otherLog.count++;
    else this.otherLog = { count: 1, first: line };
  }

  setTaint(letters: string, line: number, value?: number): void {
    const all = new Set([...(this.taint?.letters ?? ''), ...letters]);
    const lines = [...(this.taint?.lines ?? []), line].slice(0, 16);
    const v = value ?? this.taint?.value;
    this.taint = {
      letters: [...all].sort(byTaintOrder).join(''),
      lines,
      ...(v === undefined ? {} : { value: v }),
    };
  }

  problem(line: number, kind: LinuxProblem['kind'], message: string): void {
    if (this.problems.length < MAX_PROBLEMS) {
      this.problems.push({ line, kind, message });
      return;
    }
    if (this.dropped === 0) this.droppedFrom = line;
    this.dropped++;
  }

  private limit(what: string, line: number): void {
    if (!this.over.has(what)) this.over.set(what, line);
  }

  /** The limit problems and the line that sums up the problems not listed. */
  finish(): void {
    for (const [what, line] of this.over) {
      const cap = what === 'modules' ? MAX_MODULES : MAX_FILES;
      this.problems.push({
        line,
        kind: 'limit',
        message: `more than ${cap.toLocaleString('en-US')} ${what} were printed; those from this line on were not kept (docs/limits.md). Paste the lines of the modules you want to see.`,
      });
    }
    if (this.dropped > 0)
      this.problems.push({
        line: this.droppedFrom,
        kind: 'limit',
        message: `${this.dropped.toLocaleString('en-US')} more lines could not be read, from this line on; only the first ${MAX_PROBLEMS.toLocaleString('en-US')} are listed (docs/limits.md).`,
      });
  }
}

/** The taint letters in the kernel's bit order (kernel/panic.c taint_flags; admin-guide/tainted-kernels). */
export const TAINT_ORDER = 'PFSRMBUDAWCIOELKXTN';

function byTaintOrder(a: string, b: string): number {
  return TAINT_ORDER.indexOf(a) - TAINT_ORDER.indexOf(b);
}
