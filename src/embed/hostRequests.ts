import type { Outcome } from '../actions/types';
import type { Visualizer } from '../store';

/**
 * The host protocol's moves (docs/embed.md), each as the command it runs: one
 * table for the three host adapters — the postMessage bridge (`goto`,
 * `step`, `play`, `pause` messages), the custom element (`el.goto(3)`,
 * `el.step(-1)`, `el.play()`, `el.pause()`) and the React component (`step`,
 * `autoplay` props). A host request is data; the command goes through the
 * visualizer's one door, which checks its arguments (src/actions/schemas.ts).
 */
const HOST_REQUESTS = {
  goto: (r: { readonly step: number }) => ['goTo', { step: r.step }],
  step: (r: { readonly delta?: number }) => ['stepBy', { delta: r.delta ?? 1 }],
  play: () => ['play', undefined],
  pause: () => ['pause', undefined],
} as const satisfies Record<string, (r: never) => readonly [string, unknown]>;

export type HostRequest = keyof typeof HOST_REQUESTS;
type RequestArgs<K extends HostRequest> = Parameters<(typeof HOST_REQUESTS)[K]>;

/** Runs a host's request as its command, marked as the embed's. */
export function runHostRequest<K extends HostRequest>(
  v: Visualizer,
  request: K,
  ...r: RequestArgs<K>
): Outcome {
  const [id, args] = (HOST_REQUESTS[request] as (r: unknown) => readonly [string, unknown])(r[0]);
  return v.run(id, args, 'embed');
}
