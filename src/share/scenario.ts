import { FORMATS, createWorld, type Scenario } from '../kernel/core';
import { loadedBuiltIns } from '../scenarios/builtIn';
import type { VisualizerState } from '../store/state';

/**
 * The session as a scenario file (shared/design/scenario-format.md): its
 * title, OS, options and every step, with the narration and questions the
 * steps carried. (A loaded step's `expect` is not kept: the session holds
 * what happened, not what was expected.)
 */
export function sessionScenario(s: VisualizerState): Scenario {
  return {
    format: FORMATS[0],
    title: s.title.trim() || 'Untitled scenario',
    os: s.os,
    ...(s.summary ? { summary: s.summary } : {}),
    options: s.initial.options,
    steps: s.entries.map((e) => ({
      ...e.action,
      ...(e.say === undefined ? {} : { say: e.say }),
      ...(e.notes === undefined ? {} : { notes: e.notes }),
      ...(e.ask === undefined ? {} : { ask: e.ask }),
    })),
  } as Scenario;
}

/** JSON with its object keys sorted, so equal data gives equal text whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A scenario file as a session made from it would give it back: defaults of the options filled, no `expect`. */
function asSession(file: Record<string, unknown>): unknown {
  const steps = Array.isArray(file.steps) ? (file.steps as Record<string, unknown>[]) : [];
  return {
    os: file.os,
    title: file.title,
    summary: file.summary ?? '',
    options: createWorld(file.os as Scenario['os'], file.options ?? {}).options,
    steps: steps.map(({ expect: _expect, ...step }) => step),
  };
}

/**
 * The id of the built-in scenario this session is, unchanged (every step
 * as the file has it), or null once the session went its own way.
 */
export function builtInIdOf(s: VisualizerState): string | null {
  let here: string | null = null;
  // Among the files this page has loaded: a lesson's is there once a lesson opened.
  for (const [id, file] of loadedBuiltIns() as ReadonlyMap<string, Record<string, unknown>>) {
    if (file.os !== s.os || file.title !== s.title) continue;
    if (!Array.isArray(file.steps) || file.steps.length !== s.entries.length) continue;
    // The session as text only when a file could be it (a long session is rarely a built-in's length).
    if (here === null) {
      const mine = sessionScenario(s);
      here = canonical({
        os: mine.os,
        title: s.title,
        summary: s.summary,
        options: mine.options,
        steps: mine.steps,
      });
    }
    if (canonical(asSession(file)) === here) return id;
  }
  return null;
}
