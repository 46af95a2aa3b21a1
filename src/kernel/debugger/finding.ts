import type { RuleId } from '../rules';
import type { NextCommand } from './next';
import type { Source } from './types';

/**
 * One line of the answer to "why is this driver still loaded", as
 * `explainImport` gives it: what holds the driver (or that nothing printed
 * does, or that the paste did not say), the rule behind it, and what to
 * type next in the debugger.
 */

export type FindingStatus =
  /** This holds the driver: Unload cannot run (or the image cannot go) while it lasts. */
  | 'holds'
  /** Printed, and it does not hold the driver. */
  | 'clear'
  /** Not printed: the paste cannot say. */
  | 'unknown'
  /** Printed, worth knowing, not a blocker by itself. */
  | 'note';

/** The conditions of `explainUnload`'s checklist a finding bears on (shared/design/scenario-format.md). */
export type ConditionId =
  | 'unloadRequested'
  | 'hasUnloadRoutine'
  | 'noReferences'
  | 'noOutstandingIrps'
  | 'noAttachedDrivers'
  | 'notificationsUnregistered'
  | 'noDeviceObjects';

export type FindingId =
  | 'unloadRoutine'
  | 'unloadPending'
  | 'deviceList'
  | 'openFiles'
  /** Ours: which process holds handles on a device (from !devhandles or !handle). */
  | 'holders'
  /** Ours: the session the paste came from (live, dump, inside DriverEntry). */
  | 'context'
  /** Ours: an object printed without the driver that owns it. */
  | 'owner'
  | 'attachedAbove'
  | 'currentIrp'
  | 'queuedIrps'
  | 'outstandingIrp'
  | 'pointerReferences'
  | 'deletePending'
  | 'initializing'
  | 'devnode'
  | 'notifications';

export interface Blocker {
  readonly kind: 'driver' | 'device' | 'irp' | 'devnode' | 'object';
  readonly address?: string;
  /** A printed name: the driver's, the device's. */
  readonly name?: string;
}

export interface Finding {
  readonly id: FindingId;
  readonly status: FindingStatus;
  readonly condition?: ConditionId;
  /** The object the sentence is about: what holds the driver, or what was not printed. */
  readonly blocker?: Blocker;
  /** One plain sentence. */
  readonly text: string;
  readonly rule?: RuleId;
  /** What to type next in the debugger. */
  readonly next: readonly NextCommand[];
  /** Ours: who holds it, in a few words (`orbisctl.exe`, `the kernel`), for the summary. */
  readonly holder?: string;
  /** Where in the paste it was read (1-based lines). */
  readonly lines: readonly number[];
}

export function finding(
  id: FindingId,
  status: FindingStatus,
  text: string,
  more: Partial<Omit<Finding, 'id' | 'status' | 'text' | 'lines'>> & { sources?: readonly Source[] } = {},
): Finding {
  const { sources, next, ...rest } = more;
  return { id, status, text, next: next ?? [], lines: firstLines(sources ?? []), ...rest };
}

/** Enough lines to find it in the paste: the first few, in order (an object printed 5000 times cites 16). */
const MAX_LINES = 16;

function firstLines(sources: readonly Source[]): number[] {
  const lines = new Set<number>();
  for (const s of sources) {
    if (lines.size >= MAX_LINES) break;
    lines.add(s.line);
  }
  return [...lines].sort((a, b) => a - b);
}
