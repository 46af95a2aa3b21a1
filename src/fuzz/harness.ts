import type fc from 'fast-check';

/**
 * The fuzz tests' bookkeeping (`*.fuzz.test.ts`): every input a surface is
 * given is counted and timed, a throw fails the property (and is counted),
 * and the slowest input is kept, to be reported (docs/limits.md). Times are
 * measured, never asserted: the tests bound work structurally instead
 * (problems capped, lengths capped).
 */
export class FuzzLog {
  inputs = 0;
  throws = 0;
  private slowest = { ms: 0, input: '' };
  private readonly times: number[] = [];

  constructor(readonly surface: string) {}

  /** Runs `f` on one input, timed; a throw is counted and rethrown with the input described. */
  run<T>(input: unknown, f: () => T): T {
    const t0 = performance.now();
    try {
      return f();
    } catch (e) {
      this.throws++;
      throw new Error(`${this.surface} threw on ${describe(input)}: ${message(e)}`, { cause: e });
    } finally {
      this.time(input, performance.now() - t0);
    }
  }

  /** The same for an async surface: a rejection counts as a throw. */
  async runAsync<T>(input: unknown, f: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await f();
    } catch (e) {
      this.throws++;
      throw new Error(`${this.surface} threw on ${describe(input)}: ${message(e)}`, { cause: e });
    } finally {
      this.time(input, performance.now() - t0);
    }
  }

  private time(input: unknown, ms: number): void {
    this.inputs++;
    this.times.push(ms);
    if (ms > this.slowest.ms) this.slowest = { ms, input: describe(input) };
  }

  /**
   * One line for the report: inputs, throws, the slowest input and its
   * time, and the 99.9th percentile (on a shared machine the single
   * slowest is often a garbage collection or another process's turn).
   */
  report(): string {
    const sorted = [...this.times].sort((a, b) => a - b);
    const p999 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.999))] ?? 0;
    const ms = this.slowest.ms.toFixed(1);
    return `fuzz ${this.surface}: ${this.inputs.toLocaleString('en')} inputs, ${this.throws} throws; slowest ${ms} ms (${this.slowest.input}); 99.9% under ${p999.toFixed(1)} ms`;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A short description of an input that reads no getter and survives a hostile proxy. */
function describe(v: unknown, depth = 0): string {
  try {
    if (typeof v === 'string') {
      return v.length > 60
        ? `${JSON.stringify(v.slice(0, 40))}… (${v.length.toLocaleString('en')} chars)`
        : JSON.stringify(v);
    }
    if (typeof v !== 'object' || v === null) return typeof v === 'symbol' ? 'a symbol' : String(v);
    if (Array.isArray(v)) {
      return depth > 2
        ? '[…]'
        : `[${v.length.toLocaleString('en')} items${v.length > 0 && 0 in v ? `: ${describe(firstOwn(v, '0'), depth + 1)}` : ''}]`;
    }
    if (depth > 2) return '{…}';
    const keys = Object.keys(v);
    const shown = keys
      .slice(0, 6)
      .map((k) => `${k.length > 20 ? `${k.slice(0, 20)}…` : k}: ${describe(firstOwn(v, k), depth + 1)}`);
    return `{${shown.join(', ')}${keys.length > 6 ? `, … ${keys.length} keys` : ''}}`;
  } catch {
    return 'an object that throws when looked at';
  }
}

/** An own data property's value, without calling a getter. */
function firstOwn(o: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : d ? 'a getter' : undefined;
}

/**
 * fast-check's parameters for one property. The seed is fresh each run
 * (fast-check prints it, and the failing input, when a property fails);
 * a failure is not shrunk, since shrinking a 2 MB input costs minutes.
 */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, endOnFailure: true };
}
