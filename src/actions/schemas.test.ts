import { describe, expect, it } from 'vitest';
import windowsDefault from '../scenarios/windows-default.json';
import { app } from '../store/testing';
import { COMMAND_DEFS } from './registry';

/** What a host page, a key handler or a fuzzer might send in place of a command's arguments. */
const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  42,
  'x',
  [],
  {},
  { step: 'x' },
  { choice: -1.5 },
  { ref: { kind: 'alien' } },
  { refs: 'nope' },
  { __proto__: { step: 1 } },
];

describe('command arguments, checked by each command’s schema', () => {
  it('every command that takes arguments declares a zod schema; none declares a hand-written parser', () => {
    for (const c of COMMAND_DEFS) {
      expect(c, c.id).not.toHaveProperty('parse');
      expect(c.label, c.id).not.toBe('');
      expect(typeof c.available, c.id).toBe('function');
    }
    const withArgs = COMMAND_DEFS.filter((c) => c.args).map((c) => c.id);
    expect(withArgs).toEqual(expect.arrayContaining(['goTo', 'select', 'highlight', 'answer', 'openLesson']));
  });

  it('answers any bad argument with a message naming the command and the place, never a throw', () => {
    for (const c of COMMAND_DEFS.filter((d) => d.args)) {
      for (const bad of HOSTILE) {
        const r = app({ scenario: windowsDefault });
        const before = r.state;
        r.send(c.id, bad);
        const { outcome } = r;
        expect(outcome.ok || !outcome.fault, `${c.id}(${JSON.stringify(bad)}) threw`).toBe(true);
        if (!outcome.ok) {
          expect(outcome.error.startsWith(`${c.id}: `), outcome.error).toBe(true);
          expect(r.state, `${c.id} refused and changed the state`).toBe(before);
        }
      }
    }
  });

  it('says where and what: the field, what it expects, what it got', () => {
    const r = app({ scenario: windowsDefault });
    r.send('goTo', { step: 'x' }).expectError('goTo: step: expected a whole number, got "x"');
    r.send('goTo', 3).expectError('goTo: expected { step: a whole number, play?: true|false }, got 3');
    r.send('highlight', {
      refs: [
        { kind: 'driver', name: 'Beep' },
        { kind: 'alien', name: 'x' },
      ],
    }).expectError('highlight: refs[1].kind: expected "driver" or "device"');
    r.send('typeDigit', { digit: 12 }).expectError(
      'typeDigit: digit: expected a whole number from 0 to 9, got 12',
    );
    r.send('setTheme', { theme: 'blue' }).expectError('expected "light" or "dark", got "blue"');
    r.send('annotateStep', { step: 1, ask: { question: 'Q?', choices: ['a'], answer: 0 } }).expectError(
      'annotateStep: ask.choices: expected at least two choices',
    );
  });

  it('fills the defaults a schema gives, as the hand-written parsers did', () => {
    const r = app({ scenario: windowsDefault }).do('goTo', { step: 3 }).expectOk();
    r.send('stepBy').expectOk();
    expect(r.state.cursor).toBe(4);
    r.send('highlight', { refs: [{ kind: 'driver', name: 'Beep' }] }).expectOk();
    expect(r.state.highlight).toEqual([{ kind: 'driver', name: 'Beep' }]);
    expect(r.state.hoverBase).toBeNull();
  });
});
