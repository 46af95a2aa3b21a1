import type { Map as IMap, OrderedSet } from 'immutable';
import type { Svr5Options } from './actions';

/** The SVR5 personality's objects (shared/domain/svr5.md). Immutable values, persistent tables. */

export type Ddi = '4' | '5' | '5mp' | '6' | '6mp' | '7' | '7mp' | '7.1' | '7.1mp' | '8' | '8mp';

export function isDdi8(ddi: Ddi): boolean {
  return ddi === '8' || ddi === '8mp';
}

export interface Module {
  readonly name: string;
  readonly ddi: Ddi;
  readonly hasUnload: boolean;
  /** What `_load` returns: "0" or an errno name. */
  readonly loadReturns: string;
  /** What `_unload` returns: "0" or an errno name. */
  readonly unloadReturns: string;
  readonly dependsOn: readonly string[];
  readonly hba: boolean;
  /** A static module: linked into the kernel (not a DLKM), present from boot, never unloaded. */
  readonly isStatic: boolean;
  /** A STREAMS module: pushed onto streams (I_PUSH), not opened; no device instances. */
  readonly streams: boolean;
  /** A hotplug-aware MDI (network) driver: it tells the dlpi module when its hardware is suspended or resumed. */
  readonly mdi: boolean;
  /** Streams (channels) it is pushed on: each holds it, as an open device does. */
  readonly pushedOn: OrderedSet<string>;
  /** D_HOT: instances can be hot-removed while the module stays loaded. */
  readonly hot: boolean;
  /** PREFIX_UNLOAD_DELAY (pre-DDI 8 only); null: the global DEF_UNLOAD_DELAY. */
  readonly unloadDelay: number | null;
  readonly copyoutInUnload: boolean;
  /** A driver bug: `_unload` calls drv_detach, then returns its non-zero `unloadReturns`. */
  readonly failsAfterDetach: boolean;
  /** Instances whose config(CFG_ADD) fails (ENODEV) when drv_attach reaches them. */
  readonly addFails: readonly string[];
  /** Instances whose config(CFG_VERIFY) answers ENODEV: the hardware is not one the driver can manage. */
  readonly verifyFails: readonly string[];
  /**
   * Seconds its I/O takes to drain after it goes inactive (its last close):
   * a `_unload` called before then answers EBUSY (the driver's own answer),
   * after it `unloadReturns`.
   */
  readonly drainSeconds: number;
  /** Seconds `_unload` sleeps (blockable context) before it answers. */
  readonly unloadSleeps: number;
  /** `_unload` is running and sleeps until `until`: the module is in transition. */
  readonly unloading: Unloading | null;
  /** Device instances, in configuration order. */
  readonly devices: readonly string[];
  /** The instances still configured (not hot-removed): the ones CFG_ADD, CFG_REMOVE and CFG_SUSPEND reach. */
  readonly configured: readonly string[];
  readonly loaded: boolean;
  /** How the current load came about. */
  readonly loadedBy: 'demand' | 'auto' | 'dependency' | 'static' | null;
  /** A demand unload failed: the daemon may now unload it. */
  readonly autoCandidate: boolean;
  /** When the module last became inactive (no open device); null while active or not loaded. */
  readonly idleSince: number | null;
  /** Loaded modules that depend on this one. */
  readonly dependents: OrderedSet<string>;
  /** Channels open on its devices (their number is part of its hold count). */
  readonly openChannels: OrderedSet<string>;
  /** How many times it has been loaded. */
  readonly generation: number;
  /** What the last `_load` or `_unload` call returned ("0" or an errno), for the inspector. */
  readonly lastLoadResult: string | null;
  readonly lastUnloadResult: string | null;
}

export interface Unloading {
  /** Who called `_unload`. */
  readonly by: 'demand' | 'daemon';
  readonly since: number;
  /** When `_unload` returns. */
  readonly until: number;
}

export interface DeviceInstance {
  readonly name: string;
  readonly module: string;
  /** Not configured: hot-removed (config CFG_REMOVE) while the module stayed loaded, or its CFG_ADD failed. */
  readonly removed: boolean;
  /** Its config(CFG_ADD) failed at the last load. */
  readonly addFailed?: boolean;
  /** Suspended (config CFG_SUSPEND, as before a hot-plug slot powers off) until CFG_RESUME: it gets no I/O. */
  readonly suspended: boolean;
  /** Open channels on this instance. */
  readonly channels: OrderedSet<string>;
  /** How many times config(CFG_MODIFY) gave it new hardware parameters (a new resource manager key). */
  readonly modified?: number;
  /** What its last config(CFG_VERIFY) answered ("0" or an errno), if it was ever asked. */
  readonly lastVerify?: string;
}

export interface Channel {
  readonly name: string;
  readonly device: string;
  /** STREAMS modules pushed on this stream, bottom first (I_POP takes the last). */
  readonly pushed?: readonly string[];
}

export interface Svr5World {
  readonly os: 'svr5';
  readonly options: Svr5Options;
  readonly modules: IMap<string, Module>;
  readonly devices: IMap<string, DeviceInstance>;
  readonly channels: IMap<string, Channel>;
  /** Loaded modules the auto-unload daemon may consider. */
  readonly autoCandidates: OrderedSet<string>;
  /** Seconds since boot. */
  readonly clock: number;
  readonly shutDown: boolean;
}

/** The delay the daemon applies: PREFIX_UNLOAD_DELAY before DDI 8, else DEF_UNLOAD_DELAY. */
export function unloadDelayOf(m: Module, options: Svr5Options): number {
  return !isDdi8(m.ddi) && m.unloadDelay !== null ? m.unloadDelay : options.defUnloadDelay;
}

/** Never unloadable: static modules, pre-DDI 8 without `_unload`, and HBA drivers. */
export function neverUnloadable(m: Module): string | null {
  if (m.isStatic) return 'it is a static module, linked into the kernel: it is never unloaded';
  if (!m.hasUnload) return 'it has no _unload routine (optional before DDI 8): it is never unloaded';
  if (m.hba) return 'it is an HBA driver: HBA drivers are never unloaded';
  return null;
}

/** What `_unload` answers now: EBUSY while its I/O still drains, else what the scenario gave it. */
export function unloadAnswer(m: Module, clock: number): { status: string; drainedAt: number | null } {
  const drainedAt = m.idleSince === null ? null : m.idleSince + m.drainSeconds;
  if (drainedAt !== null && clock < drainedAt) return { status: 'EBUSY', drainedAt };
  return { status: m.unloadReturns, drainedAt };
}

/** The hold count the inspector shows: open channels, loaded dependents and streams it is pushed on. */
export function holdCount(m: Module): number {
  return m.openChannels.size + m.dependents.size + m.pushedOn.size;
}
