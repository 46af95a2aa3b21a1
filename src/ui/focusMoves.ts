import { isTextField } from './keys';

/** What a keyboard can land on: enabled controls, links, and elements put in the Tab order. */
const TABBABLE =
  'button:not(:disabled), a[href], input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex="0"]';

const shown = (el: HTMLElement): boolean => el.getClientRects().length > 0 && !el.closest('[inert]');

/** The first element in `part` a keyboard can land on and that is drawn, if any. */
export function firstTabbable(part: ParentNode): HTMLElement | null {
  for (const el of part.querySelectorAll<HTMLElement>(TABBABLE)) if (shown(el)) return el;
  return null;
}

/**
 * Whether the view in `root` may move focus by itself (a question opened,
 * an answer shown): when focus is already in it, or nowhere (the page's
 * body) on a page that is this view alone. Never from a text field or a
 * dialog, and never on a page where the view is one embed among others
 * and the reader is elsewhere (focus would scroll the page away).
 */
export function mayMoveFocus(root: HTMLElement | null): boolean {
  if (!root) return false;
  const at = document.activeElement;
  if (!at || at === document.body) return !!root.querySelector('main');
  if (!(at instanceof HTMLElement) || !root.contains(at)) return false;
  return !isTextField(at) && !at.closest('[aria-modal="true"]');
}

/**
 * Focus that goes on from a part that is about to go (an answered question):
 * `leaving` marks its view while focus is still inside the part; `arrive`
 * (from the part that replaces it) takes the mark and moves focus to the
 * first of `targets` that is there, enabled and drawn.
 */
export function leaving(part: HTMLElement | null): void {
  const root = part?.closest<HTMLElement>('.visualizer');
  if (root && part?.contains(document.activeElement)) root.dataset.focusFollows = 'true';
}

export function arrive(from: HTMLElement | null, targets: readonly (HTMLElement | null)[]): void {
  const root = from?.closest<HTMLElement>('.visualizer');
  if (!root || root.dataset.focusFollows !== 'true') return;
  delete root.dataset.focusFollows;
  const at = document.activeElement;
  // Someone moved focus meanwhile (a click elsewhere): it stays where they put it.
  if (at && at !== document.body && root.contains(at) === false) return;
  place(targets.find((t) => t?.isConnected && shown(t) && !t.matches(':disabled')));
}

/**
 * Where focus goes when what had it is gone and nothing nearer stands in
 * (a dialog opened from nowhere closes, a panel empties): where the user
 * is in the view, never the view's own container. The timeline's Next
 * while it can step (a lesson goes on there, and ←, → and Space still
 * step from it), else the graph's one Tab stop (its current object),
 * else the view's first control.
 */
export function whereTheUserIs(root: HTMLElement): HTMLElement | null {
  const next = root.querySelector<HTMLElement>('[data-next]');
  if (next && shown(next) && !next.matches(':disabled')) return next;
  const node = root.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]');
  if (node && shown(node)) return node;
  return firstTabbable(root);
}

/**
 * Focus the app puts somewhere (not the user's choice): marked until it
 * leaves, so Space there still steps as it did before (useKeyboard's
 * keepsKey) — a teacher's Space goes on revealing — and digits then Enter
 * still go to that step, while Enter alone presses.
 */
export function place(el: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!el) return;
  el.dataset.placed = 'true';
  el.addEventListener('blur', () => delete el.dataset.placed, { once: true });
  el.focus(options);
  if (document.activeElement !== el) delete el.dataset.placed;
}
