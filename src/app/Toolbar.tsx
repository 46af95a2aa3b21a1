import { useState } from 'react';
import { OSES, kernelOf } from '../kernel/core';
import { ShareMenu } from '../share/ShareMenu';
import { PasteDialog } from './lazyParts';
import { useVisualizer, useVisualizerApi } from '../store';
import {
  selectCount,
  selectCursor,
  selectInstant,
  selectOs,
  selectPaletteOpen,
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
  const theme = useVisualizer(selectTheme);
  const instant = useVisualizer(selectInstant);
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
      <span className="px-1 text-sm tabular-nums" aria-live="polite">
        step {cursor} / {count}
      </span>
      <button className="btn" onClick={() => execute('toggleGallery')} title="The lesson gallery (L)">
        Lessons
      </button>
      <button className="btn" onClick={() => execute('toggleEditor')} title="Record your own lesson (E)">
        Record
      </button>
      <button className="btn" onClick={() => execute('togglePresenter')} title="Presenter mode (P)">
        Present
      </button>
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
