import { describe, expect, it } from 'vitest';
import { kernelFor } from '../kernel/core';
import { HELD_BACK, ownerSummaries, shownExplanation } from '../panels/checklistModel';
import { selectCurrentEntry, selectWorld } from '../store/selectors';
import type { VisualizerState } from '../store/state';
import { app } from '../store/testing';
import { openQuestion } from './commands';
import { LESSONS } from './library';
import { selectConclusion, selectHeldBack, selectOpeningSummary } from './selectors';
import { tellTales } from './testing';

/**
 * Issue 17: nothing on screen answers an open question. These tests drive
 * every lesson as a clicker would (Next only) and read what the class sees
 * outside the question panel: the title, the narration, the checklist (the
 * overview and every driver's or module's lines) and the conclusion.
 */

/** Every text the screen shows outside the question panel, as of this state. */
function screenText(s: VisualizerState): string {
  const world = selectWorld(s);
  const held = selectHeldBack(s);
  const entry = selectCurrentEntry(s);
  const parts = [s.title, entry ? `${entry.status} ${entry.say ?? ''}` : selectOpeningSummary(s)];
  parts.push(selectConclusion(s) ?? '');
  for (const o of ownerSummaries(world, held)) {
    parts.push(o.state, o.summary);
    const e = shownExplanation(world, o.ref.name, held);
    parts.push(e.summary, ...e.conditions.map((c) => c.text));
  }
  return parts.join('\n');
}

describe('the screen holds back what is about to happen', () => {
  it('at step 0 of a lesson: a question-style title, no summary in the narration, the checklist facts only', () => {
    const s = app().do('openLesson', { id: 'leaked-handle' }).expectOk().state;
    expect(s.title).toMatch(/\?$/);
    expect(selectOpeningSummary(s)).toBe('');
    expect(selectHeldBack(s)).toBe(true);
    expect(selectConclusion(s)).toBeNull();
  });

  it('a plain scenario keeps its summary at step 0 and holds nothing back', () => {
    const s = app().state;
    expect(selectHeldBack(s)).toBe(false);
    expect(selectOpeningSummary(s)).toBe(s.summary);
  });

  it('leaked-handle, question 1 open: the checklist no longer says what sc stop will do', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 }).do('next');
    expect(openQuestion(r.state)).toBe(3);
    const text = screenText(r.state);
    expect(text).not.toContain('sc stop marks it Unload Pending');
    expect(text).not.toContain('sc stop starts the unload');
    expect(text).toContain('Files still open: handle h1');
    expect(text).toContain(HELD_BACK);
  });

  it('svr5-busy-while-open, "What does modadmin -U answer?" open: no EBUSY anywhere on screen', () => {
    const r = app().do('openLesson', { id: 'svr5-busy-while-open' });
    while (
      openQuestion(r.state) === null ||
      !/modadmin -U/.test(r.state.entries[r.state.cursor]?.ask?.question ?? '')
    )
      r.do('next');
    expect(screenText(r.state)).not.toMatch(/EBUSY/);
  });

  it('the facts stay: every condition keeps its mark, blockers and rule', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 }).do('next');
    const world = selectWorld(r.state);
    const owner = kernelFor(world).owners(world)[0] ?? '';
    const whole = shownExplanation(world, owner, false);
    const held = shownExplanation(world, owner, true);
    expect(held.conditions.map(({ id, met, rule, blockers }) => ({ id, met, rule, blockers }))).toEqual(
      whole.conditions.map(({ id, met, rule, blockers }) => ({ id, met, rule, blockers })),
    );
  });

  it('on a branch nothing is held back: the teacher is acting freely', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 });
    r.do('closeHandle', { handle: 'h1' }).expectOk();
    expect(r.state.lesson?.branchFrom).toBe(2);
    expect(selectHeldBack(r.state)).toBe(false);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: clicked through, no question's answer shows before its reveal; the conclusion shows only at the end`, () => {
      const r = app().do('openLesson', { id: lesson.id }).expectOk();
      expect(lesson.title, 'a question for the class').toMatch(/\?$/);
      expect(screenText(r.state)).not.toContain(lesson.summary);
      let guard = 0;
      while (r.state.cursor < r.state.entries.length || openQuestion(r.state) !== null) {
        const open = openQuestion(r.state);
        if (open !== null) {
          const ask = r.state.entries[open - 1]?.ask;
          if (!ask) throw new Error('a question without its ask');
          const text = screenText(r.state);
          expect(selectHeldBack(r.state)).toBe(true);
          expect(text).not.toContain(ask.choices[ask.answer]);
          if (ask.explain) expect(text).not.toContain(ask.explain);
          for (const w of tellTales(ask.question, ask.choices, ask.answer))
            expect(text, `step ${open}: "${w}" of the answer “${ask.choices[ask.answer]}”`).not.toMatch(
              new RegExp(`\\b${w}\\b`, 'i'),
            );
        }
        if (r.state.cursor < r.state.entries.length || open !== null)
          expect(selectConclusion(r.state), 'the conclusion waits for the end').toBeNull();
        r.do('next');
        if (++guard > 200) throw new Error('the lesson never ends');
      }
      expect(selectConclusion(r.state)).toBe(lesson.summary);
    });
  }
});
