import { describe, expect, it } from 'vitest';
import { RULES, parseScenario, runScenario, type RuleId } from '../kernel';
import { LESSON_SCENARIOS } from '../scenarios/lessons';
import { LESSONS, LESSON_IDS, filterLessons, lessonById, readLesson } from './library';

/**
 * Every lesson is replayed through the kernel: a rule change that breaks a
 * lesson's `expect` fails here, by lesson and step, instead of silently
 * teaching something else.
 */
describe.each(LESSON_IDS)('the lesson %s', (id) => {
  const parsed = parseScenario(LESSON_SCENARIOS[id]);
  const scenario = parsed.ok ? parsed.scenario : undefined;

  it('reads as a lesson: title, summary, the rule it teaches, a topic', () => {
    const r = readLesson(id);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('meets every expect when replayed through the kernel', () => {
    if (!scenario) throw new Error('does not parse');
    const run = runScenario(scenario);
    expect(run.steps.flatMap((s, i) => s.failures.map((f) => `step ${i + 1}: ${f}`))).toEqual([]);
  });

  it('narrates every step', () => {
    if (!scenario) throw new Error('does not parse');
    expect(scenario.steps.flatMap((s, i) => (s.say?.trim() ? [] : [`step ${i + 1} has no say`]))).toEqual([]);
  });

  it('asks at least one question, each explained and citing a rule of its OS', () => {
    if (!scenario) throw new Error('does not parse');
    const asks = scenario.steps.flatMap((s) => (s.ask ? [s.ask] : []));
    expect(asks.length).toBeGreaterThan(0);
    for (const a of asks) {
      expect(a.explain?.trim(), a.question).toBeTruthy();
      expect(a.rule && RULES[a.rule as RuleId]?.os, a.question).toBe(scenario.os);
    }
  });

  it('states an expect on every step that asks (the answer is checked)', () => {
    if (!scenario) throw new Error('does not parse');
    expect(scenario.steps.filter((s) => s.ask && !s.expect).map((s) => s.ask?.question)).toEqual([]);
  });
});

describe('the lesson library', () => {
  it('holds a lesson for every situation: 16 Windows and 10 SVR5, and one a mechanism added since', () => {
    expect(LESSONS).toHaveLength(29);
    expect(LESSONS.filter((l) => l.os === 'windows')).toHaveLength(18);
    expect(LESSONS.filter((l) => l.os === 'svr5')).toHaveLength(11);
  });

  it('lists the steps that ask, 1-based', () => {
    expect(lessonById('leaked-handle')?.questions).toEqual([3, 4, 5]);
  });

  it('searches every word in title, summary, rule and topic, and filters by OS and topic', () => {
    expect(filterLessons(LESSONS, { query: 'filter attached' }).map((l) => l.id)).toContain(
      'filter-attached',
    );
    expect(filterLessons(LESSONS, { query: 'EBUSY', os: 'windows' })).toEqual([]);
    const svr5Busy = filterLessons(LESSONS, { os: 'svr5', topic: 'busy' });
    expect(svr5Busy.length).toBeGreaterThan(0);
    expect(svr5Busy.every((l) => l.os === 'svr5' && l.topic === 'busy')).toBe(true);
    expect(filterLessons(LESSONS, {})).toHaveLength(LESSONS.length);
  });
});
