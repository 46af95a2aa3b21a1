import type { Os } from './osTypes';
import type { KernelPersonality } from './personality';
import { svr5Kernel } from './svr5/personality';
import { windowsKernel } from './windows/personality';

/**
 * The operating systems the kernel simulates, each a personality in its own
 * folder. Adding one: its folder, a line in `OsTypes` (osTypes.ts) and one in
 * `PERSONALITIES`; the compiler then names everything still missing (in the
 * app too, whose table is keyed the same way).
 */
export type { ActionOf, OptionsOf, Os, OsTypes, WorldOf } from './osTypes';

export const PERSONALITIES: { readonly [O in Os]: KernelPersonality<O> } = {
  windows: windowsKernel,
  svr5: svr5Kernel,
};

/** Every OS, in the order the app offers them. */
export const OSES = Object.keys(PERSONALITIES) as Os[];

/** The OS a visualizer opens on when nothing says which: the first offered. */
export const DEFAULT_OS: Os = 'windows';

export function isOs(value: unknown): value is Os {
  return typeof value === 'string' && Object.hasOwn(PERSONALITIES, value);
}

/** The personality of one OS, with its own types. */
export function kernelOf<O extends Os>(os: O): KernelPersonality<O> {
  return PERSONALITIES[os];
}

/**
 * The personality of a world, for code that serves every OS: it takes any
 * world and action of that OS. (An action of another OS is refused by `step`.)
 */
export function kernelFor(world: { readonly os: Os }): KernelPersonality<Os> {
  return PERSONALITIES[world.os];
}

/** Whether a step went through: its OS's success status (`STATUS_SUCCESS`, `0`); the statuses of different OSes never collide. */
export function isSuccess(status: string): boolean {
  return OSES.some((os) => PERSONALITIES[os].successStatus === status);
}
