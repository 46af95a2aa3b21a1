import type { Os } from '../kernel';
import svr5Default from './svr5-default.json';
import windowsDefault from './windows-default.json';
import { LESSON_SCENARIOS } from './lessons';

/**
 * Built-in scenarios, as data: the app, the CLI and the tests read the same
 * files. Each is validated by `parseScenario` before use.
 */
export const BUILT_IN_SCENARIOS = {
  'windows-default': windowsDefault,
  'svr5-default': svr5Default,
  // The lessons (src/scenarios/lessons): built-in scenarios like the others.
  ...LESSON_SCENARIOS,
} as const satisfies Record<string, unknown>;

export type BuiltInScenarioId = keyof typeof BUILT_IN_SCENARIOS;

/** The scenario each OS opens on (keyed by OS: an OS without one is a compile error). */
export const DEFAULT_SCENARIO: { readonly [O in Os]: BuiltInScenarioId } = {
  windows: 'windows-default',
  svr5: 'svr5-default',
};
