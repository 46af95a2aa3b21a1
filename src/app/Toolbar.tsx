import { useState } from 'react';
import { PasteDialog } from '../debugger/PasteDialog';
import { OSES, kernelOf } from '../kernel';
import { ShareMenu } from '../share/ShareMenu';
import { useVisualizer, useVisualizerApi } from '../store';
import {
  selectCanRedo,
  selectCanUndo,
  selectCount,
  selectCursor,
  selectInstant,
  selectOs,
  selectPaletteOpen,
  selectSpeed,
  selectTheme,
  selectTitle,
} from '../store/selectors';

export function Toolbar() {
  const [pasting, setPasting] = useState(false);
  const { execute } = useVisualizerApi();
  const os = useVisualizer(selectOs);
  const title = useVisualizer(selectTitle);
  const cursor = useVisualizer(selectCursor);
  const count = useVisualizer(selectCount);
  const canUndo = useVisualizer(selectCanUndo);
  const canRedo = useVisualizer(selectCanRedo);
  const theme = useVisualizer(selectTheme);
  const instant = useVisualizer(selectInstant);
  const speed = useVisualizer(selectSpeed);
  const paletteOpen = useVisualizer(selectPaletteOpen);

  return (
    <header
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b px-3 py-2"
      style={{ borderColor: 'var(--line)' }}
    >
      <h1 className="text-lg font-bold tracking-tight">Unload Lens</h1>
      <button
        className={`btn ${paletteOpen ? 'btn-primary' : ''}`}
        aria-expanded={paletteOpen}
        onClick={() => execute('togglePalette')}
        title="Every action of the scenario format (A)"
      >
        ☰ All actions
      </button>
      <button
        className="btn"
        onClick={() => setPasting(true)}
        aria-label="WinDbg paste: paste debugger output and see what holds the driver"
        title="Paste what WinDbg printed and see what holds the driver"
      >
        WinDbg paste
      </button>
      {pasting ? <PasteDialog onClose={() => setPasting(false)} /> : null}
      <div
        role="radiogroup"
        aria-label="Operating system"
        className="flex overflow-hidden rounded-md border"
        style={{ borderColor: 'var(--line)' }}
      >
        {OSES.map((o) => (
          <button
            key={o}
            role="radio"
            aria-checked={os === o}
            className={`px-3 py-1 text-sm ${os === o ? 'btn-primary' : ''}`}
            onClick={() => execute('switchOs', { os: o })}
          >
            {kernelOf(o).vocabulary.longName}
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
          onClick={() => execute('undo')}
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
          onClick={() => execute('redo')}
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
          onChange={(e) => execute('setSpeed', { speed: Number(e.target.value) })}
          aria-label="Animation speed"
        >
          <option value={0.5}>0.5×</option>
          <option value={1}>1×</option>
          <option value={2}>2×</option>
          <option value={4}>4×</option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={instant} onChange={() => execute('toggleInstant')} />
        Instant
      </label>
      <ShareMenu />
      <button
        className="btn"
        onClick={() => execute('toggleHelp')}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <button
        className="btn"
        onClick={() => execute('toggleTheme')}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </header>
  );
}
