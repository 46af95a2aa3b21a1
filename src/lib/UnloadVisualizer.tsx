import { useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { DEFAULT_OS } from '../kernel/core';
import { defaultScenarioSource } from '../scenarios/load';
import { EmbedView } from '../embed/EmbedView';
import type { Controls } from '../embed/params';
import type { StateReport, ThemeChoice } from '../embed/protocol';
import { watchReports, stateReport } from '../embed/report';
import { followTheme } from '../embed/theme';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { readScenarioParam } from '../share/link';
import { builtInSourceIn, sourceOf } from '../share/source';
import { createVisualizer, VisualizerProvider, type Visualizer } from '../store';
import { ShadowHost } from './ShadowHost';

export interface UnloadVisualizerProps {
  /** A built-in scenario's id (`windows-default`), a packed one from a link (`~1.…`), JSON text or a scenario object. Default: the Windows default. */
  readonly scenario?: unknown;
  /** The step to show (as the app counts: 0 is before the first); default the latest. */
  readonly step?: number;
  /** `auto` (default) follows the reader's system setting. */
  readonly theme?: ThemeChoice;
  /** `minimal` (default): step and play; `full`: also act on objects, checklist and log; `none`: the page drives it. */
  readonly controls?: Controls;
  /** Animation speed, 0.25 to 8. */
  readonly speed?: number;
  /** Play through the steps on load. */
  readonly autoplay?: boolean;
  /** Names the visualizer for screen readers (default: the scenario's title). */
  readonly label?: string;
  readonly className?: string;
  /** After every change: the step, the number of steps, the last status, the checklist summary. */
  readonly onStateChange?: (state: StateReport) => void;
  /** When a scenario or step given cannot be shown: why (the visualizer keeps what it had). */
  readonly onError?: (message: string) => void;
  /** A visualizer made by the caller (to drive it through `execute`/`run`); one of its own otherwise. */
  readonly visualizer?: Visualizer;
}

function load(v: Visualizer, scenario: unknown, step: number | undefined): string | null {
  // The library has every built-in file at hand: a component loads at once, with no empty first paint.
  const found = sourceOf(scenario ?? defaultScenarioSource(DEFAULT_OS), (v) =>
    readScenarioParam(v, (id) => builtInSourceIn(BUILT_IN_SCENARIOS, id)),
  );
  if (!found.ok) return found.error;
  const r = v.run('loadScenario', { scenario: found.source }, 'embed');
  if (!r.ok) return r.error;
  if (step !== undefined) v.run('goTo', { step }, 'embed');
  return null;
}

/**
 * One Unload Lens visualizer as a React component, for documentation pages:
 * its own store (several on a page run independently), its own shadow root
 * (the page's styles and its own never mix), sized to its width.
 *
 *   <UnloadVisualizer scenario="windows-default" step={4} theme="auto" controls="minimal"
 *     onStateChange={(s) => console.log(s.step, s.status)} />
 */
export function UnloadVisualizer({
  scenario,
  step,
  theme = 'auto',
  controls = 'minimal',
  speed,
  autoplay = false,
  label,
  className,
  onStateChange,
  onError,
  visualizer,
}: UnloadVisualizerProps) {
  // Loaded at once (no empty first paint); a visualizer the caller made keeps its scenario unless one is given.
  const [first] = useState(() => {
    const v0 = visualizer ?? createVisualizer();
    const problem = scenario === undefined && visualizer ? null : load(v0, scenario, step);
    return { v: v0, scenario, problem };
  });
  const v = visualizer ?? first.v;
  const callbacks = useRef({ onStateChange, onError });
  useEffect(() => {
    callbacks.current = { onStateChange, onError };
  });
  useEffect(() => {
    if (first.problem) callbacks.current.onError?.(first.problem);
  }, [first]);

  // Later changes: a new scenario loads (landing on `step`), a new step is gone to.
  const loaded = useRef({ scenario: first.scenario, v: first.v });
  useEffect(() => {
    const prev = loaded.current;
    if (prev.scenario === scenario && prev.v === v) {
      if (step !== undefined && v.getState().cursor !== step) v.run('goTo', { step }, 'embed');
      return;
    }
    loaded.current = { scenario, v };
    const problem = load(v, scenario, step);
    if (problem) callbacks.current.onError?.(problem);
  }, [v, scenario, step]);

  useEffect(() => {
    if (speed !== undefined) v.run('setSpeed', { speed }, 'embed');
  }, [v, speed]);
  useEffect(() => {
    const t = followTheme(v, window, theme);
    return () => t.dispose();
  }, [v, theme]);
  useEffect(() => {
    if (autoplay) v.run('play', undefined, 'embed');
  }, [v, autoplay]);
  useEffect(() => {
    callbacks.current.onStateChange?.(stateReport(v.getState()));
    return watchReports(v, (r) => callbacks.current.onStateChange?.(r));
  }, [v]);

  return (
    <ShadowHost className={className}>
      <ErrorBoundary area="visualizer">
        <VisualizerProvider visualizer={v}>
          <EmbedView controls={controls} label={label ?? (v.getState().title || 'Unload Lens')} />
        </VisualizerProvider>
      </ErrorBoundary>
    </ShadowHost>
  );
}
