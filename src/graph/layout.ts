import dagre from '@dagrejs/dagre';
import { DEFAULT_OS, type Os, type World } from '../kernel/core';
import { appOf } from '../personalities';

/**
 * Automatic layout (dagre) of the structural objects each OS names
 * (drivers and device stacks; modules and instances). It lays out the union
 * of every world in the history, so objects keep their place across steps
 * and when travelling in time; small objects (handles, IRPs, registrations,
 * channels) sit beside their anchor and never move the layout.
 */

export const SIZES = {
  card: { width: 184, height: 80 },
  /** Room kept right of a card with a lane, for its satellites (handles, IRPs, references). */
  lane: 100,
  satellite: { width: 92, height: 24, gap: 5 },
} as const;

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
  readonly os: Os;
  readonly nodes: readonly string[];
  readonly edges: readonly StructEdge[];
}

/** Where the structural nodes stand, and the structure they were computed for (kept to extend it). */
export interface Layout {
  readonly key: string;
  readonly positions: ReadonlyMap<string, Point>;
  readonly structure: Structure;
}

const ROOT = '__root__';

/** The structural nodes and layout edges of a set of worlds (their union), as each OS's personality names them. */
export function structureOf(worlds: readonly World[], base?: Structure): Structure {
  const nodes = new Set<string>(base?.nodes);
  const edges = new Map<string, StructEdge>(base?.edges.map((e) => [`${e.from}>${e.to}`, e]));
  const sink = {
    root: ROOT,
    node: (id: string) => void nodes.add(id),
    edge: (from: string, to: string, minlen: number, weight: number) =>
      void edges.set(`${from}>${to}`, { from, to, minlen, weight }),
  };
  const os = base?.os ?? worlds[0]?.os ?? DEFAULT_OS;
  for (const w of worlds) appOf(w.os).structure(w, sink);
  return {
    os,
    nodes: [...nodes].sort(),
    edges: [...edges.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
  };
}

/** Whether a world adds nothing to a structure (the usual step: a handle, an IRP, a flag). */
function adds(world: World, s: Structure, known: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }) {
  let more = false;
  appOf(world.os).structure(world, {
    root: ROOT,
    node: (id) => void (more ||= !known.nodes.has(id)),
    edge: (from, to) => void (more ||= !known.edges.has(`${from}>${to}`)),
  });
  return more || s.os !== world.os;
}

export function structureKey(s: Structure): string {
  return `${s.os}#${s.nodes.join('|')}#${s.edges.map((e) => `${e.from}>${e.to}`).join('|')}`;
}

/** The width a structural card takes, with its satellite lane when it has one. */
export function widthOf(os: Os, id: string): number {
  return SIZES.card.width + (appOf(os).hasLane(id) ? SIZES.lane : 0);
}

/** Top-left positions of the structural nodes. */
export function layoutStructure(s: Structure): Map<string, Point> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 20, ranksep: 44, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(ROOT, { width: 1, height: 1 });
  for (const id of s.nodes) g.setNode(id, { width: widthOf(s.os, id), height: SIZES.card.height });
  for (const e of s.edges) g.setEdge(e.from, e.to, { minlen: e.minlen, weight: e.weight });
  dagre.layout(g);
  const root = g.node(ROOT) as Point | undefined;
  const top = root ? root.y + 1 : 0;
  const out = new Map<string, Point>();
  for (const id of s.nodes) {
    const n = g.node(id) as Point | undefined;
    if (n)
      out.set(id, {
        x: Math.round(n.x - widthOf(s.os, id) / 2),
        y: Math.round(n.y - SIZES.card.height / 2 - top),
      });
  }
  return out;
}

/**
 * The layout of a set of worlds. Given the previous layout, it is kept when
 * the structure did not change (the same objects and links always get the
 * same places), so a step that only opens a handle costs no layout.
 */
export function layoutFor(worlds: readonly World[], previous?: Layout): Layout {
  return settle(structureOf(worlds), previous);
}

/**
 * The layout after one more world joins the history: the same layout when
 * the world brings no new structural object or link (checked in one pass
 * over that world), else the union laid out again. Cost per step does not
 * grow with the history.
 */
export function extendLayout(previous: Layout, world: World): Layout {
  const known = {
    nodes: new Set(previous.structure.nodes),
    edges: new Set(previous.structure.edges.map((e) => `${e.from}>${e.to}`)),
  };
  if (!adds(world, previous.structure, known)) return previous;
  return settle(structureOf([world], previous.structure), previous);
}

function settle(s: Structure, previous?: Layout): Layout {
  const key = structureKey(s);
  if (previous?.key === key) return previous;
  return { key, positions: layoutStructure(s), structure: s };
}
