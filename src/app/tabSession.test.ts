import { describe, expect, it } from 'vitest';
import { openQuestion } from '../lessons/commands';
import { scoreOf } from '../lessons/state';
import { defaultScenarioSource } from '../scenarios/load';
import { createVisualizer, type Visualizer } from '../store';
import { app } from '../store/testing';
import * as links from '../share/makeLink';
import { keepTab, readTab, resumeTab } from './tabSession';
import { viewAddress } from './viewAddress';

/** One browser tab's sessionStorage and address, reloaded as often as asked (no DOM needed). */
function tab(search: string) {
  const store = new Map<string, string>();
  const listeners: (() => void)[] = [];
  const win = {
    location: { search },
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
    addEventListener: (type: string, l: () => void) => {
      if (type === 'pagehide') listeners.push(l);
    },
    removeEventListener: () => {},
    setTimeout: (fn: () => void) => {
      fn();
      return 0;
    },
  };
  return {
    win: win as unknown as Window,
    store,
    /** The page goes (F5): pagehide, then the tab keeps its storage. */
    leave: () => listeners.splice(0).forEach((l) => l()),
  };
}

/** A page load of the app on `search` (a lesson address opens its lesson, as main.tsx does). */
function load(search: string): Visualizer {
  const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
  const p = new URLSearchParams(search);
  const id = p.get('lesson');
  if (id) v.execute('openLesson', { id, step: Number(p.get('step') ?? 0) });
  return v;
}

describe('a reload of the same tab (a clicker’s F5)', () => {
  it('comes back in presenter mode, at the same step, with the score, unasked', async () => {
    const t = tab('?lesson=leaked-handle&step=3');
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 }).do('togglePresenter');
    keepTab(r.visualizer, links, t.win);
    r.do('next').do('answer', { choice: 1 }).do('biggerText');
    expect(r.state.cursor).toBe(3);
    t.leave();

    const again = load(t.win.location.search);
    expect(again.getState().classroom.presenter).toBe(false);
    const { resumed, problems } = await resumeTab(again, t.win);
    expect(problems).toEqual([]);
    expect(resumed).toBe(true);
    const s = again.getState();
    expect(s.classroom.presenter).toBe(true);
    expect(s.classroom.fontScale).toBe(r.state.classroom.fontScale);
    expect(s.cursor).toBe(3);
    expect(scoreOf(s.lesson)).toEqual({ right: 1, answered: 1, asked: 1 });
    // The answered question is not asked again; the next one is.
    again.execute('next');
    expect(openQuestion(again.getState())).toBe(4);
  });

  it('with a question open, comes back AT the question, asked, the focus on the same choice', async () => {
    const t = tab('?lesson=leaked-handle&step=3');
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 }).do('togglePresenter');
    keepTab(r.visualizer, links, t.win);
    r.do('next').do('next').do('next').do('pointChoice', { choice: 1 }).expectOk();
    expect(openQuestion(r.state)).toBe(4);
    const score = scoreOf(r.state.lesson);
    // The address the view wrote names the asked step (src/lessons/address.ts).
    (t.win.location as { search: string }).search = '?lesson=leaked-handle&step=4';
    t.leave();

    // The page opens the address as main.tsx does: the question asked, with nothing of the score.
    const again = createVisualizer({ scenario: defaultScenarioSource('windows') });
    again.execute('openLesson', { id: 'leaked-handle', step: 4, ask: true });
    const { resumed, problems } = await resumeTab(again, t.win);
    expect(problems).toEqual([]);
    expect(resumed).toBe(true);
    const s = again.getState();
    expect(s.cursor).toBe(3);
    expect(openQuestion(s), 'asked, not one step before it with the question closed').toBe(4);
    expect(s.lesson?.asking?.choice).toBe(1);
    expect(scoreOf(s.lesson)).toEqual(score);
    // The next press reveals it (it is not asked a second time).
    again.execute('next');
    expect(again.getState()).toMatchObject({ cursor: 4 });
    expect(again.getState().lesson?.answers[4]).toEqual({ choice: null, correct: false });
  });

  it('a recorded lesson’s address names the asked step too, and a reload asks it', async () => {
    const lesson = defaultScenarioSource('windows') as { steps: Record<string, unknown>[] };
    const steps = lesson.steps.map((st, i) =>
      i === 2 ? { ...st, ask: { question: 'What now?', choices: ['This', 'That'], answer: 1 } } : st,
    );
    const r = app().do('loadLesson', { scenario: { ...lesson, steps }, name: 'ours.json' });
    r.do('goTo', { step: 2 }).do('next');
    expect(openQuestion(r.state)).toBe(3);
    const at = viewAddress(r.state, links);
    expect(at.step).toBe('3');
    const t = tab(`?scenario=${at.scenario}&step=3`);
    r.do('togglePresenter').do('pointChoice', { choice: 1 });
    keepTab(r.visualizer, links, t.win);
    t.leave();
    const again = createVisualizer({ scenario: defaultScenarioSource('windows') });
    expect(await resumeTab(again, t.win)).toEqual({ resumed: true, problems: [] });
    expect(openQuestion(again.getState())).toBe(3);
    expect(again.getState().lesson?.asking?.choice).toBe(1);
  });

  it('a new lesson link in the same tab opens fresh, and a projected tab stays projected', async () => {
    const t = tab('?lesson=leaked-handle&step=3');
    const r = app().do('openLesson', { id: 'leaked-handle', step: 2 }).do('togglePresenter');
    keepTab(r.visualizer, links, t.win);
    r.do('next').do('answer', { choice: 1 });
    t.leave();
    (t.win.location as { search: string }).search = '?lesson=svr5-busy-while-open&step=0';
    const again = load(t.win.location.search);
    const { resumed } = await resumeTab(again, t.win);
    expect(resumed).toBe(false);
    const s = again.getState();
    expect(s.lesson?.id).toBe('svr5-busy-while-open');
    expect(s.cursor).toBe(0);
    expect(s.lesson?.answers).toEqual({});
    expect(s.classroom.presenter).toBe(true);
  });

  it('outside presenter mode nothing comes back unasked (the work keeper offers it, as before)', async () => {
    const t = tab('?lesson=outstanding-irp&step=3');
    const r = app().do('openLesson', { id: 'outstanding-irp', step: 2 });
    keepTab(r.visualizer, links, t.win);
    r.do('next').do('answer', { choice: 0 });
    t.leave();
    const again = load(t.win.location.search);
    expect(await resumeTab(again, t.win)).toEqual({ resumed: false, problems: [] });
    expect(again.getState()).toMatchObject({ cursor: 3, classroom: { presenter: false } });
    expect(again.getState().lesson?.answers).toEqual({});
  });

  it('nothing kept, or damaged, is nothing to resume', async () => {
    const t = tab('');
    expect(await resumeTab(load(''), t.win)).toEqual({ resumed: false, problems: [] });
    t.store.set('unload-lens.tab', '{not json');
    expect(await resumeTab(load(''), t.win)).toEqual({ resumed: false, problems: [] });
    expect(readTab('{"format":2}')).toBeNull();
  });
});

