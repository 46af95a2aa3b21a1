import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../kernel';
import { BUILT_IN_SCENARIOS } from '.';

describe.each(Object.entries(BUILT_IN_SCENARIOS))('the built-in scenario %s', (_id, raw) => {
  it('is a valid scenario', () => {
    const r = parseScenario(raw);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('meets every expectation it states', () => {
    const r = parseScenario(raw);
    if (!r.ok) throw new Error('invalid');
    const run = runScenario(r.scenario);
    expect(run.steps.flatMap((s, i) => s.failures.map((f) => `step ${i}: ${f}`))).toEqual([]);
    // A refusal is there on purpose only when the step says so (a lesson shows one).
    const unexpected = run.steps.flatMap((s, i) => {
      const said = r.scenario.steps[i]?.expect;
      const refused = s.events.some((e) => e.type === 'refused');
      return refused && !said?.events?.includes('refused') ? [`step ${i}: ${s.status}`] : [];
    });
    expect(unexpected).toEqual([]);
  });
});
