import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { AnimationLayer } from '../animation/AnimationLayer';
import { keepsKey, pointerFocusTracker } from '../ui/keys';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Graph } from '../graph/Graph';
import { kernelOf } from '../kernel/core';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { Narration } from '../panels/Narration';
import { ViewName } from '../ui/landmarkName';
import { createVisualizer, useVisualizer, VisualizerProvider, type Theme, type Visualizer } from '../store';
import { selectTheme, selectTitle } from '../store/selectors';
import {
  COMPARE_PAIRS,
  COMPARE_START,
  compareAsksNext,
  compareBack,
  compareLand,
  compareNext,
  pairById,
  type CompareAt,
  type ComparePair,
} from './compare';
import { Question, Revealed } from './QuestionPanel';
import { PresenterZoom } from './PresenterZoom';
import { useStageShape } from './useStageShape';
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
  // The beat shown, and the next beat's question when it is open (asked before the beat shows).
  const [at, setAt] = useState<CompareAt>(() => compareLand(pair, beatFromAddress(pair)));
  const beat = at.beat;
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
    // While a question is open the address names its beat: opened, it asks again.
    p.set('beat', String(at.asking ? beat + 1 : beat));
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${p.toString()}`);
  }, [pair, beat, at.asking, sides]);
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
  const go = (b: number) => setAt((a) => ({ ...a, beat: Math.max(0, Math.min(last, b)), asking: false }));
  const next = (choice: number | null = null) => setAt((a) => compareNext(pair, a, choice));
  const back = () => setAt(compareBack);
  // The keys read the state through a ref, so the listener (and its focus tracker) is made once.
  const now = useRef({ at, go, next, back, pair });
  useEffect(() => {
    now.current = { at, go, next, back, pair };
  });
  useEffect(() => {
    const focus = pointerFocusTracker(window);
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (e.ctrlKey || e.metaKey || e.altKey || keepsKey(el, e.key, focus.byPointer(el))) return;
      const c = now.current;
      // As in a lesson: → Space Page Down ask a beat's question first, then reveal it; ← Page Up close it.
      const steps: Record<string, () => void> = {
        ArrowRight: () => c.next(),
        ' ': () => c.next(),
        PageDown: () => c.next(),
        ArrowLeft: c.back,
        PageUp: c.back,
        Home: () => c.go(0),
        End: () => c.go(Number.MAX_SAFE_INTEGER),
      };
      const step = steps[e.key];
      const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
      const ask = c.pair.beats[c.at.beat + 1]?.ask;
      if (step) {
        e.preventDefault();
        step();
      } else if (c.at.asking && ask && digit >= 1 && digit <= ask.choices.length) c.next(digit - 1);
      else if (e.key === 't') setDark((d) => !d);
      else if (e.key === 'p') setPresenter((p) => !p);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      focus.stop();
    };
  }, []);

  const b = pair.beats[beat];
  const asked = at.asking ? pair.beats[beat + 1]?.ask : undefined;
  // The mapping in one line is what the questions ask the class to find: it waits for their reveal.
  const mapped = pair.beats.every((x, i) => !x.ask || i in at.answers);
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
              setAt(COMPARE_START);
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
          <button type="button" className="btn" disabled={beat === 0 && !at.asking} onClick={back}>
            ◀ Back
          </button>
          <span className="px-1 text-sm tabular-nums" aria-live="polite">
            beat {beat} of {last}
          </span>
          <button type="button" className="btn btn-primary" disabled={beat === last} onClick={() => next()}>
            {at.asking ? 'Reveal ▶' : compareAsksNext(pair, at) ? 'Ask ▶' : 'Next ▶'}
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
              {mapped ? (
                <tr>
                  <td className="pr-3 align-top">{pair.windowsSide}</td>
                  <td className="align-top">{pair.svr5Side}</td>
                </tr>
              ) : (
                <tr>
                  {/* The mapping is the pair's conclusion: it would answer the questions (issue 17). */}
                  <td colSpan={2} className="muted align-top" data-testid="mapping-held">
                    Predict first: the mapping shows once the class has answered this idea’s questions.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <p className="text-base" data-testid="beat-note" aria-live="polite">
            {b?.note}
          </p>
        </section>
        {asked ? (
          <Question
            label={`Beat ${beat + 1}`}
            ask={asked}
            say={undefined}
            onChoose={(choice) => next(choice)}
          />
        ) : b?.ask && beat in at.answers ? (
          <Revealed
            label={`beat ${beat}`}
            ask={b.ask}
            answer={{ choice: at.answers[beat] ?? null, correct: at.answers[beat] === b.ask.answer }}
          />
        ) : null}
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
  // In presenter mode the side's picture is shaped to its graph's box (two bands when it is narrow).
  const graphBox = useRef<HTMLDivElement>(null);
  useStageShape(graphBox, presenter ? 'graph' : 'off');
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
      <ViewName.Provider value={osName}>
        <Narration />
        <div ref={graphBox} className="panel min-h-[320px] flex-1 overflow-hidden" data-testid="graph">
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
      </ViewName.Provider>
    </section>
  );
}
