import { ViewportPortal, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { refOf } from '../ui/ids';
import type { Point } from '../store/layout';
import { useVisualizerApi, type VisualizerState } from '../store';
import { selectEntries, selectInstant, selectLayout, selectPlaying, selectSpeed } from '../store/selectors';
import { createRealClock, timeScale, type Clock } from './clock';
import type { AnimationMoment } from '../store/moment';
import { hopPath, rectOf, type EdgePoint, type MeasuredNode } from './geometry';
import { planStep, scalePlan } from './plan';
import { IDLE, play, type PulseView, type Scene, type TokenView } from './player';

/**
 * Plays the current step's events over the graph, inside React Flow. An
 * overlay only: the store already holds the new world, nothing waits for
 * the animation, and a new step (or undo, a jump, a new scenario) cuts it.
 */

/** Tokens and captions keep a readable size when the graph is zoomed out (up to twice their size). */
const selectInverseZoom = (s: ReactFlowState) => Math.min(2, Math.max(1, 1 / (s.transform[2] || 1)));

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && (window.matchMedia?.(REDUCED_MOTION).matches ?? false);
}

interface Stage {
  readonly scene: Scene;
  /** The layout of every world of the session: where a node stood once it is gone. */
  readonly layout: ReadonlyMap<string, Point>;
  /** Every node the plan names. */
  readonly nodes: readonly string[];
}

const NO_LAYOUT: ReadonlyMap<string, Point> = new Map();
const IDLE_STAGE: Stage = { scene: IDLE, layout: NO_LAYOUT, nodes: [] };

export function AnimationLayer({ clock }: { readonly clock?: Clock }) {
  const [stage, setStage] = useState<Stage>(IDLE_STAGE);
  const { store, run } = useVisualizerApi();

  useEffect(() => {
    const time = clock ?? createRealClock();
    let stop: (() => void) | null = null;
    // What is drawn follows the animation: the layer says which event it has reached (moment.ts).
    const reach = (at: AnimationMoment | null) => {
      if (store.getState().animating !== at) run('animationAt', { at }, 'button');
    };
    const halt = () => {
      const s = stop;
      stop = null;
      s?.();
    };
    const start = (s: VisualizerState) => {
      halt();
      const playing = selectPlaying(s);
      if (!playing || selectInstant(s)) return;
      const entry = selectEntries(s).find((e) => e.id === playing.entryId);
      if (!entry) return;
      const motion = !prefersReducedMotion();
      const plan = scalePlan(
        planStep(entry.events, { motion }),
        timeScale({ speed: selectSpeed(s), instant: false }),
      );
      if (plan.cues.length === 0) return;
      const layout = selectLayout(s).positions;
      const nodes = [...new Set(plan.cues.flatMap((c) => (c.kind === 'pulse' ? [c.node] : [c.from, c.to])))];
      let reached = -1;
      stop = play(plan, time, (scene) => {
        setStage(scene.active ? { scene, layout, nodes } : IDLE_STAGE);
        if (!scene.active) return reach(null);
        for (const v of [...scene.tokens, ...scene.pulses])
          reached = Math.max(reached, plan.cues[Number(v.key.slice(1))]?.event ?? -1);
        const at = store.getState().animating;
        if (at?.entryId !== entry.id || at.nonce !== playing.nonce || at.event !== reached)
          reach({ entryId: entry.id, nonce: playing.nonce, event: reached });
      });
    };
    // A vanilla subscription, not a hook: the layer re-renders only when the
    // scene changes, and turning instant off never replays an old step.
    const unsubscribe = store.subscribe((s, prev) => {
      if (selectPlaying(s) !== selectPlaying(prev)) start(s);
      else if (selectInstant(s) && !selectInstant(prev)) halt();
    });
    return () => {
      unsubscribe();
      halt();
    };
  }, [clock, store, run]);

  const { scene } = stage;
  return (
    <div
      className="anim-layer"
      data-testid="animation-layer"
      data-animating={scene.active ? 'true' : 'false'}
      aria-hidden="true"
    >
      {scene.tokens.length + scene.pulses.length > 0 ? (
        <ViewportPortal>
          <Drawing stage={stage} />
        </ViewportPortal>
      ) : null}
    </div>
  );
}

