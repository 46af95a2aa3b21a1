import type { Visualizer, VisualizerState } from '../../store';
import { keysStartingWith, readKey, removeKey, storageWorks, writeKey } from '../storage';
import { prepareRestore, restoreSettings, restoreWork, type LinkReader } from './restore';
import { readWork, sameView, workCapturer, type LinkWriter, type SavedWork } from './saved';

/**
 * Keeps the work in progress in the browser as the user works, and finds
 * the work of an earlier visit to offer back.
 *
 * Each page load writes under a key of its own (`unload-lens.work.<id>`),
 * so two tabs never overwrite each other's work. A load holds a Web Lock of
 * that name while it lives, and marks its work closed when the page goes
 * away (pagehide): work whose tab still lives is another tab's, never
 * offered; work whose tab is gone (a reload, a closed tab, a crash, which
 * frees the lock) is. The newest such work is offered back when it shows
 * something other than what opened; when it shows the same view (a reload
 * of an address that already says it all), its selection and speed come
 * back at once and nothing is asked. A few older ones are kept, the rest
 * dropped.
 */
export const WORK_PREFIX = 'unload-lens.work.';
/** Work of tabs gone kept besides the one offered. */
const KEPT = 4;

export interface Offer {
  readonly key: string;
  readonly work: SavedWork;
}

export interface WorkKeeper {
  /** Whether anything can be kept in this browser (when not, the page says so once). */
  readonly saving: boolean;
  /** The earlier work to offer, once it is known which tabs still live; null when there is none to offer. */
  readonly offer: Promise<Offer | null>;
  /** Puts the offered work back; what could not be, in words. The offer is then used up. */
  restore(offer: Offer): string[];
  /** Forgets the offered work. */
  discard(offer: Offer): void;
  /** Whether saving failed since the page opened (storage full, or switched off meanwhile). */
  failed(): boolean;
  /** Called the first time saving fails. Returns the unsubscribe. */
  onFailure(listener: () => void): () => void;
}

interface Kept {
  readonly closed: boolean;
  readonly work: SavedWork;
}

function readKept(text: string | null): Kept | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as { closed?: unknown; work?: unknown };
    const work = readWork(v.work);
    return work ? { closed: v.closed === true, work } : null;
  } catch {
    return null;
  }
}

/** The names of the Web Locks held now on this site (none known when the browser has no Web Locks). */
async function heldLocks(win: Window): Promise<Set<string>> {
  try {
    const q = await win.navigator.locks.query();
    return new Set([...(q.held ?? []), ...(q.pending ?? [])].map((l) => l.name ?? ''));
  } catch {
    return new Set();
  }
}

/** Holds a lock named `name` for as long as the page lives (freed by the browser when it goes, even by a crash). */
function holdLock(win: Window, name: string): void {
  try {
    void win.navigator.locks.request(name, () => new Promise<never>(() => {})).catch(() => {});
  } catch {
    // No Web Locks (an old browser, an opaque origin): every earlier work then counts as gone.
  }
}

/**
 * Runs `fn` once the page is idle (within a second at most); returns what
 * cancels it. A window without timers (a test's) runs it at once.
 */
function whenIdle(win: Window, fn: () => void): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(fn, { timeout: 1000 });
    return () => win.cancelIdleCallback(id);
  }
  if (typeof win.setTimeout === 'function') {
    const id = win.setTimeout(fn, 200);
    return () => win.clearTimeout(id);
  }
  fn();
  return () => {};
}

function newId(win: Window): string {
  try {
    return win.crypto.randomUUID();
  } catch {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }
}

const NOT_SAVING: WorkKeeper = {
  saving: false,
  offer: Promise.resolve(null),
  restore: () => [],
  discard: () => {},
  failed: () => false,
  onFailure: () => () => {},
};

/**
 * `links` writes the sessions' scenario parameters (share/makeLink.ts): a
 * page hands in its loading, so the compressor stays out of its first
 * view; saving starts once it has loaded (and is said to have failed if it
 * cannot load).
 */
