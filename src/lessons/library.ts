import { RULES, parseScenario, type Os, type Rule, type RuleId, type Scenario } from '../kernel/core';
import { LESSON_IDS, LESSON_SCENARIOS, type LessonId } from '../scenarios/lessons';
import { isTopic, type Topic } from './topics';

/**
 * The lesson library: every built-in lesson, validated, with what the
 * gallery shows and searches. Lessons are scenario files with the `rule`
 * and `topic` extensions (docs/scenario-format-extensions.md).
 */
export interface Lesson {
  readonly id: LessonId;
  readonly os: Os;
  readonly title: string;
  readonly summary: string;
  readonly rule: Rule;
  readonly topic: Topic;
  readonly scenario: Scenario;
  /** The steps that ask a question, 1-based (the cursor after the step is applied). */
  readonly questions: readonly number[];
}

export { LESSON_IDS, isLessonId } from '../scenarios/lessons/ids';

/** The steps of a scenario that carry a question, 1-based. */
export function questionSteps(scenario: Scenario): number[] {
  return scenario.steps.flatMap((s, i) => (s.ask ? [i + 1] : []));
}

/** A lesson from its file, or what is wrong with it (the library test lists these). */
export function readLesson(id: LessonId): { ok: true; lesson: Lesson } | { ok: false; problems: string[] } {
  const parsed = parseScenario(LESSON_SCENARIOS[id]);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  const s = parsed.scenario;
  const problems: string[] = [];
  const rule = s.rule !== undefined && s.rule in RULES ? RULES[s.rule as RuleId] : undefined;
  if (!rule) problems.push('rule: every lesson names the rule it teaches');
  if (!isTopic(s.topic)) problems.push(`topic: expected one of the gallery's topics, got ${String(s.topic)}`);
  if (!s.summary) problems.push('summary: every lesson has one');
  if (problems.length > 0 || !rule || !isTopic(s.topic)) return { ok: false, problems };
  return {
    ok: true,
    lesson: {
      id,
      os: s.os,
      title: s.title,
      summary: s.summary ?? '',
      rule,
      topic: s.topic,
      scenario: s,
      questions: questionSteps(s),
    },
  };
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

/** The lessons a gallery search shows: every word of the query in the title, summary, rule or topic. */
export function filterLessons(lessons: readonly Lesson[], f: LessonFilter): Lesson[] {
  const words = (f.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return lessons.filter((l) => {
    if (f.os && f.os !== ANY && l.os !== f.os) return false;
    if (f.topic && f.topic !== ANY && l.topic !== f.topic) return false;
    const text = `${l.id} ${l.title} ${l.summary} ${l.rule.id} ${l.rule.text} ${l.topic}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
