import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../kernel';
import { app } from '../store/testing';
import { addressOf, lessonAddressOf, withLessonAddress } from './address';
import { openQuestion } from './commands';
import { COMPARE_PAIRS } from './compare';
import { lessonById } from './library';
import { autoplayDelay } from './useAutoplay';
import { recordedScenario, fileNameOf, askOf, draftOf } from './recorder';
import { scoreOf } from './state';

const open = (id = 'leaked-handle', step?: number) =>
  app()
    .do('openLesson', step === undefined ? { id } : { id, step })
    .expectOk();

describe('opening a lesson', () => {
  it('starts at step 0 with every step of the lesson loaded, nothing answered', () => {
    const r = open();
    expect(r.state.cursor).toBe(0);
    expect(r.state.entries).toHaveLength(5);
    expect(r.state.title).toBe('What does sc stop do while a handle is open?');
    expect(r.state.lesson).toMatchObject({
      id: 'leaked-handle',
      origin: 'built-in',
      answers: {},
      branchFrom: null,
    });
  });

  it('lands exactly on the step asked for', () => {
    expect(open('leaked-handle', 4).state.cursor).toBe(4);
  });

  it('refuses an unknown lesson and keeps what was there', () => {
    const r = open();
    r.send('openLesson', { id: 'nope' }).expectError('no lesson "nope"');
    expect(r.state.lesson?.id).toBe('leaked-handle');
  });
});

describe('questions before answers', () => {
  it('stops at a step with a question and asks before showing it', () => {
    const r = open().do('next').do('next');
    expect(r.state.cursor).toBe(2);
    r.do('next');
    expect(r.state.cursor, 'the question step is not shown yet').toBe(2);
    expect(openQuestion(r.state)).toBe(3);
  });

  it('reveals the step with the answer given, and keeps score', () => {
    const r = open('leaked-handle', 2).do('next').do('answer', { choice: 1 }).expectOk();
    expect(r.state.cursor).toBe(3);
    expect(r.state.playing, 'the revealed step animates').not.toBeNull();
    expect(openQuestion(r.state)).toBeNull();
    expect(r.state.lesson?.answers[3]).toEqual({ choice: 1, correct: true });
    r.do('next').do('answer', { choice: 0 });
    expect(scoreOf(r.state.lesson)).toEqual({ right: 1, answered: 2, asked: 2 });
  });

  it('reveals without an answer on a second Next (a clicker), and a digit picks a choice', () => {
    const r = open('leaked-handle', 2).do('next').do('next');
    expect(r.state.cursor).toBe(3);
    expect(r.state.lesson?.answers[3]).toEqual({ choice: null, correct: false });
    r.do('next').do('typeDigit', { digit: 2 });
    expect(r.state.lesson?.answers[4]).toEqual({ choice: 1, correct: true });
  });

  it('does not ask again once answered, and Back closes an open question', () => {
    const r = open('leaked-handle', 2).do('next').do('back');
    expect(openQuestion(r.state)).toBeNull();
    expect(r.state.cursor).toBe(2);
    r.do('next').do('answer', { choice: 1 }).do('back').do('next');
    expect(r.state.cursor).toBe(3);
  });

  it('closes the question when the cursor moves any other way', () => {
    const r = open('leaked-handle', 2).do('next').do('goTo', { step: 0 }).do('goTo', { step: 2 });
    expect(openQuestion(r.state)).toBeNull();
  });

  it('refuses an answer with no question open, or out of range', () => {
    open().send('answer', { choice: 0 }).expectError('no question is open');
    open('leaked-handle', 2).do('next').send('answer', { choice: 7 }).expectError('choices');
  });
});

describe('the timeline', () => {
  it('goes to step N by digits then Enter', () => {
    const r = open().do('typeDigit', { digit: 4 });
    expect(r.state.classroom.stepInput).toBe('4');
    r.do('goToTyped');
    expect(r.state.cursor).toBe(4);
    expect(r.state.classroom.stepInput).toBe('');
    r.send('goToTyped').expectError('type a step number first');
  });

  it('plays on its own and stops at a question and at the end', () => {
    const r = open().do('togglePlay');
    expect(r.state.classroom.autoplay).toBe(true);
    r.do('next').do('next').do('next');
    expect(openQuestion(r.state)).toBe(3);
    expect(r.state.classroom.autoplay, 'stopped to ask').toBe(false);
    const end = open('clean-stop', 4).do('togglePlay').do('next');
    expect(end.state.cursor).toBe(5);
    expect(end.state.classroom.autoplay, 'stopped at the end').toBe(false);
  });

  it('waits for the animation and a pause to read before the next step', () => {
    const r = open().do('next');
    const slow = autoplayDelay(r.state);
    r.do('setSpeed', { speed: 4 });
    expect(autoplayDelay(r.state)).toBeLessThan(slow);
    r.do('setInstant', { instant: true });
    expect(autoplayDelay(r.state)).toBeGreaterThan(0);
  });
});

