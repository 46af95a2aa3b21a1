import { DEFAULT_FILES } from './builtIn';
import { LESSON_SCENARIOS } from './lessons';

/**
 * Built-in scenarios, as data: the CLI, the library build and the tests
 * read the same files. Each is validated by `parseScenario` before use.
 * (The app and the embed load the lessons' files on demand: builtIn.ts.)
 */
export const BUILT_IN_SCENARIOS = {
  ...DEFAULT_FILES,
  // The lessons (src/scenarios/lessons): built-in scenarios like the others.
  ...LESSON_SCENARIOS,
} as const satisfies Record<string, unknown>;

export type BuiltInScenarioId = keyof typeof BUILT_IN_SCENARIOS;
