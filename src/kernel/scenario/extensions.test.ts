import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

/** The lesson fields (docs/scenario-format-extensions.md): optional, checked, additive. */
const base = { format: 'unload-scenario/1', title: 'T', os: 'windows', steps: [] };
const ask = { question: 'Q?', choices: ['a', 'b'], answer: 0 };
const errors = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.errors;
};

describe('the lesson fields of a scenario', () => {
  it('keeps rule and topic when they are right', () => {
    const r = parseScenario({ ...base, rule: 'seed.4b.noAttached', topic: 'busy' });
    expect(r.ok && r.scenario).toMatchObject({ rule: 'seed.4b.noAttached', topic: 'busy' });
  });

  it('leaves a scenario without them as it was', () => {
    const r = parseScenario(base);
    expect(r.ok && 'rule' in r.scenario).toBe(false);
  });

  it('names an unknown rule and the nearest one', () => {
    expect(errors({ ...base, rule: 'seed.4b.noAtached' })).toEqual([
      { path: 'rule', message: 'unknown rule "seed.4b.noAtached"; did you mean "seed.4b.noAttached"?' },
    ]);
  });

  it('refuses a rule of the other OS', () => {
    expect(errors({ ...base, rule: 'svr5.seed.errno' })[0]?.message).toMatch(/is a rule of SVR5/);
  });

  it('checks the rule a question cites', () => {
    const step = { do: 'shutdown', ask: { ...ask, explain: 'E', rule: 'nope' } };
    expect(errors({ ...base, steps: [step] })[0]?.path).toBe('steps[0].ask.rule');
    const good = { do: 'shutdown', ask: { ...ask, rule: 'seed.6.noUnloadAtShutdown' } };
    const r = parseScenario({ ...base, steps: [good] });
    expect(r.ok && r.scenario.steps[0]?.ask?.rule).toBe('seed.6.noUnloadAtShutdown');
  });

  it('wants a topic as text', () => {
    expect(errors({ ...base, topic: 3 })).toEqual([
      { path: 'topic', message: 'expected a topic (text), got 3' },
    ]);
  });
});
