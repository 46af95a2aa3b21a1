import { describe, expect, it } from 'vitest';
import { openQuestion } from '../lessons/commands';
import { LESSONS } from '../lessons/library';
import { selectHeldBack } from '../lessons/selectors';
import { drawnObjects, tellTales } from '../lessons/testing';
import { selectWorld } from '../store/selectors';
import type { VisualizerState } from '../store/state';
import { app } from '../store/testing';
import { availability, defaultArgs } from './args';
import { selectionOffers, shownAvailability } from './offers';
import { kernelActionsFor } from './registry';

/**
 * Issue 17: nothing on screen answers an open question — a greyed-out
 * action's reason neither. What a student sees of the actions: every drawn
 * object's actions when it is selected (SelectionActions), and every action
 * of the palette's forms with its first values (ActionForm).
 */
function actionTexts(s: VisualizerState, heldBack: boolean): string[] {
  const world = selectWorld(s);
  const texts: string[] = [];
  const say = (a: { enabled: boolean; reason?: string }) => {
    if (!a.enabled && a.reason) texts.push(a.reason);
  };
  for (const ref of drawnObjects(world))
    for (const o of selectionOffers(s.os, world, ref, heldBack)) {
      say(o.avail);
      // The button's enabled state is on screen too: a greyed-out one (a kernel refusal) says "it will fail".
      if (!o.avail.enabled && o.avail.refused) texts.push(`disabled ${o.def.id}`);
    }
  for (const def of kernelActionsFor(s.os))
    say(shownAvailability(availability(def, world, defaultArgs(def, world, null)), heldBack));
  return texts;
}

/** Each lesson clicked through with Next; at each open question, `check` with the state and its ask. */
function atEveryQuestion(
  check: (
    s: VisualizerState,
    step: number,
    ask: { question: string; choices: readonly string[]; answer: number; explain?: string },
  ) => void,
): void {
  for (const lesson of LESSONS) {
    const r = app().do('openLesson', { id: lesson.id }).expectOk();
    for (let guard = 0; r.state.cursor < r.state.entries.length || openQuestion(r.state) !== null; guard++) {
      const open = openQuestion(r.state);
      const ask = open === null ? undefined : r.state.entries[open - 1]?.ask;
      if (open !== null && ask) check(r.state, open, ask);
      r.do('next');
      if (guard > 200) throw new Error(`${lesson.id} never ends`);
    }
  }
}

/** Whether `texts` tell the answer: its words, its explanation or a name only it has (EBUSY…). */
function tells(
  texts: readonly string[],
  ask: { question: string; choices: readonly string[]; answer: number; explain?: string },
): string | null {
  const all = texts.join('\n');
  const right = ask.choices[ask.answer] ?? '';
  if (all.includes(right)) return right;
  if (ask.explain && all.includes(ask.explain)) return ask.explain;
  return (
    tellTales(ask.question, ask.choices, ask.answer).find((w) => new RegExp(`\\b${w}\\b`, 'i').test(all)) ??
    null
  );
}

describe('greyed-out actions while a question is open', () => {
  it('no refusal reason, and no greyed-out button from a kernel refusal, at any question of any lesson', () => {
    let questions = 0;
    atEveryQuestion((s, step, ask) => {
      questions++;
      expect(selectHeldBack(s)).toBe(true);
      const texts = actionTexts(s, true);
      expect(tells(texts, ask), `${s.lesson?.id} step ${step}: “${ask.question}”`).toBeNull();
      expect(
        texts.filter((t) => t.startsWith('disabled ')),
        `${s.lesson?.id} step ${step}`,
      ).toEqual([]);
    });
    expect(questions).toBeGreaterThan(20);
  });

  it('not held back, the same reasons would tell answers (the test above can fail)', () => {
    const told: string[] = [];
    atEveryQuestion((s, step, ask) => {
      const word = tells(actionTexts(s, false), ask);
      if (word) told.push(`${s.lesson?.id} step ${step}: ${word}`);
    });
    expect(told.length, told.join('\n')).toBeGreaterThan(0);
    expect(told.join('\n')).toMatch(/EBUSY/);
  });

  it('facts of the form stay, and once revealed the kernel’s reason is back', () => {
    const r = app().do('openLesson', { id: 'svr5-busy-while-open' });
    while (
      !/modadmin -U/.test(
        r.state.entries[openQuestion(r.state) === null ? -1 : r.state.cursor]?.ask?.question ?? '',
      )
    )
      r.do('next');
    const world = selectWorld(r.state);
    const refusals = drawnObjects(world).flatMap((ref) =>
      selectionOffers(r.state.os, world, ref, false).filter((o) => !o.avail.enabled && o.avail.refused),
    );
    expect(refusals.map((o) => (o.avail.enabled ? '' : o.avail.reason)).join()).toMatch(/EBUSY/);
    expect(shownAvailability({ enabled: false, reason: 'Driver needed' }, true)).toEqual({
      enabled: false,
      reason: 'Driver needed',
    });
    r.do('next'); // the reveal: nothing held back at the last step
    expect(selectHeldBack(r.state)).toBe(false);
  });
});
