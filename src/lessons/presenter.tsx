import { useEffect, useState, type CSSProperties } from 'react';
import { CommandButton } from '../panels/CommandButton';
import { useConsoleLink } from './consoleLink';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectTitle } from '../store/selectors';
import { selectFontScale, selectLesson, selectPresenter } from './selectors';

/** The root element's class and style for presenter mode and the text size. */
export function usePresenterStyle(): { className: string; style: CSSProperties } {
  const presenter = useVisualizer(selectPresenter);
  const scale = useVisualizer(selectFontScale);
  return {
    className: presenter ? 'presenter' : '',
    style: { '--font-scale': scale } as CSSProperties,
  };
}

/**
 * Presenter mode asks for fullscreen (the key or click that turned it on is
 * the user gesture the browser wants) and leaves it when turned off. A
 * browser that refuses (an iframe, a test) keeps presenter mode without it.
 */
export function usePresenterFullscreen(): void {
  const presenter = useVisualizer(selectPresenter);
  useEffect(() => {
    const doc = typeof document === 'undefined' ? null : document;
    if (!doc?.fullscreenEnabled) return;
    if (presenter && !doc.fullscreenElement) doc.documentElement.requestFullscreen?.().catch(() => {});
    if (!presenter && doc.fullscreenElement) doc.exitFullscreen?.().catch(() => {});
  }, [presenter]);
}

/** The bar presenter mode shows instead of the editing toolbar: the title, the text size, the way out. */
export function PresenterBar() {
  const visualizer = useVisualizerApi();
  const title = useVisualizer(selectTitle);
  // This visualizer's own channel to its presenter console (consoleLink.ts).
  const [channel] = useState(() => crypto.randomUUID());
  useConsoleLink(visualizer, channel);
  const scale = useVisualizer(selectFontScale);
  const lesson = useVisualizer(selectLesson);
  return (
    <header className="presenter-bar flex items-center gap-2 border-b px-3 py-1">
      {/* At most two lines, whatever the screen: the rest of a long title is cut with an ellipsis and
          stays whole for a screen reader, and on hover (title). */}
      <h1 className="presenter-title min-w-0 flex-1 font-bold" title={title || undefined}>
        {title || 'Unload Lens'}
      </h1>
      <div role="group" aria-label="Text size" className="flex shrink-0 items-center gap-1">
        <CommandButton id="smallerText" name="Smaller text">
          A−
        </CommandButton>
        <span className="tabular-nums text-sm" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
        <CommandButton id="biggerText" name="Larger text">
          A+
        </CommandButton>
      </div>
      {lesson?.origin === 'built-in' ? (
        <button
          type="button"
          className="btn"
          title="The teacher's screen: the next step, the answer, driving this one"
          onClick={() =>
            window.open(
              `?view=console&lesson=${encodeURIComponent(lesson.id)}&channel=${channel}`,
              `console-${channel}`,
              'popup=yes,width=1100,height=720',
            )
          }
        >
          Console
        </button>
      ) : null}
      {lesson?.origin === 'built-in' ? (
        // The lesson on paper (src/lessons/Handout.tsx), in a tab of its own: the class keeps this screen.
        <a
          className="btn"
          href={`?view=handout&lesson=${encodeURIComponent(lesson.id)}`}
          target="_blank"
          rel="noopener"
          title="Every step, its question and an answer key, to print or save as PDF"
        >
          Handout
        </a>
      ) : null}
      <CommandButton id="toggleHelp" name="Keys: keyboard shortcuts">
        Keys
      </CommandButton>
      <CommandButton id="togglePresenter" name="Exit presenter mode" hint="Exit presenter mode">
        Exit
      </CommandButton>
    </header>
  );
}
