import type { Os, World } from '../kernel/core';
import { svr5App } from './svr5';
import type { AppPersonality } from './types';
import { windowsApp } from './windows';

export type * from './types';

/**
 * Every OS the app draws, keyed like the kernel's `PERSONALITIES`: an OS the
 * kernel gains and this table lacks is a compile error here.
 */
export const APP_PERSONALITIES: { readonly [O in Os]: AppPersonality<O> } = {
  windows: windowsApp,
  svr5: svr5App,
};

/** The app personality of one OS. */
export function appOf(os: Os): AppPersonality<Os> {
  return APP_PERSONALITIES[os];
}

/** The app personality of a world, for code that serves every OS. */
export function appFor(world: World): AppPersonality<Os> {
  return APP_PERSONALITIES[world.os];
}
