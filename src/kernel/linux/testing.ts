import type { LinuxAction, LinuxOptions } from './actions';
import type { LinuxEvent } from './events';
import type { LinuxWorld } from './model';
import { createLinuxWorld, linuxStep } from './step';
import type { LinuxResult } from './tx';

/** Test helpers: run a list of actions from a fresh world; the last result and every step's. */
export function runLinux(actions: readonly LinuxAction[], options: Partial<LinuxOptions> = {}) {
  let world: LinuxWorld = createLinuxWorld(options);
  const results: LinuxResult[] = [];
  for (const a of actions) {
    const r = linuxStep(world, a);
    results.push(r);
    world = r.world;
  }
  const last = results[results.length - 1];
  if (!last) throw new Error('runLinux needs at least one action');
  return { world, last, results, statuses: results.map((r) => r.status) };
}

/** The event types of a result, in order. */
export function types(r: { events: readonly LinuxEvent[] }): string[] {
  return r.events.map((e) => e.type);
}

/** A module `m` with a driver and one device `m0` plugged in. */
export function withDevice(
  m: string,
  extra: Partial<Extract<LinuxAction, { do: 'defineModule' }>> = {},
): LinuxAction[] {
  return [
    { do: 'defineModule', module: m, ...extra },
    { do: 'plugDevice', device: `${m}0`, driver: m },
  ];
}

/** What exit does for a module with one bound device, in the driver core's order, then free_module. */
export const EXIT_ONE_DEVICE = [
  'exitCalled',
  'removeCalled',
  'devresReleased',
  'deviceUnbound',
  'driverUnregistered',
  'moduleFreed',
] as const;
