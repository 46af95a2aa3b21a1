import { onDemand } from '../actions/onDemand';
import { loadLessonFile, loadLessonFiles } from '../scenarios/builtIn';
import { LESSON_IDS, isLessonId, type LessonId } from '../scenarios/lessons/ids';
import type { Lesson } from './read';

/**
 * The lesson library as a page loads it: the lessons' files and their
 * checks (library.ts) come in one chunk the first time the library is
 * wanted (the gallery opens, saved work comes back), and one lesson alone
 * (its file and read.ts) when a page is opened on it (an address, a host's
 * `openLesson`), so the first view of a page that shows none never
 * downloads them, and a page on one lesson downloads only that one.
 * Whoever sends `openLesson` awaits `loadLesson(id)` (or `loadLessons()`)
 * first.
 */
const lessons = onDemand(async () => {
  // The files also join the built-ins a link may name by id (src/scenarios/builtIn.ts).
  const [{ LESSONS }] = await Promise.all([import('./library'), loadLessonFiles()]);
  return LESSONS;
});

/** Every lesson that reads, loaded once. */
export const loadLessons = lessons.load;

/** The lessons, if they have loaded; null before. */
export const loadedLessons = lessons.loaded;

/** One lesson, read from its file alone: loaded once, the first time it is wanted. */
const single = Object.fromEntries(
  LESSON_IDS.map((id) => [
    id,
    onDemand(async (): Promise<Lesson | null> => {
      const [{ readLessonFile }, file] = await Promise.all([import('./read'), loadLessonFile(id)]);
      const r = readLessonFile(id, file);
      return r.ok ? r.lesson : null;
    }),
  ]),
) as Readonly<Record<LessonId, ReturnType<typeof onDemand<Lesson | null>>>>;

/**
 * Loads the lesson `id` names (alone, unless the library has loaded):
 * undefined when no built-in lesson has that id or its file does not read.
 */
export async function loadLesson(id: string): Promise<Lesson | undefined> {
  if (!isLessonId(id)) return undefined;
  const all = lessons.loaded();
  if (all) return all.find((l) => l.id === id);
  return (await single[id].load()) ?? undefined;
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
  const one = single[id].loaded();
  return one === null ? null : one;
}