function Drawing({ stage }: { readonly stage: Stage }) {
  const rf = useReactFlow();
  const inverseZoom = useStore(selectInverseZoom);
  const drawn = (id: string): MeasuredNode | undefined => rf.getInternalNode(id);
  // A node the step removed from the graph (a deleted device) shows as a ghost
  // at its old place while the animation tells what happened to it.
  const ghosts = stage.nodes.filter((id) => !drawn(id) && stage.layout.has(id));
  return (
    <div className="anim-stage" style={{ '--anim-inv': inverseZoom } as CSSProperties}>
      {ghosts.map((id) => (
        <Ghost key={id} id={id} layout={stage.layout} />
      ))}
      {stage.scene.pulses.map((p) => (
        <Ring key={p.key} view={p} drawn={drawn} layout={stage.layout} />
      ))}
      {stage.scene.tokens.map((t) => (
        <Token key={t.key} view={t} drawn={drawn} layout={stage.layout} />
      ))}
    </div>
  );
}

interface Where {
  readonly drawn: (id: string) => MeasuredNode | undefined;
  readonly layout: ReadonlyMap<string, Point>;
}

/** The outline of a node that is gone, with its name. */
function Ghost({ id, layout }: { readonly id: string; readonly layout: ReadonlyMap<string, Point> }) {
  const r = rectOf(id, () => undefined, layout);
  const ref = refOf(id);
  if (!r || !ref) return null;
  const style = { transform: `translate(${r.x}px, ${r.y}px)`, width: r.width, height: r.height };
  return (
    <div className="anim-ghost" style={style} data-node={id}>
      <span className="card-kind">{ref.kind}</span> <span className="card-title">{ref.name}</span>
    </div>
  );
}

/** A ring around a node whose state changed, and what changed. */
function Ring({ view, drawn, layout }: Where & { readonly view: PulseView }) {
  const r = rectOf(view.node, drawn, layout);
  if (!r) return null;
  const style = {
    transform: `translate(${r.x}px, ${r.y}px)`,
    width: r.width,
    height: r.height,
    '--anim-ms': `${view.duration}ms`,
  } as CSSProperties;
  return (
    <div className={`anim-ring anim-tone-${view.tone}`} style={style} data-node={view.node}>
      <span className="anim-caption">{view.label}</span>
    </div>
  );
}

/**
 * An IRP on its way: one hop by a CSS animation, from the side of one card
 * that faces the next to the side of the next that faces it, and drawn
 * outside both (issue 17: the token never hides a value as it changes; the
 * values are drawn inside the cards, and the world drawn changes as the
 * token sets off). A token resting on a node stands above it.
 */
function Token({ view, drawn, layout }: Where & { readonly view: TokenView }) {
  const ref = useRef<HTMLDivElement>(null);
  const a = rectOf(view.from, drawn, layout);
  const b = rectOf(view.to, drawn, layout) ?? a;
  const path = a && b ? hopPath(a, b) : null;
  const startSide: EdgePoint['side'] = path?.from.side ?? 'above';
  const endSide: EdgePoint['side'] = path?.to.side ?? 'above';
  useLayoutEffect(() => {
    const el = ref.current;
    // (The outward shift follows the hop, from the side it leaves to the side it reaches.)
    if (!el || typeof el.animate !== 'function' || prefersReducedMotion()) return;
    const shift = el.animate([{ translate: SHIFT[startSide] }, { translate: SHIFT[endSide] }], {
      duration: view.duration,
      easing: 'ease-in-out',
      fill: 'both',
    });
    return () => shift.cancel();
  }, [startSide, endSide, view.duration]);
  if (!path) return null;
  const style = {
    translate: SHIFT[endSide],
    '--fx': `${path.from.x}px`,
    '--fy': `${path.from.y}px`,
    '--tx': `${path.to.x}px`,
    '--ty': `${path.to.y}px`,
    '--anim-ms': `${view.duration}ms`,
  } as CSSProperties;
  const motion = `${view.enter ? ' anim-enter' : ''}${view.leave ? ' anim-leave' : ''}`;
  return (
    <div
      ref={ref}
      className={`anim-token anim-tone-${view.tone}${motion}`}
      style={style}
      data-from={view.from}
      data-to={view.to}
      data-side={endSide}
    >
      {view.label}
    </div>
  );
}

/** How far a token centred on an edge moves out of the card: its scaled half height and a gap. */
const SHIFT = {
  above: '0 calc(-50% * var(--anim-inv, 1) - 3px)',
  below: '0 calc(50% * var(--anim-inv, 1) + 3px)',
} as const;
