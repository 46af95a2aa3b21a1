import type { StoreApi } from 'zustand/vanilla';
import type { VisualizerState } from '../store/state';

/** Address parameters to write: a value sets it, `null` removes it; parameters not named are left alone. */
export type AddressParams = Readonly<Record<string, string | null>>;

/**
 * Writes parameters into the address bar without a new history entry (the
 * Back button still leaves the page rather than stepping through every
 * click), leaving every other parameter as it is.
 */
function writeAddress(params: AddressParams, win: Window = window): void {
  const url = new URL(win.location.href);
  // Each parameter given is written afresh, in the order given (`lesson` before `step`, `scenario`
  // before `step`), so an address reads the same however the view got there.
  for (const [k, v] of Object.entries(params)) {
    url.searchParams.delete(k);
    if (v !== null) url.searchParams.append(k, v);
  }
  url.search = readableSearch(url.search);
  if (url.href !== win.location.href) {
    try {
      win.history.replaceState(win.history.state, '', url);
    } catch {
      // A sandboxed frame may refuse: the view still works, the address just stays.
    }
  }
}

/**
 * Keeps the address in step with one visualizer: after each change,
 * `describe` says which parameters its state gives (the app: `scenario` and
 * `step`; a lesson page: `step` beside its own `lesson`). Returns the
 * unsubscribe. Usage:
 *
 *   syncAddress(visualizer.store, (s) => ({ step: String(s.cursor) }));
 */
export function syncAddress(
  store: StoreApi<VisualizerState>,
  describe: (s: VisualizerState) => AddressParams,
  win: Window = window,
): () => void {
  const write = (s: VisualizerState) => writeAddress(describe(s), win);
  write(store.getState());
  // Once for a burst of changes (a script's thousand steps write one address), still before the
  // next task: a reload right after a click reopens that click's view.
  let queued = false;
  return store.subscribe((s, prev) => {
    // Only what a link carries: the session and the step (not a hover, a theme or an animation), and a
    // lesson's question opening or closing (the address then names the step that asks it).
    if (
      queued ||
      (s.cursor === prev.cursor &&
        s.entries === prev.entries &&
        s.initial === prev.initial &&
        s.lesson === prev.lesson)
    )
      return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      write(store.getState());
    });
  });
}

/** URLSearchParams writes `~` as `%7E`; it needs no escaping in a query, and a packed scenario starts with it. */
export function readableSearch(search: string): string {
  return search.replace(/%7E/gi, '~');
}
