import { onDemand } from '../actions/onDemand';
import type { Os } from '../kernel/core';
import svr5Default from './svr5-default.json';
import windowsDefault from './windows-default.json';
import { LESSON_IDS, isLessonId } from './lessons/ids';

/**
 * The built-in scenarios as a page loads them: each OS's default comes with
 * the page (it is the first view); the lessons' files come in one chunk
 * the first time one is asked for, so a page that shows no lesson (an
 * embed of the default, the app's first view) never downloads them.
 * (index.ts has them all at once, for the CLI, the library and the tests.)
 */
export const DEFAULT_FILES = {
  'windows-default': windowsDefault,
  'svr5-default': svr5Default,
} as const;

export type DefaultScenarioId = keyof typeof DEFAULT_FILES;

/** The scenario each OS opens on (keyed by OS: an OS without one is a compile error). */
export const DEFAULT_SCENARIO: { readonly [O in Os]: DefaultScenarioId } = {
  windows: 'windows-default',
  svr5: 'svr5-default',
};

/** Every built-in scenario's id (its file name without `.json`), defaults first, then the lessons in order. */
export const BUILT_IN_IDS: readonly string[] = [...Object.keys(DEFAULT_FILES), ...LESSON_IDS];

const lessonFiles = onDemand(async () => (await import('./lessons')).LESSON_SCENARIOS);

/** Loads the lessons' files (once; later calls share the first). */
export async function loadLessonFiles(): Promise<void> {
  await lessonFiles.load();
}

/** A built-in scenario's file by id, loading it if need be; undefined when there is no such id. */
export async function builtInFile(id: string): Promise<unknown> {
  if (isLessonId(id)) await loadLessonFiles();
  return loadedBuiltIns().get(id);
}

/** The built-in files this page has loaded so far, by id (the defaults always). */
export function loadedBuiltIns(): ReadonlyMap<string, unknown> {
  return new Map<string, unknown>([
    ...Object.entries(DEFAULT_FILES),
    ...Object.entries(lessonFiles.loaded() ?? {}),
  ]);
}
