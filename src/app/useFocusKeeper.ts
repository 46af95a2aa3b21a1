import { useEffect, type RefObject } from 'react';
import { useVisualizerApi } from '../store';
import { firstTabbable, place, whereTheUserIs } from '../ui/focusMoves';

/** The parts focus falls back to, nearest first, when what had it goes away. */
const PARTS = '[role="dialog"], section, aside, header, nav, [role="region"], [role="group"], main';

/** The elements from `el` up to (not including) `root`. */
function trailOf(el: HTMLElement, root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let x: HTMLElement | null = el; x && x !== root; x = x.parentElement) out.push(x);
  return out;
}

/**
 * An action that removes or disables its own button (Stop, Close handle…)
 * would drop focus to the page body, where a screen reader starts over and
 * keys scoped to this visualizer stop. When that happens, focus goes to the
 * first control of the nearest part of the visualizer still there (the panel
 * the button was in, else the parts around it), else where the user is in
 * the view (focusMoves.ts: Next, the graph's current object): never a
 * container.
 */
export function useFocusKeeper(root: RefObject<HTMLElement | null>): void {
  const v = useVisualizerApi();
  useEffect(() => {
    const home = root.current;
    if (!home) return;
    let trail: HTMLElement[] = [];
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && e.target !== home) trail = trailOf(e.target, home);
    };
    const check = () => {
      const lost = trail[0];
      const at = document.activeElement;
      if (!lost || (at && at !== document.body)) return;
      // Still there and usable: the user moved focus away on purpose (a click on empty space).
      if (lost.isConnected && !lost.matches(':disabled')) return;
      // The first control of the nearest part still there (the panel the button was in), else of the
      // parts around it: never the part itself, a container a keyboard cannot use.
      const parts = trail.filter((x) => x !== lost && x.isConnected && x.matches(PARTS));
      const part = parts.map(firstTabbable).find((x) => x !== null) ?? whereTheUserIs(home);
      if (!part) return;
      // Placed, not chosen: Space and digits-then-Enter step on as they did before it moved.
      place(part, { preventScroll: true });
      trail = trailOf(part, home);
    };
    const later = () => requestAnimationFrame(check);
    home.addEventListener('focusin', onFocusIn);
    home.addEventListener('focusout', later);
    const stop = v.store.subscribe(later);
    return () => {
      home.removeEventListener('focusin', onFocusIn);
      home.removeEventListener('focusout', later);
      stop();
    };
  }, [root, v]);
}
