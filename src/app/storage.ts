import type { Theme } from '../store';

/**
 * The few things the page keeps between visits. Storage may be blocked (a
 * browser set to refuse site data, a sandboxed iframe): every access is
 * guarded, and the app works the same without it.
 */
const THEME_KEY = 'unload-lens.theme';

export function savedTheme(): Theme | null {
  try {
    const t = window.localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : null;
  } catch {
    return null;
  }
}

export function saveTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage refused: the theme still applies for this visit.
  }
}

export function preferredTheme(): Theme {
  return savedTheme() ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
