import { describe, expect, it } from 'vitest';
import type { World } from '../kernel';
import { runScenario } from '../kernel';
import { defaultScenario } from '../scenarios/load';
import { SIZES, layoutFor } from '../store/layout';
import { toFlow, withoutDeclared } from './toFlow';

function lastOf(os: 'windows' | 'svr5') {
  const run = runScenario(defaultScenario(os));
  const all = [run.initial, ...run.steps.map((s) => s.world)];
  return { world: all[all.length - 1] as World, positions: layoutFor(all).positions };
}

describe('nodes not measured yet declare their size and handles', () => {
  for (const os of ['windows', 'svr5'] as const)
    it(`${os}: every card and chip declares them; a measured one does not`, () => {
      const { world, positions } = lastOf(os);
      const fresh = toFlow({ world, positions, selected: null, highlight: [] });
      expect(fresh.nodes.length).toBeGreaterThan(2);
      for (const n of fresh.nodes) {
        expect(n.handles, n.id).toBeDefined();
        expect(n.initialWidth, n.id).toBeGreaterThan(0);
      }
      // Every handle an edge names is declared on its node, so React Flow can draw it unmeasured.
      const byId = new Map(fresh.nodes.map((n) => [n.id, n]));
      for (const e of fresh.edges) {
        const s = byId.get(e.source)?.handles?.filter((h) => h.type === 'source') ?? [];
        const t = byId.get(e.target)?.handles?.filter((h) => h.type === 'target') ?? [];
        expect(e.sourceHandle ? s.some((h) => h.id === e.sourceHandle) : s.length > 0, e.id).toBe(true);
        expect(e.targetHandle ? t.some((h) => h.id === e.targetHandle) : t.length > 0, e.id).toBe(true);
      }
      const card = fresh.nodes.find((n) => n.type !== 'frame' && n.initialHeight === SIZES.card.height)!;
      const bottom = card.handles!.find((h) => h.id === 'b')!;
      expect(bottom.y + (bottom.height ?? 0) / 2).toBe(SIZES.card.height);

      const measured = new Set(fresh.nodes.map((n) => n.id));
      const again = toFlow({ world, positions, selected: null, highlight: [], measured });
      for (const n of again.nodes) {
        expect(n.handles, n.id).toBeUndefined();
        expect(n.initialWidth, n.id).toBeUndefined();
      }
      expect(withoutDeclared(card)).not.toHaveProperty('handles');
      expect(withoutDeclared(card)).toMatchObject({ id: card.id, position: card.position, data: card.data });
    });
});
