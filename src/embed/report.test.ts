import { describe, expect, it } from 'vitest';
import { explainUnload, kernelFor } from '../kernel/core';
import { openQuestion } from '../lessons/commands';
import { LESSONS } from '../lessons/library';
import { worldAt } from '../store';
import { app } from '../store/testing';
import { stateReport, watchReports } from './report';
import type { StateReport } from './protocol';

/**
 * Issue 17: a host page hears only what the embedded screen may show. While
 * a lesson's question is open (and at step 0), the report's checklist
 * carries facts, never the kernel's summary of what comes next; after the
 * reveal, the summary again.
 */
const text = (r: StateReport) => r.checklist.map((c) => c.summary).join('\n');

describe('the report to a host, in a lesson', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: no question's answer or explanation, no summary of what comes next, before the reveal`, () => {
      const r = app().do('openLesson', { id: lesson.id }).expectOk();
      let guard = 0;
      while (r.state.cursor < r.state.entries.length || openQuestion(r.state) !== null) {
        const open = openQuestion(r.state);
        if (open !== null || r.state.cursor === 0) {
          const report = stateReport(r.state);
          const world = worldAt(r.state);
          const said = text(report);
          // The facts stay: the owners, whether each is unloaded, what blocks it.
          expect(report.checklist.map((c) => c.owner)).toEqual(kernelFor(world).owners(world));
          for (const c of report.checklist) {
            const e = explainUnload(world, c.owner);
            expect(c.unloaded).toBe(e.unloaded);
            expect(c.blocking).toEqual(e.conditions.filter((x) => !x.met).map((x) => x.id));
            expect(said, `step ${r.state.cursor}: ${c.owner}'s summary held back`).not.toContain(e.summary);
          }
          const ask = open === null ? undefined : r.state.entries[open - 1]?.ask;
          if (ask) {
            expect(said).not.toContain(ask.choices[ask.answer]);
            if (ask.explain) expect(said).not.toContain(ask.explain);
          }
          expect(said).not.toContain(lesson.summary);
        }
        r.do('next');
        if (++guard > 200) throw new Error('the lesson never ends');
      }
    });
  }

  it('leaked-handle, last question open: the summary is held back; the reveal brings it, and the host hears it', () => {
    const r = app().do('openLesson', { id: 'leaked-handle', step: 5, ask: true });
    expect(openQuestion(r.state)).toBe(5);
    const world = worldAt(r.state);
    const whole = explainUnload(world, 'Beeper').summary;
    expect(whole).toMatch(/Unload Pending/);
    expect(text(stateReport(r.state))).not.toContain(whole);
    expect(text(stateReport(r.state))).toMatch(/^Not met: Files still open: handle h1/);
    const heard: StateReport[] = [];
    const stop = watchReports(r.visualizer, (x) => heard.push(x));
    r.do('next'); // the reveal: the last step, nothing held back
    const after = explainUnload(worldAt(r.state), 'Beeper').summary;
    expect(text(stateReport(r.state))).toBe(after);
    expect(heard.at(-1)?.checklist[0]?.summary).toBe(after);
    stop();
  });

  it('a plain scenario reports the kernel’s summary, as before', () => {
    const r = app();
    const world = worldAt(r.state);
    const owners = kernelFor(world).owners(world);
    expect(stateReport(r.state).checklist.map((c) => c.summary)).toEqual(
      owners.map((o) => explainUnload(world, o).summary),
    );
  });
});