describe('what was open and half-typed, across a reload of the same address', () => {
  const half = { question: 'Does it load?', choices: 'Yes', answer: 0, explain: '', rule: '' };

  it('comes back: the editor, its incomplete question, the palette, the log filter', async () => {
    const t = tab('?scenario=windows-default&step=9');
    const r = app({ scenario: defaultScenarioSource('windows') });
    keepTab(r.visualizer, links, t.win);
    const action = r.state.entries[0]?.action;
    r.do('togglePalette')
      .do('setLogFilter', { text: 'Beep' })
      .do('toggleEditor')
      .do('keepDraft', { step: 1, for: JSON.stringify(action), draft: half });
    t.leave();

    const again = load(t.win.location.search);
    expect(await resumeTab(again, t.win)).toEqual({ resumed: false, problems: [] });
    const s = again.getState();
    expect(s.classroom.editorOpen).toBe(true);
    expect(s.paletteOpen).toBe(true);
    expect(s.typing.logFilter).toBe('Beep');
    expect(s.typing.drafts['1']).toEqual({ for: JSON.stringify(action), draft: half });
  });

  it('stays behind on another address; a damaged draft is dropped, the rest comes back', async () => {
    const t = tab('?scenario=windows-default&step=9');
    const r = app({ scenario: defaultScenarioSource('windows') });
    keepTab(r.visualizer, links, t.win);
    r.do('setLogFilter', { text: 'IRP' });
    t.leave();
    const kept = JSON.parse(t.store.get('unload-lens.tab') ?? '{}') as { open: { drafts: object } };
    kept.open.drafts = { 1: { for: '{}', draft: { question: 7 } }, 2: { for: '{}', draft: half } };
    t.store.set('unload-lens.tab', JSON.stringify(kept));

    const same = load(t.win.location.search);
    await resumeTab(same, t.win);
    expect(same.getState().typing).toEqual({ logFilter: 'IRP', drafts: { 2: { for: '{}', draft: half } } });

    (t.win.location as { search: string }).search = '?lesson=leaked-handle&step=0';
    const other = load(t.win.location.search);
    await resumeTab(other, t.win);
    expect(other.getState().typing).toEqual({ logFilter: '', drafts: {} });
  });
});
