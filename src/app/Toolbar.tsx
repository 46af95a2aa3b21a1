import { useState } from 'react';
import { OSES, kernelOf } from '../kernel/core';
import { CommandButton } from '../panels/CommandButton';
import { ShareMenu } from '../share/ShareMenu';
import { ErrorBoundary } from '../ui/ErrorBoundary';
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
      <CommandButton
        id="togglePalette"
        className={`btn ${paletteOpen ? 'btn-primary' : ''}`}
        aria-expanded={paletteOpen}
        hint="Every action of the scenario format"
      >
        ☰ All actions
      </CommandButton>
      <button
        className="btn"
        onClick={() => setPasting(true)}
        aria-label="WinDbg paste: paste debugger output and see what holds the driver"
        title="Paste what WinDbg printed and see what holds the driver"
      >
        WinDbg paste
      </button>
      {pasting ? (
        <ErrorBoundary area="WinDbg paste dialog" onClose={() => setPasting(false)}>
          <PasteDialog onClose={() => setPasting(false)} />
        </ErrorBoundary>
      ) : null}
      <div
        role="radiogroup"
        aria-label="Operating system"
        // No overflow clipping: the focused choice's ring shows whole.
        className="flex rounded-md border"
        style={{ borderColor: 'var(--line)' }}
        onKeyDown={(e) => {
          // A radio group's arrows move the choice (ARIA radio group pattern); useKeyboard leaves them here.
          const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
          if (!step) return;
          e.preventDefault();
          const next = OSES[(OSES.indexOf(os) + step + OSES.length) % OSES.length] ?? os;
          execute('switchOs', { os: next });
          e.currentTarget.querySelector<HTMLElement>(`[data-os="${next}"]`)?.focus();
        }}
      >
        {OSES.map((o) => (
          <button
            key={o}
            role="radio"
            aria-checked={os === o}
            tabIndex={os === o ? 0 : -1}
            data-os={o}
            className={`relative px-3 py-1 text-sm first:rounded-l-md last:rounded-r-md focus-visible:z-10 ${os === o ? 'btn-primary' : ''}`}
            onClick={() => execute('switchOs', { os: o })}
            // A click does not take focus: the keys go on stepping (only the keyboard focuses a choice).
            onMouseDown={(e) => e.preventDefault()}
          >
            {kernelOf(o).vocabulary.longName}
          </button>
        ))}
      </div>
      <p className="min-w-0 flex-1 truncate text-sm muted" title={title}>
        {title}
      </p>
      {/* Not a live region: the Announcer says each step with its events. */}
      <span className="px-1 text-sm tabular-nums">
        step {cursor} / {count}
      </span>
      <CommandButton id="toggleGallery" hint="The lesson gallery">
        Lessons
      </CommandButton>
      <CommandButton id="toggleEditor" hint="Record your own lesson">
        Record
      </CommandButton>
      <CommandButton id="togglePresenter">Present</CommandButton>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={instant} onChange={() => execute('toggleInstant')} />
        Instant
      </label>
      {/* Each menu and dialog fails alone: the toolbar's other controls stay. */}
      <ErrorBoundary area="Share menu" inline>
        <ShareMenu />
      </ErrorBoundary>
      <CommandButton id="toggleHelp" name="Keyboard shortcuts">
        ?
      </CommandButton>
      <CommandButton id="toggleTheme" name={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </CommandButton>
    </header>
  );
}
