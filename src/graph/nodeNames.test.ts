import { describe, expect, it } from 'vitest';
import { runScenario, type World } from '../kernel';
import { defaultScenario } from '../scenarios/load';
import { layoutFor } from '../store/layout';
import { toFlow } from './toFlow';

function lastFlow(os: 'windows' | 'svr5', extra: object[] = []) {
  const scenario = defaultScenario(os);
  const run = runScenario({ ...scenario, steps: [...scenario.steps, ...extra] } as typeof scenario);
  const all: World[] = [run.initial, ...run.steps.map((s) => s.world)];
  const world = all[all.length - 1] as World;
  return toFlow({ world, positions: layoutFor(all).positions, selected: null, highlight: [] });
}

const names = (flow: ReturnType<typeof lastFlow>) =>
  Object.fromEntries(flow.nodes.map((n) => [n.id, n.ariaLabel]));

describe('graph nodes’ accessible names', () => {
  it('name each Windows object, say what it is and its condition', () => {
    const n = names(lastFlow('windows'));
    expect(n['driver:Beep']).toBe('Beep, legacy driver, loaded, 1 device');
    expect(n['device:Beep']).toBe('Beep, control device of Beep, 1 open handle');
    expect(n['device:ToasterFdo']).toBe(
      'ToasterFdo, function device of Toaster, 0 open handles, attached on top of ToasterPdo',
    );
    expect(n['handle:h1']).toBe('h1, handle open on Beep');
  });

  it('change with the condition: a stopped driver with an open handle is Unload Pending', () => {
    const n = names(lastFlow('windows', [{ do: 'stopDriver', driver: 'Beep' }]));
    expect(n['driver:Beep']).toBe('Beep, legacy driver, Unload Pending, 1 device');
    expect(n['device:Beep']).toBe('Beep, control device of Beep, 1 open handle, Unload Pending');
  });

  it('name each SVR5 object', () => {
    const n = names(lastFlow('svr5'));
    expect(n['module:asyc']).toMatch(/^asyc, module, loaded by \w+, hold count \d+$/);
    for (const [id, name] of Object.entries(n))
      if (!id.startsWith('frame:')) expect(name, id).toMatch(/^\S+, /);
  });

  it('take no node out of the Tab order but the graph’s own stop', () => {
    for (const node of lastFlow('windows').nodes)
      if (node.type !== 'frame') expect(node.domAttributes?.tabIndex, node.id).toBe(-1);
  });
});
