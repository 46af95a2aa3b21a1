import { argsOf, whole, z } from '../actions/schemas';
import type { CommandDef } from '../actions/types';
import type { World } from '../kernel/core';
import { worldAt, type AnimationMoment, type VisualizerState } from './state';

export type { AnimationMoment } from './state';

/** The moment, if it belongs to the step animating now at the cursor. */
export function currentMoment(s: VisualizerState): AnimationMoment | null {
  const m = s.animating;
  const entry = s.entries[s.cursor - 1];
  if (!m || !entry || entry.id !== m.entryId || s.playing?.nonce !== m.nonce || !entry.moments) return null;
  return m;
}

/** The world to draw: the world as of the event being animated, or the cursor's world. */
export function shownWorld(s: VisualizerState): World {
  const m = currentMoment(s);
  const entry = s.entries[s.cursor - 1];
  if (!m || !entry?.moments) return worldAt(s);
  if (m.event < 0) return s.cursor === 1 ? s.initial : (s.entries[s.cursor - 2]?.world ?? s.initial);
  return entry.moments[m.event] ?? entry.world;
}

/** The event of the current step played last, while it animates (−1 before the first), else null. */
export const selectAnimatedEvent = (s: VisualizerState): number | null => currentMoment(s)?.event ?? null;

export const ANIMATION_COMMANDS = [
  {
    kind: 'command',
    id: 'animationAt',
    label: 'Animation position',
    help: 'Where the animation of a step is: { entryId, nonce, event } (the animation layer says so), or null when it ends',
    args: argsOf(
      {
        at: z.nullable(
          argsOf({ entryId: whole(), nonce: whole(), event: whole() }, '{ entryId, nonce, event }'),
        ),
      },
      '{ at: { entryId, nonce, event } | null }',
    ),
    available: () => ({ enabled: true }),
    perform: (s, a) => (s.animating === a.at ? s : { ...s, animating: a.at }),
  } satisfies CommandDef<{ at: AnimationMoment | null }>,
] as const;
