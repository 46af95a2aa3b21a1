import { describe, expect, it } from 'vitest';
import { commandForKey } from '../actions/keys';
import { app } from '../store/testing';
import { openQuestion } from './commands';
import { selectScoreText } from './selectors';
import { scoreOf } from './state';

/** A key as a clicker or keyboard sends it, through the same door the page's keys use. */
const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false });
const press = (r: ReturnType<typeof app>, k: string) => {
  const id = commandForKey(key(k));
  if (!id) throw new Error(`no command on ${k}`);
  return r.send(id);
};

describe('a clicker is enough (issue 17)', () => {
  it('R restarts the lesson: step 0, and every question is asked again', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 });
    press(r, 'PageDown');
    r.do('answer', { choice: 1 });
    expect(scoreOf(r.state.lesson).answered).toBe(1);
    press(r, 'r');
    expect(r.state.cursor).toBe(0);
    expect(r.state.lesson?.answers).toEqual({});
    press(r, 'PageDown');
    press(r, 'PageDown');
    press(r, 'PageDown');
    expect(openQuestion(r.state), 'the answered question is asked again').toBe(3);
  });

  it('B blanks the screen; B, ., → or ← brings it back without stepping', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 1 });
    for (const back of ['b', '.', 'ArrowRight', 'PageUp', 'Escape']) {
      press(r, 'b');
      expect(r.state.classroom.blank).toBe(true);
      press(r, back);
      expect(r.state.classroom.blank, back).toBe(false);
      expect(r.state.cursor, `${back} only brings the screen back`).toBe(1);
    }
    press(r, '.');
    expect(r.state.classroom.blank).toBe(true);
  });

  it('on a branch, B returns to the lesson instead of blanking; . still blanks', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 });
    r.do('closeHandle', { handle: 'h1' }).expectOk();
    press(r, '.');
    expect(r.state.classroom.blank).toBe(true);
    press(r, '.');
    press(r, 'b');
    expect(r.state.classroom.blank).toBe(false);
    expect(r.state.lesson?.branchFrom).toBeNull();
    expect(r.state.cursor).toBe(2);
  });

  it('leaving presenter mode never leaves the screen blank', () => {
    const r = app().do('openLesson', { id: 'leaked-handle' }).do('togglePresenter');
    press(r, 'b');
    press(r, 'p');
    expect(r.state.classroom).toMatchObject({ presenter: false, blank: false });
  });

  it('revealed by clicker, unanswered: the score says how many were asked, not "0 of 0 right"', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 });
    press(r, 'PageDown');
    press(r, 'PageDown');
    expect(selectScoreText(r.state)).toBe('1 question asked');
    press(r, 'PageDown');
    r.do('answer', { choice: 1 });
    expect(selectScoreText(r.state)).toBe('1 of 1 right');
  });
});
