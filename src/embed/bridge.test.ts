import { describe, expect, it } from 'vitest';
import { createVisualizer, type Visualizer } from '../store';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { connectHost, respond, type Out } from './bridge';
import { holdMessages, EARLY_LIMIT, notAllowed, type Origins } from './params';

/**
 * Every reply of the control API (docs/embed.md, "Replies"): each host
 * message gets exactly one, `ok` with the state it left or `error` with a
 * reason, repeating its `id`.
 */

const windows = () => createVisualizer({ scenario: BUILT_IN_SCENARIOS['windows-default'] });
const ask = (v: Visualizer, m: unknown) => respond(v, m, () => undefined);

describe('the reply to each message', () => {
  it('is ok with the state it left, repeating the id and naming the message', async () => {
    const v = windows();
    const r = await ask(v, { type: 'goto', step: 3, id: 'a1' });
    expect(r).toMatchObject({
      type: 'ok',
      id: 'a1',
      to: 'goto',
      state: { step: 3, steps: 9, os: 'windows' },
    });
    expect(r).not.toHaveProperty('note');
    expect(await ask(v, { type: 'step', delta: -1, id: 2 })).toMatchObject({ id: 2, state: { step: 2 } });
    expect(await ask(v, { type: 'step' })).toMatchObject({ type: 'ok', state: { step: 3 } });
    expect(await ask(v, { type: 'getState', id: 'g' })).toMatchObject({
      type: 'ok',
      id: 'g',
      state: { step: 3 },
    });
    expect(await ask(v, { type: 'play', id: 'p' })).toMatchObject({ type: 'ok', state: { playing: true } });
    expect(await ask(v, { type: 'pause', id: 'q' })).toMatchObject({ type: 'ok', state: { playing: false } });
  });

  it('says when a step past either end was clamped: ok, at the step shown, with a note', async () => {
    const v = windows();
    expect(await ask(v, { type: 'goto', step: 999, id: 1 })).toMatchObject({
      type: 'ok',
      id: 1,
      state: { step: 9 },
      note: 'step 999 is not a step of this session (0 to 9); showing step 9',
    });
    expect(await ask(v, { type: 'goto', step: -1 })).toMatchObject({
      state: { step: 0 },
      note: /step -1 .* showing step 0/,
    });
    expect(await ask(v, { type: 'step', delta: 1000 })).toMatchObject({
      state: { step: 9 },
      note: 'delta 1000 from step 0 is not a step of this session (0 to 9); showing step 9',
    });
    expect(await ask(v, { type: 'step', delta: -1 })).not.toHaveProperty('note');
    expect(await ask(v, { type: 'dispatch', action: { do: 'goTo', step: 50 } })).toMatchObject({
      note: /step 50 .* showing step 9/,
    });
    expect(await ask(v, { type: 'load', scenario: 'svr5-default', step: 99 })).toMatchObject({
      state: { os: 'svr5' },
      note: /step 99 .* showing step/,
    });
  });

  it('answers a refused kernel action with error, its status and reason; the refusal is a step, as a click makes it', async () => {
    const v = windows();
    const r = await ask(v, { type: 'dispatch', id: 'x', action: { do: 'closeHandle', handle: 'nope' } });
    expect(r).toMatchObject({
      type: 'error',
      cause: 'refused',
      id: 'x',
      to: 'dispatch',
      state: { step: 10, steps: 10 },
    });
    if (r.type !== 'error') throw new Error('expected an error');
    expect(r.status).toMatch(/^STATUS_/);
    expect(r.status).not.toBe('STATUS_SUCCESS');
    expect(r.reason).toBeTruthy();
    expect(r.message).toContain(`closeHandle: ${r.status}: ${r.reason}`);
  });

  it('answers a kernel action that goes through with ok', async () => {
    const v = windows();
    const r = await ask(v, { type: 'dispatch', id: 'y', action: { do: 'stopDriver', driver: 'Beep' } });
    expect(r).toMatchObject({ type: 'ok', id: 'y', state: { step: 10, status: 'STATUS_SUCCESS' } });
  });

  it('loads: an id, at the step asked for; without a scenario, a clear error', async () => {
    const v = windows();
    expect(await ask(v, { type: 'load', scenario: 'svr5-default', step: 1, id: 'l' })).toMatchObject({
      type: 'ok',
      id: 'l',
      state: { os: 'svr5', step: 1 },
    });
    const none = await ask(v, { type: 'load', id: 'n' });
    expect(none).toMatchObject({
      type: 'error',
      cause: 'message',
      id: 'n',
      to: 'load',
      message: expect.stringMatching(
        /"scenario" is missing; give a built-in id like "windows-default"/,
      ) as unknown,
    });
    expect(v.getState().os).toBe('svr5');
  });

  it('takes a built-in id in dispatch loadScenario, as load does', async () => {
    const v = windows();
    expect(
      await ask(v, { type: 'dispatch', action: { do: 'loadScenario', scenario: 'svr5-default' } }),
    ).toMatchObject({ type: 'ok', state: { os: 'svr5' } });
    const bad = await ask(v, { type: 'dispatch', action: { do: 'loadScenario', scenario: 'nope' } });
    expect(bad).toMatchObject({ type: 'error', message: /no built-in scenario "nope"/ });
  });

  it('opens a lesson at a step and selects an object', async () => {
    const v = windows();
    expect(
      await ask(v, { type: 'dispatch', action: { do: 'openLesson', id: 'leaked-handle', step: 2 } }),
    ).toMatchObject({ type: 'ok', state: { step: 2, steps: 5 } });
    expect(
      await ask(v, { type: 'dispatch', action: { do: 'select', ref: { kind: 'driver', name: 'Leaky' } } }),
    ).toMatchObject({ type: 'ok' });
    expect(v.getState().selection).toEqual({ kind: 'driver', name: 'Leaky' });
    expect(await ask(v, { type: 'dispatch', action: { do: 'select', ref: 'driver:x' } })).toMatchObject({
      type: 'error',
      message: /select: expected \{ ref: \{ kind, name \} \| null \}/,
    });
  });

  it('opens a lesson at a question step with the question asked, as its address does; the reveal shows it', async () => {
    const v = windows();
    const r = await ask(v, {
      type: 'dispatch',
      action: { do: 'openLesson', id: 'leaked-handle', step: 3 },
      id: 'q',
    });
    expect(r).toMatchObject({
      type: 'ok',
      id: 'q',
      state: {
        step: 2,
        question: {
          step: 3,
          question: 'A handle is still open. Does Unload run now?',
          choices: expect.arrayContaining([expect.any(String)]) as unknown,
        },
      },
    });
    expect(r, 'the step asked for is the one shown asked: no note').not.toHaveProperty('note');
    expect(JSON.stringify(r), 'never the answer').not.toMatch(/"answer"|explain/);
    // The checklist a host hears holds back too: a question is open.
    const held = r.type === 'ok' ? r.state.checklist.map((c) => c.summary).join() : '';
    expect(held).toMatch(/^Not met: /);
    expect(held).not.toContain('sc stop');
    const revealed = await ask(v, { type: 'dispatch', action: { do: 'next' } });
    expect(revealed).toMatchObject({ type: 'ok', state: { step: 3, question: null } });
    // An answer from the host's readers: the next question, asked, then answered with a choice.
    expect(await ask(v, { type: 'dispatch', action: { do: 'next' } })).toMatchObject({
      state: { step: 3, question: { step: 4 } },
    });
    expect(await ask(v, { type: 'dispatch', action: { do: 'answer', choice: 1 } })).toMatchObject({
      state: { step: 4, question: null },
    });
    expect(v.getState().lesson?.answers[4]).toMatchObject({ choice: 1 });
    // `ask: false`: the step itself, answered.
    expect(
      await ask(v, {
        type: 'dispatch',
        action: { do: 'openLesson', id: 'leaked-handle', step: 3, ask: false },
      }),
    ).toMatchObject({ state: { step: 3, question: null } });
  });

  it('answers setTheme, highlight and a lesson past its last step', async () => {
    const v = windows();
    let chosen = '';
    expect(await respond(v, { type: 'setTheme', theme: 'dark', id: 't' }, (t) => (chosen = t))).toMatchObject(
      {
        type: 'ok',
        id: 't',
        to: 'setTheme',
      },
    );
    expect(chosen).toBe('dark');
    const lit = await ask(v, {
      type: 'dispatch',
      action: { do: 'highlight', refs: [{ kind: 'handle', name: 'h1' }], mode: 'pin' },
    });
    expect(lit).toMatchObject({ type: 'ok' });
    expect(v.getState().highlight).toEqual([{ kind: 'handle', name: 'h1' }]);
    // Past the end: the last step, whose question is asked (as the address ?lesson=leaked-handle&step=40 does).
    expect(
      await ask(v, { type: 'dispatch', action: { do: 'openLesson', id: 'leaked-handle', step: 40 } }),
    ).toMatchObject({
      type: 'ok',
      state: { step: 4, question: { step: 5 } },
      note: /step 40 .* showing step 4, step 5’s question asked/,
    });
    expect(
      await ask(v, {
        type: 'dispatch',
        action: { do: 'openLesson', id: 'leaked-handle', step: 40, ask: false },
      }),
    ).toMatchObject({ type: 'ok', state: { step: 5, question: null }, note: /step 40 .* showing step 5$/ });
    expect(await ask(v, { type: 'dispatch', action: { do: 'openLesson', id: 'nope' } })).toMatchObject({
      type: 'error',
      cause: 'message',
      message: /no lesson "nope"/,
    });
  });

  it('answers a message that does not check with error, repeating a usable id only', async () => {
    const v = windows();
    expect(await ask(v, { type: 'goto', step: 'x', id: 'q1' })).toMatchObject({
      type: 'error',
      cause: 'message',
      id: 'q1',
    });
    expect(await ask(v, 'goto 3')).toMatchObject({ type: 'error', message: /expected a message object/ });
    expect(await ask(v, { type: 'jump', id: 'x'.repeat(201) })).not.toHaveProperty('id');
    expect(await ask(v, { type: 'jump', id: Number.NaN })).not.toHaveProperty('id');
  });
});

