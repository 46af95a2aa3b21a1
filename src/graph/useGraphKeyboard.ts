import { useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ObjectRef } from '../kernel/core';
import { useVisualizerApi } from '../store';
import { nodeId, refOf } from '../ui/ids';
import { ARROW_DIRECTIONS, navEdges, neighbour, readingEnd, tabStop, type NavNode } from './keyboardNav';

const NODE_DESCRIPTION =
  'Arrow keys: the neighbouring object along a line. Home, End: the first, the last object. Enter: its actions. Escape: clear the selection. G: back to the graph from anywhere.';

/**
 * What React Flow tells a screen reader about a node and an edge: our keys, not its defaults (we
 * neither drag nor delete). React Flow (12.12) describes every node with its `keyboardDisabled` text while keyboard access
 * is on ("…use the arrow keys to move the node around. Press delete to remove it"): neither is
 * true here, so both of its node texts say ours.
 */
export const GRAPH_WORDS = {
  'node.a11yDescription.default': NODE_DESCRIPTION,
  'node.a11yDescription.keyboardDisabled': NODE_DESCRIPTION,
  'edge.a11yDescription.default': 'A relation between two objects.',
} as const;

/** The first enabled action of the selected object (SelectionActions). */
const FIRST_ACTION = 'section[aria-label$="Selected object"] li > button:not([disabled])';

function navNodes(nodes: readonly Node[]): NavNode[] {
  return nodes
    .filter((n) => n.focusable !== false && n.type !== 'frame')
    .map((n) => ({
      id: n.id,
      x: n.position.x + (n.measured?.width ?? n.width ?? 0) / 2,
      y: n.position.y + (n.measured?.height ?? n.height ?? 0) / 2,
    }));
}

/** Tries `act` on the next few frames until it succeeds (React draws the change, React Flow mounts a node). */
function soon(act: () => boolean, frames = 10): void {
  if (act() || frames <= 0) return;
  requestAnimationFrame(() => soon(act, frames - 1));
}

/**
 * The graph as one Tab stop (the selected node, else the first), and its
 * keys: arrows select the neighbour (keyboardNav.ts), Home and End the first
 * and the last object, and focus it, panning to it when it is off screen (culled nodes are not in the page); Enter or
 * Space selects the node and takes focus to its actions. Selection goes
 * through the door (`select`), like a click.
 */
export function useGraphKeyboard<N extends Node>(
  nodes: N[],
  edges: readonly Edge[],
  selected: ObjectRef | null,
) {
  const { execute } = useVisualizerApi();
  const flow = useReactFlow();
  const [said, setSaid] = useState('');
  // Each key press starts its own focus follow-up; a later press ends the earlier one's (else an arrow's
  // "keep focus on the node" could pull focus back from the action Enter just moved it to).
  const press = useRef(0);
  // Where the last arrow went, until its node has focus: a quick second arrow moves on from there,
  // not from the node focus has not yet left.
  const going = useRef<string | null>(null);
  const selectedId = selected ? nodeId(selected) : null;

  // The tab stop's copy is kept per node object (a WeakMap): an animation moment that changes another
  // card hands React Flow the same stop node, not a new copy of it.
  const [copies] = useState(() => new WeakMap<N, N>());
  const withStop = useMemo(() => {
    const stop = tabStop(navNodes(nodes), selectedId);
    return nodes.map((n) => {
      if (n.id !== stop) return n;
      let copy = copies.get(n);
      if (!copy) copies.set(n, (copy = { ...n, domAttributes: { ...n.domAttributes, tabIndex: 0 } }));
      return copy;
    });
  }, [nodes, selectedId, copies]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.react-flow__node') : null;
    const id = el?.dataset.id;
    if (!el || !id || e.altKey || e.ctrlKey || e.metaKey) return;
    const root = el.closest('.visualizer') ?? document;
    const graph = e.currentTarget;
    const mine = ++press.current;
    const current = () => press.current === mine;
    const dir = ARROW_DIRECTIONS[e.key];
    // Home and End: the first and the last object (reading order); the timeline's Home and End act
    // outside the graph, or with Ctrl/⌘ (src/actions/commands.ts).
    const end = e.key === 'Home' ? 'first' : e.key === 'End' ? 'last' : null;
    if (dir || end) {
      e.preventDefault();
      const nav = navNodes(flow.getNodes());
      const move = dir
        ? neighbour(nav, navEdges(edges), going.current ?? id, dir)
        : { id: readingEnd(nav, end ?? 'first') ?? id };
      if (!move) return setSaid(`Nothing further ${dir}.`);
      setSaid('via' in move && move.via ? `Along: ${move.via}.` : '');
      execute('select', { ref: refOf(move.id) });
      going.current = move.id;
      const target = flow.getNode(move.id);
      const find = () =>
        graph.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(move.id)}"]`);
      if (!find() && target) {
        const w = target.measured?.width ?? 0;
        const h = target.measured?.height ?? 0;
        void flow.setCenter(target.position.x + w / 2, target.position.y + h / 2, { zoom: flow.getZoom() });
      }
      // React Flow hides a node for a frame while it measures its new object (the selection changed it),
      // which drops focus: focus it until it is shown and keeps it.
      let held = 0;
      let tries = 0;
      soon(() => {
        if (!current()) return true;
        // Given up (the node never showed): the next arrow starts from where focus is.
        if (++tries > 30) {
          if (going.current === move.id) going.current = null;
          return true;
        }
        const node = find();
        if (!node || getComputedStyle(node).visibility === 'hidden') {
          held = 0;
          return false;
        }
        if (document.activeElement !== node) node.focus({ preventScroll: true });
        if (document.activeElement === node && going.current === move.id) going.current = null;
        return ++held > 2;
      }, 31);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      going.current = null;
      execute('select', { ref: refOf(id) });
      soon(() => {
        if (!current()) return true;
        const first = root.querySelector<HTMLElement>(FIRST_ACTION);
        first?.focus();
        return !!first;
      });
    }
  };

  return { nodes: withStop, onKeyDown, said };
}
