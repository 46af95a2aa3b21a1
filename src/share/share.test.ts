import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { defaultScenarioSource } from '../scenarios/load';
import { app } from '../store/testing';
import { stepFromParam } from './link';
import { scenarioFromParam } from './source';
import { openQuestion } from '../lessons/commands';
import { LESSON_SCENARIOS } from '../scenarios/lessons';
import { appLinkParams, appLinkTo, linkParams } from './makeLink';
import { openFromParams } from './open';
import { LINK_FORMAT, packScenario, unpackScenario } from './pack';
import { builtInIdOf, sessionScenario } from './scenario';

const fallback = defaultScenarioSource('windows');
const open = (query: Record<string, string>) =>
  openFromParams(new URLSearchParams(query), { fallback, resolve: scenarioFromParam });
const statuses = (s: { entries: readonly { status: string }[] }) => s.entries.map((e) => e.status);

describe('a packed scenario', () => {
  it('comes back as it went', () => {
    const packed = packScenario(fallback);
    expect(packed).toMatch(/^~1\.[A-Za-z0-9_-]+$/);
    expect(unpackScenario(packed)).toEqual({ ok: true, scenario: fallback });
  });

  it('from a newer build says which link format it is and which this build reads', () => {
    const r = unpackScenario(`~${LINK_FORMAT + 1}.abc`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/newer Unload Lens \(link format 2\); this build reads link format 1/);
  });

  it('cut short or changed says it is damaged, never throws', () => {
    const packed = packScenario(fallback);
    for (const bad of [packed.slice(0, 40), `${packed}!`, '~1.', '~x.abc', '~1.AAAA']) {
      const r = unpackScenario(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/damaged/);
    }
  });
});

describe('the session as a scenario', () => {
  it('is the built-in file while nothing changed, and names it by id', () => {
    for (const [id, source] of Object.entries(BUILT_IN_SCENARIOS)) {
      const run = app({ scenario: source });
      expect(builtInIdOf(run.state)).toBe(id);
      expect(linkParams(run.state).scenario).toBe(id);
      run.do('undo');
      expect(builtInIdOf(run.state), 'travelling in time keeps the scenario').toBe(id);
    }
  });

  it('goes its own way after a step of its own, and travels packed', async () => {
    const run = app({ scenario: fallback }).do('stopDriver', { driver: 'Beeper' }).expectOk();
    expect(builtInIdOf(run.state)).toBeNull();
    const { scenario, step } = linkParams(run.state);
    expect(scenario.startsWith('~1.')).toBe(true);
    const reopened = (await open({ scenario, step })).visualizer.getState();
    expect(reopened.cursor).toBe(run.state.cursor);
    expect(statuses(reopened)).toEqual(statuses(run.state));
    expect(sessionScenario(reopened)).toEqual(sessionScenario(run.state));
  });

  it('keeps narration and questions', () => {
    const s = sessionScenario(app({ scenario: fallback }).state);
    expect(s.steps.filter((st) => 'say' in st).length).toBeGreaterThan(0);
  });
});

