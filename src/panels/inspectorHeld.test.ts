import { describe, expect, it } from 'vitest';
import type { ObjectKind } from '../kernel/core';
import { openQuestion } from '../lessons/commands';
import { LESSONS } from '../lessons/library';
import { selectHeldBack } from '../lessons/selectors';
import { drawnObjects, tellTales } from '../lessons/testing';
import { selectWorld } from '../store/selectors';
import { app } from '../store/testing';
import { inspectorRows } from './inspector/inspect';

/**
 * A device's role (PDO, FDO, filter) is what its card itself shows from the
 * first step: a fact of the picture, never the answer held back. The
 * tell-tale names are not looked for in it (the answer's whole text is).
 */
const ROLE_ROWS = new Set(['Role', '!devstack', 'Stack locations']);

/** Values whose colon is part of a name, not "fact: consequence" (`8mp: DDI 8, D_MP`). */
const COLON_NAMES = new Set(['DDI version']);

/**
 * Issue 17: while a question is open (and at step 0 of a lesson), the
 * inspector, like the checklist, shows facts only. Every object the graph
 * draws is inspected at every such moment of every lesson: no value
 * contains the question's answer, its explanation or its tell-tale names.
 */
describe('the inspector holds back what is about to happen', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: no inspector text answers an open question`, () => {
      const r = app().do('openLesson', { id: lesson.id }).expectOk();
      let guard = 0;
      while (r.state.cursor < r.state.entries.length || openQuestion(r.state) !== null) {
        const open = openQuestion(r.state);
        const ask = open === null ? undefined : r.state.entries[open - 1]?.ask;
        if (ask || r.state.cursor === 0) {
          expect(selectHeldBack(r.state)).toBe(true);
          const world = selectWorld(r.state);
          for (const ref of drawnObjects(world)) {
            const rows = inspectorRows(world, ref, true);
            const text = rows.map((x) => `${x.label}: ${x.value}`).join('\n');
            const where = `step ${open ?? 0}, ${ref.kind} ${ref.name}`;
            if (!ask) continue;
            expect(text, where).not.toContain(ask.choices[ask.answer]);
            if (ask.explain) expect(text, where).not.toContain(ask.explain);
            // The inspector's rule, as the checklist's: a value keeps its fact, never "fact: what follows".
            for (const x of rows)
              if (!ROLE_ROWS.has(x.label) && !COLON_NAMES.has(x.label))
                expect(x.value, `${where}: ${x.label} held back`).not.toMatch(/: /);
            const told = rows
              .filter((x) => !ROLE_ROWS.has(x.label))
              .map((x) => `${x.label}: ${x.value}`)
              .join('\n');
            for (const w of tellTales(ask.question, ask.choices, ask.answer))
              expect(told, `${where}: "${w}" of “${ask.choices[ask.answer]}”`).not.toMatch(
                new RegExp(`\\b${w}\\b`, 'i'),
              );
          }
        }
        r.do('next');
        if (++guard > 200) throw new Error('the lesson never ends');
      }
    });
  }
});

describe('each consequence goes, the fact stays', () => {
  const held = (id: string, step: number, ref: { kind: ObjectKind; name: string }, label: string) => {
    const r = app().do('openLesson', { id, step }).expectOk();
    const world = selectWorld(r.state);
    const find = (h: boolean) => inspectorRows(world, ref, h).find((x) => x.label === label)?.value;
    return [find(false), find(true)];
  };

  it('SVR5: a module with no _unload is "(none)" before the reveal, "(none): never unloaded" after', () => {
    expect(held('svr5-no-unload-routine', 1, { kind: 'module', name: 'lp' }, '_unload')).toEqual([
      '(none): never unloaded',
      '(none)',
    ]);
  });

  it('SVR5: a static module is "yes, by static", and why it stays only after the reveal', () => {
    expect(held('svr5-unload-all', 6, { kind: 'module', name: 'kd' }, 'Loaded')).toEqual([
      'yes, by static: linked into the kernel at boot',
      'yes, by static',
    ]);
  });

  it('SVR5: an instance changed by CFG_MODIFY keeps the count; the new key follows after the reveal', () => {
    expect(held('svr5-modify-verify', 5, { kind: 'device', name: 'hsnet0' }, 'Hardware parameters')).toEqual([
      'changed by CFG_MODIFY (1 time): a new resource manager key',
      'changed by CFG_MODIFY (1 time)',
    ]);
  });
});
