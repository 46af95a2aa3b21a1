import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { AnimationLayer } from '../animation/AnimationLayer';
import { keepsKey, pointerFocusTracker } from '../app/useKeyboard';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { Graph } from '../graph/Graph';
import { kernelOf } from '../kernel/core';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Narration } from '../panels/Narration';
import { RegionOwner } from '../panels/regionName';
import { createVisualizer, useVisualizer, VisualizerProvider, type Theme, type Visualizer } from '../store';
import { selectTheme, selectTitle } from '../store/selectors';
import { COMPARE_PAIRS, pairById, type ComparePair } from './compare';
import { PresenterZoom } from './PresenterZoom';
import { selectPresenter } from './selectors';
import { PRESENTER_SCALE } from './state';

/**
 * Windows beside SVR5 (`?view=compare&pair=busy`): two lessons of the same
 * idea, each in its own visualizer, stepped together beat by beat, with the
 * mapping spelled out. →/Space and ← step both; the address keeps the pair
 * and the beat.
 */
export function ComparePage({ initialPair, theme }: { initialPair: string | null; theme: Theme }) {
  const [pair, setPair] = useState<ComparePair>(() => pairById(initialPair));
  const [beat, setBeat] = useState(() => beatFromAddress(pair));
  const [sides] = useState(() => ({
    windows: createVisualizer({ theme }),
    svr5: createVisualizer({ theme }),
  }));
  const [dark, setDark] = useState(theme === 'dark');
  // Presenter mode (P): the projector's floor and zoom on both sides (classroom.css, PresenterZoom.tsx).
  const [presenter, setPresenter] = useState(false);
  const selectId = useId();

  // Load the pair's lessons; then every beat moves both (animating a step forward).
  useEffect(() => {
    sides.windows.execute('openLesson', { id: pair.windows });
    sides.svr5.execute('openLesson', { id: pair.svr5 });
  }, [pair, sides]);
  useEffect(() => {
    const b = pair.beats[beat];
    if (!b) return;
    for (const [v, step] of [
      [sides.windows, b.windows],
      [sides.svr5, b.svr5],
    ] as const) {
      const cursor = v.getState().cursor;
      if (cursor !== step) v.execute('goTo', { step, play: step === cursor + 1 });
    }
    const p = new URLSearchParams(window.location.search);
    p.set('pair', pair.id);
    p.set('beat', String(beat));
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${p.toString()}`);
  }, [pair, beat, sides]);
  useEffect(() => {
    for (const v of [sides.windows, sides.svr5])
      if (v.getState().classroom.presenter !== presenter) v.execute('togglePresenter');
  }, [presenter, sides]);
  useEffect(() => {
    for (const v of [sides.windows, sides.svr5]) v.execute('setTheme', { theme: dark ? 'dark' : 'light' });
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark, sides]);

  const last = pair.beats.length - 1;
  const go = (b: number) => setBeat(Math.max(0, Math.min(last, b)));
  // The keys read the beat through a ref, so the listener (and its focus tracker) is made once.
  const now = useRef({ beat, go });
  useEffect(() => {
    now.current = { beat, go };
  });
  useEffect(() => {
    const focus = pointerFocusTracker(window);
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (e.ctrlKey || e.metaKey || e.altKey || keepsKey(el, e.key, focus.byPointer(el))) return;
      const { beat: at, go: to } = now.current;
      const moves: Record<string, number> = {
        ArrowRight: at + 1,
        ' ': at + 1,
        PageDown: at + 1,
        ArrowLeft: at - 1,
        PageUp: at - 1,
        Home: 0,
        End: Number.MAX_SAFE_INTEGER,
      };
      const target = moves[e.key];
      if (target !== undefined) {
        e.preventDefault();
        to(target);
      } else if (e.key === 't') setDark((d) => !d);
      else if (e.key === 'p') setPresenter((p) => !p);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      focus.stop();
    };
  }, []);

  const b = pair.beats[beat];
  return (
    <div
      className={`compare flex h-full flex-col${presenter ? ' presenter' : ''}`}
      style={{ '--font-scale': presenter ? PRESENTER_SCALE : 1 } as CSSProperties}
      data-presenter={presenter ? 'true' : undefined}
    >
      <header
        className="flex flex-wrap items-center gap-3 border-b px-3 py-2"
        style={{ borderColor: 'var(--line)' }}
      >
        <h1 className="text-lg font-bold">Windows beside SVR5</h1>
        <label htmlFor={selectId} className="flex items-center gap-1 text-sm">
          Idea
          <select
            id={selectId}
            className="btn"
            value={pair.id}
            onChange={(e) => {
              setPair(pairById(e.target.value));
              setBeat(0);
            }}
          >
            {COMPARE_PAIRS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.idea}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Beats" className="flex items-center gap-1">
          <button type="button" className="btn" disabled={beat === 0} onClick={() => go(beat - 1)}>
            ◀ Back
          </button>
          <span className="px-1 text-sm tabular-nums" aria-live="polite">
            beat {beat} of {last}
          </span>
          <button
            type="button"
            className="btn btn-primary"
            disabled={beat === last}
            onClick={() => go(beat + 1)}
          >
            Next ▶
          </button>
        </nav>
        <button
          type="button"
          className="btn ml-auto"
          aria-pressed={presenter}
          title="Presenter mode (P)"
          onClick={() => setPresenter(!presenter)}
        >
          Presenter
        </button>
        <button type="button" className="btn" onClick={() => setDark(!dark)}>
          {dark ? '☀ Light' : '☾ Dark'}
        </button>
        <a className="btn" href="?view=lessons">
          Lessons
        </a>
      </header>
      <main className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-2">
        <section aria-label="How they map" className="panel flex flex-col gap-2 p-3" data-testid="mapping">
          <table className="w-full text-sm">
            <caption className="text-left text-base font-semibold">{pair.idea}</caption>
            <thead>
              <tr>
                <th scope="col" className="w-1/2 text-left">
                  Windows (WDM)
                </th>
                <th scope="col" className="w-1/2 text-left">
                  SVR5 (DDI 8)
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="pr-3 align-top">{pair.windowsSide}</td>
                <td className="align-top">{pair.svr5Side}</td>
              </tr>
            </tbody>
          </table>
          <p className="text-base" data-testid="beat-note" aria-live="polite">
            {b?.note}
          </p>
        </section>
        <div className="grid min-h-0 flex-1 grid-cols-1 gap-2 lg:grid-cols-2">
          <Side visualizer={sides.windows} testId="compare-windows" />
          <Side visualizer={sides.svr5} testId="compare-svr5" />
        </div>
      </main>
    </div>
  );
}

function beatFromAddress(pair: ComparePair): number {
  const b = Number(new URLSearchParams(window.location.search).get('beat') ?? '0');
  return Number.isInteger(b) && b >= 0 && b < pair.beats.length ? b : 0;
}

/** One side: its lesson's title, narration, graph, checklist and log, in its own visualizer. */
function Side({ visualizer, testId }: { visualizer: Visualizer; testId: string }) {
  return (
    <ErrorBoundary area={testId}>
      <VisualizerProvider visualizer={visualizer}>
        <SideView testId={testId} os={visualizer.getState().os} />
      </VisualizerProvider>
    </ErrorBoundary>
  );
}

function SideView({ testId, os }: { testId: string; os: Parameters<typeof kernelOf>[0] }) {
  const theme = useVisualizer(selectTheme);
  const title = useVisualizer(selectTitle);
  const presenter = useVisualizer(selectPresenter);
  const osName = kernelOf(useVisualizer((s) => s.os) ?? os).vocabulary.longName;
  return (
    <section
      aria-label={`${osName}: ${title}`}
      className={`visualizer flex min-h-[720px] flex-col gap-2 ${theme === 'dark' ? 'dark' : ''}${presenter ? ' presenter' : ''}`}
      data-theme={theme}
      data-testid={testId}
    >
      <h2 className="text-base font-semibold">
        {osName}: {title}
      </h2>
      {/* Each side's panels are landmarks named after its OS: no two of a kind on the page. */}
      <RegionOwner.Provider value={osName}>
        <Narration />
        <div className="panel min-h-[320px] flex-1 overflow-hidden" data-testid="graph">
          <ReactFlowProvider>
            <Graph>
              <AnimationLayer />
              <PresenterZoom />
            </Graph>
          </ReactFlowProvider>
        </div>
        <Checklist />
        <div className="h-64 shrink-0">
          <EventLog />
        </div>
      </RegionOwner.Provider>
    </section>
  );
}