describe('branching, not loss', () => {
  it('keeps the lesson’s own steps when acting in the past, and returns to them', () => {
    const r = open('leaked-handle', 2).do('closeHandle', { handle: 'h1' }).expectStatus('STATUS_SUCCESS');
    expect(r.state.entries).toHaveLength(3);
    expect(r.state.lesson?.branchFrom).toBe(2);
    expect(r.state.lesson?.steps).toHaveLength(5);
    r.do('returnToLesson');
    expect(r.state.entries).toHaveLength(5);
    expect(r.state.cursor).toBe(2);
    expect(r.state.lesson?.branchFrom).toBeNull();
  });

  it('restarts the lesson at step 0 with every answer forgotten', () => {
    const r = open('leaked-handle', 2)
      .do('next')
      .do('answer', { choice: 1 })
      .do('stopDriver', { driver: 'Beeper' });
    r.do('restartLesson');
    expect(r.state.cursor).toBe(0);
    expect(r.state.entries).toHaveLength(5);
    expect(r.state.lesson?.answers).toEqual({});
  });

  it('shows a repeated refusal again instead of stacking identical steps', () => {
    const r = open('no-unload-routine', 3);
    r.do('stopDriver', { driver: 'OldBeep' }).expectStatus('STATUS_INVALID_DEVICE_REQUEST');
    const n = r.state.entries.length;
    const nonce = r.state.playing?.nonce;
    r.do('stopDriver', { driver: 'OldBeep' }).expectStatus('STATUS_INVALID_DEVICE_REQUEST');
    expect(r.state.entries).toHaveLength(n);
    expect(r.state.playing?.nonce, 'shown again').not.toBe(nonce);
  });
});

describe('the address bar', () => {
  it('reads ?lesson=…&step=… and writes it back as the lesson moves', () => {
    expect(lessonAddressOf('?lesson=leaked-handle&step=4')).toEqual({ id: 'leaked-handle', step: 4 });
    expect(lessonAddressOf('?lesson=x&step=-2')).toEqual({ id: 'x', step: 0 });
    expect(lessonAddressOf('?os=svr5')).toBeNull();
    const r = open('leaked-handle', 4);
    expect(withLessonAddress('?os=windows&theme=x', addressOf(r.state))).toBe(
      '?theme=x&lesson=leaked-handle&step=4',
    );
    expect(withLessonAddress('?lesson=a&step=2&x=1', null)).toBe('?x=1');
  });

  it('keeps the lesson’s step while on a branch', () => {
    const r = open('leaked-handle', 2).do('closeHandle', { handle: 'h1' });
    expect(addressOf(r.state)).toEqual({ id: 'leaked-handle', step: 2 });
  });
});

describe('presenter mode and text size', () => {
  it('turns on with large text and off back to normal', () => {
    const r = open().do('togglePresenter');
    expect(r.state.classroom).toMatchObject({ presenter: true, fontScale: 1.5 });
    r.do('biggerText');
    expect(r.state.classroom.fontScale).toBe(1.75);
    r.do('smallerText').do('smallerText');
    expect(r.state.classroom.fontScale).toBe(1.25);
    r.do('togglePresenter');
    expect(r.state.classroom).toMatchObject({ presenter: false, fontScale: 1 });
  });
});

describe('recording a lesson', () => {
  it('turns what was done, with its narration and questions, into a scenario that replays the same', () => {
    const r = app()
      .do('newRecording', { os: 'windows' })
      .do('loadDriver', { driver: 'B', model: 'legacy', controlDevice: 'Beep' })
      .do('openHandle', { device: 'Beep', handle: 'h1' })
      .do('stopDriver', { driver: 'B' })
      .do('setLessonInfo', { title: 'My first lesson', summary: 'A handle.' })
      .do('annotateStep', { step: 1, say: 'B loads.' })
      .do('annotateStep', {
        step: 3,
        ask: { question: 'Unload now?', choices: ['Yes', 'No'], answer: 1, rule: 'seed.4a.noReferences' },
      })
      .expectOk();
    const file = recordedScenario(r.state);
    expect(fileNameOf(file.title)).toBe('my-first-lesson.json');
    const parsed = parseScenario(JSON.parse(JSON.stringify(file)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.steps[0]?.say).toBe('B loads.');
    expect(parsed.scenario.steps[2]?.ask?.answer).toBe(1);
    expect(runScenario(parsed.scenario).steps.flatMap((s) => s.failures)).toEqual([]);
    // …and imported back as a lesson that asks its question.
    const back = app().do('loadLesson', { scenario: file, name: 'mine' }).expectOk();
    expect(back.state.lesson?.origin).toBe('imported');
    back.do('next').do('next').do('next');
    expect(openQuestion(back.state)).toBe(3);
  });

  it('keeps the current lesson when an import does not parse', () => {
    const r = open();
    r.send('loadLesson', {
      scenario: { format: 'unload-scenario/1', os: 'windows', steps: [{ do: 'nope' }] },
    });
    expect(r.outcome.ok).toBe(false);
    expect(r.state.lesson?.id).toBe('leaked-handle');
  });

  it('writes a question only when it is complete', () => {
    expect(askOf({ question: '', choices: '', answer: 0, explain: '', rule: '' })).toEqual({
      ok: true,
      ask: null,
    });
    expect(askOf({ question: 'Q', choices: 'a', answer: 0, explain: '', rule: '' })).toMatchObject({
      ok: false,
    });
    const ask = {
      question: 'Q',
      choices: ['a', 'b'],
      answer: 1,
      explain: 'E',
      rule: 'seed.5.driverEntryFailed',
    };
    expect(askOf(draftOf(ask))).toEqual({ ok: true, ask });
  });
});

describe('the compare pairs', () => {
  it('pair a Windows and an SVR5 lesson of one idea, at least four, with beats inside each lesson', () => {
    expect(COMPARE_PAIRS.length).toBeGreaterThanOrEqual(4);
    for (const p of COMPARE_PAIRS) {
      const w = lessonById(p.windows);
      const s = lessonById(p.svr5);
      expect([w?.os, s?.os], p.id).toEqual(['windows', 'svr5']);
      for (const b of p.beats) {
        expect(b.windows, p.id).toBeLessThanOrEqual(w?.scenario.steps.length ?? -1);
        expect(b.svr5, p.id).toBeLessThanOrEqual(s?.scenario.steps.length ?? -1);
        expect(b.note.length).toBeGreaterThan(10);
      }
    }
  });
});
