import type { Os } from '../kernel/core';
import { LESSON_IDS, LESSON_SCENARIOS, type LessonId } from '../scenarios/lessons';
import { readLessonFile, type Lesson, type SearchPart } from './read';
import type { Topic } from './topics';

/**
 * The lesson library: every built-in lesson, validated, with what the
 * gallery shows and searches (a lesson read from its file: read.ts, which
 * a page opened on one lesson loads without the others).
 */
export type { Lesson, SearchPart } from './read';
export { LESSON_IDS } from '../scenarios/lessons/ids';

/** A built-in lesson from its file, or what is wrong with it (the library test lists these). */
export function readLesson(id: LessonId): { ok: true; lesson: Lesson } | { ok: false; problems: string[] } {
  return readLessonFile(id, LESSON_SCENARIOS[id]);
}

/**
 * Where a search's words are said in a lesson, beyond what its card shows
 * (the title and summary), for the gallery: the piece holding most of the
 * words (the first such), or null when none does.
 */
export function whereFound(lesson: Lesson, query: string): SearchPart | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = (p: SearchPart) => words.filter((w) => p.text.toLowerCase().includes(w)).length;
  let best: SearchPart | null = null;
  for (const p of lesson.parts) {
    if (p.where === 'title' || p.where === 'summary') continue;
    if (hits(p) > (best ? hits(best) : 0)) best = p;
  }
  return best;
}

/** Every lesson that reads (a broken one is left out here, and fails its test). */
export const LESSONS: readonly Lesson[] = LESSON_IDS.flatMap((id) => {
  const r = readLesson(id);
  return r.ok ? [r.lesson] : [];
});

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export interface LessonFilter {
  readonly query?: string;
  readonly os?: Os | 'all';
  readonly topic?: Topic | 'all';
}

/** A filter's "any" value (every OS, every topic). */
const ANY = 'all';

/**
 * The lessons a gallery search shows: every word of the query somewhere in
 * what the lesson says (`searchTextOf`), the lessons whose title, summary
 * or rule name the words first, then the teaching order.
 */
export function filterLessons(lessons: readonly Lesson[], f: LessonFilter): Lesson[] {
  const words = (f.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const shown = lessons.filter((l) => {
    if (f.os && f.os !== ANY && l.os !== f.os) return false;
    if (f.topic && f.topic !== ANY && l.topic !== f.topic) return false;
    return words.every((w) => l.text.includes(w));
  });
  if (words.length === 0) return shown;
  const head = (l: Lesson) => `${l.title} ${l.summary} ${l.rule.id} ${l.rule.text}`.toLowerCase();
  const rank = (l: Lesson) => words.filter((w) => head(l).includes(w)).length;
  return shown
    .map((l, i) => ({ l, i, r: rank(l) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.l);
}
