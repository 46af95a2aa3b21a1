import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, step, type World } from '../kernel';
import { createWorld } from '../kernel/world';
import { svr5RunArb } from '../kernel/properties/svr5Arbs';
import { windowsRunArb } from '../kernel/properties/windowsArbs';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { generatedScenario } from '../scenarios/generate';
import { emptyLayout, extendLayout, layoutFor, type Layout } from './layout';

/**
 * layoutFor reads each world as a change from the one before (structureSince); extendLayout reads
 * the whole world. Over every history they must place every card alike, or the layout would
 * depend on how the history came (a load or clicks).
 */
const places = (l: Layout) => [...l.positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const byWholeWorlds = (worlds: readonly World[]) =>
  worlds.reduce((l, w) => extendLayout(l, w), emptyLayout(worlds[0]?.os));

function worldsOf(raw: unknown): World[] {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error('invalid');
  const run = runScenario(parsed.scenario);
  return [run.initial, ...run.steps.map((s) => s.world)];
}

describe('the layout of a history read step by step', () => {
  it.each(Object.keys(BUILT_IN_SCENARIOS))('places %s as reading every world whole does', (id) => {
    const worlds = worldsOf(BUILT_IN_SCENARIOS[id as keyof typeof BUILT_IN_SCENARIOS]);
    expect(places(layoutFor(worlds))).toEqual(places(byWholeWorlds(worlds)));
  });

  it('places a generated machine of 600 objects as reading every world whole does', () => {
    const worlds = worldsOf(generatedScenario(600));
    expect(places(layoutFor(worlds))).toEqual(places(byWholeWorlds(worlds)));
  });

  it.each([
    ['windows', windowsRunArb(60)],
    ['svr5', svr5RunArb(60)],
  ] as const)('places random %s histories (attach, detach, delete, unload) alike', (os, runs) => {
    fc.assert(
      fc.property(runs as fc.Arbitrary<{ options: object; actions: unknown[] }>, ({ options, actions }) => {
        let world: World = createWorld(os, options as never);
        const worlds = [world];
        for (const a of actions) {
          world = step(world, a as never).world;
          worlds.push(world);
        }
        expect(places(layoutFor(worlds))).toEqual(places(byWholeWorlds(worlds)));
      }),
      { numRuns: 150, seed: 25 },
    );
  });
});
