import { BUILT_IN_SCENARIOS } from '../scenarios';
import type { VisualizerState } from '../store';
import { readableSearch } from './address';
import { isPacked, packScenario, unpackScenario } from './pack';
import { builtInIdOf, sessionScenario } from './scenario';

/**
 * Links to any step: `?scenario=…&step=…`. The scenario is a built-in id
 * (a built-in file's name without `.json`, e.g. `windows-default`) while the
 * session is that file unchanged, and otherwise the whole session packed
 * (`~1.…`, see pack.ts), so a scenario someone made travels in the link.
 * `step` is the step as the app shows it ("step 3 / 9" is 3; 0 is before
 * the first).
 */

/** The `scenario` parameter that reopens this session. */
export function scenarioParam(s: VisualizerState): string {
  return builtInIdOf(s) ?? packScenario(sessionScenario(s));
}

/** The parameters that reopen exactly this view. */
export function linkParams(s: VisualizerState): { scenario: string; step: string } {
  return { scenario: scenarioParam(s), step: String(s.cursor) };
}

/** A link to this view on the page at `base` (the app, or the embed page). */
export function linkTo(base: string, s: VisualizerState, extra: Record<string, string> = {}): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  for (const [k, v] of Object.entries({ ...linkParams(s), ...extra })) url.searchParams.set(k, v);
  url.search = readableSearch(url.search);
  return url.toString();
}

export type ScenarioSource = { ok: true; source: unknown } | { ok: false; error: string };

/** What a `scenario` parameter names: a built-in scenario's file, or a packed one (still to be validated). */
export function scenarioFromParam(value: string): ScenarioSource {
  if (isPacked(value)) {
    const u = unpackScenario(value);
    return u.ok ? { ok: true, source: u.scenario } : u;
  }
  const builtIns = BUILT_IN_SCENARIOS as Readonly<Record<string, unknown>>;
  if (Object.hasOwn(builtIns, value)) return { ok: true, source: builtIns[value] };
  const ids = Object.keys(builtIns);
  const shown = ids.slice(0, 12).join(', ') + (ids.length > 12 ? ', …' : '');
  return {
    ok: false,
    error: `there is no built-in scenario "${value.slice(0, 80)}" (this build has ${shown}); a scenario someone made travels packed, starting with "~".`,
  };
}

/** Reads `step`: a whole number from 0; `null` when absent; a problem in words when it is not a step. */
export function stepFromParam(value: string | null): { step: number | null; problem?: string } {
  if (value === null || value === '') return { step: null };
  if (!/^\d{1,9}$/.test(value.trim())) {
    return {
      step: null,
      problem: `step=${value.slice(0, 40)} is not a step number (0, 1, 2…); showing the latest step.`,
    };
  }
  return { step: Number(value.trim()) };
}
