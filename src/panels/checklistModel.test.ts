import { describe, expect, it } from 'vitest';
import { kernelFor } from '../kernel/core';
import { LESSON_IDS } from '../scenarios/lessons';
import { createVisualizer } from '../store';
import { ownerSummaries, shownExplanation } from './checklistModel';

/**
 * The checklist never says an empty thing (issue 17): at every moment of
 * every step of every lesson (the worlds drawn mid-animation included), no
 * summary waits for nothing ("Unload Pending: waiting — .") and no summary
 * is blank, held back or not.
 */
describe('the checklist at every moment of every lesson', () => {
  it('never shows an empty wait or a blank summary', () => {
    const bad: string[] = [];
    for (const id of LESSON_IDS) {
      const v = createVisualizer({ theme: 'light' });
      expect(v.execute('openLesson', { id }).ok).toBe(true);
      v.getState().entries.forEach((entry, i) => {
        for (const [m, world] of [...(entry.moments ?? []), entry.world].entries()) {
          for (const heldBack of [false, true]) {
            const texts = [
              ...ownerSummaries(world, heldBack).map((o) => o.summary),
              ...kernelFor(world)
                .owners(world)
                .map((o) => shownExplanation(world, o, heldBack).summary),
            ];
            for (const t of texts)
              if (!t.trim() || /—\s*\.?$|:\s*\.$|\(\s*\)|:\s+is\b|\s{2}/.test(t))
                bad.push(`${id} step ${i + 1} moment ${m}${heldBack ? ' (held back)' : ''}: “${t}”`);
          }
        }
      });
    }
    expect(bad).toEqual([]);
  });
});
