import { executeAction } from '../actions/registry';
import type { Os } from '../kernel';
import { useApp, type AppState } from '../store';
import {
  selectCanRedo,
  selectCanUndo,
  selectCursor,
  selectOs,
  selectPaletteOpen,
  selectTheme,
} from '../store/selectors';

const selectTitle = (s: AppState) => s.title;
const selectCount = (s: AppState) => s.entries.length;
const selectInstant = (s: AppState) => s.instant;
const selectSpeed = (s: AppState) => s.speed;
const selectSwitchOs = (s: AppState) => s.switchOs;
const selectSetSpeed = (s: AppState) => s.setSpeed;

export function Toolbar() {
  const os = useApp(selectOs);
  const title = useApp(selectTitle);
  const cursor = useApp(selectCursor);
  const count = useApp(selectCount);
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const theme = useApp(selectTheme);
  const instant = useApp(selectInstant);
  const speed = useApp(selectSpeed);
  const paletteOpen = useApp(selectPaletteOpen);
  const switchOs = useApp(selectSwitchOs);
  const setSpeed = useApp(selectSetSpeed);

  return (
    <header
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b px-3 py-2"
      style={{ borderColor: 'var(--line)' }}
    >
      <h1 className="text-lg font-bold tracking-tight">Unload Lens</h1>
      <button
        className={`btn ${paletteOpen ? 'btn-primary' : ''}`}
        aria-expanded={paletteOpen}
        onClick={() => executeAction('togglePalette')}
        title="Every action of the scenario format (A)"
      >
        ☰ All actions
      </button>
      <div
        role="radiogroup"
        aria-label="Operating system"
        className="flex overflow-hidden rounded-md border"
        style={{ borderColor: 'var(--line)' }}
      >
        {(['windows', 'svr5'] as Os[]).map((o) => (
          <button
            key={o}
            role="radio"
            aria-checked={os === o}
            className={`px-3 py-1 text-sm ${os === o ? 'btn-primary' : ''}`}
            onClick={() => switchOs(o)}
          >
            {o === 'windows' ? 'Windows (WDM)' : 'SVR5 (DDI)'}
          </button>
        ))}
      </div>
      <p className="min-w-0 flex-1 truncate text-sm muted" title={title}>
        {title}
      </p>
      <nav aria-label="Time" className="flex items-center gap-1">
        <button
          className="btn"
          disabled={!canUndo}
          onClick={() => executeAction('undo')}
          title="Undo (← or Ctrl+Z)"
        >
          ◀ Undo
        </button>
        <span className="px-1 text-sm tabular-nums" aria-live="polite">
          step {cursor} / {count}
        </span>
        <button
          className="btn"
          disabled={!canRedo}
          onClick={() => executeAction('redo')}
          title="Redo (→, Space or Ctrl+Shift+Z)"
        >
          Redo ▶
        </button>
      </nav>
      <label className="flex items-center gap-1 text-sm">
        Speed
        <select
          className="btn"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          aria-label="Animation speed"
        >
          <option value={0.5}>0.5×</option>
          <option value={1}>1×</option>
          <option value={2}>2×</option>
          <option value={4}>4×</option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={instant} onChange={() => executeAction('toggleInstant')} />
        Instant
      </label>
      <button
        className="btn"
        onClick={() => executeAction('toggleHelp')}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <button
        className="btn"
        onClick={() => executeAction('toggleTheme')}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </header>
  );
}
