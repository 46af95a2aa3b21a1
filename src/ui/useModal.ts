import { useEffect, type RefObject } from 'react';
import { place, whereTheUserIs } from './focusMoves';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside an element, in order. */
function focusablesIn(el: ParentNode): HTMLElement[] {
  return [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.getClientRects().length > 0);
}

/**
 * A modal dialog's focus (WAI-ARIA dialog pattern): Tab and Shift+Tab cycle
 * inside it, and when it closes focus returns to what had it before (the
 * button that opened it), or where the user is in the view when that is gone.
 */
export function useModal(dialog: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const home = box?.closest<HTMLElement>('.visualizer') ?? null;
    // Focus the app had placed (focusMoves.ts) comes back placed: Space steps on there as before.
    const placed = opener?.dataset.placed === 'true';
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || !box) return;
      const items = focusablesIn(box);
      const first = items[0];
      const last = items[items.length - 1];
      const at = document.activeElement;
      if (!first || !last) return e.preventDefault();
      if (e.shiftKey && (at === first || !box.contains(at))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === last || !box.contains(at))) {
        e.preventDefault();
        first.focus();
      }
    };
    box?.addEventListener('keydown', onKey);
    return () => {
      box?.removeEventListener('keydown', onKey);
      // Opened from nowhere (a key on the page's body) or its opener gone: where the user is in the
      // view (Next, the graph's current object), not the view's container.
      const back = opener && opener !== document.body && opener.isConnected ? opener : null;
      if (back && !placed) back.focus({ preventScroll: true });
      else place(back ?? (home && whereTheUserIs(home)), { preventScroll: true });
    };
  }, [dialog]);
}
