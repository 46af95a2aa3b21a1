import type { EventType, KernelEvent, ObjectRef } from '../kernel/core';
import { nodeId } from '../ui/ids';

/**
 * A step's events → a timeline of cues. Pure: no clock, no DOM. The kernel
 * already emitted its events in the order things happen (QUERY_REMOVE top
 * first, CANCEL_REMOVE bottom first, completion from the pending point up),
 * so the plan never reorders: a token hops device to device in event order,
 * and every state change becomes a pulse at its object, in turn.
 */

export type Tone = 'info' | 'ok' | 'pending' | 'danger';

/** A token shown on its way from one node's centre to another's (from === to: it rests there). */
export interface TokenCue {
  readonly kind: 'token';
  /** The index, in the step's events, of the event this cue shows (what is drawn follows it). */
  readonly event: number;
  /** Start, ms from the step's start. */
  readonly at: number;
  readonly duration: number;
  /** Which token: the hops of one IRP's journey share it. */
  readonly token: number;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly tone: Tone;
}

/** A ring around a node whose state changed, with a short caption. */
export interface PulseCue {
  readonly kind: 'pulse';
  /** The index, in the step's events, of the event this cue shows. */
  readonly event: number;
  readonly at: number;
  readonly duration: number;
  readonly node: string;
  readonly label: string;
  readonly tone: Tone;
}

export type Cue = TokenCue | PulseCue;

export interface Plan {
  /** Sorted by `at` (stable: the kernel's order breaks ties). */
  readonly cues: readonly Cue[];
  /** When the last cue ends, ms. */
  readonly total: number;
}

/** Base durations at speed 1, ms. */
export const TIMING = {
  /** A token appears at the first device it is delivered to. */
  appear: 150,
  /** One hop, device to device. */
  hop: 350,
  /** A token rests at its last device before it goes. */
  linger: 150,
  /** A pulse lasts this long… */
  pulse: 500,
  /** …and the next one starts this much later, so pulses overlap. */
  pulseGap: 200,
  /** A step never plays longer than this: a busy step is compressed. */
  cap: 4000,
} as const;

export interface PlanOptions {
  /**
   * false (prefers-reduced-motion): nothing travels; each delivery is a
   * labelled pulse at its device instead, at the moment the token would have
   * reached it, so the order and every state change still show.
   */
  readonly motion?: boolean;
  /** Override the cap (ms); Infinity disables compression. */
  readonly cap?: number;
}

const EMPTY: Plan = { cues: [], total: 0 };

// ── What each event looks like ────────────────────────────────────────────

type RefField = 'driver' | 'module' | 'device' | 'handle' | 'irp' | 'registration' | 'reference' | 'channel';

const KIND_OF: Record<RefField, ObjectRef['kind']> = {
  driver: 'driver',
  module: 'module',
  device: 'device',
  handle: 'handle',
  irp: 'irp',
  registration: 'registration',
  reference: 'reference',
  channel: 'channel',
};

interface PulseSpec {
  readonly kind: 'pulse';
  /** The fields naming the node to pulse, in order of preference: the first present wins. */
  readonly on: readonly RefField[];
  readonly tone: Tone;
  readonly label: string | ((e: KernelEvent) => string);
}

/** A delivery to a device: consecutive deliveries with the same key are one token's journey. */
interface TokenSpec {
  readonly kind: 'token';
  readonly key: (e: KernelEvent) => string;
  readonly tone: (e: KernelEvent) => Tone;
  readonly label: (e: KernelEvent) => string;
}

const pulse = (on: readonly RefField[], tone: Tone, label: PulseSpec['label']): PulseSpec => ({
  kind: 'pulse',
  on,
  tone,
  label,
});

/** `IRP_MJ_READ` → `READ`, `IRP_MN_QUERY_REMOVE_DEVICE` → `QUERY_REMOVE`. */
export function shortIrpName(name: string | undefined): string {
  if (!name) return 'IRP';
  return name.replace(/^IRP_M[JN]_/, '').replace(/_DEVICE$/, '');
}

