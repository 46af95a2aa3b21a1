import { isOs, isOsLoaded, loadOs, osOfScenario, type Os } from '../kernel/core';

/**
 * The OSes a command's arguments name: `os` (`switchOs`) and the OS of
 * `scenario` (`loadScenario`, `loadLesson`). Anything else is for the door
 * to answer, in its own words.
 */
function osesIn(args: unknown): Os[] {
  if (typeof args !== 'object' || args === null) return [];
  try {
    const { os, scenario } = args as { os?: unknown; scenario?: unknown };
    return [...(isOs(os) ? [os] : []), ...[osOfScenario(scenario)].filter((o) => o !== undefined)];
  } catch {
    // Arguments that throw when read (a host's getter): the door reads them again, and answers the fault.
    return [];
  }
}

/**
 * Loads the kernels a command's arguments name, before the command goes
 * through the door (which is synchronous, and makes a world of an OS only
 * once that OS's kernel has loaded: src/kernel/os.ts `loadOs`).
 */
export async function loadFor(args: unknown): Promise<void> {
  await Promise.all(osesIn(args).map((os) => loadOs(os)));
}

/** An OS a command's arguments name whose kernel has not loaded yet, if any. */
export function notLoadedFor(args: unknown): Os | undefined {
  return osesIn(args).find((os) => !isOsLoaded(os));
}
