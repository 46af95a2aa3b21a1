import { addressOf } from '../lessons/address';
import type { VisualizerState } from '../store/state';
import { readableSearch } from './address';
import { packScenario } from './pack';
import { builtInIdOf, sessionScenario } from './scenario';

/**
 * Writing links to any step (link.ts reads them): the scenario is a
 * built-in id while the session is that file unchanged, and otherwise the
 * whole session packed, so a scenario someone made travels in the link.
 * (Apart from reading, so a page that only opens links never loads the
 * compressor.)
 */

/**
 * The `scenario` parameter that reopens this session. Worked out once per
 * session: the address and the saved work both ask after every new step,
 * and packing a long session (JSON and deflate) takes milliseconds. A pure
 * memo, keyed by the session's own objects (a new step makes new entries).
 */
export function scenarioParam(s: VisualizerState): string {
  const key = JSON.stringify([s.os, s.title, s.summary]);
  const hit = PARAMS.get(s.entries);
  if (hit && hit.initial === s.initial && hit.key === key) return hit.param;
  const param = builtInIdOf(s) ?? packScenario(sessionScenario(s));
  PARAMS.set(s.entries, { initial: s.initial, key, param });
  return param;
}

const PARAMS = new WeakMap<object, { initial: object; key: string; param: string }>();

/** The parameters that reopen exactly this view. */
export function linkParams(s: VisualizerState): { scenario: string; step: string } {
  return { scenario: scenarioParam(s), step: String(s.cursor) };
}

/**
 * The parameters that reopen this view in the app, where a lesson stays a
 * lesson (issue 17: a copied link keeps the questions): a built-in lesson
 * as `lesson` and its step; a recorded or imported one as its own steps
 * packed, questions and narration with them (the app opens a scenario that
 * asks as a lesson), at its step. On a branch, both name the lesson's step
 * the branch left from, as the address does.
 */
export function appLinkParams(s: VisualizerState): Record<string, string> {
  const l = s.lesson;
  const at = addressOf(s);
  if (at) return { lesson: at.id, step: String(at.step) };
  if (!l) return linkParams(s);
  const own = l.branchFrom === null ? s : { ...s, entries: l.steps };
  return { scenario: scenarioParam(own), step: String(l.branchFrom ?? s.cursor) };
}

/** A link to this view in the app at `base` (a lesson kept, see appLinkParams). */
export function appLinkTo(base: string, s: VisualizerState): string {
  return linkTo(base, s, {}, appLinkParams(s));
}

/** A link to this view on the page at `base` (the app, or the embed page). */
export function linkTo(
  base: string,
  s: VisualizerState,
  extra: Record<string, string> = {},
  params: Record<string, string> = linkParams(s),
): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  for (const [k, v] of Object.entries({ ...params, ...extra })) url.searchParams.set(k, v);
  url.search = readableSearch(url.search);
  return url.toString();
}
