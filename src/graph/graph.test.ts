import { describe, expect, it } from 'vitest';
import { createWorld, step, type Action, type World } from '../kernel';
import { defaultScenario } from '../scenarios/load';
import { runScenario } from '../kernel';
import { extendLayout, layoutFor } from '../store/layout';
import { createFlowMaker } from './stableNodes';
import { toFlow } from './toFlow';

function worlds(): World[] {
  const run = runScenario(defaultScenario('windows'));
  return [run.initial, ...run.steps.map((s) => s.world)];
}

function inputOf(world: World, all: readonly World[]) {
  return { world, positions: layoutFor(all).positions, selected: null, highlight: [] };
}

function flowOf(world: World, all: readonly World[]) {
  return toFlow(inputOf(world, all));
}

describe('the graph of a Windows world', () => {
  it('draws every driver, device and handle, with ownership and attachment edges', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const { nodes, edges } = flowOf(last, all);
    const ids = nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'driver:Beep',
        'driver:BusEnum',
        'device:ToasterPdo',
        'device:ToasterFdo',
        'device:ToastFilterDo',
        'handle:h1',
      ]),
    );
    expect(edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'attach:device:ToasterFdo>device:ToasterPdo',
        'own:driver:Toaster>device:ToasterFdo',
        'handle:h1>device:Beep',
      ]),
    );
  });

  it('draws a stack vertically, top of the stack highest', () => {
    const all = worlds();
    const pos = layoutFor(all).positions;
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(y('device:ToastFilterDo')).toBeLessThan(y('device:ToasterFdo'));
    expect(y('device:ToasterFdo')).toBeLessThan(y('device:ToasterPdo'));
    expect(y('driver:Toaster')).toBeLessThan(y('device:ToastFilterDo'));
  });

  it('keeps every object in its place when a step changes something else', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const before = flowOf(last, all);
    const next = step(last, { do: 'openHandle', device: 'ToasterFdo', handle: 'h2' }).world;
    const after = flowOf(next, [...all, next]);
    for (const n of before.nodes) {
      const m = after.nodes.find((x) => x.id === n.id);
      expect(m?.position, n.id).toEqual(n.position);
    }
  });

  it('keeps node objects identical when their kernel object did not change', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const make = createFlowMaker();
    const a = make(inputOf(last, all));
    const next = step(last, { do: 'openHandle', device: 'ToasterFdo', handle: 'h2' }).world;
    const b = make(inputOf(next, [...all, next]));
    const byId = (nodes: typeof a.nodes, id: string) => nodes.find((n) => n.id === id);
    expect(byId(b.nodes, 'driver:Beep')).toBe(byId(a.nodes, 'driver:Beep'));
    expect(byId(b.nodes, 'device:Beep')).toBe(byId(a.nodes, 'device:Beep'));
    expect(byId(b.nodes, 'device:ToasterFdo')).not.toBe(byId(a.nodes, 'device:ToasterFdo'));
  });

  it('gives a new node object only to what a selection or a highlight changed', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const make = createFlowMaker();
    const a = make(inputOf(last, all));
    const b = make({ ...inputOf(last, all), selected: { kind: 'device', name: 'Beep' } });
    const c = make({ ...inputOf(last, all), highlight: [{ kind: 'driver', name: 'Toaster' }] });
    const changed = (x: typeof a, y: typeof a) =>
      y.nodes.filter((n) => x.nodes.find((m) => m.id === n.id) !== n).map((n) => n.id);
    expect(changed(a, b)).toEqual(['device:Beep']);
    expect(b.nodes.find((n) => n.id === 'device:Beep')?.selected).toBe(true);
    expect(changed(b, c).sort()).toEqual(['device:Beep', 'driver:Toaster']);
    expect(c.nodes.find((n) => n.id === 'driver:Toaster')?.data.highlighted).toBe(true);
  });

  it('keeps the lists themselves when nothing in them changed, so React Flow skips them', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const make = createFlowMaker();
    const a = make(inputOf(last, all));
    const same = make(inputOf(last, all));
    expect(same.nodes).toBe(a.nodes);
    expect(same.edges).toBe(a.edges);
    const next = step(last, { do: 'referenceObject', device: 'ToasterFdo', reference: 'r9' }).world;
    const b = make(inputOf(next, [...all, next]));
    expect(b.nodes).not.toBe(a.nodes);
    expect(b.edges).not.toBe(a.edges);
    expect(b.edges.length).toBe(a.edges.length + 1);
  });

  it('places a history that starts the same way alike: a branch moves nothing it kept', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const whole = layoutFor(all).positions;
    const branch = step(last, { do: 'loadDriver', driver: 'Other' }).world;
    const kept = all.slice(0, Math.floor(all.length / 2));
    const branched = layoutFor([...kept, branch]).positions;
    for (const id of layoutFor(kept).positions.keys()) expect(branched.get(id), id).toEqual(whole.get(id));
  });

  it('places a new device without moving the others, and keeps the layout itself when nothing structural came', () => {
    const all = worlds();
    const last = all[all.length - 1] as World;
    const before = layoutFor(all);
    const handle = step(last, { do: 'openHandle', device: 'ToasterFdo', handle: 'h9' }).world;
    expect(extendLayout(before, handle)).toBe(before);
    const created = step(last, {
      do: 'createDevice',
      driver: 'Beep',
      device: 'Extra',
      role: 'control',
    }).world;
    const after = extendLayout(before, created);
    for (const [id, p] of before.positions) expect(after.positions.get(id), id).toEqual(p);
    const extra = after.positions.get('device:Extra');
    expect(extra).toBeDefined();
    for (const [id, p] of before.positions)
      expect(Math.abs(p.x - (extra?.x ?? 0)) >= 184 || Math.abs(p.y - (extra?.y ?? 0)) >= 80, id).toBe(true);
  });
});

describe('the graph of an SVR5 world', () => {
  it('draws modules, instances, channels and dependencies', () => {
    const actions: Action[] = [
      { do: 'registerModule', module: 'usbd', ddi: '8' },
      { do: 'registerModule', module: 'kbd', ddi: '8', dependsOn: ['usbd'] },
      { do: 'open', device: 'kbd0', channel: 'c1' },
    ];
    const all: World[] = [createWorld('svr5')];
    for (const a of actions) all.push(step(all[all.length - 1] as World, a).world);
    const { nodes, edges } = flowOf(all[all.length - 1] as World, all);
    expect(nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['module:usbd', 'module:kbd', 'device:kbd0', 'channel:c1']),
    );
    expect(edges.map((e) => e.id)).toEqual(
      expect.arrayContaining(['depends:module:kbd>module:usbd', 'own:module:kbd>device:kbd0']),
    );
  });
});

describe('when the history grows one step at a time', () => {
  it('extends the layout to exactly the layout of the whole history, and keeps it when nothing structural came', async () => {
    const { parseScenario, runScenario } = await import('../kernel');
    const { generatedScenario } = await import('../scenarios/generate');
    const parsed = parseScenario(generatedScenario(24));
    if (!parsed.ok) throw new Error('invalid');
    const run = runScenario(parsed.scenario);
    let layout = layoutFor([run.initial]);
    let kept = 0;
    for (const s of run.steps) {
      const next = extendLayout(layout, s.world);
      if (next === layout) kept++;
      layout = next;
    }
    const whole = layoutFor([run.initial, ...run.steps.map((s) => s.world)]);
    expect([...layout.positions]).toEqual([...whole.positions]);
    expect(kept, 'handles and IRPs do not relayout').toBeGreaterThan(4);
  }, 30_000);
});
