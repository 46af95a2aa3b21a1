import {
  RULES,
  describeEvent,
  parseScenario,
  runScenario,
  type Os,
  type Rule,
  type RuleId,
  type Scenario,
} from '../kernel/core';
import type { LessonId } from '../scenarios/lessons/ids';
import { TOPIC_LABELS, isTopic, type Topic } from './topics';

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
  /** Everything the lesson says, each piece with where it is said, for the gallery's search (`searchPartsOf`). */
  readonly parts: readonly SearchPart[];
  /** The same, lower case, in one text. */
  readonly text: string;
}

/** A piece of what a lesson says, and where ("question, step 3"). */
export interface SearchPart {
  readonly where: string;
  readonly text: string;
}

/** The steps of a scenario that carry a question, 1-based. */
function questionSteps(scenario: Scenario): number[] {
  return scenario.steps.flatMap((s, i) => (s.ask ? [i + 1] : []));
}

/** A lesson from its file, or what is wrong with it (the library test lists these). */
export function readLessonFile(
  id: LessonId,
  file: unknown,
): { ok: true; lesson: Lesson } | { ok: false; problems: string[] } {
  const parsed = parseScenario(file);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  const s = parsed.scenario;
  const problems: string[] = [];
  // The search text replays the lesson: worked out the first time someone searches, then kept.
  let parts: readonly SearchPart[] | undefined;
  let text: string | undefined;
  const rule = s.rule !== undefined && s.rule in RULES ? RULES[s.rule as RuleId] : undefined;
  if (!rule) problems.push('rule: every lesson names the rule it teaches');
  if (!isTopic(s.topic)) problems.push(`topic: expected one of the gallery's topics, got ${String(s.topic)}`);
  if (!s.summary) problems.push('summary: every lesson has one');
  if (problems.length > 0 || !rule || !isTopic(s.topic)) return { ok: false, problems };
  const topic = s.topic;
  return {
    ok: true,
    lesson: {
      id,
      os: s.os,
      title: s.title,
      summary: s.summary ?? '',
      rule,
      topic,
      scenario: s,
      questions: questionSteps(s),
      get parts() {
        return (parts ??= searchPartsOf(id, s, rule, topic));
      },
      get text() {
        return (text ??= this.parts
          .map((p) => p.text)
          .join('\n')
          .toLowerCase());
      },
    },
  };
}

/** A rule's id and its sentence, when the id is one. */
const ruleText = (id: string | undefined): string =>
  id !== undefined && id in RULES ? `${id} ${RULES[id as RuleId].text}` : (id ?? '');

/**
 * Everything a lesson says, as the gallery searches it (issue 17): its id,
 * title, summary and topic; every step's narration; every question (its
 * prompt, choices and explanation); the rules it teaches and cites, with
 * their sentences; and, from replaying it through the kernel, every status
 * the OS answers (EBUSY, STATUS_DELETE_PENDING…), every event as the log
 * tells it, and the rule behind each.
 */
function searchPartsOf(id: string, s: Scenario, rule: Rule, topic: Topic): SearchPart[] {
  const parts: SearchPart[] = [
    { where: 'title', text: `${s.title} (${id})` },
    { where: 'summary', text: s.summary ?? '' },
    { where: 'topic', text: `${topic}: ${TOPIC_LABELS[topic]}` },
    { where: 'rule it teaches', text: ruleText(rule.id) },
  ];
  const say = (where: string, text: string | undefined) => {
    if (text) parts.push({ where, text });
  };
  s.steps.forEach((st, i) => {
    say(`narration, step ${i + 1}`, st.say);
    if (!st.ask) return;
    say(`question, step ${i + 1}`, st.ask.question);
    for (const c of st.ask.choices) say(`choices, step ${i + 1}`, c);
    say(`explanation, step ${i + 1}`, st.ask.explain);
    say(`rule of the answer, step ${i + 1}`, ruleText(st.ask.rule));
  });
  const rules = new Set<string>();
  runScenario(s).steps.forEach((r, i) => {
    say(`status, step ${i + 1}`, r.status);
    for (const e of r.events) {
      say(`log, step ${i + 1}`, describeEvent(e));
      rules.add(e.rule);
    }
  });
  for (const r of rules) say('rules it cites', ruleText(r));
  return parts;
}
