import { useLayoutEffect, type RefObject } from 'react';
import { commandForKey } from '../actions/keys';
import { COMMAND_DEFS } from '../actions/registry';
import { useVisualizerApi } from '../store';
import { isPressable, isTextField, keepsKey, pointerFocusTracker } from '../ui/keys';

/**
 * While a dialog is open, only Escape reaches the visualizer's commands: in
 * the dialog the keys are its own, and nothing acts behind it.
 */
function dialogOpen(el: HTMLElement | null, home: ParentNode | null): boolean {
  return !!el?.closest?.('[aria-modal="true"]') || !!home?.querySelector('[aria-modal="true"]');
}

/**
 * Keys go through the same door as buttons. A page with one visualizer
 * listens on the whole window; a visualizer among others on a page listens
 * only inside its own element, so a key acts on the one that has focus.
 * Listening starts before the first paint (a layout effect): a key pressed
 * as soon as the view shows is never lost.
 */
export function useKeyboard(scope: RefObject<HTMLElement | null> | 'window'): void {
  const v = useVisualizerApi();
  useLayoutEffect(() => {
    const target: HTMLElement | Window | null = scope === 'window' ? window : scope.current;
    if (!target) return;
    const focus = pointerFocusTracker(target);
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      const el = k.target instanceof HTMLElement ? k.target : null;
      // (Not `defaultPrevented`: React Flow prevents Space for its own panning key.)
      // Digits typed, then Enter: to that step, even where the app placed focus (Next after an answer).
      const typedStep =
        k.key === 'Enter' && el?.dataset.placed === 'true' && v.getState().classroom.stepInput !== '';
      if (!typedStep && keepsKey(el, k.key, focus.byPointer(el), k.ctrlKey || k.metaKey || k.altKey)) return;
      const home = scope === 'window' ? document.body : scope.current;
      if (dialogOpen(el, home) && k.key !== 'Escape') return;
      const plain = !k.ctrlKey && !k.metaKey && !k.altKey;
      const id = plain && /^[0-9]$/.test(k.key) ? 'typeDigit' : commandForKey(k);
      if (!id) return;
      k.preventDefault();
      // A focused button would take Space's release as a click: the release is cancelled, and focus
      // stays on the button (not moved to the view's container, where a keyboard can do nothing).
      // Enter's click is its key press, prevented above.
      if (el && (el.dataset.placed === 'true' || (isPressable(el) && !isTextField(el))) && k.key === ' ') {
        const release = (u: KeyboardEvent) => u.key === ' ' && u.preventDefault();
        el.addEventListener('keyup', release, { once: true });
      }
      v.run(id, id === 'typeDigit' ? { digit: Number(k.key) } : undefined, 'key');
      const focuses = COMMAND_DEFS.find((c) => c.id === id)?.focuses;
      if (focuses) home?.querySelector<HTMLElement>(focuses)?.focus();
    };
    target.addEventListener('keydown', onKey);
    return () => {
      target.removeEventListener('keydown', onKey);
      focus.stop();
    };
  }, [v, scope]);
}
