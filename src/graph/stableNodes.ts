import type { Edge } from '@xyflow/react';
import type { GraphNode } from './toFlow';

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * Keeps the previous node object when nothing it shows changed, so React
 * Flow (and memo'd node components) skip it. Kernel objects keep their
 * identity across steps that did not touch them, which makes this cheap.
 */
export function reuseNodes(prev: ReadonlyMap<string, GraphNode>, next: GraphNode[]): GraphNode[] {
  return next.map((n) => {
    const p = prev.get(n.id);
    if (
      p &&
      p.type === n.type &&
      p.selected === n.selected &&
      p.position.x === n.position.x &&
      p.position.y === n.position.y &&
      sameData(p.data, n.data)
    ) {
      return p;
    }
    return n;
  });
}

/**
 * A reuser keeps the last output between calls: each call returns nodes and
 * edges that reuse the previous objects where nothing changed.
 */
export function createReuser(): (flow: { nodes: GraphNode[]; edges: Edge[] }) => {
  nodes: GraphNode[];
  edges: Edge[];
} {
  let last: { nodes: GraphNode[]; edges: Edge[] } = { nodes: [], edges: [] };
  let prevNodes = new Map<string, GraphNode>();
  let prevEdges = new Map<string, Edge>();
  return (flow) => {
    let nodes = reuseNodes(prevNodes, flow.nodes);
    let edges = reuseEdges(prevEdges, flow.edges);
    // The same list when nothing in it changed: React Flow then skips it whole (a step that changes
    // one card rebuilds no edge lookup).
    if (sameItems(nodes, last.nodes)) nodes = last.nodes;
    else prevNodes = new Map(nodes.map((n) => [n.id, n]));
    if (sameItems(edges, last.edges)) edges = last.edges;
    else prevEdges = new Map(edges.map((e) => [e.id, e]));
    last = { nodes, edges };
    return last;
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function reuseEdges(prev: ReadonlyMap<string, Edge>, next: Edge[]): Edge[] {
  return next.map((e) => {
    const p = prev.get(e.id);
    return p && p.source === e.source && p.target === e.target && p.className === e.className ? p : e;
  });
}
