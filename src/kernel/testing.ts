import { expect } from 'vitest';
import type { Condition } from './checklist';
import type { EventType, KernelEvent } from './events';
import { kernelOf, type ActionOf, type OptionsOf, type Os, type WorldOf } from './os';
import { RULES } from './rules';

/**
 * The kernel's one test helper: a chain that does actions, checks statuses
 * and events, and reads the checklist, for any OS.
 *
 *   kernel('windows')
 *     .setup({ do: 'loadDriver', driver: 'B', model: 'legacy', controlDevice: 'Beep' })
 *     .do({ do: 'stopDriver', driver: 'B' })
 *     .expectStatus('STATUS_SUCCESS')
 *     .expectEvents('unloadCalled');
 *
 * Every event of every step must cite a rule of the registry.
 */

/** One step done through the chain. */
export interface RunStep<O extends Os> {
  readonly action: ActionOf<O>;
  readonly status: string;
  readonly events: readonly KernelEvent[];
  /** The world before and after this step. */
  readonly before: WorldOf<O>;
  readonly world: WorldOf<O>;
}

export class KernelRun<O extends Os> {
  /** The steps done with `do` (not `setup`), in order. */
  readonly steps: RunStep<O>[] = [];

  constructor(
    readonly os: O,
    public world: WorldOf<O>,
  ) {}

  /** Does each action; each must go through (the OS's success status). Not recorded in `steps`. */
  setup(...actions: readonly ActionOf<O>[]): this {
    for (const a of actions) {
      const s = this.apply(a);
      expect(s.status, `setup step ${a.do}`).toBe(kernelOf(this.os).successStatus);
    }
    return this;
  }

  /** Does each action and records it. */
  do(...actions: readonly ActionOf<O>[]): this {
    for (const a of actions) this.steps.push(this.apply(a));
    return this;
  }

  /** The last step done with `do`. */
  get last(): RunStep<O> {
    return this.step(this.steps.length - 1);
  }

  /** Step `i` of those done with `do` (negative: from the end). */
  step(i: number): RunStep<O> {
    const s = this.steps.at(i);
    if (!s) throw new Error(`no step ${i}: ${this.steps.length} done`);
    return s;
  }

  /** The last step's status. */
  expectStatus(status: string): this {
    expect(this.last.status, `${this.last.action.do}`).toBe(status);
    return this;
  }

  /** The last step emitted every one of these event types (in any order). */
  expectEvents(...types: EventType[]): this {
    const seen = this.types();
    for (const t of types) expect(seen, `${this.last.action.do} emits ${t}`).toContain(t);
    return this;
  }

  /** The last step emitted none of these event types. */
  expectNoEvents(...types: EventType[]): this {
    const seen = this.types();
    for (const t of types) expect(seen, `${this.last.action.do} does not emit ${t}`).not.toContain(t);
    return this;
  }

  /** The event types of a step (default: the last). */
  types(i = -1): EventType[] {
    return this.step(i).events.map((e) => e.type);
  }

  /** The events of one type in a step (default: the last). */
  eventsOf(type: EventType, i = -1): KernelEvent[] {
    return this.step(i).events.filter((e) => e.type === type);
  }

  /** The events of one type across every step done with `do`. */
  allOf(type: EventType): KernelEvent[] {
    return this.steps.flatMap((s) => s.events.filter((e) => e.type === type));
  }

  /** One line of the live checklist of a driver or module, now. */
  condition(owner: string, id: string): Condition {
    const c = kernelOf(this.os)
      .explain(this.world, owner)
      .conditions.find((x) => x.id === id);
    if (!c) throw new Error(`no condition ${id} for ${owner}`);
    return c;
  }

  private apply(action: ActionOf<O>): RunStep<O> {
    const before = this.world;
    const r = kernelOf(this.os).step(before, action);
    for (const e of r.events)
      expect(Object.keys(RULES), `${action.do}: ${e.type} cites ${e.rule}`).toContain(e.rule);
    this.world = r.world;
    return { action, status: r.status, events: r.events, before, world: r.world };
  }
}

/** Starts a chain on an empty world of one OS. */
export function kernel<O extends Os>(os: O, options: Partial<OptionsOf<O>> = {}): KernelRun<O> {
  return new KernelRun(os, kernelOf(os).createWorld(options));
}
