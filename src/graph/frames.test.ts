import { describe, expect, it } from 'vitest';
import { kernel } from '../kernel/testing';
import { stacksOf } from '../personalities/windows/flow';
import { layoutFor } from '../store/layout';
import { toFlow } from './toFlow';

describe('a device stack in the picture', () => {
  const w = kernel('windows').setup(
    { do: 'loadDriver', driver: 'Bus' },
    { do: 'createDevice', driver: 'Bus', device: 'Pdo', role: 'pdo' },
    { do: 'loadDriver', driver: 'Fn' },
    { do: 'createDevice', driver: 'Fn', device: 'Fdo', role: 'fdo', attachTo: 'Pdo' },
    { do: 'loadDriver', driver: 'Up' },
    { do: 'createDevice', driver: 'Up', device: 'Filt', role: 'filter', attachTo: 'Fdo' },
    { do: 'loadDriver', driver: 'Solo', model: 'legacy', controlDevice: 'Ctl' },
  ).world;

  it('lists each stack of two or more layers, top first, like !devstack', () => {
    if (w.os !== 'windows') throw new Error('windows');
    expect(stacksOf(w).map((s) => s.map((d) => d.name))).toEqual([['Filt', 'Fdo', 'Pdo']]);
  });

  it('draws one frame behind the stack, around all its layers', () => {
    const positions = layoutFor([w]).positions;
    const { nodes } = toFlow({ world: w, positions, selected: null, highlight: [] });
    const frames = nodes.filter((n) => n.type === 'frame');
    expect(frames.map((f) => f.id)).toEqual(['frame:Pdo']);
    const f = frames[0];
    if (!f || f.type !== 'frame') throw new Error('frame');
    expect(f.zIndex).toBe(-1);
    for (const id of ['device:Filt', 'device:Fdo', 'device:Pdo']) {
      const p = positions.get(id);
      expect(p && p.x >= f.position.x && p.y >= f.position.y).toBe(true);
      expect(p && p.y <= f.position.y + f.data.height).toBe(true);
    }
  });
});
