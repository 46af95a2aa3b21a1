import { ReactFlowProvider } from '@xyflow/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { toFlow } from '../graph/toFlow';
import { NODE_TYPES } from '../personalities/nodeTypes';
import { StillProvider, worldAt, type VisualizerState } from '../store';
import { drawSlide, type Caption, type PlacedNode } from './draw';
import { byAttribute, parseMarkup, readElement } from './markup';
import type { Palette } from './palette';

/**
 * A visualizer's state as an SVG slide, in Node: the app's world → graph
 * (toFlow, with the session's layout), the app's node components rendered
 * to markup for their texts, then drawn (draw.ts). What the app's "Export
 * SVG" gives for the same step, without a browser.
 */

/** The caption the app's export writes (ShareMenu): the title, and "step 3 / 9 · STATUS_SUCCESS". */
function captionOf(s: VisualizerState): Caption {
  const status = s.entries[s.cursor - 1]?.status;
  return {
    title: s.title || 'Unload Lens',
    detail: `step ${s.cursor} / ${s.entries.length}${status ? ` · ${status}` : ''}`,
  };
}

export function slideOf(s: VisualizerState, palette: Palette): string {
  const flow = toFlow({
    world: worldAt(s),
    positions: s.layout.positions,
    selected: s.selection,
    highlight: s.highlight,
  });
  // One render for every node, each in an element named by its id.
  // (Nodes may read their visualizer's state, e.g. what a debugger paste did not print: this one, held still.)
  const html = renderToStaticMarkup(
    createElement(
      StillProvider,
      { state: s },
      createElement(
        ReactFlowProvider,
        null,
        flow.nodes.map((n) => {
          const Component = NODE_TYPES[n.type];
          if (!Component) throw new Error(`no component draws a "${n.type}" node`);
          return createElement(
            'section',
            { key: n.id, 'data-render-node': n.id },
            createElement(Component, { id: n.id, type: n.type, data: n.data } as never),
          );
        }),
      ),
    ),
  );
  const trees = byAttribute(parseMarkup(html), 'data-render-node');
  const nodes: PlacedNode[] = flow.nodes.flatMap((n) => {
    const tree = trees.get(n.id);
    const model = tree ? readElement(tree) : null;
    if (!model) return [];
    const size = n.type === 'frame' ? { width: n.data.width, height: n.data.height } : {};
    return [{ id: n.id, x: n.position.x, y: n.position.y, model, ...size }];
  });
  return drawSlide(
    nodes,
    flow.edges.map((e) => ({
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
      className: e.className ?? '',
    })),
    palette,
    captionOf(s),
  );
}
