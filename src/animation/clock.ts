/**
 * Injected time (XState's SimulatedClock, tldraw's fake timers): the player
 * asks a clock for time and callbacks, so tests drive it by hand and never
 * sleep, and speed and instant mode are one factor applied in one place.
 */
export interface Clock {
  /** ms, monotonic. */
  now(): number;
  /** Calls `fn` after `ms` (0: on the next turn, never synchronously); returns a cancel. */
  schedule(fn: () => void, ms: number): () => void;
}

/** The browser's clock: timers for the cues, the animation frame for "as soon as it can paint". */
export function createRealClock(): Clock {
  return {
    now: () => performance.now(),
    schedule(fn, ms) {
      if (ms <= 0 && typeof requestAnimationFrame === 'function') {
        const id = requestAnimationFrame(() => fn());
        return () => cancelAnimationFrame(id);
      }
      const id = setTimeout(fn, Math.max(0, ms));
      return () => clearTimeout(id);
    },
  };
}

export interface ManualClock extends Clock {
  /** Moves time forward, running every callback that falls due, in time order. */
  advance(ms: number): void;
  /** Callbacks still waiting. */
  pending(): number;
}

/** A clock that moves only when told: for tests. */
export function createManualClock(start = 0): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; seq: number; fn: () => void }>();
  return {
    now: () => now,
    schedule(fn, ms) {
      const id = seq++;
      timers.set(id, { at: now + Math.max(0, ms), seq: id, fn });
      return () => void timers.delete(id);
    },
    advance(ms) {
      const end = now + Math.max(0, ms);
      for (;;) {
        let next: [number, { at: number; seq: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          const [, t] = entry;
          if (t.at > end) continue;
          if (!next || t.at < next[1].at || (t.at === next[1].at && t.seq < next[1].seq)) next = entry;
        }
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

/**
 * The factor every duration is multiplied by: 1/speed (speed 2 plays twice
 * as fast), and 0 in instant mode (nothing is animated at all).
 */
export function timeScale(ui: { readonly speed: number; readonly instant: boolean }): number {
  if (ui.instant) return 0;
  return ui.speed > 0 ? 1 / ui.speed : 1;
}
