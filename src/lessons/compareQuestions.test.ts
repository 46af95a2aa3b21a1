import { describe, expect, it } from 'vitest';
import { RULES } from '../kernel/core';
import { COMPARE_PAIRS, COMPARE_START, compareBack, compareLand, compareNext, pairById } from './compare';

/** Issue 17: the compare view asks before it answers, as a lesson does, with the same keys. */
describe('compare questions', () => {
  it('every question is whole: two choices or more, an answer among them, a known rule', () => {
    const asks = COMPARE_PAIRS.flatMap((p) => p.beats.flatMap((b) => (b.ask ? [b.ask] : [])));
    expect(asks.length).toBeGreaterThanOrEqual(2);
    for (const a of asks) {
      expect(a.question).toMatch(/\?$/);
      expect(a.choices.length).toBeGreaterThanOrEqual(2);
      expect(a.answer).toBeGreaterThanOrEqual(0);
      expect(a.answer).toBeLessThan(a.choices.length);
      if (a.rule !== undefined) expect(Object.keys(RULES)).toContain(a.rule);
    }
  });

  it('every pair asks at least one question', () => {
    expect(COMPARE_PAIRS.filter((p) => !p.beats.some((b) => b.ask)).map((p) => p.id)).toEqual([]);
  });

  it('a question’s beat moves both sides, and its answer is neither the beat before’s note nor in it', () => {
    for (const pair of COMPARE_PAIRS)
      for (const [i, b] of pair.beats.entries()) {
        if (!b.ask) continue;
        const before = pair.beats[i - 1];
        expect(before, `${pair.id} beat ${i}: a beat before to show while asking`).toBeDefined();
        expect(b.windows !== before?.windows || b.svr5 !== before?.svr5, `${pair.id} beat ${i}`).toBe(true);
        expect(before?.note).not.toContain(b.ask.choices[b.ask.answer]);
        if (b.ask.explain) expect(before?.note).not.toContain(b.ask.explain);
      }
  });

  for (const pair of COMPARE_PAIRS) {
    it(`${pair.id}: pressing → asks each question before its beat shows, the next press reveals it`, () => {
      let at = COMPARE_START;
      const seen: string[] = [];
      for (let guard = 0; guard < 100 && !(at.beat === pair.beats.length - 1 && !at.asking); guard++) {
        const before = at;
        at = compareNext(pair, at);
        if (at.asking) {
          expect(at.beat, 'the beat before stays while asking').toBe(before.beat);
          expect(pair.beats[at.beat + 1]?.ask).toBeDefined();
          seen.push(`?${at.beat + 1}`);
        } else seen.push(String(at.beat));
      }
      const asked = pair.beats.flatMap((b, i) => (b.ask ? [`?${i}`] : []));
      expect(seen.filter((x) => x.startsWith('?'))).toEqual(asked);
      expect(at.beat).toBe(pair.beats.length - 1);
      // Every question was revealed without an answer: asked, not answered.
      for (const q of asked) expect(at.answers[Number(q.slice(1))]).toBeNull();
    });
  }

  it('← closes an open question without revealing; a digit answers it', () => {
    const busy = pairById('busy');
    const q = busy.beats.findIndex((b) => b.ask);
    let at = { ...COMPARE_START, beat: q - 1 };
    at = compareNext(busy, at);
    expect(at).toMatchObject({ beat: q - 1, asking: true });
    at = compareBack(at);
    expect(at).toMatchObject({ beat: q - 1, asking: false, answers: {} });
    at = compareNext(busy, compareNext(busy, at), 1);
    expect(at).toMatchObject({ beat: q, asking: false, answers: { [q]: 1 } });
    // Answered: going back and forward again does not ask it again.
    at = compareNext(busy, compareBack(at));
    expect(at).toMatchObject({ beat: q, asking: false });
  });

  it('an address at a question’s beat asks it, the beat before shown', () => {
    const busy = pairById('busy');
    const q = busy.beats.findIndex((b) => b.ask);
    expect(compareLand(busy, q)).toEqual({ beat: q - 1, asking: true, answers: {} });
    expect(compareLand(busy, q, { [q]: 0 })).toEqual({ beat: q, asking: false, answers: { [q]: 0 } });
    expect(compareLand(busy, 0)).toEqual(COMPARE_START);
    expect(compareLand(busy, 999).beat).toBe(busy.beats.length - 1);
  });
});
