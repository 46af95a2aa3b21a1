import { describe, expect, it } from 'vitest';
import { COMMAND_DEFS, KERNEL_ACTIONS } from '../actions/registry';
import { OSES, parseScenario, runScenario } from '../kernel';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { defaultScenarioSource } from '../scenarios/load';
import { selectWorld } from './selectors';
import { app } from './testing';

const windowsDefault = defaultScenarioSource('windows');
/** A world as text (Immutable tables serialise through toJSON): equal text, equal world. */
const snapshotOf = (w: unknown) => JSON.stringify(w);

describe('a visualizer', () => {
  it('loads a scenario through the door into exactly the worlds runScenario gives', () => {
    for (const source of Object.values(BUILT_IN_SCENARIOS)) {
      const parsed = parseScenario(source);
      if (!parsed.ok) throw new Error('built-in scenario invalid');
      const run = runScenario(parsed.scenario);
      const s = app({ scenario: source }).state;
      expect(s.entries.map((e) => snapshotOf(e.world))).toEqual(run.steps.map((r) => snapshotOf(r.world)));
      expect(s.entries.map((e) => e.status)).toEqual(run.steps.map((r) => r.status));
      expect(snapshotOf(s.initial)).toEqual(snapshotOf(run.initial));
      expect(s.cursor).toBe(run.steps.length);
      expect(s.playing, 'a loaded scenario does not animate').toBeNull();
      expect(s.entries.every((e) => e.source === 'scenario')).toBe(true);
    }
  });

  it('keeps each step’s narration and question from the scenario', () => {
    const s = app({
      scenario: {
        format: 'unload-scenario/1',
        title: 't',
        os: 'svr5',
        steps: [
          {
            do: 'registerModule',
            module: 'm',
            ddi: '8',
            say: 'Configure it.',
            ask: { question: 'Loaded?', choices: ['yes', 'no'], answer: 1 },
          },
        ],
      },
    }).state;
    expect(s.entries[0]).toMatchObject({ say: 'Configure it.', ask: { answer: 1 } });
  });

  it('never lets two visualizers affect each other', () => {
    const a = app({ scenario: windowsDefault });
    const b = app({ scenario: windowsDefault });
    a.do('undo')
      .do('select', { ref: { kind: 'driver', name: 'Beep' } })
      .do('toggleTheme')
      .do('setSpeed', { speed: 2 });
    b.do('switchOs', { os: 'svr5' });
    expect(a.state.os).toBe('windows');
    expect(b.state.os).toBe('svr5');
    expect(b.state.stash.windows?.cursor).toBe(a.state.entries.length);
    expect(a.state.selection).toEqual({ kind: 'driver', name: 'Beep' });
    expect(b.state.selection).toBeNull();
    expect([a.state.theme, b.state.theme]).toEqual(['dark', 'light']);
    expect([a.state.speed, b.state.speed]).toEqual([2, 1]);
    // Entry ids and animation nonces are per visualizer, not shared counters.
    a.do('redo');
    expect(a.state.playing?.entryId).toBe(a.state.entries[a.state.cursor - 1]?.id);
  });

  it('answers kernel actions with the kernel’s status and events', () => {
    const r = app({ scenario: windowsDefault })
      .do('stopDriver', { driver: 'Beep' })
      .expectStatus('STATUS_SUCCESS');
    expect(r.outcome.ok && r.outcome.events.map((e) => e.type)).toContain('unloadDeferred');
    expect(r.state.playing).not.toBeNull();
  });

  it('refuses bad input with a message and changes nothing', () => {
    const r = app({ scenario: windowsDefault });
    const before = r.state;
    r.send('nope').expectError('no action "nope"');
    r.send('loadModule', { module: 'm' }).expectError('an SVR5 action');
    r.send('openHandle', { device: 42 }).expectError('device');
    r.send('goTo', { step: 'x' }).expectError('goTo');
    r.send('setSpeed', { speed: 100 }).expectError('0.25 to 8');
    r.send('loadScenario', { scenario: '{"format": 1}' }).expectError('does not parse');
    r.send('select', { ref: { kind: 'alien', name: 'x' } }).expectError('select');
    expect(r.state).toBe(before);
  });

  it('reaches every command and every kernel action through the door', () => {
    const args: Record<string, unknown> = {
      goTo: { step: 1 },
      loadScenario: { scenario: windowsDefault },
      switchOs: { os: 'svr5' },
      select: { ref: null },
      highlight: { refs: [], mode: 'pin' },
      setSpeed: { speed: 2 },
      setTheme: { theme: 'dark' },
      setInstant: { instant: true },
      // The classroom's commands (src/lessons).
      answer: { choice: 1 },
      pointChoice: { choice: 1 },
      openLesson: { id: 'leaked-handle' },
      landAt: { step: 1 },
      loadLesson: { scenario: windowsDefault },
      typeDigit: { digit: 3 },
      setFontScale: { scale: 1.5 },
      newRecording: { os: 'svr5' },
      setLessonInfo: { title: 'T', summary: 'S' },
      annotateStep: { step: 1, say: 'Said.' },
      animationAt: { at: null },
      // Share, export and image (src/share/commands.ts).
      exportImage: { kind: 'png' },
      // What is being typed (src/lessons/typing.ts).
      setLogFilter: { text: 'Beep' },
      keepDraft: {
        step: 1,
        for: '{}',
        draft: { question: 'Q?', choices: 'Yes', answer: 0, explain: '', rule: '' },
      },
    };
    /** Commands that need a state to act on: what to do first. */
    const prepare: Record<string, (r: ReturnType<typeof app>) => void> = {
      redo: (r) => r.do('undo'),
      last: (r) => r.do('undo'),
      next: (r) => r.do('undo'),
      answer: (r) => r.do('openLesson', { id: 'leaked-handle', step: 2 }).do('next'),
      pointChoice: (r) => r.do('openLesson', { id: 'leaked-handle', step: 2 }).do('next'),
      returnToLesson: (r) =>
        r.do('openLesson', { id: 'leaked-handle', step: 2 }).do('closeHandle', { handle: 'h1' }),
      restartLesson: (r) => r.do('openLesson', { id: 'leaked-handle' }),
      goToTyped: (r) => r.do('typeDigit', { digit: 3 }),
      togglePanels: (r) => r.do('togglePresenter'),
    };
    for (const c of COMMAND_DEFS) {
      const r = app({ scenario: windowsDefault });
      prepare[c.id]?.(r);
      r.send(c.id, args[c.id]).expectOk();
    }
    for (const os of OSES)
      for (const k of KERNEL_ACTIONS.filter((a) => a.os === os)) {
        // Found and validated: a missing field is the schema's complaint, not "no action".
        const r = app({ os }).send(k.id, {});
        if (!r.outcome.ok) expect(r.outcome.error).not.toContain('no action');
      }
  });

  it('moves in time and keeps each OS’s session when switching', () => {
    const r = app({ scenario: windowsDefault });
    const n = r.state.entries.length;
    r.do('goTo', { step: 2 });
    expect(r.state.cursor).toBe(2);
    r.do('closeHandle', { handle: 'h1' });
    expect(r.state.entries.length, 'acting in the past drops the redo future').toBeLessThanOrEqual(3);
    r.do('switchOs', { os: 'svr5' }).do('switchOs', { os: 'windows' });
    expect(r.state.cursor).toBe(r.state.entries.length);
    expect(selectWorld(r.state).os).toBe('windows');
    expect(n).toBeGreaterThan(2);
  });

  it('puts back a pinned highlight after a hover ends', () => {
    const pinned = [{ kind: 'handle', name: 'h1' }] as const;
    const r = app({ scenario: windowsDefault })
      .do('highlight', { refs: [...pinned], mode: 'pin' })
      .do('highlight', { refs: [{ kind: 'device', name: 'Beep' }], mode: 'hover' });
    expect(r.state.highlight).toEqual([{ kind: 'device', name: 'Beep' }]);
    r.do('highlight', { refs: [], mode: 'end' });
    expect(r.state.highlight).toEqual(pinned);
  });

  it('lays out once per structural change and keeps the layout when nothing structural changed', () => {
    const r = app({ scenario: windowsDefault });
    const layout = r.state.layout;
    r.do('sendIrp', { handle: 'h1', irp: 'irpX' });
    expect(r.state.layout, 'an IRP is a satellite: no relayout').toBe(layout);
    r.do('loadDriver', { driver: 'New' });
    expect(r.state.layout).not.toBe(layout);
    expect(r.state.layout.positions.has('driver:New')).toBe(true);
  });
});
