import type { Clock } from './clock';
import type { Plan, Tone } from './plan';

/**
 * Plays a plan on a clock: at each moment a cue starts or ends it hands the
 * scene (what is on stage now) to `render`. No DOM, no React: the layer
 * draws the scene, CSS does the motion in between, so React renders once per
 * moment, never per frame.
 */

/** One hop of a token (a new key per hop restarts its CSS animation). */
export interface TokenView {
  readonly key: string;
  readonly token: number;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly tone: Tone;
  readonly duration: number;
  /** The token's first appearance: it fades in. */
  readonly enter: boolean;
  /** The token's last cue: it fades out. */
  readonly leave: boolean;
}

export interface PulseView {
  readonly key: string;
  readonly node: string;
  readonly label: string;
  readonly tone: Tone;
  readonly duration: number;
}

export interface Scene {
  /** True from play until the plan ends or is cancelled. */
  readonly active: boolean;
  readonly tokens: readonly TokenView[];
  readonly pulses: readonly PulseView[];
}

export const IDLE: Scene = { active: false, tokens: [], pulses: [] };

type Change =
  | { readonly t: number; readonly op: 'start'; readonly view: TokenView | PulseView }
  | { readonly t: number; readonly op: 'endPulse'; readonly key: string }
  | { readonly t: number; readonly op: 'endToken'; readonly token: number };

function changesOf(plan: Plan): Change[][] {
  const changes: Change[] = [];
  const tokenEnds = new Map<number, number>();
  const seenTokens = new Set<number>();
  const lastCue = new Map<number, number>();
  plan.cues.forEach((c, i) => {
    if (c.kind === 'token') lastCue.set(c.token, i);
  });
  plan.cues.forEach((c, i) => {
    if (c.kind === 'pulse') {
      const key = `p${i}`;
      changes.push({ t: c.at, op: 'start', view: { key, ...pick(c) } });
      changes.push({ t: c.at + c.duration, op: 'endPulse', key });
      return;
    }
    const view: TokenView = {
      key: `t${i}`,
      token: c.token,
      from: c.from,
      to: c.to,
      label: c.label,
      tone: c.tone,
      duration: c.duration,
      enter: !seenTokens.has(c.token),
      leave: lastCue.get(c.token) === i,
    };
    seenTokens.add(c.token);
    changes.push({ t: c.at, op: 'start', view });
    tokenEnds.set(c.token, Math.max(tokenEnds.get(c.token) ?? 0, c.at + c.duration));
  });
  for (const [token, t] of tokenEnds) changes.push({ t, op: 'endToken', token });
  // By time; at one time, what ends goes before what starts (a node's next pulse replaces its last).
  const rank = (c: Change) => (c.op === 'start' ? 1 : 0);
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.t - b.c.t || rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
  const moments: Change[][] = [];
  for (const c of sorted) {
    const last = moments[moments.length - 1];
    if (last && last[0]?.t === c.t) last.push(c);
    else moments.push([c]);
  }
  return moments;
}

function pick(c: { node: string; label: string; tone: Tone; duration: number }) {
  return { node: c.node, label: c.label, tone: c.tone, duration: c.duration };
}

const isToken = (v: TokenView | PulseView): v is TokenView => 'token' in v;

function apply(scene: Scene, changes: readonly Change[]): Scene {
  let tokens = scene.tokens;
  let pulses = scene.pulses;
  for (const c of changes) {
    if (c.op === 'endPulse') pulses = pulses.filter((p) => p.key !== c.key);
    else if (c.op === 'endToken') tokens = tokens.filter((t) => t.token !== c.token);
    else if (isToken(c.view)) {
      const v = c.view;
      // The token's next hop replaces its last one.
      tokens = [...tokens.filter((t) => t.token !== v.token), v];
    } else {
      const v = c.view;
      // A node's new pulse replaces the one still fading there: one ring, one caption per node.
      pulses = [...pulses.filter((p) => p.node !== v.node), v];
    }
  }
  return { active: true, tokens, pulses };
}

/**
 * Starts playing; returns a stop function. `render` receives every new scene
 * and finally IDLE (when the plan ends, or on stop).
 */
export function play(plan: Plan, clock: Clock, render: (scene: Scene) => void): () => void {
  const moments = changesOf(plan);
  const start = clock.now();
  let scene: Scene = { ...IDLE, active: true };
  let cancel: (() => void) | null = null;
  let done = false;
  let i = 0;

  const finish = () => {
    if (done) return;
    done = true;
    cancel?.();
    cancel = null;
    render(IDLE);
  };

  const next = () => {
    const moment = moments[i];
    if (!moment) {
      finish();
      return;
    }
    const due = (moment[0]?.t ?? 0) - (clock.now() - start);
    cancel = clock.schedule(() => {
      cancel = null;
      i++;
      scene = apply(scene, moment);
      if (i < moments.length) render(scene);
      next();
    }, due);
  };

  render(scene);
  next();
  return finish;
}
