import { ev, type EventType, type KernelEvent } from './events';
import type { RuleId } from './rules';
import type { StepResult } from './types';

export type EventFields = Omit<KernelEvent, 'type' | 'rule'>;

/**
 * Builds the next world during one step. It holds the current world value
 * and replaces it (never mutates it) as the step goes; the world it started
 * from stays intact, so history can keep every step.
 */
export class Tx<W extends object, R extends RuleId, T extends EventType> {
  readonly events: KernelEvent[] = [];
  /**
   * The world as each event was emitted (one per event, in order): what had
   * happened so far. The app draws these while it animates a step, so the
   * picture never runs ahead of the story. Each is a finished value: the
   * next write after an emit starts a new copy.
   */
  readonly moments: W[] = [];
  /** Set by `done()`: the world is handed out and must not change any more. */
  private sealed = false;

  constructor(public w: W) {}

  /** Whether `w` is already this step's own copy (made at the first write, never shared before `done`). */
  private owned = false;

  /** Replaces one field of the world (a new world value; unchanged fields are shared). */
  protected put<K extends keyof W>(key: K, value: W[K]): void {
    if (this.sealed) throw new Error('kernel invariant: a step wrote to the world after it was done');
    if (this.w[key] === value) return;
    if (!this.owned) {
      this.w = { ...this.w };
      this.owned = true;
    }
    this.w[key] = value;
  }

  emit(type: T, rule: R, fields?: EventFields): void {
    this.events.push(ev(type, rule, fields));
    this.moment();
  }

  /** Keeps the world as it is now for the event just emitted; the next write copies it. */
  private moment(): void {
    this.moments.push(this.w);
    this.owned = false;
  }

  done(status: string): StepResult<W> {
    this.sealed = true;
    return { world: this.w, status, events: this.events, moments: this.moments };
  }

  /** The call is refused: a `refused` event says why; the status is the OS's answer. */
  refuse(
    status: string,
    rule: R,
    reason: string,
    fields?: Omit<EventFields, 'status' | 'reason'>,
  ): StepResult<W> {
    this.events.push(ev('refused', rule, { ...fields, status, reason }));
    this.moment();
    return this.done(status);
  }
}

/** Whether a lookup that either finds its object or refuses the step (returning the refusal) refused. */
export function isRefusal<T extends object, W>(x: T | StepResult<W>): x is StepResult<W> {
  return 'events' in x && 'status' in x;
}

/** True when applying `patch` to `current` would change nothing (so no new object is needed). */
export function unchanged<O extends object>(current: O, patch: Partial<O>): boolean {
  for (const k in patch) if (!Object.is(current[k], patch[k])) return false;
  return true;
}
