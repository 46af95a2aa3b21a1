import type { Map as IMap } from 'immutable';

/**
 * The keys whose entries may differ between two versions of one immutable
 * map (added, removed or given another value): a superset, never missing
 * one. A world is made from the one before it, so the two maps share every
 * subtree the step did not touch; walking both tries side by side and
 * skipping the shared subtrees costs what the step changed, not what the
 * map holds. The layout reads a 5,000-step history this way
 * (AppPersonality.structureSince) instead of every object of every world.
 *
 * It reads Immutable.js's trie (v5: `_root`; value, array-map, bitmap,
 * hash-array and collision nodes). A shape it does not know makes it answer
 * every key of both maps: slower, still right (changedKeys.test.ts notices).
 */
export function changedKeys<K, V>(before: IMap<K, V>, after: IMap<K, V>): K[] {
  if (before === after) return [];
  const out = new Set<K>();
  try {
    diff(rootOf(before), rootOf(after), out);
  } catch (e) {
    if (!(e instanceof UnknownShape)) throw e;
    out.clear();
    for (const k of before.keys()) out.add(k);
    for (const k of after.keys()) out.add(k);
  }
  return [...out];
}

type Entry = readonly [unknown, unknown];
interface TrieNode {
  readonly entry?: Entry;
  readonly entries?: readonly Entry[];
  readonly nodes?: readonly (TrieNode | undefined)[];
  readonly bitmap?: number;
}

class UnknownShape extends Error {}

function rootOf(map: unknown): TrieNode | undefined {
  if (typeof map !== 'object' || map === null || !('_root' in map)) throw new UnknownShape();
  return (map as { _root?: TrieNode })._root;
}

function diff(a: TrieNode | undefined, b: TrieNode | undefined, out: Set<unknown>): void {
  if (a === b) return;
  if (a && b && a.constructor === b.constructor && a.nodes && b.nodes) {
    if (a.bitmap === undefined && b.bitmap === undefined && a.nodes.length === b.nodes.length) {
      // Hash-array nodes: one slot per hash fragment, aligned.
      for (let i = 0; i < a.nodes.length; i++) diff(a.nodes[i], b.nodes[i], out);
      return;
    }
    if (a.bitmap !== undefined && b.bitmap !== undefined) {
      // Bitmap-indexed nodes: a child per set bit, packed; align them by bit.
      const bits = a.bitmap | b.bitmap;
      for (let i = 0; i < 32; i++) {
        const bit = 1 << i;
        if (bits & bit) diff(childAt(a, bit), childAt(b, bit), out);
      }
      return;
    }
  }
  keysOf(a, out);
  keysOf(b, out);
}

function childAt(node: TrieNode, bit: number): TrieNode | undefined {
  const bitmap = node.bitmap ?? 0;
  if (!(bitmap & bit)) return undefined;
  return node.nodes?.[popCount(bitmap & (bit - 1))];
}

function popCount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

function keysOf(node: TrieNode | undefined, out: Set<unknown>): void {
  if (node === undefined) return;
  if (node.entry) out.add(node.entry[0]);
  else if (node.entries) for (const e of node.entries) out.add(e[0]);
  else if (node.nodes) for (const n of node.nodes) keysOf(n, out);
  else throw new UnknownShape();
}
