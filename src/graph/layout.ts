import dagre from '@dagrejs/dagre';
import type { World } from '../kernel';
import { nodeId } from './ids';

/**
 * Automatic layout (dagre) of the structural objects: drivers and device
 * stacks (Windows), modules and instances (SVR5). It lays out the union of
 * every world in the history, so objects keep their place across steps and
 * when travelling in time; small objects (handles, IRPs, registrations,
 * channels) sit in a lane beside their anchor and never move the layout.
 */

export const SIZES = {
  card: { width: 184, height: 80 },
  /** Room kept right of each device card for its satellites (handles, IRPs, references, channels). */
  lane: 100,
  satellite: { width: 92, height: 24, gap: 5 },
} as const;

/**
 * Which structural nodes keep a satellite lane at their right: Windows
 * devices (a stack continues below them). Drivers, and SVR5 instances (the
 * bottom row), put their satellites below instead.
 */
export function hasLane(os: World['os'], id: string): boolean {
  return os === 'windows' && id.startsWith('device:');
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

interface StructEdge {
  readonly from: string;
  readonly to: string;
  readonly minlen: number;
  readonly weight: number;
}

interface Structure {
  readonly os: World['os'];
  readonly nodes: readonly string[];
  readonly edges: readonly StructEdge[];
}

const ROOT = '__root__';

/** The structural nodes and layout edges of a set of worlds (their union). */
export function structureOf(worlds: readonly World[]): Structure {
  const nodes = new Set<string>();
  const edges = new Map<string, StructEdge>();
  const edge = (from: string, to: string, minlen: number, weight: number) =>
    edges.set(`${from}>${to}`, { from, to, minlen, weight });
  for (const w of worlds) {
    if (w.os === 'windows') {
      for (const d of w.drivers.values()) {
        const id = nodeId({ kind: 'driver', name: d.name });
        nodes.add(id);
        edge(ROOT, id, 1, 20);
      }
      for (const d of w.devices.values()) {
        const id = nodeId({ kind: 'device', name: d.name });
        nodes.add(id);
        // Drivers on the first row, device stacks below them, top of stack highest.
        if (!d.attachedDevice) edge(ROOT, id, 2, 20);
        if (d.attachedTo) edge(id, nodeId({ kind: 'device', name: d.attachedTo }), 1, 20);
        edge(nodeId({ kind: 'driver', name: d.driver }), id, 1, 1);
      }
    } else {
      for (const m of w.modules.values()) {
        const id = nodeId({ kind: 'module', name: m.name });
        nodes.add(id);
        edge(ROOT, id, 1, 20);
        for (const dev of m.devices) {
          const did = nodeId({ kind: 'device', name: dev });
          nodes.add(did);
          edge(id, did, 1, 10);
        }
      }
    }
  }
  return {
    os: worlds[0]?.os ?? 'windows',
    nodes: [...nodes].sort(),
    edges: [...edges.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
  };
}

export function structureKey(s: Structure): string {
  return `${s.os}#${s.nodes.join('|')}#${s.edges.map((e) => `${e.from}>${e.to}`).join('|')}`;
}

/** Top-left positions of the structural nodes. */
export function layoutStructure(s: Structure): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 20, ranksep: 44, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const widthOf = (id: string) => SIZES.card.width + (hasLane(s.os, id) ? SIZES.lane : 0);
  g.setNode(ROOT, { width: 1, height: 1 });
  for (const id of s.nodes) g.setNode(id, { width: widthOf(id), height: SIZES.card.height });
  for (const e of s.edges) g.setEdge(e.from, e.to, { minlen: e.minlen, weight: e.weight });
  dagre.layout(g);
  const root = g.node(ROOT) as Point | undefined;
  const top = root ? root.y + 1 : 0;
  const out = new Map<string, Point>();
  for (const id of s.nodes) {
    const n = g.node(id) as Point | undefined;
    if (n)
      out.set(id, { x: Math.round(n.x - widthOf(id) / 2), y: Math.round(n.y - SIZES.card.height / 2 - top) });
  }
  return out;
}

const cache = new Map<string, Map<string, Point>>();

/** Memoized by structure: the same objects and links always get the same places. */
export function layoutWorlds(worlds: readonly World[]): Map<string, Point> {
  const s = structureOf(worlds);
  const key = structureKey(s);
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size > 50) cache.clear();
    hit = layoutStructure(s);
    cache.set(key, hit);
  }
  return hit;
}
