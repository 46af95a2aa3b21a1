import { describe, expect, it } from 'vitest';
import { LIMITS, parseScenario, runScenario } from '../kernel';
import { generatedScenario } from './generate';

describe('a generated machine', () => {
  it('is a valid scenario whose every step goes through, at about the size asked', () => {
    for (const n of [50, 200, 1000, 10_000]) {
      const parsed = parseScenario(generatedScenario(n));
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
      const run = runScenario(parsed.scenario);
      expect(run.steps.every((s) => s.status === 'STATUS_SUCCESS')).toBe(true);
      const w = run.world;
      if (w.os !== 'windows') throw new Error('windows');
      const objects = w.drivers.size + w.devices.size + w.handles.size + w.irps.size;
      expect(objects).toBeGreaterThanOrEqual(n);
      expect(objects).toBeLessThan(n + 8);
    }
  });

  it('fits 10,000 objects into a scenario (function drivers then make a control device each); 5,000 as before', () => {
    const big = generatedScenario(10_000) as { steps: { controlDevice?: string }[] };
    expect(big.steps.length).toBeLessThanOrEqual(LIMITS.steps);
    expect(big.steps.some((s) => s.controlDevice)).toBe(true);
    const mid = generatedScenario(5000) as { steps: { controlDevice?: string }[] };
    expect(mid.steps.some((s) => s.controlDevice)).toBe(false);
  });
});
