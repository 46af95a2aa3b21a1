import { useEffect } from 'react';
import { timeScale } from '../animation/clock';
import { planStep } from '../animation/plan';
import { useVisualizerApi } from '../store';
import type { VisualizerState } from '../store/state';

/** How long a step stays on screen after its animation, at speed 1 (ms): time to read the narration. */
const DWELL = 2500;

/** How long autoplay waits on the current step before the next: its animation, then time to read. */
export function autoplayDelay(s: VisualizerState): number {
  const entry = s.entries[s.cursor - 1];
  const scale = timeScale({ speed: s.speed, instant: s.instant });
  const animation = entry && s.playing?.entryId === entry.id ? planStep(entry.events).total * scale : 0;
  return animation + DWELL / (s.speed > 0 ? s.speed : 1);
}

/**
 * Autoplay: while it is on, the visualizer steps forward through its own
 * door after each step's animation and a pause to read; `next` stops it at a
 * question and at the end. One timer per visualizer, held by this hook.
 */
export function useAutoplay(): void {
  const { store, run } = useVisualizerApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const clear = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const arm = (s: VisualizerState) => {
      clear();
      if (!s.classroom.autoplay) return;
      timer = setTimeout(() => {
        timer = null;
        run('next', undefined, 'button');
      }, autoplayDelay(s));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.classroom.autoplay !== prev.classroom.autoplay ||
        s.cursor !== prev.cursor ||
        s.counter !== prev.counter
      )
        arm(s);
    });
    arm(store.getState());
    return () => {
      unsubscribe();
      clear();
    };
  }, [store, run]);
}
