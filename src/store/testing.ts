import { expect } from 'vitest';
import type { Outcome } from '../actions/types';
import {
  createVisualizer,
  type ActionId,
  type ExecuteRest,
  type Visualizer,
  type VisualizerOptions,
} from './create';
import type { VisualizerState } from './state';

/**
 * The app's one test helper: drives a visualizer's store through its door,
 * without React, and checks what came back.
 *
 *   app({ scenario }).do('undo').expectOk().do('closeHandle', { handle: 'h1' }).expectStatus('STATUS_SUCCESS');
 */
export class AppRun {
  /** What the last `do` answered. */
  outcome: Outcome = { ok: true, events: [] };

  constructor(readonly visualizer: Visualizer) {}

  get state(): VisualizerState {
    return this.visualizer.getState();
  }

  /** Sends one action through the door (typed like `execute`). */
  do<K extends ActionId>(id: K, ...rest: ExecuteRest<K>): this {
    this.outcome = this.visualizer.execute(id, ...rest);
    return this;
  }

  /** Sends anything through the untyped door, as a host page or a key would. */
  send(id: string, args?: unknown): this {
    this.outcome = this.visualizer.run(id, args, 'test');
    return this;
  }

  expectOk(): this {
    expect(this.outcome, JSON.stringify(this.outcome)).toMatchObject({ ok: true });
    return this;
  }

  /** The last `do` was refused; its error mentions `words` when given. */
  expectError(words?: string): this {
    expect(this.outcome.ok).toBe(false);
    if (words && !this.outcome.ok) expect(this.outcome.error).toContain(words);
    return this;
  }

  expectStatus(status: string): this {
    expect(this.outcome).toMatchObject({ ok: true, status });
    return this;
  }
}

/** A new visualizer (its own store), ready to drive. */
export function app(options: VisualizerOptions = {}): AppRun {
  const v = createVisualizer(options);
  expect(v.loaded, 'the scenario given loads').toMatchObject({ ok: true });
  return new AppRun(v);
}
