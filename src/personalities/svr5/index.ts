import type { AppPersonality } from '../types';
import { SVR5_ACTIONS } from './actions';
import { svr5Flow, svr5HasLane, svr5Structure, svr5StructureSince } from './flow';

/** SVR5, as the app draws and offers it. */
export const svr5App: AppPersonality<'svr5'> = {
  os: 'svr5',
  actions: SVR5_ACTIONS,
  structure: svr5Structure,
  structureSince: svr5StructureSince,
  hasLane: svr5HasLane,
  flow: svr5Flow,
  ownerState(world, name) {
    const m = world.modules.get(name);
    return m?.loaded ? { state: 'loaded', tone: 'ok' } : { state: 'not loaded', tone: 'ghost' };
  },
};
