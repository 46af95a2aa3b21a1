import type { Visualizer, VisualizerState } from '../store';
import { readDraft, type KeptDraft } from '../lessons/typing';
import { readKey, tabStorage, writeKey } from './storage';
import { changedWork } from './work/keeper';
import { prepareRestore, restoreWork } from './work/restore';
import { readWork, workCapturer, type LinkWriter, type SavedWork } from './work/saved';

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
 * - What was open and half-typed (issue 25: nothing typed is lost): the
 *   lesson editor with its incomplete questions, the action palette, the
 *   event log's filter. They come back on a reload of the same address,
 *   in or out of presenter mode (the address gives the same steps; a draft
 *   returns only to the step it was written for).
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
  /** What was open and being typed (absent in what an earlier build wrote). */
  readonly open?: OpenWork;
}

interface OpenWork {
  readonly editor: boolean;
  readonly palette: boolean;
  readonly logFilter: string;
  readonly drafts: Readonly<Record<string, KeptDraft>>;
}

const openWorkOf = (s: VisualizerState): OpenWork => ({
  editor: s.classroom.editorOpen,
  palette: s.paletteOpen,
  logFilter: s.typing.logFilter,
  drafts: s.typing.drafts,
});

/** What was open, as read back: the parts that do not read are left out (the door checks each again). */
function readOpen(v: unknown): OpenWork | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Partial<Record<keyof OpenWork, unknown>>;
  const drafts: Record<string, KeptDraft> = {};
  if (typeof o.drafts === 'object' && o.drafts !== null)
    for (const [step, kept] of Object.entries(o.drafts as Record<string, unknown>)) {
      const k = kept as Partial<Record<keyof KeptDraft, unknown>> | null;
      const draft = readDraft(k?.draft);
      if (draft && typeof k?.for === 'string') drafts[step] = { for: k.for, draft };
    }
  return {
    editor: o.editor === true,
    palette: o.palette === true,
    logFilter: typeof o.logFilter === 'string' ? o.logFilter : '',
    drafts,
  };
}

/** The tab's kept state, or null for anything this build did not write. */
export function readTab(text: string | null): TabState | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<Record<keyof TabState, unknown>>;
    const work = readWork(v.work);
    if (v.format !== TAB_FORMAT || !work || typeof v.address !== 'string') return null;
    if (typeof v.presenter !== 'boolean' || typeof v.fontScale !== 'number') return null;
    const open = readOpen(v.open);
    return {
      format: TAB_FORMAT,
      address: v.address,
      work,
      presenter: v.presenter,
      fontScale: v.fontScale,
      ...(open ? { open } : {}),
    };
  } catch {
    return null;
  }
}

/** Keeps this tab's state as it changes (once per burst of changes) and when the page goes. */
export function keepTab(v: Visualizer, links: LinkWriter, win: Window = window): () => void {
  const capture = workCapturer(links);
  const write = () => {
    const s = v.getState();
    const state: TabState = {
      format: TAB_FORMAT,
      address: win.location.search,
      work: capture(s, Date.now()),
      presenter: s.classroom.presenter,
      fontScale: s.classroom.fontScale,
      open: openWorkOf(s),
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
    problems.push(...restoreWork(v, kept.work, await prepareRestore()));
  }
  if (kept.open && kept.address === win.location.search) problems.push(...reopen(v, kept.open));
  if (kept.presenter) {
    if (!v.getState().classroom.presenter) v.execute('togglePresenter');
    v.execute('setFontScale', { scale: kept.fontScale });
    fullscreenAtFirstGesture(v, win);
  }
  return { resumed: same, problems };
}

/** Opens again what was open, with what was being typed in it; what the door refuses, in words. */
function reopen(v: Visualizer, open: OpenWork): string[] {
  const s = v.getState();
  const outcomes = [
    open.editor && !s.classroom.editorOpen ? v.execute('toggleEditor') : null,
    open.palette && !s.paletteOpen ? v.execute('togglePalette') : null,
    open.logFilter ? v.execute('setLogFilter', { text: open.logFilter }) : null,
    ...Object.entries(open.drafts).map(([step, kept]) =>
      v.execute('keepDraft', { step: Number(step), for: kept.for, draft: kept.draft }),
    ),
  ];
  return outcomes.flatMap((r) => (r && !r.ok ? [`what was being typed: ${r.error}`] : []));
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

/** What the tab keeps changed: the work, presenter mode and the text size, or what is open and typed. */
function changed(s: VisualizerState, prev: VisualizerState): boolean {
  return (
    changedWork(s, prev) ||
    s.classroom.presenter !== prev.classroom.presenter ||
    s.classroom.fontScale !== prev.classroom.fontScale ||
    s.classroom.editorOpen !== prev.classroom.editorOpen ||
    s.paletteOpen !== prev.paletteOpen ||
    s.typing !== prev.typing
  );
}
