import { createVisualizer, type Visualizer, type VisualizerOptions } from '../store';
import { loadFor } from '../store/loadFor';
import { stepFromParam, type ScenarioSource } from './source';

export interface OpenOptions extends Omit<VisualizerOptions, 'scenario'> {
  /** The scenario to show when the address names none, or names one that cannot open. */
  readonly fallback: unknown;
  /** Reads a `scenario` parameter (source.ts's `scenarioFromParam`, which loads what it needs). */
  readonly resolve: (value: string) => ScenarioSource | Promise<ScenarioSource>;
  /**
   * A scenario whose steps ask questions opens as a lesson (the app: a copied
   * link of a recorded lesson asks its questions again); without it, as a
   * plain scenario (an embed has no classroom).
   */
  readonly asLesson?: boolean;
}

export interface Opened {
  readonly visualizer: Visualizer;
  /** What could not be done as the address asked, in words, for the page to show. */
  readonly notices: readonly string[];
}

/**
 * A visualizer on the view an address names (`?scenario=…&step=…`). Never
 * fails: a link that cannot open (damaged, from a newer build, a scenario
 * that does not parse) says why in `notices`, and the fallback scenario
 * opens instead, so the page is never blank.
 */
export async function openFromParams(params: URLSearchParams, options: OpenOptions): Promise<Opened> {
  const { fallback, resolve, asLesson = false, ...rest } = options;
  const notices: string[] = [];
  const visualizer = createVisualizer(rest);
  const load = async (scenario: unknown) => {
    // Its OS's kernel first: the door makes a world of an OS once it has loaded (src/kernel/os.ts).
    await loadFor({ scenario });
    return asLesson && asks(scenario)
      ? visualizer.run('loadLesson', { scenario, name: lessonName(scenario) }, 'scenario')
      : visualizer.run('loadScenario', { scenario }, 'scenario');
  };

  const named = params.get('scenario');
  const found = named === null ? null : await resolve(named);
  let opened = false;
  if (found && !found.ok) {
    notices.push(
      `This link’s scenario cannot be opened: ${found.error} Showing the default scenario instead.`,
    );
  } else if (found?.ok) {
    const r = await load(found.source);
    if (r.ok) opened = true;
    else
      notices.push(
        `This link’s scenario cannot be opened: ${r.error}. Showing the default scenario instead.`,
      );
  }
  if (!opened) {
    const r = await load(fallback);
    if (!r.ok)
      notices.push(`The default scenario could not be loaded: ${r.error}. The simulator starts empty.`);
  }

  const { step, problem } = stepFromParam(params.get('step'));
  if (problem) notices.push(problem);
  if (step !== null && opened) {
    const count = visualizer.getState().entries.length;
    // A lesson's step with a question opens asking it, never answered (issue 17).
    visualizer.execute(visualizer.getState().lesson ? 'landAt' : 'goTo', { step });
    if (step > count) notices.push(`This scenario has ${count} steps; showing step ${count}, not ${step}.`);
  }
  return { visualizer, notices };
}

/** Whether a scenario (as read, not yet validated) has a step that asks a question. */
function asks(scenario: unknown): boolean {
  const steps = (scenario as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) && steps.some((st) => typeof st === 'object' && st !== null && 'ask' in st);
}

function lessonName(scenario: unknown): string {
  const title = (scenario as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() ? title.trim() : 'lesson';
}
