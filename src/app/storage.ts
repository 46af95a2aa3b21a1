import type { Theme } from '../store';

/**
 * The few things the page keeps between visits (the theme, the work in
 * progress: src/app/work/). Storage may be blocked (a browser set to refuse
 * site data, a sandboxed iframe, a full quota): every access goes through
 * here, is guarded, and answers "nothing" rather than throwing, so the app
 * works the same without it — only nothing is kept. `storageWorks()` says
 * whether anything can be kept, for the page to say so once.
 */
const THEME_KEY = 'unload-lens.theme';
const PROBE_KEY = 'unload-lens.probe';

/** The site's localStorage, or null when the browser refuses it (reading `localStorage` itself may throw). */
function siteStorage(win: Window = window): Storage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether a value can be written and read back now (blocked storage throws; some browsers give a zero quota). */
export function storageWorks(win: Window = window): boolean {
  const store = siteStorage(win);
  if (!store) return false;
  try {
    store.setItem(PROBE_KEY, '1');
    const ok = store.getItem(PROBE_KEY) === '1';
    store.removeItem(PROBE_KEY);
    return ok;
  } catch {
    return false;
  }
}

/** Which storage: the site's (the default) or this tab's (`tabStorage`). */
type Area = (win: Window) => Storage | null;

/** One stored value, or null when absent or storage is refused. */
export function readKey(key: string, win: Window = window, area: Area = siteStorage): string | null {
  try {
    return area(win)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores one value; false when storage refused it (blocked, or full). */
export function writeKey(
  key: string,
  value: string,
  win: Window = window,
  area: Area = siteStorage,
): boolean {
  const store = area(win);
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string, win: Window = window): void {
  try {
    siteStorage(win)?.removeItem(key);
  } catch {
    // Refused: there was nothing kept to remove.
  }
}

/** The stored keys that start with `prefix` (none when storage is refused). */
export function keysStartingWith(prefix: string, win: Window = window): string[] {
  const store = siteStorage(win);
  if (!store) return [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    return keys;
  } catch {
    return [];
  }
}

/**
 * This tab's sessionStorage (kept across a reload of the tab, never shared
 * with another tab), or null when refused: what a reload (a clicker's F5)
 * brings back without asking (src/app/tabSession.ts).
 */
export function tabStorage(win: Window = window): Storage | null {
  try {
    return win.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function savedTheme(): Theme | null {
  const t = readKey(THEME_KEY);
  return t === 'light' || t === 'dark' ? t : null;
}

/** Storage refused: the theme still applies for this visit. */
export function saveTheme(theme: Theme): void {
  writeKey(THEME_KEY, theme);
}

/**
 * Hears a theme chosen in another tab of the site (the `storage` event fires
 * in every other tab at once), so all tabs show one theme without a reload.
 * Returns the unsubscribe.
 */
export function onThemeElsewhere(listener: (theme: Theme) => void, win: Window = window): () => void {
  const heard = (e: StorageEvent) => {
    if (e.key !== THEME_KEY) return;
    if (e.newValue === 'light' || e.newValue === 'dark') listener(e.newValue);
  };
  win.addEventListener('storage', heard);
  return () => win.removeEventListener('storage', heard);
}

export function preferredTheme(): Theme {
  return savedTheme() ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** Said once, at the top of the page, when nothing can be kept. */
export const NOTHING_SAVED_NOTICE =
  'This browser does not let the page keep anything on this site, so nothing will be saved: your work and your theme last only while this tab is open. Everything else works.';
