import type { Visualizer, VisualizerState } from '../store';
import { readKey, tabStorage, writeKey } from './storage';
import { changedWork } from './work/keeper';
import { prepareRestore, restoreWork } from './work/restore';
import { readWork, workCapturer, type SavedWork } from './work/saved';

/**
 * What a reload of this tab brings back without asking (issue 17: a
 * clicker's F5 in front of a class). The work kept in localStorage
 * (src/app/work/) is offered back with a question, as work of another
 * visit should be; a reload of the same tab is the same visit, so it comes
 * back as it was: the step, the lesson's answers (the score), presenter
 * mode and the text size. Kept in sessionStorage: this tab only, never
 * another's.
 *
 * - In presenter mode, the same address (F5 reloads the address the view
 *   last wrote): all of it comes back. Outside presenter mode the work
 *   keeper offers it back, as it offers any earlier work.
 * - Another address in the same tab (a new lesson link pasted in): the
 *   link's view opens fresh, and only presenter mode and the text size
 *   carry over, so a projected tab stays projected.
 */
const TAB_KEY = 'unload-lens.tab';
const TAB_FORMAT = 1;

interface TabState {
  readonly format: typeof TAB_FORMAT;
  /** The address (location.search) when this was written. */
  readonly address: string;
  readonly work: SavedWork;
  readonly presenter: boolean;
  readonly fontScale: number;
}

/** The tab's kept state, or null for anything this build did not write. */
export function readTab(text: string | null): TabState | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<Record<keyof TabState, unknown>>;
    const work = readWork(v.work);
    if (v.format !== TAB_FORMAT || !work || typeof v.address !== 'string') return null;
    if (typeof v.presenter !== 'boolean' || typeof v.fontScale !== 'number') return null;
    return { format: TAB_FORMAT, address: v.address, work, presenter: v.presenter, fontScale: v.fontScale };
  } catch {
    return null;
  }
}

/** Keeps this tab's state as it changes (once per burst of changes) and when the page goes. */
export function keepTab(v: Visualizer, win: Window = window): () => void {
  const capture = workCapturer();
  const write = () => {
    const s = v.getState();
    const state: TabState = {
      format: TAB_FORMAT,
      address: win.location.search,
      work: capture(s, Date.now()),
      presenter: s.classroom.presenter,
      fontScale: s.classroom.fontScale,
    };
    writeKey(TAB_KEY, JSON.stringify(state), win, tabStorage);
  };
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    // After the address has followed the change (it writes in a microtask too).
    win.setTimeout(() => {
      queued = false;
      write();
    }, 0);
  };
  write();
  const stop = v.store.subscribe((s, prev) => {
    if (changed(s, prev)) soon();
  });
  const away = () => write();
  win.addEventListener('pagehide', away);
  return () => {
    stop();
    win.removeEventListener('pagehide', away);
  };
}

/**
 * At load, before the work keeper starts: brings this tab's state back
 * (see above). Says whether the whole view came back, and what could not.
 */
export async function resumeTab(
  v: Visualizer,
  win: Window = window,
): Promise<{ resumed: boolean; problems: string[] }> {
  const kept = readTab(readKey(TAB_KEY, win, tabStorage));
  if (!kept) return { resumed: false, problems: [] };
  // Outside presenter mode a reload is offered back by the work keeper, as before (nobody is watching).
  const same = kept.presenter && kept.address === win.location.search;
  const problems: string[] = [];
  if (same) {
    await prepareRestore();
    problems.push(...restoreWork(v, kept.work));
  }
  if (kept.presenter) {
    if (!v.getState().classroom.presenter) v.execute('togglePresenter');
    v.execute('setFontScale', { scale: kept.fontScale });
    fullscreenAtFirstGesture(v, win);
  }
  return { resumed: same, problems };
}

/**
 * A browser leaves fullscreen on a reload and grants it again only in a
 * user gesture: the first key (the clicker's next press) or click asks for
 * it again, if presenter mode is still on.
 */
function fullscreenAtFirstGesture(v: Visualizer, win: Window): void {
  const doc = win.document as Document | undefined;
  if (!doc?.fullscreenEnabled) return;
  const again = () => {
    win.removeEventListener('keydown', again, true);
    win.removeEventListener('pointerdown', again, true);
    if (v.getState().classroom.presenter && !doc.fullscreenElement)
      doc.documentElement.requestFullscreen?.().catch(() => {});
  };
  win.addEventListener('keydown', again, true);
  win.addEventListener('pointerdown', again, true);
}

/** What the tab keeps changed: the work, or presenter mode and the text size. */
function changed(s: VisualizerState, prev: VisualizerState): boolean {
  return (
    changedWork(s, prev) ||
    s.classroom.presenter !== prev.classroom.presenter ||
    s.classroom.fontScale !== prev.classroom.fontScale
  );
}
