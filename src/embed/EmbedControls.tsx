import { selectAsking } from '../lessons/selectors';
import { CommandButton } from '../panels/CommandButton';
import { useVisualizer, useVisualizerApi } from '../store';
import {
  selectAutoplay,
  selectCount,
  selectCursor,
  selectSpeed,
  selectTheme,
  selectTitle,
} from '../store/selectors';

/**
 * The embed's one row of controls: step back and forward, play and pause,
 * where it is; `full` adds first and latest, speed and theme. Every button
 * goes through the visualizer's door, like a host's message.
 */
export function EmbedControls({
  full,
  appHref,
  asks = false,
}: {
  full: boolean;
  appHref: string | null;
  /** A lesson's questions are asked in the frame: forward asks, then reveals (`next`), as the app's → does. */
  asks?: boolean;
}) {
  const { execute } = useVisualizerApi();
  const cursor = useVisualizer(selectCursor);
  const count = useVisualizer(selectCount);
  const playing = useVisualizer(selectAutoplay);
  const title = useVisualizer(selectTitle);
  const speed = useVisualizer(selectSpeed);
  const theme = useVisualizer(selectTheme);
  const asking = useVisualizer(selectAsking) !== null && asks;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" role="toolbar" aria-label="Steps">
      {full ? (
        <CommandButton id="first" className="btn px-2" name="First step">
          |◀
        </CommandButton>
      ) : null}
      <CommandButton id={asks ? 'back' : 'undo'} className="btn px-2" name="Step back" hint="Step back">
        ◀
      </CommandButton>
      <span className="tabular-nums" aria-live="polite">
        step {cursor} / {count}
      </span>
      <CommandButton
        id={asks ? 'next' : 'redo'}
        className="btn px-2"
        name={asking ? 'Reveal the answer' : 'Step forward'}
        hint={asking ? 'Reveal the answer' : 'Step forward'}
      >
        ▶
      </CommandButton>
      {full ? (
        <CommandButton id="last" className="btn px-2" name="Latest step">
          ▶|
        </CommandButton>
      ) : null}
      <CommandButton id={playing ? 'pause' : 'play'} aria-pressed={playing}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </CommandButton>
      {full ? (
        <>
          <label className="flex items-center gap-1">
            <span className="sr-only">Animation speed</span>
            <select
              className="btn px-1"
              value={speed}
              onChange={(e) => execute('setSpeed', { speed: Number(e.target.value) })}
            >
              <option value={0.5}>0.5×</option>
              <option value={1}>1×</option>
              <option value={2}>2×</option>
              <option value={4}>4×</option>
            </select>
          </label>
          <CommandButton
            id="toggleTheme"
            className="btn px-2"
            name={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </CommandButton>
        </>
      ) : null}
      {/* The title where there is room for it; a narrow frame keeps the room for the controls. */}
      <span className="muted hidden min-w-0 flex-1 truncate text-xs @md:block" title={title}>
        {title}
      </span>
      <span className="flex-1 @md:hidden" />
      {appHref ? (
        <a className="text-xs underline" href={appHref} target="_blank" rel="noopener noreferrer">
          Open in Unload Lens<span className="sr-only"> (new tab)</span> ↗
        </a>
      ) : null}
    </div>
  );
}
