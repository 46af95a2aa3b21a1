import { describe, expect, it } from 'vitest';
import { defaultScenarioSource } from '../../scenarios/load';
import { createVisualizer, type Visualizer } from '../../store';
import { app } from '../../store/testing';
import { keepWork, WORK_PREFIX } from './keeper';
import * as link from '../../share/link';
import * as links from '../../share/makeLink';
import { restoreWork } from './restore';
import { readWork, sameView, workCapturer, type SavedWork } from './saved';
import { fakeTab, sharedSite } from './testing';

const capture = (v: Visualizer) => workCapturer(links)(v.getState(), 1);
/** Saved as the keeper saves it (JSON text), read back, and restored into a new visualizer on the default scenario. */
function roundTrip(v: Visualizer): { again: Visualizer; problems: string[]; work: SavedWork } {
  const work = readWork(JSON.parse(JSON.stringify(capture(v))));
  if (!work) throw new Error('saved work does not read back');
  const again = createVisualizer({ scenario: defaultScenarioSource(work.current.os) });
  return { again, problems: restoreWork(again, work, link), work };
}

describe('saved work', () => {
  it('brings back a built-in scenario at its step, with the selection and speed', () => {
    const r = app({ scenario: defaultScenarioSource('svr5') })
      .do('goTo', { step: 3 })
      .do('setSpeed', { speed: 2 })
      .do('select', { ref: { kind: 'module', name: 'asyc' } });
    const { again, problems, work } = roundTrip(r.visualizer);
    expect(problems).toEqual([]);
    expect(work.current.scenario).toBe('svr5-default');
    expect(again.getState()).toMatchObject({ os: 'svr5', cursor: 3, speed: 2 });
    expect(again.getState().selection).toEqual({ kind: 'module', name: 'asyc' });
    expect(sameView(capture(again), work)).toBe(true);
  });

  it('brings back a session that went its own way, and the other OS’s session', () => {
    const r = app({ scenario: defaultScenarioSource('windows') })
      .do('stopDriver', { driver: 'Beep' })
      .expectOk()
      .do('switchOs', { os: 'svr5' })
      .do('goTo', { step: 2 });
    const { again, problems, work } = roundTrip(r.visualizer);
    expect(problems).toEqual([]);
    expect(work.others[0]?.scenario.startsWith('~'), 'the changed session is packed').toBe(true);
    expect(sameView(capture(again), work)).toBe(true);
    again.execute('switchOs', { os: 'windows' });
    expect(again.getState().entries.at(-1)?.action).toEqual({ do: 'stopDriver', driver: 'Beep' });
  });

  it('brings back a lesson: its answers, the branch off it, and the step', () => {
    const r = app()
      .do('openLesson', { id: 'leaked-handle', step: 2 })
      .do('next')
      .do('answer', { choice: 1 })
      .do('closeHandle', { handle: 'h1' })
      .expectOk()
      .do('stopDriver', { driver: 'Beeper' });
    const before = r.state;
    const { again, problems, work } = roundTrip(r.visualizer);
    expect(problems).toEqual([]);
    const s = again.getState();
    expect(s.lesson?.id).toBe('leaked-handle');
    expect(s.lesson?.answers).toEqual(before.lesson?.answers);
    expect(s.lesson?.branchFrom).toBe(before.lesson?.branchFrom);
    expect(s.entries.map((e) => e.action)).toEqual(before.entries.map((e) => e.action));
    expect(s.cursor).toBe(before.cursor);
    expect(sameView(capture(again), work)).toBe(true);
    again.execute('returnToLesson');
    expect(again.getState().entries).toHaveLength(before.lesson?.steps.length ?? -1);
  });

  it('brings back the question open, the focus on its choice; the choice alone is not another view', () => {
    const r = app()
      .do('openLesson', { id: 'leaked-handle', step: 2 })
      .do('next')
      .do('pointChoice', { choice: 2 })
      .expectOk();
    const { again, problems, work } = roundTrip(r.visualizer);
    expect(problems).toEqual([]);
    expect(work.current.lesson?.asking).toEqual({ step: 3, choice: 2 });
    expect(again.getState()).toMatchObject({ cursor: 2, lesson: { asking: { step: 3, choice: 2 } } });
    r.do('pointChoice', { choice: 0 });
    expect(sameView(capture(r.visualizer), work), 'another choice pointed at: the same view').toBe(true);
    r.do('back');
    expect(sameView(capture(r.visualizer), work), 'the question closed: another view').toBe(false);
    // Work an earlier build wrote (no `asking`) still reads: no question open.
    const { asking: _asking, ...older } = work.current.lesson ?? {};
    expect(
      readWork({ ...work, current: { ...work.current, lesson: older } })?.current.lesson?.asking,
    ).toBeNull();
    expect(
      readWork({ ...work, current: { ...work.current, lesson: { ...older, asking: { step: -1 } } } }),
    ).toBeNull();
  });

  it('brings back an imported lesson from its own steps', () => {
    const r = app()
      .do('loadLesson', { scenario: defaultScenarioSource('svr5'), name: 'mine.json' })
      .do('goTo', { step: 4 });
    const { again, problems } = roundTrip(r.visualizer);
    expect(problems).toEqual([]);
    expect(again.getState().lesson).toMatchObject({ id: 'mine.json', origin: 'imported' });
    expect(again.getState().cursor).toBe(4);
  });

  it('says what cannot be brought back, and reads nothing that is not saved work', () => {
    const work = capture(app({ scenario: defaultScenarioSource('windows') }).visualizer);
    const broken = { ...work, current: { ...work.current, scenario: 'no-such-scenario' } };
    const problems = restoreWork(createVisualizer(), broken, link);
    expect(problems.join()).toContain('no built-in scenario "no-such-scenario"');
    for (const bad of [null, 'x', { ...work, format: 99 }, { ...work, current: { os: 'dos' } }, []])
      expect(readWork(bad)).toBeNull();
  });
});

