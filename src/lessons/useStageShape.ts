import { useEffect, useMemo, useRef, useState } from 'react';
import { extentOf, lanesUsed } from '../graph/extent';
import { shapeForStage } from '../graph/stageFit';
import { useVisualizer, useVisualizerApi } from '../store';
import { PLACE, SIZES, type Layout } from '../store/layout';
import { selectEntries, selectInitial, selectPlacedLayout } from '../store/selectors';
import { selectFontScale } from './selectors';
import type { VisualizerState } from '../store/state';

const selectFolded = (s: VisualizerState) => s.classroom.panelsHidden;

/**
 * Presenter mode's closer picture (flow units): a column's cards `pitch`
 * apart (the presenter's cards, without the kind line where a name says it,
 * stand about 70–90 tall at the node size; the layout keeps 106 for the
 * ordinary view's chips in a lane); columns without a lane `apart` from the
 * next (both frames' padding, 10 each, and a little air).
 */
const PRESENTER_ROWS = { pitch: 96, apart: 28 } as const;

/**
 * Presenter mode shapes the lesson's picture to its stage (stageFit.ts,
 * shapeForStage): lanes as wide as the presenter's chips, and on a stage
 * narrower than the picture (a 4:3 projector) the columns in two bands. The
 * shape is read from the room the graph has with no question open (a
 * question opening or closing never moves a card; H, folding the panels,
 * may), and from the whole lesson (every step places alike). The shaped layout goes to the store, where the graph,
 * the animation and the fit read it (selectLayout); leaving presenter mode
 * takes it away.
 */
export function useStageShape(
  graph: React.RefObject<HTMLDivElement | null>,
  /** `stage`: presenter mode's stage (the room less the bars and the panels); `graph`: the graph's own box, as drawn (the compare view, where no question or H changes it); `off`: no shaping. */
  measure: 'stage' | 'graph' | 'off' = 'stage',
): void {
  const placed = useVisualizer(selectPlacedLayout);
  const initial = useVisualizer(selectInitial);
  const entries = useVisualizer(selectEntries);
  const scale = useVisualizer(selectFontScale);
  const { store } = useVisualizerApi();
  const folded = useVisualizer(selectFolded);
  const [ratio, setRatio] = useState(0);
  // The title bar's and the timeline's height as last seen (a question in its band hides them).
  const chrome = useRef(0);
  useEffect(() => {
    const room = measure === 'graph' ? graph.current : graph.current?.closest<HTMLElement>('.visualizer');
    if (!room || measure === 'off' || typeof ResizeObserver === 'undefined') return;
    const seen = () => {
      if (measure === 'graph') {
        const { width, height } = room.getBoundingClientRect();
        if (width > 0 && height > 0) setRatio(Math.round((width / height) * 20) / 20);
        return;
      }
      const bars = [...room.querySelectorAll<HTMLElement>('.presenter-bar, [data-testid="timeline"]')];
      const tall = bars.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
      if (bars.length === 2 && tall > 0) chrome.current = tall;
      const box = room.getBoundingClientRect();
      // The graph's box with no question open: the room, less the main's padding and gaps, the bars,
      // and the panels' column unless folded (classroom.css: clamp(18rem, 30vw, 36rem) and a 0.5rem gap).
      const side = folded ? 0 : Math.min(Math.max(18 * 16, 0.3 * window.innerWidth), 36 * 16) + 8;
      const width = box.width - 16 - side;
      const height = box.height - 16 - chrome.current - 16;
      // Rounded, so a pixel's change does not reshape.
      if (width > 0 && height > 0) setRatio(Math.round((width / height) * 20) / 20);
    };
    seen();
    const watch = new ResizeObserver(seen);
    watch.observe(room);
    return () => watch.disconnect();
  }, [graph, folded, measure]);
  const shaped = useMemo((): Layout | null => {
    if (!(ratio > 0) || measure === 'off') return null;
    const tops = new Set([...placed.positions.keys()].filter((id) => !placed.columnOf.has(id)));
    // How far satellites hang under the lowest card (a driver's references, a lane's chips).
    const worlds = [initial, ...entries.map((e) => e.world)];
    const box = extentOf(worlds, placed.positions);
    const used = lanesUsed(worlds, placed.positions);
    const columnsTop =
      tops.size === 0
        ? 0
        : extentOf(worlds, new Map([...placed.positions].filter(([id]) => !tops.has(id)))).y;
    const lowest = Math.max(...[...placed.positions.values()].map((p) => p.y + SIZES.card.height));
    const positions = shapeForStage(
      {
        positions: placed.positions,
        tops,
        laned: used.lane,
        hung: [...tops].some((id) => used.below.has(id)),
      },
      {
        ratio,
        scale,
        card: SIZES.card,
        lane: SIZES.lane,
        chip: SIZES.satellite.width,
        gap: PLACE.gap,
        // What is free between the first row's cards and the columns' drawing (a stack's frame and its
        // caption included), less room for the edges between them.
        lift: Math.max(0, columnsTop - SIZES.card.height - 40),
        rows: { band: PLACE.band, from: PLACE.pitch, pitch: PRESENTER_ROWS.pitch },
        apart: PRESENTER_ROWS.apart,
        below: Math.max(0, box.y + box.height - lowest),
      },
    );
    return { ...placed, positions };
  }, [placed, initial, entries, ratio, scale, measure]);
  useEffect(() => {
    if (!shaped && !store.getState().stage) return;
    store.setState({ stage: shaped ? { base: placed, layout: shaped } : null });
  }, [store, placed, shaped]);
  useEffect(() => () => store.setState({ stage: null }), [store]);
}
