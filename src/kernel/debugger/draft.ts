import type { WindowsAction } from '../scenario/actions';
import { Names } from './names';
import type { Relations } from './relations';
import type { Index } from './roles';
import type { DebuggerImport, ScenarioNames, Source } from './types';

/**
 * The scenario being written from a paste: its steps, the names it gave
 * the paste's objects, and the sentences that say where it approximates.
 * The step writers (scenario.ts, scenarioIo.ts) share it.
 */

export type DraftStep = WindowsAction & { say: string };

export class Draft {
  readonly steps: DraftStep[] = [];
  readonly approximations: string[] = [];
  readonly names = new Names();
  /** Printed driver name (lowercase) → scenario name. */
  readonly drivers = new Map<string, string>();
  /** Device address → scenario name. */
  readonly devices = new Map<string, string>();
  /** Device address → the handles opened on it. */
  readonly handles = new Map<string, string[]>();
  /** IRP address → scenario name. */
  readonly irps = new Map<string, string>();
  /** Object address → the references held on it. */
  readonly references = new Map<string, string[]>();

  constructor(
    readonly imp: DebuggerImport,
    readonly ix: Index,
    readonly rel: Relations,
  ) {}

  add(step: DraftStep): void {
    this.steps.push(step);
  }

  note(sentence: string): void {
    if (!this.approximations.includes(sentence)) this.approximations.push(sentence);
  }

  driverOf(printed: string | undefined): string | undefined {
    return printed === undefined ? undefined : this.drivers.get(printed.toLowerCase());
  }

  /** The names it gave, for the app to find a paste's object in the scenario's world. */
  nameMap(): ScenarioNames {
    return {
      drivers: Object.fromEntries(this.drivers),
      devices: Object.fromEntries(this.devices),
      handles: Object.fromEntries(this.handles),
      irps: Object.fromEntries(this.irps),
      references: Object.fromEntries(this.references),
    };
  }

  /** Any handle open on a device of `device`'s stack (IRPs need one). */
  handleInStack(device: string): string | undefined {
    for (const d of this.rel.stack(device)) {
      const h = this.handles.get(d)?.[0];
      if (h !== undefined) return h;
    }
    return undefined;
  }
}

/** "line 12 (!devobj), line 30 (!devstack)": where something was read, at most three places. */
export function where(sources: readonly Source[]): string {
  const shown = sources.slice(0, 3).map((s) => `line ${s.line} (!${s.command})`);
  const more = sources.length > 3 ? ` and ${sources.length - 3} more` : '';
  return shown.length === 0 ? 'not printed' : `${shown.join(', ')}${more}`;
}

/** "!devobj, line 61": where a given command printed it first, else where anything did. */
export function firstFrom(sources: readonly Source[], command?: Source['command']): string {
  const s = (command === undefined ? undefined : sources.find((x) => x.command === command)) ?? sources[0];
  return s === undefined ? 'not printed' : `!${s.command}, line ${s.line}`;
}

/** The count words the narration uses ("two file objects"). */
export function count(n: number, one: string, many: string): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return `${words[n] ?? String(n)} ${n === 1 ? one : many}`;
}