/** A message event as a window receives it (Node's MessageEvent takes only a MessagePort as its source). */
const message = (data: unknown, origin: string, source: unknown) =>
  Object.assign(new Event('message'), { data, origin, source }) as MessageEvent;

/** A page around a frame, and the frame's window, as the bridge sees them. */
function windowsPair() {
  const sent: { data: Out & { source: string }; target: string }[] = [];
  const host = {
    postMessage: (data: never, target: string) => sent.push({ data, target }),
  } as unknown as Window;
  const self = new EventTarget() as unknown as Window;
  const post = (data: unknown, origin = 'https://docs.test') =>
    self.dispatchEvent(message(data, origin, host));
  return { sent, host, self, post };
}
const DOCS: Origins = { any: false, list: ['https://docs.test'] };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the frame’s link to its host', () => {
  it('answers messages sent before it listened, after ready, in order; reports parameters it could not use', async () => {
    const v = windows();
    const w = windowsPair();
    const early = holdMessages(w.self, DOCS);
    w.post({ type: 'goto', step: 2, id: 1 });
    w.post({ type: 'step', id: 2 });
    w.post({ type: 'nonsense', id: 3 });
    connectHost(v, {
      host: w.host,
      self: w.self,
      origins: DOCS,
      setTheme: () => undefined,
      early: early.take(),
      notices: ['theme=purple is not one of light, dark, auto; using auto.'],
    });
    await settle();
    const types = w.sent.map((s) => [s.data.type, 'id' in s.data ? s.data.id : undefined]);
    expect(types[0]).toEqual(['ready', undefined]);
    expect(w.sent[0]?.data).toMatchObject({
      notices: ['theme=purple is not one of light, dark, auto; using auto.'],
    });
    expect(w.sent[1]?.data).toMatchObject({ type: 'error', cause: 'address', message: /theme=purple/ });
    const replies = w.sent.filter((s) => s.data.type === 'ok' || s.data.type === 'error').slice(1);
    expect(replies.map((s) => [s.data.type, 'id' in s.data ? s.data.id : null])).toEqual([
      ['ok', 1],
      ['ok', 2],
      ['error', 3],
    ]);
    expect(replies[1]?.data).toMatchObject({ state: { step: 3 } });
  });

  it('a load at a step is one state, the step asked for (not the latest first)', async () => {
    const v = windows();
    const w = windowsPair();
    connectHost(v, { host: w.host, self: w.self, origins: DOCS, setTheme: () => undefined });
    w.sent.length = 0;
    w.post({ type: 'load', scenario: 'svr5-default', step: 2, id: 'L' });
    await settle();
    expect(w.sent.map((s) => s.data.type)).toEqual(['state', 'ok']);
    expect(w.sent[0]?.data).toMatchObject({ os: 'svr5', step: 2 });
  });

  it('tells once per origin that a page it does not allow tried to drive it, and answers it nothing', async () => {
    const v = windows();
    const w = windowsPair();
    const told: string[] = [];
    connectHost(v, {
      host: w.host,
      self: w.self,
      origins: DOCS,
      setTheme: () => undefined,
      forbidden: (o) => told.push(o),
    });
    w.sent.length = 0;
    w.post({ type: 'goto', step: 2 }, 'https://evil.test');
    w.post({ type: 'goto', step: 3 }, 'https://evil.test');
    await settle();
    expect(told).toEqual(['https://evil.test']);
    expect(w.sent).toEqual([]);
    expect(v.getState().cursor).toBe(9);
    expect(notAllowed('https://evil.test', DOCS)).toMatch(/add origins=https:\/\/evil.test/);
  });

  it('tells the host of a fault (an action that threw in the door, a part not drawn), with no id; nothing changes', () => {
    const v = windows();
    const w = windowsPair();
    const link = connectHost(v, { host: w.host, self: w.self, origins: DOCS, setTheme: () => undefined });
    w.sent.length = 0;
    const args = {
      get os(): string {
        throw new Error('a fault in the door');
      },
    };
    expect(v.run('switchOs', args)).toMatchObject({ ok: false, fault: true });
    link.fault('The graph could not be drawn: boom');
    expect(w.sent.map((s) => s.data)).toEqual([
      {
        source: 'unload-lens',
        type: 'error',
        cause: 'fault',
        message: 'the action "switchOs" threw: a fault in the door',
      },
      { source: 'unload-lens', type: 'error', cause: 'fault', message: 'The graph could not be drawn: boom' },
    ]);
    expect(v.getState().cursor).toBe(9);
    // Disconnected, it tells nothing more.
    link.dispose();
    v.run('switchOs', args);
    expect(w.sent).toHaveLength(2);
  });

  it('answers at once, with an error, what comes past the early limit', () => {
    const w = windowsPair();
    const replies: unknown[] = [];
    const source = { postMessage: (m: unknown) => replies.push(m) };
    holdMessages(w.self, DOCS);
    for (let i = 0; i <= EARLY_LIMIT; i++) {
      w.self.dispatchEvent(message({ type: 'getState', id: i }, 'https://docs.test', source));
    }
    expect(replies).toEqual([
      expect.objectContaining({
        type: 'error',
        id: EARLY_LIMIT,
        message: expect.stringMatching(/wait for "ready"/) as unknown,
      }),
    ]);
  });
});
