import { describe, expect, it } from 'vitest';
import { createVisualizer } from '../store';
import { classCommands, NOTHING_SENT, sentFrom, type Sent } from './follow';
import { applyCommand, EMPTY_CLASS, viewOf, type ClassCommand, type ClassState } from './session';

/** The teacher's presenter window, a real lesson driven by its own commands; what it sends, applied as the server would. */
function teacher() {
  const v = createVisualizer({ theme: 'light' });
  expect(v.execute('openLesson', { id: 'leaked-handle' }).ok).toBe(true);
  let sent: Sent = NOTHING_SENT;
  let server: ClassState = EMPTY_CLASS;
  const all: ClassCommand[] = [];
  const sync = () => {
    const r = classCommands(v.getState(), sent);
    sent = r.sent;
    for (const c of r.commands) {
      const done = applyCommand(server, { role: 'teacher' }, c);
      if (!done.ok) throw new Error(done.error);
      server = done.value;
      all.push(c);
    }
    return r.commands;
  };
  return { v, sync, server: () => server, all };
}

describe('the teacher window tells the class', () => {
  it('the lesson (question steps and choices, never answers), each step, the open question, then its reveal', () => {
    const t = teacher();
    const steps = t.v.getState().entries;
    const first = t.sync();
    expect(first[0]).toMatchObject({ type: 'lesson', lesson: 'leaked-handle', steps: steps.length });
    expect(JSON.stringify(first)).not.toMatch(/answer/);
    const q = steps.findIndex((e) => e.ask) + 1;
    while (t.v.getState().cursor < q - 1) {
      t.v.execute('next');
      t.sync();
    }
    expect(t.server()).toMatchObject({ step: q - 1, asking: null });
    t.v.execute('next'); // asks
    expect(t.sync()).toEqual([{ type: 'ask', step: q }]);
    expect(t.sync()).toEqual([]);
    t.v.execute('next'); // reveals, moving onto the step
    const reveal = t.sync();
    expect(reveal).toEqual([
      { type: 'reveal', step: q, answer: steps[q - 1]?.ask?.answer },
      { type: 'step', step: q },
    ]);
    expect(t.server()).toMatchObject({ step: q, asking: null, revealed: { [q]: steps[q - 1]?.ask?.answer } });
  });

  it('a restart (R) starts the class afresh; a reconnect sends only what the server lacks', () => {
    const t = teacher();
    t.sync();
    const q = t.v.getState().entries.findIndex((e) => e.ask) + 1;
    t.v.execute('goTo', { step: q - 1 });
    t.v.execute('next');
    t.v.execute('next');
    t.sync();
    t.v.execute('restartLesson');
    expect(t.sync()[0]).toMatchObject({ type: 'lesson' });
    expect(t.server()).toMatchObject({ step: 0, revealed: {} });
    expect(classCommands(t.v.getState(), sentFrom(viewOf(t.server()))).commands).toEqual([]);
  });
});
