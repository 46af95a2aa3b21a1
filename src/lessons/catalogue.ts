import { onDemand } from '../actions/onDemand';
import { loadLessonFiles } from '../scenarios/builtIn';

/**
 * The lesson library as a page loads it: the lessons' files and their
 * checks (library.ts) come in one chunk the first time a lesson is wanted
 * (the gallery opens, an address or a host names one), so the first view
 * of a page that shows none never downloads them. Whoever sends
 * `openLesson` awaits `loadLessons()` first.
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
