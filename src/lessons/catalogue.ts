import { onDemand } from '../actions/onDemand';
import { loadEveryOs, loadOsOf } from '../kernel/core';
import { loadLessonFiles } from '../scenarios/builtIn';
import { isLessonId, type LessonId } from '../scenarios/lessons/ids';
import type { Lesson } from './read';

/**
 * The lesson library as a page loads it: the lessons' files and their
 * checks (library.ts) come in one chunk the first time the library is
 * wanted (the gallery opens, a host names a lesson, saved work comes
 * back), so the first view of a page that shows none never downloads
 * them. A page opened on one lesson (the app's `?lesson=…`) loads that
 * lesson alone: `loadLesson`, with the loader of one file the page hands
 * in (src/scenarios/lessons/files.ts), so pages that never do so (the
 * embed, the element) do not carry forty more chunks. Whoever sends
 * `openLesson` awaits `loadLesson(id, …)` or `loadLessons()` first; both
 * load the kernel of each lesson's OS too (src/kernel/os.ts `loadOs`), so
 * that a lesson loaded is a lesson that opens.
 */
const lessons = onDemand(async () => {
  // The files also join the built-ins a link may name by id (src/scenarios/builtIn.ts).
  // Every OS's kernel first, with its rules: the library reads every lesson as it loads.
  await Promise.all([loadEveryOs(), loadLessonFiles()]);
  const { LESSONS } = await import('./library');
  return LESSONS;
});

/** Every lesson that reads, loaded once. */
export const loadLessons = lessons.load;

/** @public The lessons, if they have loaded; null before (its test reads it on fresh modules). */
export const loadedLessons = lessons.loaded;

/** Lessons read from their file alone, by id: loaded once, the first time each is wanted. */
const single = new Map<LessonId, ReturnType<typeof onDemand<Lesson | null>>>();

/** Reads one built-in lesson's file (`LESSON_FILES[id]()` in a page that offers it). */
export type LessonFileLoader = (id: LessonId) => Promise<unknown>;

/**
 * Loads the lesson `id` names, alone (unless the library has loaded):
 * undefined when no built-in lesson has that id or its file does not read.
 */
export async function loadLesson(id: string, loadFile: LessonFileLoader): Promise<Lesson | undefined> {
  if (!isLessonId(id)) return undefined;
  const all = lessons.loaded();
  if (all) return all.find((l) => l.id === id);
  let one = single.get(id);
  if (!one) {
    one = onDemand(async () => {
      const [{ readLessonFile }, file] = await Promise.all([import('./read'), loadFile(id)]);
      // Its OS's kernel first, with its rules: reading checks the rules the lesson cites.
      await loadOsOf(file);
      const r = readLessonFile(id, file);
      return r.ok ? r.lesson : null;
    });
    single.set(id, one);
  }
  return (await one.load()) ?? undefined;
}

/**
 * The lesson `id` names, if it has loaded (with the library or alone): what
 * `openLesson` opens. `'unknown'` when no built-in lesson has that id,
 * null while it has not loaded.
 */
export function loadedLesson(id: string): Lesson | 'unknown' | null {
  if (!isLessonId(id)) return 'unknown';
  const all = lessons.loaded();
  if (all) return all.find((l) => l.id === id) ?? 'unknown';
  return single.get(id)?.loaded() ?? null;
}