describe('the keeper', () => {
  it('saves as the user works, each load under its own key', () => {
    const site = sharedSite();
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    const keeper = keepWork(v, links, fakeTab(site));
    expect(keeper.saving).toBe(true);
    v.execute('goTo', { step: 2 });
    const keys = [...site.storage.keys()].filter((k) => k.startsWith(WORK_PREFIX));
    expect(keys).toHaveLength(1);
    const kept = JSON.parse(site.storage.get(keys[0] ?? '') ?? '') as { work: SavedWork };
    expect(kept.work.current.cursor).toBe(2);
  });

  it('writes once the page is idle (the first time too), one write for a burst of steps, and at once when the page goes', () => {
    const site = sharedSite();
    const tab = fakeTab(site, { timers: true });
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    keepWork(v, links, tab);
    expect(
      [...site.storage.keys()].some((k) => k.startsWith(WORK_PREFIX)),
      'nothing before the first view',
    ).toBe(false);
    tab.idle();
    const kept = () => {
      const key = [...site.storage.keys()].find((k) => k.startsWith(WORK_PREFIX)) ?? '';
      return JSON.parse(site.storage.get(key) ?? '') as { work: SavedWork; closed: boolean };
    };
    const cursor = kept().work.current.cursor;
    let writes = 0;
    const setItem = site.storage.set.bind(site.storage);
    site.storage.set = (k, value) => (writes++, setItem(k, value));
    v.execute('goTo', { step: 2 });
    v.execute('goTo', { step: 3 });
    v.execute('goTo', { step: 4 });
    expect(kept().work.current.cursor, 'nothing written in the click').toBe(cursor);
    tab.idle();
    expect(kept().work.current.cursor).toBe(4);
    expect(writes).toBe(1);
    v.execute('goTo', { step: 5 });
    tab.close();
    expect(kept().work.current.cursor, 'what was pending is written as the page goes').toBe(5);
    expect(kept().closed).toBe(true);
    tab.idle();
    expect(writes, 'and not again after').toBe(2);
  });

  it('offers the work of a load gone, never that of a tab still open', async () => {
    const site = sharedSite();
    const a = createVisualizer({ scenario: defaultScenarioSource('windows') });
    const tabA = fakeTab(site);
    keepWork(a, links, tabA);
    a.execute('stopDriver', { driver: 'Beep' });
    const b = createVisualizer({ scenario: defaultScenarioSource('svr5') });
    const keptB = keepWork(b, links, fakeTab(site));
    expect(await keptB.offer, 'tab A still lives').toBeNull();
    tabA.close();
    const c = createVisualizer({ scenario: defaultScenarioSource('windows') });
    const keptC = keepWork(c, links, fakeTab(site));
    const offer = await keptC.offer;
    expect(offer?.work.current.steps).toBe(10);
    expect(keptC.restore(offer!)).toEqual([]);
    expect(c.getState().entries.at(-1)?.action).toEqual({ do: 'stopDriver', driver: 'Beep' });
    expect(site.storage.has(offer!.key), 'an offer restored is used up').toBe(false);
  });

  it('asks nothing when the address reopened the very view, and brings its speed back', async () => {
    const site = sharedSite();
    const first = fakeTab(site);
    const a = createVisualizer({ scenario: defaultScenarioSource('windows') });
    keepWork(a, links, first);
    a.execute('setSpeed', { speed: 4 });
    first.close();
    const b = createVisualizer({ scenario: defaultScenarioSource('windows') });
    expect(await keepWork(b, links, fakeTab(site)).offer).toBeNull();
    expect(b.getState().speed).toBe(4);
  });

  it('keeps nothing, and says it saves nothing, when storage is refused', async () => {
    const v = createVisualizer();
    const keeper = keepWork(v, links, fakeTab(sharedSite(), { blocked: true }));
    expect(keeper.saving).toBe(false);
    expect(await keeper.offer).toBeNull();
  });

  it('tells once when saving fails later (storage full)', () => {
    const site = sharedSite();
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    const keeper = keepWork(v, links, fakeTab(site));
    let told = 0;
    keeper.onFailure(() => told++);
    site.full = true;
    v.execute('goTo', { step: 1 });
    v.execute('goTo', { step: 2 });
    expect(keeper.failed()).toBe(true);
    expect(told).toBe(1);
  });

  it('starts saving once the link writer a page loads after its first view is at hand, and says so when it cannot load', async () => {
    const site = sharedSite();
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    let arrive: (w: typeof links) => void = () => {};
    const keeper = keepWork(v, new Promise<typeof links>((r) => (arrive = r)), fakeTab(site));
    v.execute('goTo', { step: 2 });
    const keys = () => [...site.storage.keys()].filter((k) => k.startsWith(WORK_PREFIX));
    expect(keys(), 'nothing can be written before the writer loads').toHaveLength(0);
    arrive(links);
    expect(await keeper.offer).toBeNull();
    expect(keys()).toHaveLength(1);
    const kept = JSON.parse(site.storage.get(keys()[0] ?? '') ?? '') as { work: SavedWork };
    expect(kept.work.current.cursor).toBe(2);

    const failing = keepWork(v, Promise.reject(new Error('offline')), fakeTab(site));
    let told = 0;
    failing.onFailure(() => told++);
    expect(await failing.offer).toBeNull();
    expect(failing.failed()).toBe(true);
    expect(told).toBe(1);
  });

  it('keeps only a few works of tabs gone', async () => {
    const site = sharedSite();
    for (let i = 0; i < 8; i++) {
      const tab = fakeTab(site);
      const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
      await keepWork(v, links, tab).offer;
      v.execute('goTo', { step: i });
      tab.close();
    }
    await keepWork(createVisualizer(), links, fakeTab(site)).offer;
    expect([...site.storage.keys()].filter((k) => k.startsWith(WORK_PREFIX)).length).toBeLessThanOrEqual(6);
  });
});
