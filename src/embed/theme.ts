import type { Visualizer } from '../store';
import type { ThemeChoice } from './protocol';

/**
 * A theme choice for one visualizer: light, dark, or `auto`, which follows
 * the reader's system setting (prefers-color-scheme) as it changes.
 */
export function followTheme(v: Visualizer, win: Window, initial: ThemeChoice) {
  let choice = initial;
  const query = win.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    const theme = choice === 'auto' ? (query?.matches ? 'dark' : 'light') : choice;
    if (v.getState().theme !== theme) v.run('setTheme', { theme }, 'embed');
  };
  query?.addEventListener('change', apply);
  apply();
  return {
    set(theme: ThemeChoice) {
      choice = theme;
      apply();
    },
    dispose() {
      query?.removeEventListener('change', apply);
    },
  };
}
