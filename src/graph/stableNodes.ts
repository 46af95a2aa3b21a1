import type { Edge } from '@xyflow/react';
import { toFlow, type Flow, type FlowInput, type GraphNode } from './toFlow';

/**
 * A flow maker keeps its last output between calls: each call returns
 * nodes and edges that are the previous objects where nothing changed
 * (toFlow gives back an unchanged node without building it again), and
 * the previous lists themselves when nothing in them changed, so React
 * Flow skips them whole (a step that changes one card rebuilds no edge
 * lookup). An animation moment changes a few objects of a large world:
 * it costs a walk over the world, not a rebuild of it.
 */
export function createFlowMaker(): (input: FlowInput) => Flow {
  let last: Flow = { nodes: [], edges: [] };
  let prevNodes = new Map<string, GraphNode>();
  let prevEdges = new Map<string, Edge>();
  return (input) => {
    const flow = toFlow(input, prevNodes);
    let nodes = flow.nodes;
    let edges = reuseEdges(prevEdges, flow.edges);
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

function reuseEdges(prev: ReadonlyMap<string, Edge>, next: Edge[]): Edge[] {
  return next.map((e) => {
    const p = prev.get(e.id);
    return p && p.source === e.source && p.target === e.target && p.className === e.className ? p : e;
  });
}
