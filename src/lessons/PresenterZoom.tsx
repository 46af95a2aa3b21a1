import { useNodesInitialized, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { extentOf } from '../graph/extent';
import { fitStage } from '../graph/stageFit';
import { useVisualizer } from '../store';
import { selectEntries, selectInitial, selectLayout } from '../store/selectors';
import { selectFontScale, selectPresenter } from './selectors';

/** Room kept around the lesson's objects; the largest zoom a small lesson gets. */
const PRESENTER_FIT = { padding: 0.012, maxZoom: 3 } as const;

const selectBox = (s: ReactFlowState) => `${s.width}x${s.height}`;
const selectDom = (s: ReactFlowState) => s.domNode;
/** The nodes as drawn: a card or chip that grows (a badge, a "closing" chip) refits the view. */
const selectDrawn = (s: ReactFlowState) => {
  let size = 0;
  for (const n of s.nodeLookup.values()) size += (n.measured.width ?? 0) * 7 + (n.measured.height ?? 0);
  return `${s.nodeLookup.size}:${Math.round(size)}`;
};

/**
 * The zoom at which the graph's smallest text reaches the presenter floor:
 * both read from the page (the floor is a CSS variable that depends on the
 * screen; the node text size on the text-size control), so the CSS stays
 * the one place that sets them.
 */
function neededZoom(probe: HTMLElement): number {
  const style = getComputedStyle(probe);
  const floor = parseFloat(style.getPropertyValue('--floor'));
  const text = parseFloat(style.fontSize);
  return floor > 0 && text > 0 ? floor / text : 1;
}

/**
 * Inside the graph: in presenter mode the lesson's objects fill the graph's
 * box (every object in view). When that draws the node text under the
 * presenter floor, the stage is marked cramped and shows the hint that `H`
 * gives the graph the panels' width.
 * Refits when the box changes (panels folded, window resized) and when the
 * text size changes.
 */
export function PresenterZoom() {
  const presenter = useVisualizer(selectPresenter);
  const layout = useVisualizer(selectLayout);
  const initial = useVisualizer(selectInitial);
  const entries = useVisualizer(selectEntries);
  // What the lesson draws at any step, a lane counted only where a satellite appears in it.
  const placed = useMemo(
    () => (presenter ? extentOf([initial, ...entries.map((e) => e.world)], layout.positions) : null),
    [presenter, initial, entries, layout],
  );
  const scale = useVisualizer(selectFontScale);
  const box = useStore(selectBox);
  const dom = useStore(selectDom);
  // React Flow's own first fit runs once the nodes are measured: this one follows it.
  const measured = useNodesInitialized();
  const drawnSize = useStore(selectDrawn);
  // An empty element at the node text size (`--node-text`): what the zoom must bring to the floor.
  const probe = useRef<HTMLSpanElement>(null);
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  useEffect(() => {
    if (!presenter || !placed || !dom || !probe.current) return;
    const text = probe.current;
    // After React Flow has measured (and after the graph's own refit, which this one follows).
    const frames = [0, 0];
    frames[0] = requestAnimationFrame(() => {
      frames[1] = requestAnimationFrame(() => {
        // Every object the lesson draws, at any step (so none appears outside the view later), and
        // the cards as drawn now (taller than their place when their text wraps).
        const drawn = getNodesBounds(getNodes());
        const left = Math.min(placed.x, drawn.x);
        const top = Math.min(placed.y, drawn.y);
        const width = Math.max(placed.x + placed.width, drawn.x + drawn.width) - left;
        const height = Math.max(placed.y + placed.height, drawn.y + drawn.height) - top;
        const { clientWidth: w, clientHeight: h } = dom;
        if (!(width > 0 && height > 0 && w > 0 && h > 0)) return;
        const stage = dom.closest<HTMLElement>('.presenter-stage');
        // Every object stays in view, none under the legend's button (top right): the fit decides.
        // When it is smaller than the floor needs, the stage says so (the hint to press H, which gives
        // the graph the panels' width).
        // The closed legend's button only: an opened legend is read over the graph, then closed.
        const legend = dom
          .closest('[data-testid="graph"]')
          ?.querySelector('.legend > summary')
          ?.getBoundingClientRect();
        const on = dom.getBoundingClientRect();
        // (None while a question stands in its band or column: the legend waits for the answer.)
        const corner =
          legend && legend.width > 0
            ? { width: on.right - legend.left + 6, height: legend.bottom - on.top + 6 }
            : undefined;
        const fit = fitStage(
          { width: w, height: h },
          { x: left, y: top, width, height },
          { ...PRESENTER_FIT, ...(corner ? { corner } : {}) },
        );
        const cramped = fit.zoom < Math.min(neededZoom(text), PRESENTER_FIT.maxZoom) - 0.005;
        stage?.toggleAttribute('data-cramped', cramped);
        void setViewport(fit);
      });
    });
    return () => frames.forEach(cancelAnimationFrame);
  }, [presenter, placed, getNodes, getNodesBounds, setViewport, box, scale, dom, measured, drawnSize]);
  return presenter ? <span ref={probe} className="node-text-probe" aria-hidden="true" /> : null;
}
