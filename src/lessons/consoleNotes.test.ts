import { describe, expect, it } from 'vitest';
import { parseScenario } from '../kernel/core';
import { sessionScenario } from '../share/scenario';
import { createVisualizer } from '../store';

/** A step's notes for the teacher: read by the parser, kept by the session, carried by a copied lesson. */
describe('per-step notes', () => {
  const base = { format: 'unload-scenario/1', title: 'Notes', os: 'windows' };
  const load = { do: 'loadDriver', driver: 'D', model: 'legacy', controlDevice: 'Dev' };

  it('are accepted beside the narration, and must be text', () => {
    const ok = parseScenario({ ...base, steps: [{ ...load, say: 'Loads.', notes: 'Ask who loads it.' }] });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.scenario.steps[0]).toMatchObject({ notes: 'Ask who loads it.' });
    const bad = parseScenario({ ...base, steps: [{ ...load, notes: 3 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('steps[0].notes');
  });

  it('are kept on the step, not in its action, and survive the lesson being copied', () => {
    const v = createVisualizer({ theme: 'light' });
    expect(v.execute('openLesson', { id: 'leaked-handle' }).ok).toBe(true);
    const s = v.getState();
    const stop = s.entries[2]!;
    expect(stop.notes).toMatch(/show of hands/);
    expect(stop.action).not.toHaveProperty('notes');
    expect(s.lesson?.steps[2]?.notes).toBe(stop.notes);
    expect(s.entries[0]!.notes).toBeUndefined();
    expect(sessionScenario(s).steps[2]).toMatchObject({ notes: stop.notes });
  });

  it('are written for the key steps of three lessons', () => {
    for (const [id, steps] of [
      ['leaked-handle', [3, 4, 5]],
      ['outstanding-irp', [4, 6, 7]],
      ['svr5-busy-while-open', [3, 4]],
    ] as const) {
      const v = createVisualizer({ theme: 'light' });
      expect(v.execute('openLesson', { id }).ok).toBe(true);
      for (const n of steps) expect(v.getState().entries[n - 1]?.notes, `${id} step ${n}`).toBeTruthy();
    }
  });
});
