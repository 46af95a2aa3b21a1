import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../world';
import { closest } from './closest';
import { LIMITS, count } from './limits';
import { parseScenario } from './parse';

/** The caps of docs/limits.md: at the cap a scenario reads; past it, one clear problem names the cap. */

const base = { format: 'unload-scenario/1', title: 'Limits', os: 'windows' } as const;
const load = { do: 'loadDriver', driver: 'A' };

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

function accepts(input: unknown): void {
  const r = parseScenario(input);
  expect(r.ok ? [] : r.errors).toEqual([]);
}

describe('the limits of a scenario (docs/limits.md)', () => {
  it('refuses JSON text over the size cap before reading it, naming its size and the cap', () => {
    const text = JSON.stringify({ ...base, steps: [{ ...load, say: 'x'.repeat(LIMITS.scenarioChars) }] });
    expect(errorsOf(text)).toEqual([
      {
        path: '',
        message: `the scenario is ${count(text.length)} characters long; this build reads at most 2,000,000 (docs/limits.md). A scenario file is a few kilobytes: is this the right file?`,
      },
    ]);
  });

  it('refuses JSON that nests deeper than a scenario does, saying where', () => {
    const text = `{"title": ${'['.repeat(40)}${']'.repeat(40)}}`;
    expect(errorsOf(text)[0]?.message).toMatch(
      /^the JSON nests more than 32 levels deep at line 1, column 42;/,
    );
    // Brackets inside strings are text, not nesting.
    accepts(JSON.stringify({ ...base, steps: [{ ...load, say: '['.repeat(100) }] }));
  });

  it('reads at most LIMITS.steps steps and says how many there were', () => {
    const steps = new Array<unknown>(LIMITS.steps + 5).fill({ do: 'shutdown' });
    expect(errorsOf({ ...base, steps })).toEqual([
      {
        path: 'steps',
        message:
          '10,005 steps; a scenario holds at most 10,000 (docs/limits.md): split it into several scenarios',
      },
    ]);
    accepts({ ...base, steps: steps.slice(0, LIMITS.steps) });
  });

  it('a list of a billion holes costs no more than its first steps', () => {
    const errors = errorsOf({ ...base, steps: new Array(1e9) });
    expect(errors[0]?.message).toMatch(/^1,000,000,000 steps; a scenario holds at most 10,000/);
    expect(errors).toHaveLength(LIMITS.errors + 1);
  });

  it('caps the texts: title, summary, topic, narration, question, choices, explanation', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const ask = { question: 'Q?', choices: ['a', 'b'], answer: 0 };
    const cases: [unknown, string, string][] = [
      [{ ...base, title: long(200), steps: [] }, 'title', 'the title is 201 characters long; at most 200'],
      [
        { ...base, summary: long(5000), steps: [] },
        'summary',
        'the summary is 5,001 characters long; at most 5,000',
      ],
      [{ ...base, topic: long(100), steps: [] }, 'topic', 'the topic is 101 characters long; at most 100'],
      [{ ...base, steps: [{ ...load, say: long(5000) }] }, 'steps[0].say', 'narration of 5,001 characters'],
      [
        { ...base, steps: [{ ...load, ask: { ...ask, question: long(1000) } }] },
        'steps[0].ask.question',
        'a question of 1,001 characters; at most 1,000',
      ],
      [
        { ...base, steps: [{ ...load, ask: { ...ask, choices: ['a', long(500)] } }] },
        'steps[0].ask.choices[1]',
        'a choice of 501 characters; at most 500',
      ],
      [
        { ...base, steps: [{ ...load, ask: { ...ask, choices: new Array(11).fill('c') } }] },
        'steps[0].ask.choices',
        '11 choices; at most 10',
      ],
      [
        { ...base, steps: [{ ...load, ask: { ...ask, explain: long(5000) } }] },
        'steps[0].ask.explain',
        'an explanation of 5,001 characters; at most 5,000',
      ],
      [
        { ...base, steps: [{ ...load, expect: { events: new Array(101).fill('unloadCalled') } }] },
        'steps[0].expect.events',
        '101 event types; at most 100',
      ],
    ];
    for (const [input, path, message] of cases) {
      const errors = errorsOf(input);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe(path);
      expect(errors[0]?.message).toContain(message);
      expect(errors[0]?.message).toContain('(docs/limits.md)');
    }
  });

  it('an SVR5 module has at most LIMITS.instances instances', () => {
    const svr5 = (n: number) => ({
      ...base,
      os: 'svr5',
      steps: [
        {
          do: 'registerModule',
          module: 'm',
          ddi: '8',
          devices: Array.from({ length: n }, (_, i) => `d${i}`),
        },
      ],
    });
    accepts(svr5(LIMITS.instances));
    expect(errorsOf(svr5(LIMITS.instances + 1))).toEqual([
      { path: 'steps[0].devices', message: '65 device names; at most 64 (docs/limits.md)' },
    ]);
  });

  it('the kernel still refuses a repeated instance, found in one pass', () => {
    const devices = [...Array.from({ length: 5000 }, (_, i) => `d${i}`), 'd17'];
    const r = step(createWorld('svr5'), { do: 'registerModule', module: 'm', ddi: '8', devices });
    expect(r.status).toBe('EEXIST');
    expect(r.events[0]?.reason).toBe('a device named d17 is already configured');
  });

  it('lists at most LIMITS.errors problems, then says where the rest start', () => {
    const errors = errorsOf({ ...base, steps: new Array(500).fill(0) });
    expect(errors).toHaveLength(LIMITS.errors + 1);
    expect(errors[LIMITS.errors - 1]?.path).toBe('steps[99]');
    expect(errors[LIMITS.errors]).toEqual({
      path: '',
      message:
        'more problems from steps[100] on are not listed (at most 100 are; docs/limits.md): fix these and load the scenario again',
    });
  });

  it('quotes a huge unknown field name cut short, and suggests nothing for it', () => {
    const key = 'k'.repeat(1_000_000);
    const [e] = errorsOf({ ...base, steps: [{ ...load, [key]: 1 }] });
    expect(e?.path).toBe(`steps[0].${'k'.repeat(LIMITS.shownKey)}…`);
    expect(e?.message).toMatch(/^unknown field; expected one of do, driver/);
  });

  it('"did you mean" still finds a near name, and skips names of another length', () => {
    expect(closest('unloadCaled', ['unloadCalled', 'imageFreed'])).toBe('unloadCalled');
    expect(closest('x'.repeat(4_000_000), ['unloadCalled'])).toBeUndefined();
    expect(closest('ab', ['abcde'])).toBeUndefined();
  });

  it('what comes back is what was checked: each top-level field is read once', () => {
    let reads = 0;
    const doc = {
      ...base,
      steps: [],
      get title() {
        reads++;
        return reads === 1 ? 'Checked' : 42;
      },
    };
    const r = parseScenario(doc);
    expect(r.ok && r.scenario.title).toBe('Checked');
    expect(reads).toBe(1);
  });

  it('a step’s question cites its rule from the checked copy', () => {
    let reads = 0;
    const ask = {
      question: 'Q?',
      choices: ['a', 'b'],
      answer: 0,
      get rule() {
        reads++;
        return reads === 1 ? 'no.such.rule' : undefined;
      },
    };
    const errors = errorsOf({ ...base, steps: [{ ...load, ask }] });
    expect(errors.map((e) => e.path)).toEqual(['steps[0].ask.rule']);
  });
});
