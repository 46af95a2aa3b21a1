import { describe, expect, it } from 'vitest';
import { RULES, parseScenario, runScenario, type RuleId } from '../kernel';
import { LESSON_SCENARIOS } from '../scenarios/lessons';
import { LESSONS, LESSON_IDS, filterLessons, lessonById, readLesson, whereFound } from './library';

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
    expect(LESSONS).toHaveLength(46);
    expect(LESSONS.filter((l) => l.os === 'windows')).toHaveLength(32);
    expect(LESSONS.filter((l) => l.os === 'svr5')).toHaveLength(14);
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

  it('searches everything a lesson says: narration, questions, rules, the OS’s error names (issue 17)', () => {
    const ids = (query: string) => filterLessons(LESSONS, { query }).map((l) => l.id);
    // Every lesson whose file names EBUSY, found by it (the kernel answers it in each).
    const withEbusy = LESSON_IDS.filter((id) => JSON.stringify(LESSON_SCENARIOS[id]).includes('EBUSY'));
    expect(withEbusy.length).toBeGreaterThanOrEqual(5);
    expect(ids('EBUSY')).toEqual(expect.arrayContaining(withEbusy));
    expect(ids('ebusy'), 'whatever the case').toEqual(ids('EBUSY'));
    expect(ids('outstanding reference')).toContain('outstanding-irp');
    expect(ids('STATUS_DELETE_PENDING')).toContain('outstanding-irp');
    // A question's choice, an explanation's words, a narration's words.
    const leaked = lessonById('leaked-handle')?.scenario;
    const ask = leaked?.steps.find((st) => st.ask)?.ask;
    expect(ids(ask?.choices[1] ?? '?')).toContain('leaked-handle');
    expect(ids('forgets to close')).toContain('leaked-handle');
    // Every status the kernel answers when the lesson is replayed, whether its file spells it or not.
    for (const l of LESSONS)
      for (const r of runScenario(l.scenario).steps) expect(l.text, l.id).toContain(r.status.toLowerCase());
    // A rule's sentence.
    expect(ids(RULES['seed.3.noNewReferences'].text.slice(0, 30))).toContain('leaked-handle');
    // Lessons whose title or summary name the words come first.
    expect(ids('filter')[0]).toMatch(/filter/);
  });

  it('says where a search’s words are said beyond the title and summary', () => {
    const busy = lessonById('svr5-busy-while-open');
    if (!busy) throw new Error('no lesson');
    const found = whereFound(busy, 'EBUSY');
    expect(found?.text).toMatch(/EBUSY/);
    expect(found?.where).toMatch(/summary|narration|question|choices|explanation|status|log|rule/);
    expect(
      whereFound(busy, 'busy while open')?.where,
      'never the title or summary the card shows',
    ).not.toMatch(/^(title|summary)$/);
    expect(whereFound(busy, 'zzzz')).toBeNull();
    expect(whereFound(busy, '')).toBeNull();
    const irp = lessonById('outstanding-irp');
    expect(irp && whereFound(irp, 'STATUS_DELETE_PENDING')?.where).toMatch(/step \d+/);
  });
});
