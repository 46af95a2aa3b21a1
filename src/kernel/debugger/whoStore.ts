import type { DebuggerHandle, DebuggerProcess, DebuggerThread, DebuggerUserHandle, Source } from './types';

/**
 * Who holds what: the processes, handle-table entries and threads a paste
 * printed (`!process`, `!handle`, `!devhandles`, `!thread`). A process is
 * one entry however many commands print it (found by its EPROCESS address,
 * or by its PID when a command printed only that); a handle is one entry
 * per process and handle value.
 */

/** Real sessions print a few hundred processes and handles; a corrupt paste may print millions. */
export const MAX_WHO = 20_000;

function addSource(sources: Source[], s: Source): void {
  const last = sources[sources.length - 1];
  if (!last || last.line !== s.line || last.command !== s.command) sources.push(s);
}

type Patch<T> = { [K in keyof T]?: T[K] | undefined };

function assign<T extends object>(target: T, patch: Patch<T>): T {
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

export class WhoStore {
  readonly processes = new Map<string, DebuggerProcess>();
  readonly handles = new Map<string, DebuggerHandle>();
  readonly threads = new Map<string, DebuggerThread>();
  /** The debugged process's handles (user-mode `!handle`), by value. */
  readonly userHandles = new Map<string, DebuggerUserHandle>();
  /** Devices `!devhandles` searched: where, and whether its output was whole (no elision, no table it could not read). */
  readonly searched = new Map<string, { line: number; whole: boolean }>();
  /** Where each kind first went over MAX_WHO: what was printed past it is not kept (a `limit` problem says so). */
  readonly over = new Map<'processes' | 'handles' | 'threads', number>();

  /** The line being read, where a reader knows it (a cap is reported there, not at the output's first line). */
  at?: number;

  private full(kind: 'processes' | 'handles' | 'threads', src: Source): undefined {
    if (!this.over.has(kind)) this.over.set(kind, this.at ?? src.line);
    return undefined;
  }

  process(address: string, src: Source, patch: Patch<DebuggerProcess> = {}): DebuggerProcess | undefined {
    let p = this.processes.get(address);
    if (!p) {
      if (this.processes.size >= MAX_WHO) return this.full('processes', src);
      p = { address, sources: [] };
      this.processes.set(address, p);
    }
    assign(p, patch);
    addSource(p.sources, src);
    return p;
  }

  handle(h: Omit<DebuggerHandle, 'sources'>, src: Source): DebuggerHandle | undefined {
    const key = `${h.kernel ? 'kernel' : (h.process ?? '?')}:${h.handle}`;
    let e = this.handles.get(key);
    if (!e) {
      if (this.handles.size >= MAX_WHO) return this.full('handles', src);
      e = { handle: h.handle, object: h.object, sources: [] };
      this.handles.set(key, e);
    }
    assign(e, h);
    addSource(e.sources, src);
    return e;
  }

  thread(
    address: string,
    src: Source,
    patch: Patch<Omit<DebuggerThread, 'irps'>> = {},
  ): DebuggerThread | undefined {
    let t = this.threads.get(address);
    if (!t) {
      if (this.threads.size >= MAX_WHO) return this.full('threads', src);
      t = { address, irps: [], sources: [] };
      this.threads.set(address, t);
    }
    assign(t, patch);
    addSource(t.sources, src);
    return t;
  }

  userHandle(handle: string, src: Source): DebuggerUserHandle | undefined {
    const key = handle.replace(/^0+(?=.)/, '');
    let e = this.userHandles.get(key);
    if (!e) {
      if (this.userHandles.size >= MAX_WHO) return this.full('handles', src);
      e = { handle, sources: [] };
      this.userHandles.set(key, e);
    }
    addSource(e.sources, src);
    return e;
  }
}
