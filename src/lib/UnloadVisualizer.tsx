import { useEffect, useRef, useState } from 'react';
import { ErrorBoundary, FailureListener, FaultSwitch } from '../ui/ErrorBoundary';
import { DEFAULT_OS, isOsLoaded, osOfScenario } from '../kernel/core';
import { defaultScenarioSource } from '../scenarios/load';
import { EmbedView } from '../embed/EmbedView';
import { runHostRequest } from '../embed/hostRequests';
import type { Controls, Questions } from '../embed/params';
import type { StateReport, ThemeChoice } from '../embed/protocol';
import { watchReports, stateReport } from '../embed/report';
import { actionFaultText } from '../embed/faultText';
import { followTheme } from '../embed/theme';
import { DEFAULT_FILES } from '../scenarios/builtIn';
import { builtInSource, builtInSourceIn, isPacked, sourceOf, type ScenarioSource } from '../share/source';
import { createVisualizer, VisualizerProvider, type Visualizer } from '../store';
import { loadFor } from '../store/loadFor';
import { ShadowHost } from './ShadowHost';
import type { ScenarioInput } from './types';

export interface UnloadVisualizerProps {
  /** A built-in scenario's id (`windows-default`), a packed one from a link (`~1.…`), JSON text or a scenario object. Default: the Windows default. */
  readonly scenario?: ScenarioInput;
  /**
   * The step to show (as the app counts: 0 is before the first). Controlled: whenever the page
   * renders the component with a step other than the last one it reported (`onStateChange`), the
   * view goes there, so "show step 3" works again after the reader moved. Keep it in step with
   * `onStateChange` to let the reader move, or give `defaultStep` instead.
   */
  readonly step?: number;
  /** The step to open on, after which the reader moves freely (ignored when `step` is given). Default: the latest. */
  readonly defaultStep?: number;
  /** `auto` (default) follows the reader's system setting. Controlled as `step` is. */
  readonly theme?: ThemeChoice;
  /** `minimal` (default): step and play; `full`: also act on objects, checklist and log; `none`: the page drives it. */
  readonly controls?: Controls;
  /** In a lesson (`openLesson`): `frame` (default) asks its questions in the visualizer; `host` leaves them to the page (`onStateChange`'s `question`). */
  readonly questions?: Questions;
  /** Animation speed, 0.25 to 8. */
  readonly speed?: number;
  /** Play through the steps on load. */
  readonly autoplay?: boolean;
  /** Names the visualizer for screen readers (default: the scenario's title). */
  readonly label?: string;
  readonly className?: string;
  /** After every change, the reader's included: the step, the number of steps, the last status, the checklist. */
  readonly onStateChange?: (state: StateReport) => void;
  /** When a scenario or step given cannot be shown, or a part (the graph…) cannot be drawn: why. The visualizer keeps what it had. */
  readonly onError?: (message: string) => void;
  /** A visualizer made by the caller (to drive it through `execute`/`run`); one of its own otherwise. */
  readonly visualizer?: Visualizer;
}

/**
 * Where a scenario comes from: the default scenarios at once (a component
 * loads with no empty first paint); a lesson's file when it is first named,
 * and a packed one's unpacker (link.ts, with its decompressor) when a packed
 * scenario is first given — both stay out of a host's first load.
 */
function sourceFor(scenario: unknown): ScenarioSource | Promise<ScenarioSource> {
  return sourceOf(scenario ?? defaultScenarioSource(DEFAULT_OS), (value) =>
    isPacked(value)
      ? import('../share/link').then(({ readScenarioParam }) =>
          readScenarioParam(value, (id) => builtInSourceIn(DEFAULT_FILES, id)),
        )
      : Object.hasOwn(DEFAULT_FILES, value)
        ? builtInSourceIn(DEFAULT_FILES, value)
        : builtInSource(value),
  );
}

function kernelLoadedFor(scenario: unknown): boolean {
  const os = osOfScenario(scenario);
  return os === undefined || isOsLoaded(os);
}

function apply(v: Visualizer, found: ScenarioSource, step: number | undefined): string | null {
  if (!found.ok) return found.error;
  const r = v.run('loadScenario', { scenario: found.source }, 'embed');
  if (!r.ok) return r.error;
  if (step !== undefined) return goTo(v, step);
  return null;
}

/** Loads `scenario` (landing on `step`): at once, or once a lesson's file is there if it is still wanted. */
function load(
  v: Visualizer,
  scenario: unknown,
  step: number | undefined,
  latest: Latest,
): string | null | Promise<string | null> {
  const wanted = latest.next();
  const found = sourceFor(scenario);
  // At once when it is at hand and so is its OS's kernel; else once they have loaded (src/kernel/os.ts).
  if (!(found instanceof Promise) && (!found.ok || kernelLoadedFor(found.source)))
    return apply(v, found, step);
  return latest.wait(
    Promise.resolve(found).then(async (f) => {
      if (f.ok) await loadFor({ scenario: f.source });
      return wanted() ? apply(v, f, step) : null;
    }),
  );
}

