import { explainUnload, type ObjectRef, type World } from '../kernel';

/** One driver or module in the checklist's overview (nothing selected). */
export interface OwnerSummary {
  readonly ref: ObjectRef;
  readonly name: string;
  /** Its state in a word or two, from the world. */
  readonly state: string;
  readonly tone: 'ok' | 'pending' | 'danger' | 'ghost';
  /** explainUnload's one-line summary. */
  readonly summary: string;
}

const WINDOWS_STATE = {
  loaded: ['loaded', 'ok'],
  unloadPending: ['Unload Pending', 'pending'],
  unloaded: ['unloaded', 'ghost'],
  entryFailed: ['DriverEntry failed', 'danger'],
} as const;

/** Every driver (Windows) or module (SVR5), in the order they appeared, with the kernel's summary. */
export function ownerSummaries(world: World): OwnerSummary[] {
  if (world.os === 'windows') {
    return [...world.drivers.values()].map((d) => {
      const [state, tone] = WINDOWS_STATE[d.state];
      return {
        ref: { kind: 'driver', name: d.name },
        name: `\\Driver\\${d.name}`,
        state: d.stuck ? 'stuck' : state,
        tone: d.stuck ? 'danger' : tone,
        summary: explainUnload(world, d.name).summary,
      };
    });
  }
  return [...world.modules.values()].map((m) => ({
    ref: { kind: 'module', name: m.name },
    name: m.name,
    state: m.loaded ? 'loaded' : 'not loaded',
    tone: m.loaded ? 'ok' : 'ghost',
    summary: explainUnload(world, m.name).summary,
  }));
}

/** The owner as the checklist heading names it. */
export function ownerTitle(world: World, owner: string): string {
  return world.os === 'windows' ? `\\Driver\\${owner}` : owner;
}
