import { useEffect } from 'react';
import type { Visualizer } from '../store';
import { openQuestion } from './commands';

/**
 * The presenter console's link to the projected window: one BroadcastChannel
 * per projected visualizer (its name carries a random id made by that
 * visualizer's presenter bar), so two visualizers on a page, or two lessons
 * in two tabs, never drive each other. The projected window says where it
 * is; the console says what to do. Nothing else crosses.
 */

/** Projected → console: where the lesson is. */
export interface ConsoleState {
  readonly type: 'state';
  readonly lesson: string;
  readonly cursor: number;
  /** The step whose question is open on the projector, or null. */
  readonly asking: number | null;
}

/** Console → projected: a stepping command, as a clicker would give it; or a request for the state. */
export type ConsoleRequest =
  | { readonly type: 'hello' }
  | { readonly type: 'command'; readonly id: 'next' | 'back' }
  | { readonly type: 'command'; readonly id: 'goTo'; readonly step: number };

export const channelName = (id: string) => `unload-lens-console:${id}`;

/** What a message from the console may ask; anything else is dropped. */
export function readRequest(data: unknown): ConsoleRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'hello') return { type: 'hello' };
  if (d.type !== 'command') return null;
  if (d.id === 'next' || d.id === 'back') return { type: 'command', id: d.id };
  if (d.id === 'goTo' && Number.isInteger(d.step) && (d.step as number) >= 0)
    return { type: 'command', id: 'goTo', step: d.step as number };
  return null;
}

/** What the projector says, checked the same way. */
export function readState(data: unknown): ConsoleState | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'state' || typeof d.lesson !== 'string' || !Number.isInteger(d.cursor)) return null;
  const asking = Number.isInteger(d.asking) ? (d.asking as number) : null;
  return { type: 'state', lesson: d.lesson, cursor: d.cursor as number, asking };
}

/**
 * The projected side, while its presenter bar is shown: posts where the
 * lesson is at every change (and to a console that says hello), and runs
 * the console's commands through the same door as the keys.
 */
export function useConsoleLink(visualizer: Visualizer, id: string): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(id));
    let last = '';
    const post = (force = false) => {
      const s = visualizer.getState();
      if (!s.lesson) return;
      const state: ConsoleState = {
        type: 'state',
        lesson: s.lesson.id,
        cursor: s.cursor,
        asking: openQuestion(s),
      };
      const key = JSON.stringify(state);
      if (key === last && !force) return;
      last = key;
      channel.postMessage(state);
    };
    channel.onmessage = (e: MessageEvent) => {
      const r = readRequest(e.data);
      if (!r) return;
      if (r.type === 'hello') return post(true);
      if (r.id === 'goTo') visualizer.execute('goTo', { step: r.step });
      else visualizer.execute(r.id);
    };
    const stop = visualizer.store.subscribe(() => post());
    post(true);
    return () => {
      stop();
      channel.close();
    };
  }, [visualizer, id]);
}
