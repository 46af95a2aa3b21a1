import { linux, type LinuxRuleId } from './rules';

/**
 * Linux events: data, in order, each naming its objects and the rule behind
 * it (the shape of src/kernel/events.ts's `KernelEvent`). Local types until
 * the OS is registered: registering adds these types to `EventType`, the
 * kinds `file` and `kobject` to `ObjectRef`, and `file`, `kobject`, `taint`
 * to `KernelEvent`'s fields.
 */
export const LINUX_EVENT_TYPES = [
  'refused',
  'moduleDefined',
  'moduleLoading',
  'initCalled',
  'initWaiting',
  'moduleLive',
  'initFailed',
  'alreadyLoaded',
  'holderAdded',
  'holderRemoved',
  'referenceTaken',
  'referenceDropped',
  'moduleGoing',
  'exitCalled',
  'exitWaiting',
  'deleteWaiting',
  'moduleFreed',
  'kernelTainted',
  'driverRegistered',
  'driverUnregistered',
  'probeCalled',
  'deviceBound',
  'removeCalled',
  'devresReleased',
  'deviceUnbound',
  'devicePlugged',
  'deviceUnplugged',
  'fileOpened',
  'fileRead',
  'releaseCalled',
  'fileClosed',
  'kobjectCreated',
  'kobjectGet',
  'kobjectPut',
  'kobjectReleased',
  'useAfterFree',
] as const;

export type LinuxEventType = (typeof LINUX_EVENT_TYPES)[number];

export interface LinuxRef {
  readonly kind: 'module' | 'device' | 'file' | 'reference' | 'kobject';
  readonly name: string;
}

export interface LinuxEvent {
  readonly type: LinuxEventType;
  readonly rule: LinuxRuleId;
  /** Present when the rule is a modelling choice: what the simulator chose. */
  readonly model?: string;
  readonly module?: string;
  readonly device?: string;
  readonly file?: string;
  readonly reference?: string;
  readonly kobject?: string;
  /** "0" or an errno name: what the call answered. */
  readonly status?: string;
  readonly reason?: string;
  readonly blockers?: readonly LinuxRef[];
  /** A module state (`coming`, `live`, `going`) or the kernel's taint letters. */
  readonly state?: string;
  /** How a module came or went: `insmod`, `modprobe` (as a dependency too), `rmmod`, `modprobe -r`. */
  readonly by?: string;
}

export type LinuxEventFields = Omit<LinuxEvent, 'type' | 'rule'>;

export function linuxEv(type: LinuxEventType, rule: LinuxRuleId, fields: LinuxEventFields = {}): LinuxEvent {
  const e: LinuxEvent = { type, rule, ...fields };
  const [evidence, text] = linux[rule];
  return evidence === 'MODEL' && e.model === undefined ? { ...e, model: text } : e;
}

/** Objects in words: "file f1, reference usb and 2 more". */
export function describeLinuxRefs(refs: readonly LinuxRef[]): string {
  const names = refs.map((r) => `${r.kind} ${r.name}`);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
