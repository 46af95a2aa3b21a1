import { describe, expect, it } from 'vitest';
import { kernelFor, type World } from '../kernel/core';
import { generatedScenario } from '../scenarios/generate';
import { LESSON_IDS } from '../scenarios/lessons';
import { createVisualizer } from '../store';
import { ownerSummaries } from './checklistModel';
import { createOverview } from './overview';

/** Every world a step draws: its moments (one per event), then the step's own world. */
const worldsOf = (v: ReturnType<typeof createVisualizer>): World[] =>
  v.getState().entries.flatMap((e) => [...(e.moments ?? []), e.world]);

describe('the checklist overview between moments', () => {
  it('re-explains only the drivers whose records a moment changed (1,000 objects, an IRP)', () => {
    const v = createVisualizer({ scenario: generatedScenario(1000) });
    expect(v.loaded.ok).toBe(true);
    const overview = createOverview();
    const before = v.getState().entries.at(-1)?.world;
    if (!before) throw new Error('no step');
    const owners = kernelFor(before).owners(before).length;
    overview(before, false);
    expect(overview.computed()).toBe(owners);
    expect(v.execute('sendIrp', { handle: 'h10', irp: 'irpX' }).ok).toBe(true);
    const entry = v.getState().entries.at(-1);
    const moments = [...(entry?.moments ?? []), entry?.world].filter((w): w is World => !!w);
    expect(moments.length).toBeGreaterThan(1);
    for (const w of moments) {
      const at = overview.computed();
      expect(overview(w, false)).toEqual(ownerSummaries(w, false));
      // An IRP down one stack touches its filter, function and bus drivers at most.
      expect(overview.computed() - at).toBeLessThanOrEqual(3);
    }
    expect(owners).toBeGreaterThan(50);
  });

  it('gives the lines ownerSummaries gives, at every moment of every lesson, held back or not', () => {
    for (const id of LESSON_IDS) {
      const v = createVisualizer({ theme: 'light' });
      expect(v.execute('openLesson', { id }).ok).toBe(true);
      for (const heldBack of [false, true]) {
        const overview = createOverview();
        for (const w of worldsOf(v)) expect(overview(w, heldBack), id).toEqual(ownerSummaries(w, heldBack));
      }
    }
  });

  it('a line kept across worlds is the same object; a changed record makes a new one', () => {
    const v = createVisualizer({ scenario: generatedScenario(200) });
    const overview = createOverview();
    const w0 = v.getState().entries.at(-1)?.world;
    if (!w0) throw new Error('no step');
    const first = overview(w0, false);
    // Stack 12 is Func3's (four stacks a function driver) and Filt1's (eight a filter driver).
    expect(v.execute('surpriseRemove', { device: 'Pdo12' }).ok).toBe(true);
    const w1 = v.getState().entries.at(-1)?.world;
    if (!w1) throw new Error('no step');
    const second = overview(w1, false);
    const at = (lines: typeof first, name: string) => lines.find((l) => l.ref.name === name);
    expect(at(second, 'Func0')).toBe(at(first, 'Func0'));
    expect(at(second, 'Func3')).not.toBe(at(first, 'Func3'));
    expect(second).toEqual(ownerSummaries(w1, false));
  });
});