describe('opening an address', () => {
  it('lands on the step it names, with the scenario it names', async () => {
    const { visualizer, notices } = await open({ scenario: 'svr5-default', step: '2' });
    expect(notices).toEqual([]);
    expect(visualizer.getState().os).toBe('svr5');
    expect(visualizer.getState().cursor).toBe(2);
  });

  it('with a damaged scenario says so and shows the default scenario', async () => {
    const { visualizer, notices } = await open({ scenario: '~1.Zm9v', step: '3' });
    expect(notices.join(' ')).toMatch(/cannot be opened: .*damaged.*default scenario/);
    expect(visualizer.getState().title).toBe((fallback as { title: string }).title);
    expect(visualizer.getState().cursor, 'the step of another scenario is not applied').toBe(
      visualizer.getState().entries.length,
    );
  });

  it('with an unknown built-in id names the ones there are', async () => {
    const { notices } = await open({ scenario: 'windows-defualt' });
    expect(notices.join(' ')).toMatch(
      /no built-in scenario "windows-defualt" \(this build has windows-default/,
    );
  });

  it('with a packed scenario that does not parse says where and why', async () => {
    const packed = packScenario({
      format: 'unload-scenario/1',
      title: 'x',
      os: 'windows',
      steps: [{ do: 'nope' }],
    });
    const { notices, visualizer } = await open({ scenario: packed });
    expect(notices.join(' ')).toMatch(/steps\[0\]/);
    expect(visualizer.getState().entries.length).toBeGreaterThan(0);
  });

  it('with a step past the end or not a number shows the latest step and says so', async () => {
    expect((await open({ scenario: 'windows-default', step: '99' })).notices.join(' ')).toMatch(
      /showing step \d+, not 99/,
    );
    expect((await open({ scenario: 'windows-default', step: 'two' })).notices.join(' ')).toMatch(
      /not a step number/,
    );
    expect(stepFromParam('0')).toEqual({ step: 0 });
    expect((await scenarioFromParam('windows-default')).ok).toBe(true);
    expect((await scenarioFromParam('clean-stop')).ok).toBe(true);
  });
});

describe('a link from a lesson keeps the lesson (issue 17)', () => {
  const openApp = (query: Record<string, string>) =>
    openFromParams(new URLSearchParams(query), { fallback, resolve: scenarioFromParam, asLesson: true });

  it('a built-in lesson: ?lesson=…&step=N, not the bare scenario', () => {
    const run = app().do('openLesson', { id: 'outstanding-irp', step: 2 }).expectOk();
    expect(appLinkParams(run.state)).toEqual({ lesson: 'outstanding-irp', step: '2' });
    expect(appLinkTo('http://x.test/app/?os=svr5', run.state)).toBe(
      'http://x.test/app/?lesson=outstanding-irp&step=2',
    );
  });

  it('a built-in lesson on a branch: the lesson and the step the branch left from', () => {
    const run = app().do('openLesson', { id: 'leaked-handle', step: 2 }).expectOk();
    run.do('closeHandle', { handle: 'h1' }).expectOk();
    expect(appLinkParams(run.state)).toEqual({ lesson: 'leaked-handle', step: '2' });
  });

  it('an imported lesson travels packed with its questions and narration, and opens asking them', async () => {
    const file = { ...(LESSON_SCENARIOS['svr5-busy-while-open'] as object), title: 'My copy' };
    const run = app().do('loadLesson', { scenario: file, name: 'my-copy' }).expectOk().do('next');
    const params = appLinkParams(run.state);
    expect(params.scenario?.startsWith('~1.')).toBe(true);
    expect(params.step).toBe('1');
    const opened = (await openApp(params)).visualizer;
    const s = opened.getState();
    expect(s.lesson).toMatchObject({ origin: 'imported', answers: {} });
    expect(s.cursor).toBe(1);
    expect(s.entries.map((e) => e.say)).toEqual(run.state.entries.map((e) => e.say));
    expect(s.entries.map((e) => e.ask)).toEqual(run.state.entries.map((e) => e.ask));
    // Stepping on reaches a question: it is asked, not shown.
    let guard = 0;
    while (openQuestion(opened.getState()) === null && guard++ < 20) opened.execute('next');
    expect(openQuestion(opened.getState())).not.toBeNull();
  });

  it('an imported lesson on a branch carries its own steps, at the step the branch left from', async () => {
    const file = { ...(LESSON_SCENARIOS['leaked-handle'] as object), title: 'Mine' };
    const run = app().do('loadLesson', { scenario: file, name: 'mine' }).do('goTo', { step: 2 });
    run.do('closeHandle', { handle: 'h1' }).expectOk();
    expect(run.state.lesson?.branchFrom).toBe(2);
    const params = appLinkParams(run.state);
    expect(params.step).toBe('2');
    const s = (await openApp(params)).visualizer.getState();
    expect(s.entries).toHaveLength(run.state.lesson?.steps.length ?? -1);
    expect(s.entries.filter((e) => e.ask)).toHaveLength(3);
  });

  it('a recorded lesson (questions written in the editor) opens as a lesson', async () => {
    const ask = { question: 'Does it stop?', choices: ['Yes', 'No'], answer: 0 };
    const run = app({ scenario: fallback }).do('stopDriver', { driver: 'Beeper' }).expectOk();
    run.do('annotateStep', { step: run.state.entries.length, ask }).expectOk();
    expect(run.state.lesson).toBeNull();
    const s = (await openApp(appLinkParams(run.state))).visualizer.getState();
    expect(s.lesson).not.toBeNull();
    expect(s.entries.at(-1)?.ask).toEqual(ask);
  });

  it('without asLesson (an embed) a scenario that asks opens plain', async () => {
    const run = app().do('openLesson', { id: 'leaked-handle' }).expectOk();
    const s = (await open({ scenario: linkParams(run.state).scenario })).visualizer.getState();
    expect(s.lesson).toBeNull();
  });
});