export function keepWork(
  v: Visualizer,
  links: LinkWriter | Promise<LinkWriter>,
  win: Window = window,
): WorkKeeper {
  if (!storageWorks(win)) return NOT_SAVING;
  const key = `${WORK_PREFIX}${newId(win)}`;
  // The work kept before this load: a tab that opens meanwhile is never taken for one gone.
  const before = keysStartingWith(WORK_PREFIX, win).map((k) => ({ key: k, kept: readKept(readKey(k, win)) }));
  let failed = false;
  const listeners = new Set<() => void>();
  const fail = () => {
    if (failed) return;
    failed = true;
    listeners.forEach((l) => l());
  };
  // What reading the kept work needs (the link reader), loaded before the offer is made.
  let link: LinkReader | null = null;
  // The capturer and the view as it opened: once the link writer is at hand (at once when given).
  let capture: ReturnType<typeof workCapturer> | null = null;
  let opened: SavedWork | null = null;
  const start = (writer: LinkWriter) => {
    capture = workCapturer(writer);
    opened = capture(v.getState(), Date.now());
    saveSoon();
  };

  const save = (closed = false) => {
    if (!capture) return;
    const kept: Kept = { closed, work: capture(v.getState(), Date.now()) };
    if (!writeKey(key, JSON.stringify(kept), win)) fail();
  };
  holdLock(win, key);
  // Written when the page is idle, not in the click that changed it (nor before the first view):
  // one write for a burst of steps.
  let pending: (() => void) | null = null;
  const saveSoon = () => {
    if (pending) return;
    let ran = false;
    const cancel = whenIdle(win, () => {
      ran = true;
      pending = null;
      save();
    });
    if (!ran) pending = cancel;
  };
  const saveNow = (closed = false) => {
    pending?.();
    pending = null;
    save(closed);
  };
  const ready: Promise<void> =
    links instanceof Promise ? links.then(start, () => fail()) : Promise.resolve(start(links));
  v.store.subscribe((s, prev) => {
    if (changedWork(s, prev)) saveSoon();
  });
  win.addEventListener('pagehide', () => saveNow(true));
  win.addEventListener('pageshow', (e) => {
    if (e.persisted) saveNow();
  });

  const offer = heldLocks(win).then(async (held) => {
    // Without the link writer nothing was saved or can be compared (the failure is said by onFailure).
    await ready;
    if (!opened) return null;
    const gone = before
      .filter((o): o is { key: string; kept: Kept } => o.kept !== null && (o.kept.closed || !held.has(o.key)))
      .sort((a, b) => b.kept.work.savedAt - a.kept.work.savedAt);
    for (const old of gone.slice(KEPT + 1)) removeKey(old.key, win);
    const newest = gone[0];
    if (!newest) return null;
    if (!sameView(newest.kept.work, opened)) {
      // Offered once what restoring needs has loaded, so the answer to the offer acts at once.
      link = await prepareRestore();
      return { key: newest.key, work: newest.kept.work };
    }
    // The address reopened that very view: the rest comes back unasked, and this load's work replaces it.
    restoreSettings(v, newest.kept.work);
    removeKey(newest.key, win);
    return null;
  });

  return {
    saving: true,
    offer,
    restore: (o) => {
      if (!link)
        return [
          'The saved work cannot be put back yet: what reads it is still loading. Try again in a moment.',
        ];
      const problems = restoreWork(v, o.work, link);
      removeKey(o.key, win);
      return problems;
    },
    discard: (o) => removeKey(o.key, win),
    failed: () => failed,
    onFailure: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** What saved work holds changed (not a hover, an animation frame or a panel opening). */
export function changedWork(s: VisualizerState, prev: VisualizerState): boolean {
  return (
    s.entries !== prev.entries ||
    s.cursor !== prev.cursor ||
    s.lesson !== prev.lesson ||
    s.stash !== prev.stash ||
    s.os !== prev.os ||
    s.title !== prev.title ||
    s.summary !== prev.summary ||
    s.selection !== prev.selection ||
    s.speed !== prev.speed ||
    s.instant !== prev.instant
  );
}