const PNP_TONES: Record<string, Tone> = {
  IRP_MN_QUERY_REMOVE_DEVICE: 'info',
  IRP_MN_REMOVE_DEVICE: 'danger',
  IRP_MN_CANCEL_REMOVE_DEVICE: 'ok',
  IRP_MN_SURPRISE_REMOVAL: 'danger',
};

/** Every event type is decided here: a token, a pulse, or nothing to draw (null). */
const SPECS: Record<EventType, PulseSpec | TokenSpec | null> = {
  // Deliveries: tokens.
  irpDispatched: {
    kind: 'token',
    // An I/O request by name; CREATE, CLEANUP and CLOSE by their file object.
    key: (e) => (e.irp ? `irp:${e.irp}` : `${e.major ?? ''}:${e.handle ?? ''}`),
    tone: (e) => (e.major === 'IRP_MJ_CLEANUP' || e.major === 'IRP_MJ_CLOSE' ? 'pending' : 'info'),
    label: (e) => shortIrpName(e.major),
  },
  irpCompleted: {
    kind: 'token',
    key: (e) => `done:${e.irp ?? ''}`,
    tone: () => 'ok',
    label: (e) => `${shortIrpName(e.major)} ✓`,
  },
  pnpIrp: {
    kind: 'token',
    key: (e) => `pnp:${e.minor ?? ''}`,
    tone: (e) => PNP_TONES[e.minor ?? ''] ?? 'info',
    label: (e) => shortIrpName(e.minor),
  },
  shutdownIrp: {
    kind: 'token',
    key: (e) => `shutdown:${e.state ?? ''}`,
    tone: () => 'pending',
    label: () => 'SHUTDOWN',
  },

  // Shared by both systems.
  unloadCalled: pulse(['driver', 'module'], 'pending', 'Unload called'),
  refused: pulse(['device', 'module', 'driver', 'channel', 'handle', 'irp'], 'danger', (e) =>
    e.status ? `refused: ${e.status}` : 'refused',
  ),
  systemShutdown: null,

  // Windows.
  driverEntryFailed: pulse(['driver'], 'danger', 'DriverEntry failed'),
  unloadPending: pulse(['driver'], 'pending', 'Unload Pending'),
  imageFreed: pulse(['driver'], 'ok', 'image freed'),
  imageRetained: pulse(['driver'], 'pending', 'image retained'),
  unloadDeferred: pulse(['driver'], 'pending', 'Unload deferred'),
  unloadNeverCalled: pulse(['driver'], 'danger', 'no Unload routine'),
  rebootRequired: pulse(['driver'], 'danger', 'reboot required'),
  driverBug: pulse(['device', 'driver'], 'danger', 'driver bug'),
  driverLoaded: pulse(['driver'], 'ok', 'DriverEntry'),
  deviceCreated: pulse(['device'], 'ok', 'IoCreateDevice'),
  deviceAttached: pulse(['device'], 'info', 'attached'),
  deviceDetached: pulse(['device'], 'pending', 'IoDetachDevice'),
  deleteRequested: pulse(['device'], 'pending', 'IoDeleteDevice'),
  deviceDeleted: pulse(['device'], 'danger', 'deleted'),
  deviceFreed: pulse(['device'], 'danger', 'freed'),
  irpPending: pulse(['irp', 'device'], 'pending', 'STATUS_PENDING'),
  handleOpened: pulse(['handle', 'device'], 'info', 'handle opened'),
  // On the device: the handle's node goes with its file object, often in this very step.
  handleClosed: pulse(['device'], 'pending', 'CloseHandle'),
  fileObjectClosed: pulse(['device'], 'pending', 'file object closed'),
  referenceAdded: pulse(['reference', 'device'], 'info', 'ObReference'),
  referenceReleased: pulse(['device'], 'pending', 'ObDereference'),
  notificationRegistered: pulse(['registration', 'driver'], 'info', 'registered'),
  notificationUnregistered: pulse(['driver'], 'pending', 'unregistered'),
  notificationSent: pulse(['registration', 'driver'], 'info', 'notified'),
  shutdownRegistered: pulse(['device'], 'info', 'shutdown registered'),
  queryRemoveVetoed: pulse(['device', 'driver'], 'danger', 'QUERY_REMOVE vetoed'),
  devnodeState: pulse(['device'], 'info', (e) => (e.state ? `devnode ${e.state}` : 'devnode')),
  fileSystemFlush: null,
  shutdownSkipped: pulse(['device'], 'pending', 'no SHUTDOWN'),
  removeLockAcquired: pulse(['device'], 'info', 'remove lock +1'),
  removeLockReleased: pulse(['device'], 'ok', 'remove lock −1'),
  removeLockWait: pulse(['device'], 'pending', 'REMOVE waits on remove lock'),
  wdfCallback: pulse(['device', 'driver'], 'info', (e) => e.state ?? 'WDF callback'),
  bugCheck: pulse(['driver'], 'danger', (e) => `bug check ${e.status ?? ''}`.trim()),

  // SVR5.
  moduleRegistered: pulse(['module'], 'info', 'registered'),
  loadCalled: pulse(['module'], 'info', '_load called'),
  moduleLoaded: pulse(['module'], 'ok', 'loaded'),
  loadFailed: pulse(['module'], 'danger', (e) => (e.status ? `_load: ${e.status}` : 'load failed')),
  cfgAdd: pulse(['device', 'module'], 'ok', 'CFG_ADD'),
  cfgRemove: pulse(['device', 'module'], 'pending', 'CFG_REMOVE'),
  cfgSuspend: pulse(['device', 'module'], 'pending', 'CFG_SUSPEND'),
  cfgResume: pulse(['device', 'module'], 'ok', 'CFG_RESUME'),
  unloadAllDone: null,
  mdiNotified: pulse(['device', 'module'], 'info', (e) => e.state ?? 'MDI'),
  modulePushed: pulse(['module', 'channel'], 'info', 'I_PUSH'),
  modulePopped: pulse(['module', 'channel'], 'pending', 'I_POP'),
  cfgModify: pulse(['device', 'module'], 'info', 'CFG_MODIFY'),
  cfgVerify: pulse(['device', 'module'], 'info', (e) => `CFG_VERIFY: ${e.status ?? '0'}`),
  moduleFreed: pulse(['module'], 'ok', 'module freed'),
  contextViolation: pulse(['module'], 'danger', 'context violation'),
  interruptsAttached: pulse(['module'], 'info', 'mod_drvattach'),
  interruptsDetached: pulse(['module'], 'pending', 'mod_drvdetach'),
  unloadFailed: pulse(['module'], 'danger', (e) => (e.status ? `_unload: ${e.status}` : 'unload failed')),
  autoUnloadCandidate: pulse(['module'], 'pending', 'auto-unload candidate'),
  openCalled: pulse(['device', 'module'], 'info', 'open'),
  closeCalled: pulse(['device', 'module'], 'pending', 'close'),
  channelOpened: pulse(['channel', 'device'], 'info', 'channel opened'),
  channelClosed: pulse(['device'], 'pending', 'channel closed'),
  instanceRemoved: pulse(['device'], 'danger', 'instance removed'),
  halt: pulse(['module'], 'pending', '_halt'),
  clockAdvanced: null,
  daemonWake: null,
};

