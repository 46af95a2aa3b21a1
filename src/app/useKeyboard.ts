import { useLayoutEffect, type RefObject } from 'react';
import { commandForKey } from '../actions/keys';
import { COMMAND_DEFS } from '../actions/registry';
import { useVisualizerApi } from '../store';

/** Fields that take typing: every key but Escape is theirs. */
export function isTextField(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(type);
}

const STEP_KEYS = ['ArrowLeft', 'ArrowRight', ' ', 'PageUp', 'PageDown'];
const GRAPH_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' '];
const RANGE_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/** Buttons, links, checkboxes: Space and Enter press them when the keyboard brought focus there. */
function isPressable(el: HTMLElement): boolean {
  return el.matches('button, a[href], summary, [role="button"], [role="radio"], input');
}

/**
 * The keys an element keeps for itself: a graph node's moves (unless a
 * modifier is held); all of a text field's; a slider's arrows; Space and Enter on a button a keyboard user moved to. A button
 * focused by a mouse click (`byPointer`) keeps none: Space and → go on
 * stepping, wherever the focus was left. (Not `:focus-visible`: a key
 * pressed on a clicked button makes it match.)
 */
export function keepsKey(el: HTMLElement | null, key: string, byPointer = false, modified = false): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  // A graph node moves with the arrows, Home and End, and acts with Enter and Space
  // (src/graph/useGraphKeyboard.ts); with Ctrl/⌘ they are the timeline's again (Ctrl+Home: the start).
  if (el.classList.contains('react-flow__node')) return !modified && GRAPH_KEYS.includes(key);
  // A radio group's arrows move its choice (the OS switch).
  if (el.getAttribute('role') === 'radio' && RANGE_KEYS.slice(0, 4).includes(key)) return true;
  // A list chosen from with the mouse leaves the stepping keys to stepping (the mouse chooses in it).
  if (el.tagName === 'SELECT' && byPointer && STEP_KEYS.includes(key)) return false;
  if (isTextField(el)) return key !== 'Escape';
  if (el instanceof HTMLInputElement && el.type === 'range') return RANGE_KEYS.includes(key);
  // Focus the app placed (a question's first choice, Next after an answer: focusMoves.ts) leaves
  // Space to stepping, as before the move; Enter presses.
  if (key === ' ' && el.dataset.placed === 'true') return false;
  if ((key === ' ' || key === 'Enter') && isPressable(el)) return !byPointer;
  return false;
}

/**
 * Remembers which elements got focus from a pointer (a click) rather than
 * the keyboard: a pointer press marks the focus that follows it; a key
 * press clears the mark for whatever it focuses next.
 */
export function pointerFocusTracker(target: HTMLElement | Window) {
  const byPointer = new WeakSet<EventTarget>();
  let pending = false;
  const onPointer = () => void (pending = true);
  const onKey = () => void (pending = false);
  const onFocus = (e: Event) => {
    if (!e.target) return;
    if (pending) byPointer.add(e.target);
    else byPointer.delete(e.target);
    pending = false;
  };
  target.addEventListener('pointerdown', onPointer, true);
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('focusin', onFocus, true);
  return {
    byPointer: (el: EventTarget | null) => !!el && byPointer.has(el),
    stop: () => {
      target.removeEventListener('pointerdown', onPointer, true);
      target.removeEventListener('keydown', onKey, true);
      target.removeEventListener('focusin', onFocus, true);
    },
  };
}

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
