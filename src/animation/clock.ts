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

/**
 * The factor every duration is multiplied by: 1/speed (speed 2 plays twice
 * as fast), and 0 in instant mode (nothing is animated at all).
 */
export function timeScale(ui: { readonly speed: number; readonly instant: boolean }): number {
  if (ui.instant) return 0;
  return ui.speed > 0 ? 1 / ui.speed : 1;
}
