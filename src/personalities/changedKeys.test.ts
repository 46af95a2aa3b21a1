import { Map as IMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import { changedKeys } from './changedKeys';

/** A small seeded generator: the same maps every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const truly = (a: IMap<string, unknown>, b: IMap<string, unknown>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.has(k) !== b.has(k) || a.get(k) !== b.get(k));

describe('changedKeys', () => {
  it('names every key that differs, over random edits of maps from empty to 3,000 entries', () => {
    const rnd = random(25);
    for (const size of [0, 1, 5, 8, 9, 40, 300, 3000]) {
      let map = IMap<string, unknown>();
      for (let i = 0; i < size; i++) map = map.set(`k${i}`, { i });
      for (let round = 0; round < 40; round++) {
        let next = map;
        const edits = 1 + Math.floor(rnd() * 6);
        const batch = rnd() < 0.3;
        const edit = (m: IMap<string, unknown>) => {
          for (let e = 0; e < edits; e++) {
            const key = `k${Math.floor(rnd() * (size + 10))}`;
            const r = rnd();
            if (r < 0.4) m = m.set(key, { round, e });
            else if (r < 0.7) m = m.remove(key);
            else m = m.set(`new${round}_${e}`, e);
          }
          return m;
        };
        next = batch ? next.withMutations((m) => void edit(m)) : edit(next);
        const found = new Set(changedKeys(map, next));
        for (const k of truly(map, next))
          expect(found.has(k), `${size} entries, round ${round}: ${k}`).toBe(true);
        map = next;
      }
    }
  });

  it('costs what changed, not what the map holds: one set in 5,000 entries names a handful of keys', () => {
    let map = IMap<string, number>();
    for (let i = 0; i < 5000; i++) map = map.set(`Pdo${i}`, i);
    const next = map.set('Pdo2500', -1).set('Fresh', 1);
    const keys = changedKeys(map, next);
    expect(keys).toEqual(expect.arrayContaining(['Pdo2500', 'Fresh']));
    // Immutable.js's trie shape is read, not promised: were it to change, this says so (all keys come back).
    expect(keys.length).toBeLessThan(40);
    expect(changedKeys(map, map)).toEqual([]);
  });
});
