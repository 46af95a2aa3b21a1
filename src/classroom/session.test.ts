import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  cleanName,
  EMPTY_CLASS,
  join,
  LIMITS,
  readCommand,
  spend,
  tally,
  viewOf,
  type Actor,
  type ClassCommand,
  type ClassState,
} from './session';

const teacher: Actor = { role: 'teacher' };
const ann: Actor = { role: 'student', seat: 'ann' };
const bob: Actor = { role: 'student', seat: 'bob' };

function run(s: ClassState, actor: Actor, c: ClassCommand): ClassState {
  const r = applyCommand(s, actor, c);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function refused(s: ClassState, actor: Actor, c: ClassCommand): string {
  const r = applyCommand(s, actor, c);
  if (r.ok) throw new Error(`${c.type} was allowed`);
  return r.error;
}

/** A class on a 5-step lesson whose step 3 asks a 3-choice question, with two students in. */
function aClass(): ClassState {
  let s = run(EMPTY_CLASS, teacher, {
    type: 'lesson',
    lesson: 'leaked-handle',
    steps: 5,
    questions: { 3: 3 },
  });
  for (const seat of ['ann', 'bob']) {
    const j = join(s, seat, seat.toUpperCase());
    if (!j.ok) throw new Error(j.error);
    s = j.value;
  }
  return s;
}

describe('who may do what', () => {
  it('only the teacher moves the step, opens and reveals a question, changes the lesson', () => {
    const s = aClass();
    expect(refused(s, ann, { type: 'step', step: 2 })).toMatch(/only the teacher/);
    expect(refused(s, ann, { type: 'ask', step: 3 })).toMatch(/only the teacher/);
    expect(refused(s, ann, { type: 'reveal', step: 3, answer: 0 })).toMatch(/only the teacher/);
    expect(refused(s, ann, { type: 'lesson', lesson: 'x', steps: 1, questions: {} })).toMatch(
      /only the teacher/,
    );
    const moved = run(run(s, teacher, { type: 'step', step: 2 }), teacher, { type: 'ask', step: 3 });
    expect(moved).toMatchObject({ step: 2, asking: 3 });
  });

  it('a student answers only the open question, once (a new choice replaces it) and only until the reveal', () => {
    let s = aClass();
    expect(refused(s, ann, { type: 'answer', step: 3, choice: 1 })).toMatch(/not asked/);
    s = run(run(s, teacher, { type: 'step', step: 2 }), teacher, { type: 'ask', step: 3 });
    s = run(s, ann, { type: 'answer', step: 3, choice: 1 });
    s = run(s, ann, { type: 'answer', step: 3, choice: 2 });
    s = run(s, bob, { type: 'answer', step: 3, choice: 2 });
    expect(s.answers[3]).toEqual({ ann: 2, bob: 2 });
    expect(tally(s, 3)).toEqual({ counts: [0, 0, 2], answered: 2 });
    expect(refused(s, ann, { type: 'answer', step: 3, choice: 3 })).toMatch(/3 choices/);
    expect(refused(s, ann, { type: 'answer', step: 2, choice: 0 })).toMatch(/asks no question/);
    s = run(s, teacher, { type: 'reveal', step: 3, answer: 2 });
    expect(s.asking).toBeNull();
    expect(s.revealed).toEqual({ 3: 2 });
    expect(refused(s, ann, { type: 'answer', step: 3, choice: 0 })).toMatch(/revealed/);
  });

  it('answers go under the seat the server gave the connection, and only a joined seat answers', () => {
    let s = run(run(aClass(), teacher, { type: 'step', step: 2 }), teacher, { type: 'ask', step: 3 });
    expect(refused(s, { role: 'student', seat: 'eve' }, { type: 'answer', step: 3, choice: 0 })).toMatch(
      /join/,
    );
    s = run(s, bob, { type: 'answer', step: 3, choice: 0 });
    expect(s.answers[3]).toEqual({ bob: 0 });
    expect(refused(s, teacher, { type: 'answer', step: 3, choice: 0 })).toMatch(/teacher does not answer/);
  });

  it('a new lesson starts afresh but keeps who joined; moving past a question closes it', () => {
    let s = run(run(aClass(), teacher, { type: 'step', step: 2 }), teacher, { type: 'ask', step: 3 });
    expect(run(s, teacher, { type: 'step', step: 2 }).asking).toBe(3);
    expect(run(s, teacher, { type: 'step', step: 4 }).asking).toBeNull();
    s = run(s, teacher, { type: 'lesson', lesson: 'outstanding-irp', steps: 7, questions: { 2: 2 } });
    expect(s).toMatchObject({ lesson: 'outstanding-irp', step: 0, asking: null, answers: {}, revealed: {} });
    expect(Object.keys(s.names)).toEqual(['ann', 'bob']);
    expect(refused(s, teacher, { type: 'step', step: 8 })).toMatch(/7 steps/);
    expect(refused(s, teacher, { type: 'ask', step: 3 })).toMatch(/asks no question/);
    expect(refused(s, teacher, { type: 'reveal', step: 2, answer: 2 })).toMatch(/2 choices/);
  });

  it('a class is bounded in size, and the document view carries counts, never names', () => {
    let s = run(run(aClass(), teacher, { type: 'step', step: 2 }), teacher, { type: 'ask', step: 3 });
    s = run(s, ann, { type: 'answer', step: 3, choice: 1 });
    const view = viewOf(s);
    expect(view).toMatchObject({ students: 2, tallies: { 3: { counts: [0, 1, 0], answered: 1 } } });
    expect(JSON.stringify(view)).not.toMatch(/ANN|BOB/);
    const full = {
      ...s,
      names: Object.fromEntries(Array.from({ length: LIMITS.students }, (_, i) => [`s${i}`, 'x'])),
    };
    expect(join(full, 'new', 'Newcomer')).toMatchObject({ ok: false, error: /full/ });
    expect(join(full, 's1', 'Back again').ok).toBe(true);
  });
});

describe('reading the wire', () => {
  it('reads each command and refuses bad ones in words', () => {
    expect(readCommand('{"type":"answer","step":3,"choice":1}')).toEqual({
      ok: true,
      value: { type: 'answer', step: 3, choice: 1 },
    });
    expect(readCommand('{"type":"lesson","lesson":"a-b","steps":4,"questions":{"2":3}}')).toMatchObject({
      ok: true,
      value: { questions: { 2: 3 } },
    });
    expect(readCommand('nope')).toMatchObject({ ok: false, error: /JSON/ });
    expect(readCommand('{"type":"drive"}')).toMatchObject({ ok: false, error: /unknown command/ });
    expect(readCommand('{"type":"answer","step":3,"choice":-1}').ok).toBe(false);
    expect(readCommand('{"type":"answer","step":3,"choice":1.5}').ok).toBe(false);
    expect(readCommand('{"type":"lesson","lesson":"<img>","steps":4,"questions":{}}').ok).toBe(false);
    expect(readCommand('{"type":"lesson","lesson":"a","steps":4,"questions":{"9":2}}').ok).toBe(false);
    expect(
      readCommand(JSON.stringify({ type: 'step', step: 1, pad: 'x'.repeat(LIMITS.command) })),
    ).toMatchObject({
      ok: false,
      error: /at most/,
    });
  });

  it('names: text only, trimmed, length-limited; an empty one is none', () => {
    expect(cleanName('  Red   Panda ')).toBe('Red Panda');
    expect(cleanName('a\u202Eb\u0000c\u200Bd')).toBe('abcd');
    expect(cleanName('<b>x</b>')).toBe('<b>x</b>');
    expect(cleanName('x'.repeat(100))).toHaveLength(LIMITS.name);
    expect(cleanName('🦊'.repeat(30))).toBe('🦊'.repeat(LIMITS.name));
    expect(cleanName('   ')).toBeNull();
    expect(cleanName(42)).toBeNull();
  });

  it('a connection sends at most LIMITS.messages per window', () => {
    let w = spend(undefined, 0).window;
    for (let i = 1; i < LIMITS.messages; i++) w = spend(w, 100).window;
    expect(spend(w, 200).allowed).toBe(false);
    expect(spend(w, LIMITS.windowMs + 1).allowed).toBe(true);
  });
});
