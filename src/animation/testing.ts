import type { Clock } from './clock';

export interface ManualClock extends Clock {
  /** Moves time forward, running every callback that falls due, in time order. */
  advance(ms: number): void;
  /** Callbacks still waiting. */
  pending(): number;
}

/** A clock that moves only when told (the simulated clock of src/animation/clock.ts): for tests. */
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
