import { RULES, type RuleId } from './rules';

/**
 * Events are data: the engine returns them in order, the app animates them,
 * the log lists them, tests assert on them. Each names the objects it
 * concerns and the documented rule behind it.
 */
export const WINDOWS_EVENT_TYPES = [
  // fixed by the scenario format
  'driverEntryFailed',
  'unloadPending',
  'unloadCalled',
  'imageFreed',
  'pnpIrp',
  'shutdownIrp',
  'deviceDeleted',
  'refused',
  // ours
  'driverLoaded',
  'imageRetained',
  'unloadDeferred',
  'unloadNeverCalled',
  'rebootRequired',
  'driverBug',
  'deviceCreated',
  'deviceAttached',
  'deviceDetached',
  'deleteRequested',
  'deviceFreed',
  'irpDispatched',
  'irpPending',
  'irpCompleted',
  'handleOpened',
  'handleClosed',
  'fileObjectClosed',
  'referenceAdded',
  'referenceReleased',
  'notificationRegistered',
  'notificationUnregistered',
  'notificationSent',
  'shutdownRegistered',
  'queryRemoveVetoed',
  'devnodeState',
  'fileSystemFlush',
  'systemShutdown',
  'shutdownSkipped',
  'removeLockAcquired',
  'removeLockReleased',
  'removeLockWait',
  'wdfCallback',
  'bugCheck',
] as const;

export const SVR5_EVENT_TYPES = [
  // fixed by the scenario format
  'loadCalled',
  'unloadCalled',
  'cfgRemove',
  'moduleFreed',
  'contextViolation',
  'refused',
  // ours
  'moduleRegistered',
  'moduleLoaded',
  'loadFailed',
  'cfgAdd',
  'cfgSuspend',
  'interruptsAttached',
  'interruptsDetached',
  'unloadFailed',
  'autoUnloadCandidate',
  'openCalled',
  'closeCalled',
  'channelOpened',
  'channelClosed',
  'clockAdvanced',
  'daemonWake',
  'instanceRemoved',
  'halt',
  'systemShutdown',
  'cfgResume',
  'cfgModify',
  'cfgVerify',
  'unloadAllDone',
  'modulePushed',
  'modulePopped',
  'mdiNotified',
] as const;

export type WindowsEventType = (typeof WINDOWS_EVENT_TYPES)[number];
export type Svr5EventType = (typeof SVR5_EVENT_TYPES)[number];
export type EventType = WindowsEventType | Svr5EventType;

/** An object an event (or a checklist condition) names. */
export interface ObjectRef {
  readonly kind: 'driver' | 'device' | 'handle' | 'irp' | 'registration' | 'reference' | 'module' | 'channel';
  readonly name: string;
}

/**
 * One thing that happened. Fields that name objects (`driver`, `device`,
 * `handle`, `irp`, `registration`, `reference`, `module`, `channel`, `to`)
 * are the scenario's own names; `objects()` lists them.
 */
export interface KernelEvent {
  readonly type: EventType;
  /** The documented rule behind this event: a key of RULES. */
  readonly rule: RuleId;
  /** Present when the engine made a modelling choice here: what it chose. */
  readonly model?: string;
  readonly driver?: string;
  readonly device?: string;
  readonly handle?: string;
  readonly irp?: string;
  readonly registration?: string;
  readonly reference?: string;
  readonly module?: string;
  readonly channel?: string;
  /** The device attached to (attach) or detached from (detach). */
  readonly to?: string;
  /** KMDF: the framework object a callback is for ("Toaster.queue"), and its parent in the object hierarchy. */
  readonly wdfObject?: string;
  readonly wdfParent?: string;
  /** A remove-lock acquisition outside an IRP (a timer, a DPC): the driver's tag for it. */
  readonly tag?: string;
  readonly major?: string;
  readonly minor?: string;
  /** The NTSTATUS or errno this event reports. */
  readonly status?: string;
  /** Human words for a refusal, a bug or a deferral. */
  readonly reason?: string;
  /** What keeps an unload waiting. */
  readonly blockers?: readonly ObjectRef[];
  /** A devnode state, a notification GUID, or the like. */
  readonly state?: string;
  /** SVR5 clock, seconds. */
  readonly time?: number;
  /** How a module was loaded or unloaded: by demand, automatically, or as a dependency. */
  readonly by?: 'demand' | 'auto' | 'dependency' | 'daemon';
}

type EventFields = Omit<KernelEvent, 'type' | 'rule'>;

/** Builds an event; marks it as a modelling choice when its rule is one. */
export function ev(type: EventType, rule: RuleId, fields: EventFields = {}): KernelEvent {
  const e: KernelEvent = { type, rule, ...fields };
  if (e.model === undefined && RULES[rule].evidence === 'MODEL') {
    return { ...e, model: RULES[rule].text };
  }
  return e;
}

const OBJECT_FIELDS = [
  ['driver', 'driver'],
  ['module', 'module'],
  ['device', 'device'],
  ['to', 'device'],
  ['handle', 'handle'],
  ['channel', 'channel'],
  ['irp', 'irp'],
  ['registration', 'registration'],
  ['reference', 'reference'],
] as const;

/** The objects an event names, in a stable order (for highlighting). */
export function eventObjects(e: KernelEvent): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const [field, kind] of OBJECT_FIELDS) {
    const name = e[field];
    if (name !== undefined) out.push({ kind, name });
  }
  if (e.blockers) out.push(...e.blockers);
  return out;
}

/** Objects in words, for a sentence: "handle h1, irp irp2 and 3 more". */
export function describeRefs(refs: readonly ObjectRef[]): string {
  const names = refs.map((r) => `${r.kind} ${r.name}`);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** The event types that decide how a step ends (what narration names after the status). */
export const DECISIVE_EVENT_TYPES: readonly EventType[] = [
  'refused',
  'unloadCalled',
  'unloadDeferred',
  'unloadNeverCalled',
  'queryRemoveVetoed',
  'moduleFreed',
  'rebootRequired',
  'bugCheck',
];

/** The event that decides how a step ends, if any: a refusal, Unload running or deferred, a veto… */
export function decisiveEvent(events: readonly KernelEvent[]): KernelEvent | undefined {
  return events.find((e) => DECISIVE_EVENT_TYPES.includes(e.type));
}