function nodeOf(e: KernelEvent, on: readonly RefField[]): string | null {
  for (const f of on) {
    const name = e[f];
    if (name !== undefined) return nodeId({ kind: KIND_OF[f], name });
  }
  return null;
}

// ── Planning ──────────────────────────────────────────────────────────────

interface Run {
  readonly spec: TokenSpec;
  readonly key: string;
  readonly events: KernelEvent[];
  /** Each event's index in the step's events. */
  readonly at: number[];
}

interface Single {
  readonly e: KernelEvent;
  readonly at: number;
}

/** Splits events into token runs (consecutive deliveries with one key) and single events. */
function group(events: readonly KernelEvent[]): (Run | Single)[] {
  const out: (Run | Single)[] = [];
  let run: Run | null = null;
  events.forEach((e, i) => {
    const spec = SPECS[e.type];
    if (spec?.kind === 'token' && e.device !== undefined) {
      const key = spec.key(e);
      if (run && run.key === key) {
        run.events.push(e);
        run.at.push(i);
        return;
      }
      run = { spec, key, events: [e], at: [i] };
      out.push(run);
      return;
    }
    run = null;
    out.push({ e, at: i });
  });
  return out;
}

const isRun = (x: Run | Single): x is Run => 'spec' in x;

/** Builds the timeline of one step. */
export function planStep(events: readonly KernelEvent[], options: PlanOptions = {}): Plan {
  const motion = options.motion ?? true;
  const cues: Cue[] = [];
  let t = 0;
  let token = 0;
  for (const item of group(events)) {
    if (isRun(item)) {
      const first = item.events[0];
      if (!first) continue;
      const label = item.spec.label(first);
      const tone = item.spec.tone(first);
      const nodes = item.events.map((e) => nodeId({ kind: 'device', name: e.device ?? '' }));
      if (motion) {
        const id = token++;
        const hop = (at: number, duration: number, from: string, to: string, event: number): TokenCue => ({
          kind: 'token',
          event,
          at,
          duration,
          token: id,
          from,
          to,
          label,
          tone,
        });
        const start = nodes[0] ?? '';
        const firstAt = item.at[0] ?? 0;
        const lastAt = item.at[item.at.length - 1] ?? firstAt;
        cues.push(hop(t, TIMING.appear, start, start, firstAt));
        let at = t + TIMING.appear;
        for (let i = 1; i < nodes.length; i++) {
          // The hop that arrives at a device shows the event of that delivery.
          cues.push(hop(at, TIMING.hop, nodes[i - 1] ?? '', nodes[i] ?? '', item.at[i] ?? lastAt));
          at += TIMING.hop;
        }
        const end = nodes[nodes.length - 1] ?? start;
        cues.push(hop(at, TIMING.linger, end, end, lastAt));
        t = at;
      } else {
        // Still: the device that receives the IRP lights up when the token would have arrived.
        let at = t;
        nodes.forEach((node, i) => {
          cues.push({ kind: 'pulse', event: item.at[i] ?? 0, at, duration: TIMING.pulse, node, label, tone });
          at += TIMING.hop;
        });
        t = at - TIMING.hop + TIMING.appear;
      }
      continue;
    }
    const { e, at: event } = item;
    const spec = SPECS[e.type];
    if (spec?.kind !== 'pulse') continue;
    const node = nodeOf(e, spec.on);
    if (!node) continue;
    const label = typeof spec.label === 'string' ? spec.label : spec.label(e);
    cues.push({ kind: 'pulse', event, at: t, duration: TIMING.pulse, node, label, tone: spec.tone });
    t += TIMING.pulseGap;
  }
  if (cues.length === 0) return EMPTY;
  const plan = { cues, total: totalOf(cues) };
  const cap = options.cap ?? TIMING.cap;
  return plan.total > cap ? scalePlan(plan, cap / plan.total) : plan;
}

function totalOf(cues: readonly Cue[]): number {
  return cues.reduce((m, c) => Math.max(m, c.at + c.duration), 0);
}

/** Multiplies every time by `factor` (compression, or 1/speed); 0 makes everything instant. */
export function scalePlan(plan: Plan, factor: number): Plan {
  if (factor === 1) return plan;
  const f = Math.max(0, factor);
  const cues = plan.cues.map((c) => ({ ...c, at: round(c.at * f), duration: round(c.duration * f) }));
  return { cues, total: totalOf(cues) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
