import { describe, expect, it } from 'vitest';
import { openFromParams } from '../share/open';
import { app } from '../store/testing';
import { addressOf, lessonAddressOf, withLessonAddress } from './address';
import { openQuestion } from './commands';
import { LESSONS } from './library';
import { selectHeldBack } from './selectors';

/**
 * Issue 17: a lesson opened at a question step by its address
 * (`?lesson=cancel-restores&step=11`, a copied link) asks the question; it
 * never lands with the answer already shown.
 */
describe('an address at a question step asks the question', () => {
  for (const lesson of LESSONS) {
    const asks = lesson.scenario.steps.flatMap((st, i) => (st.ask ? [i + 1] : []));
    it(`${lesson.id}: each of its question steps (${asks.join(', ')}) opens asked, the step before shown`, () => {
      expect(asks.length, 'a lesson asks at least one question').toBeGreaterThan(0);
      for (const step of asks) {
        const r = app().do('openLesson', { id: lesson.id, step, ask: true }).expectOk();
        expect(openQuestion(r.state), `step ${step}`).toBe(step);
        expect(r.state.cursor, `step ${step}: the world before the step`).toBe(step - 1);
        expect(selectHeldBack(r.state)).toBe(true);
        expect(r.state.lesson?.answers[step]).toBeUndefined();
        // The address written back names the asked step, so a copied link or a reload asks it again.
        const at = addressOf(r.state);
        expect(at).toEqual({ id: lesson.id, step });
        const again = lessonAddressOf(withLessonAddress('', at));
        const r2 = app().do('openLesson', { id: lesson.id, step: again?.step ?? -1, ask: true });
        expect(openQuestion(r2.state)).toBe(step);
        // The first press reveals it, as a clicker's would.
        r.do('next');
        expect(r.state.cursor).toBe(step);
        expect(openQuestion(r.state)).toBeNull();
        expect(r.state.lesson?.answers[step]).toEqual({ choice: null, correct: false });
      }
    });
  }

  it('a step without a question, step 0 and a step past the end land as they are', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2, ask: true }).expectOk();
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([2, null]);
    r.do('openLesson', { id: 'leaked-handle', step: 0, ask: true });
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([0, null]);
    // leaked-handle has 5 steps, the last one asks: past the end clamps to it, and it asks.
    r.do('openLesson', { id: 'leaked-handle', step: 99, ask: true });
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([4, 5]);
  });

  it('an answered question’s step lands answered; without `ask`, openLesson lands on the step as before', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 3, ask: true });
    r.do('answer', { choice: 1 });
    r.do('landAt', { step: 3 });
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([3, null]);
    r.do('landAt', { step: 4 });
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([3, 4]);
    const plain = app().do('openLesson', { id: 'cancel-restores', step: 11 });
    expect([plain.state.cursor, openQuestion(plain.state)]).toEqual([11, null]);
  });

  it('on a branch, or in a plain scenario, a step is only a step', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 });
    r.do('closeHandle', { handle: 'h1' }).expectOk();
    r.do('landAt', { step: 3 });
    expect([r.state.cursor, openQuestion(r.state)]).toEqual([3, null]);
    const scenario = LESSONS.find((l) => l.id === 'leaked-handle')?.scenario;
    const plain = app().do('loadScenario', { scenario }).expectOk();
    plain.do('landAt', { step: 3 });
    expect([plain.state.lesson, plain.state.cursor]).toEqual([null, 3]);
  });

  it('a recorded lesson’s link (?scenario=…&step=N) at a question step asks it', async () => {
    const lesson = LESSONS.find((l) => l.id === 'cancel-restores');
    if (!lesson) throw new Error('cancel-restores is a lesson');
    const { visualizer } = await openFromParams(new URLSearchParams('scenario=x&step=11'), {
      fallback: lesson.scenario,
      resolve: () => ({ ok: true, source: lesson.scenario }),
      asLesson: true,
    });
    const s = visualizer.getState();
    expect([s.lesson?.origin, s.cursor, openQuestion(s)]).toEqual(['imported', 10, 11]);
  });
});