/** Which load is the latest: a lesson's file that arrives after the page asked for another is dropped. */
class Latest {
  #count = 0;
  #waiting = 0;
  /** A new load: the answer says whether it is still the latest. */
  next(): () => boolean {
    const n = ++this.#count;
    return () => n === this.#count;
  }
  /** While a file is on its way, the page's `step` waits for it (there is nothing to go to yet). */
  wait<T>(p: Promise<T>): Promise<T> {
    this.#waiting++;
    return p.finally(() => this.#waiting--);
  }
  get waiting(): boolean {
    return this.#waiting > 0;
  }
}

const said = (problem: string | null | Promise<string | null>, onError: (message: string) => void) =>
  void Promise.resolve(problem).then((p) => p && onError(p));

function goTo(v: Visualizer, step: number): string | null {
  const r = runHostRequest(v, 'goto', { step });
  return r.ok ? null : `step ${step}: ${r.error}`;
}

/**
 * The fault switch of the page (the fault-injection tests, e2e/embed-containment.spec.ts): only
 * when the page's address says `?bench`, one set on `window.unloadLensFaults` for every
 * visualizer on the page (a part named in it fails as it draws); null, and nothing on window, otherwise.
 */
function pageFaultSwitch(): ReadonlySet<string> | null {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('bench')) return null;
  const w = window as unknown as { unloadLensFaults?: Set<string> };
  w.unloadLensFaults ??= new Set<string>();
  return w.unloadLensFaults;
}

/**
 * One visualizer's content, without a shadow root of its own: the custom
 * element renders it in the shadow root it is the host of; the component
 * (below) in one it makes.
 */
export function VisualizerContent({
  scenario,
  step,
  defaultStep,
  theme = 'auto',
  controls = 'minimal',
  questions = 'frame',
  speed,
  autoplay = false,
  label,
  onStateChange,
  onError,
  visualizer,
}: Omit<UnloadVisualizerProps, 'className'>) {
  // Loaded at once (no empty first paint); a visualizer the caller made keeps its scenario unless one is given.
  const [first] = useState(() => {
    const v0 = visualizer ?? createVisualizer();
    const latest = new Latest();
    const problem =
      scenario === undefined && visualizer ? null : load(v0, scenario, step ?? defaultStep, latest);
    return { v: v0, scenario, problem, latest };
  });
  const loaded = useRef<{ scenario: unknown; v: Visualizer } | null>(null);
  const v = visualizer ?? first.v;
  const callbacks = useRef({ onStateChange, onError });
  useEffect(() => {
    callbacks.current = { onStateChange, onError };
  });
  useEffect(() => {
    said(first.problem, (p) => callbacks.current.onError?.(p));
  }, [first]);

  // What the page was last told (onStateChange): a prop that differs from it is the page asking.
  const told = useRef(stateReport(v.getState()));
  useEffect(() => {
    told.current = stateReport(v.getState());
    callbacks.current.onStateChange?.(told.current);
    return watchReports(v, (r) => {
      told.current = r;
      callbacks.current.onStateChange?.(r);
    });
  }, [v]);

  // A new scenario loads (landing on `step`); otherwise the controlled step and theme, at every render.
  useEffect(() => {
    const prev = loaded.current ?? { scenario: first.scenario, v: first.v };
    loaded.current = prev;
    if (prev.scenario !== scenario || prev.v !== v) {
      loaded.current = { scenario, v };
      said(load(v, scenario, step ?? defaultStep, first.latest), (p) => callbacks.current.onError?.(p));
      return;
    }
    if (first.latest.waiting) return;
    if (step !== undefined && step !== told.current.step && step !== v.getState().cursor) {
      const problem = goTo(v, step);
      if (problem) callbacks.current.onError?.(problem);
    }
    // The reader switched the theme (controls="full"): the page rendering its own again brings it back.
    if (theme !== 'auto' && theme !== told.current.theme && theme !== v.getState().theme)
      v.run('setTheme', { theme }, 'embed');
  });

  useEffect(() => {
    if (speed !== undefined) v.run('setSpeed', { speed }, 'embed');
  }, [v, speed]);
  useEffect(() => {
    const t = followTheme(v, window, theme);
    return () => t.dispose();
  }, [v, theme]);
  useEffect(() => {
    if (autoplay) runHostRequest(v, 'play');
  }, [v, autoplay]);

  // An action that threw inside the door (a bug): shown in the visualizer with a report, and told to the page.
  useEffect(() => v.onFault((f) => callbacks.current.onError?.(actionFaultText(f))), [v]);
  const [failed] = useState(
    () => (area: string, error: Error) =>
      callbacks.current.onError?.(`The ${area} could not be drawn: ${error.message}`),
  );
  const [faults] = useState(pageFaultSwitch);
  return (
    <FailureListener.Provider value={failed}>
      <FaultSwitch.Provider value={faults}>
        <ErrorBoundary area="visualizer">
          <VisualizerProvider visualizer={v}>
            <EmbedView
              controls={controls}
              questions={questions}
              label={label ?? (v.getState().title || 'Unload Lens')}
            />
          </VisualizerProvider>
        </ErrorBoundary>
      </FaultSwitch.Provider>
    </FailureListener.Provider>
  );
}

/**
 * One Unload Lens visualizer as a React component, for documentation pages:
 * its own store (several on a page run independently), its own shadow root
 * (the page's styles and its own never mix), sized to its width.
 *
 *   const [step, setStep] = useState(4);
 *   <UnloadVisualizer scenario="windows-default" step={step} theme="auto" controls="minimal"
 *     onStateChange={(s) => setStep(s.step)} />
 */
export function UnloadVisualizer({ className, ...props }: UnloadVisualizerProps) {
  return (
    <ShadowHost className={className}>
      <VisualizerContent {...props} />
    </ShadowHost>
  );
}
