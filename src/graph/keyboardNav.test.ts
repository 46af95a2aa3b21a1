import { describe, expect, it } from 'vitest';
import { runScenario, type World } from '../kernel';
import { defaultScenario } from '../scenarios/load';
import { layoutFor } from '../store/layout';
import { navEdges, neighbour, readingEnd, tabStop, type NavNode } from './keyboardNav';
import { toFlow } from './toFlow';

//   a ── b        c
//   │
//   d        e
const NODES: NavNode[] = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: 100, y: 0 },
  { id: 'c', x: 300, y: 10 },
  { id: 'd', x: 0, y: 100 },
  { id: 'e', x: 180, y: 120 },
];
const EDGES = [
  { source: 'a', target: 'b', label: 'a owns b' },
  { source: 'a', target: 'd', label: 'a owns d' },
];

describe('arrow keys in the graph', () => {
  it('follow an edge in the arrow’s direction and say which', () => {
    expect(neighbour(NODES, EDGES, 'a', 'right')).toEqual({ id: 'b', via: 'a owns b' });
    expect(neighbour(NODES, EDGES, 'a', 'down')).toEqual({ id: 'd', via: 'a owns d' });
    // Edges are followed both ways.
    expect(neighbour(NODES, EDGES, 'b', 'left')).toEqual({ id: 'a', via: 'a owns b' });
  });

  it('go to the nearest node that way when no edge leads there, so every part of the graph is reached', () => {
    expect(neighbour(NODES, EDGES, 'b', 'right')).toEqual({ id: 'c' });
    expect(neighbour(NODES, EDGES, 'd', 'right')).toEqual({ id: 'e' });
  });

  it('stop at the edge of the graph', () => {
    expect(neighbour(NODES, EDGES, 'a', 'left')).toBeNull();
    expect(neighbour(NODES, EDGES, 'a', 'up')).toBeNull();
    expect(neighbour(NODES, EDGES, 'missing', 'up')).toBeNull();
  });

  it('prefer a node straight ahead over a nearer one off to the side', () => {
    const nodes = [
      { id: 'o', x: 0, y: 0 },
      { id: 'side', x: 60, y: 50 },
      { id: 'ahead', x: 120, y: 0 },
    ];
    expect(neighbour(nodes, [], 'o', 'right')?.id).toBe('ahead');
  });

  it('reach every object of the default Windows scenario from the first, by arrows alone', () => {
    const run = runScenario(defaultScenario('windows'));
    const all: World[] = [run.initial, ...run.steps.map((s) => s.world)];
    const last = all[all.length - 1] as World;
    const { nodes, edges } = toFlow({
      world: last,
      positions: layoutFor(all).positions,
      selected: null,
      highlight: [],
    });
    const nav = nodes
      .filter((n) => n.type !== 'frame')
      .map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));
    const start = tabStop(nav, null) as string;
    const seen = new Set([start]);
    for (let frontier = [start]; frontier.length > 0;) {
      frontier = frontier.flatMap((id) =>
        (['left', 'right', 'up', 'down'] as const)
          .map((d) => neighbour(nav, navEdges(edges), id, d)?.id)
          .filter((n): n is string => !!n && !seen.has(n) && !!seen.add(n)),
      );
    }
    expect([...seen].sort()).toEqual(nav.map((n) => n.id).sort());
  });
});

describe('the graph’s Tab stop', () => {
  it('is the selected node when drawn, else the first in reading order', () => {
    expect(tabStop(NODES, 'e')).toBe('e');
    expect(tabStop(NODES, 'gone')).toBe('a');
    expect(
      tabStop(
        [
          { id: 'low', x: 0, y: 50 },
          { id: 'high', x: 90, y: 0 },
        ],
        null,
      ),
    ).toBe('high');
    expect(tabStop([], null)).toBeNull();
  });
});

describe('Home and End on a graph node', () => {
  it('go to the first and the last node in reading order', () => {
    expect(readingEnd(NODES, 'first')).toBe('a');
    expect(readingEnd(NODES, 'last')).toBe('e');
    // One row (within a pixel): the rightmost is last.
    expect(
      readingEnd(
        [
          { id: 'left', x: 0, y: 200.5 },
          { id: 'right', x: 90, y: 200 },
          { id: 'top', x: 500, y: 0 },
        ],
        'last',
      ),
    ).toBe('right');
    expect(readingEnd([], 'last')).toBeNull();
  });
});
