import { onDemand } from '../actions/onDemand';

/**
 * The kernel's debugger reader (src/kernel/debugger) as the app loads it:
 * the first time someone opens the paste dialog, not with the first view.
 * Whoever sends `importDebugger` awaits `loadReader()` first.
 */
const reader = onDemand(() => import('./reading'));

export const loadReader = reader.load;
export const loadedReader = reader.loaded;
