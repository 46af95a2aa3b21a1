import type { CommandDef } from './types';

const always = () => ({ enabled: true }) as const;

/** App commands: the same registry as kernel actions, so keys, buttons and tests share one door. */
export const COMMANDS: readonly CommandDef[] = [
  {
    kind: 'command',
    id: 'undo',
    label: 'Undo',
    keys: ['mod+z', 'ArrowLeft'],
    help: 'Step back in time',
    available: (s) => (s.cursor > 0 ? { enabled: true } : { enabled: false, reason: 'at the first step' }),
    perform: (s) => s.undo(),
  },
  {
    kind: 'command',
    id: 'redo',
    label: 'Redo',
    keys: ['mod+shift+z', 'mod+y', 'ArrowRight', ' '],
    help: 'Step forward (replays the step’s animation)',
    available: (s) =>
      s.cursor < s.entries.length ? { enabled: true } : { enabled: false, reason: 'at the latest step' },
    perform: (s) => s.redo(),
  },
  {
    kind: 'command',
    id: 'first',
    label: 'Go to start',
    keys: ['Home'],
    available: (s) => (s.cursor > 0 ? { enabled: true } : { enabled: false, reason: 'at the first step' }),
    perform: (s) => s.jumpTo(0),
  },
  {
    kind: 'command',
    id: 'last',
    label: 'Go to latest',
    keys: ['End'],
    available: (s) =>
      s.cursor < s.entries.length ? { enabled: true } : { enabled: false, reason: 'at the latest step' },
    perform: (s) => s.jumpTo(s.entries.length),
  },
  {
    kind: 'command',
    id: 'toggleTheme',
    label: 'Light / dark',
    keys: ['t'],
    available: always,
    perform: (s) => s.setTheme(s.theme === 'dark' ? 'light' : 'dark'),
  },
  {
    kind: 'command',
    id: 'toggleInstant',
    label: 'Instant mode',
    keys: ['i'],
    help: 'Show every change at once, without animation',
    available: always,
    perform: (s) => s.setInstant(!s.instant),
  },
  {
    kind: 'command',
    id: 'togglePalette',
    label: 'All actions',
    keys: ['a'],
    help: 'Show or hide the palette of every action',
    available: always,
    perform: (s) => s.setPaletteOpen(!s.paletteOpen),
  },
  {
    kind: 'command',
    id: 'toggleHelp',
    label: 'Keyboard shortcuts',
    keys: ['shift+?'],
    help: 'Show or hide this list',
    available: always,
    perform: (s) => s.setHelpOpen(!s.helpOpen),
  },
  {
    kind: 'command',
    id: 'clearSelection',
    label: 'Clear selection',
    keys: ['Escape'],
    available: always,
    perform: (s) => (s.helpOpen ? s.setHelpOpen(false) : s.select(null)),
  },
];
