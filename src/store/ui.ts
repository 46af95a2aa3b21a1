import type { StateCreator } from 'zustand';
import type { ObjectRef } from '../kernel';
import type { AppState } from './index';

export type Theme = 'light' | 'dark';

export interface UiSlice {
  /** The object the user picked in the graph or a panel. */
  readonly selection: ObjectRef | null;
  /** Objects to light up (a checklist blocker, an event's objects). */
  readonly highlight: readonly ObjectRef[];
  readonly theme: Theme;
  /** Animation speed: 1 is normal, 2 twice as fast. */
  readonly speed: number;
  /** Skip animation: every state change shows at once. */
  readonly instant: boolean;
  /** The palette of every action, beside the graph. */
  readonly paletteOpen: boolean;
  /** The sheet of keyboard shortcuts. */
  readonly helpOpen: boolean;
  readonly select: (ref: ObjectRef | null) => void;
  readonly setHighlight: (refs: readonly ObjectRef[]) => void;
  readonly setTheme: (theme: Theme) => void;
  readonly setSpeed: (speed: number) => void;
  readonly setInstant: (instant: boolean) => void;
  readonly setPaletteOpen: (open: boolean) => void;
  readonly setHelpOpen: (open: boolean) => void;
}

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  const saved = window.localStorage?.getItem('unload-lens.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selection: null,
  highlight: [],
  theme: initialTheme(),
  speed: 1,
  instant: false,
  select: (selection) => set({ selection, highlight: [] }),
  setHighlight: (highlight) => set({ highlight }),
  setTheme: (theme) => {
    try {
      window.localStorage?.setItem('unload-lens.theme', theme);
    } catch {
      // Storage may be unavailable (private mode, an embed): the theme still applies.
    }
    set({ theme });
  },
  setSpeed: (speed) => set({ speed }),
  setInstant: (instant) => set({ instant }),
  paletteOpen: typeof window !== 'undefined' && window.innerWidth >= 1536,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
