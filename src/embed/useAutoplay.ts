import { useEffect } from 'react';
import { timeScale } from '../animation/clock';
import { useVisualizer, useVisualizerApi } from '../store';
import {
  selectAutoplay,
  selectCount,
  selectCurrentEntry,
  selectCursor,
  selectInstant,
  selectSpeed,
} from '../store/selectors';

/** How long a step stays before the next when playing: its animation, then time to read. */
const READ_MS = 1600;

/**
 * Plays through the steps while `autoplay` is on: waits for the current
 * step's animation and a moment to read, then steps forward through the
 * door, and pauses at the latest step.
 */
export function useAutoplay(): void {
  const { execute } = useVisualizerApi();
  const autoplay = useVisualizer(selectAutoplay);
  const cursor = useVisualizer(selectCursor);
  const count = useVisualizer(selectCount);
  const entry = useVisualizer(selectCurrentEntry);
  const speed = useVisualizer(selectSpeed);
  const instant = useVisualizer(selectInstant);
  useEffect(() => {
    if (!autoplay) return;
    if (cursor >= count) {
      execute('pause');
      return;
    }
    let id: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    // The animation planner comes with the graph, after the first view.
    void import('../animation/plan').then(({ planStep }) => {
      if (!live) return;
      const animation = entry ? planStep(entry.events).total * timeScale({ speed, instant }) : 0;
      id = setTimeout(() => execute('redo'), animation + READ_MS / (speed > 0 ? speed : 1));
    });
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [autoplay, cursor, count, entry, speed, instant, execute]);
}
