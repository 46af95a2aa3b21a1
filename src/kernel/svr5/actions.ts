import * as z from 'zod/mini';
import { bool, list, name, oneOf, seconds, show } from '../scenario/fields';
import { LIMITS } from '../scenario/limits';
import type { Infer } from '../scenario/infer';

/**
 * The SVR5 actions of the scenario format (shared/design/scenario-format.md),
 * one schema each: the single source of the action types. The kernel, the
 * parser and the app's forms all derive from them.
 */

export const DDI_VERSIONS = ['4', '5', '5mp', '6', '6mp', '7', '7mp', '7.1', '7.1mp', '8', '8mp'] as const;

/** errnos(D5): the ones a driver commonly returns. */
export const ERRNOS = [
  'EBUSY',
  'EINVAL',
  'EIO',
  'ENOMEM',
  'EAGAIN',
  'ENXIO',
  'ENODEV',
  'EPERM',
  'EEXIST',
  'EFAULT',
  'EINTR',
  'EACCES',
  'EOPNOTSUPP',
] as const;

const errnoOrZero = z.union([z.literal(0), z.literal('0'), z.enum(ERRNOS)], {
  error: (iss) => `expected 0 or an errno name (${ERRNOS.join(', ')}), got ${show(iss.input)}`,
});

export const svr5Actions = {
  registerModule: {
    module: name(),
    ddi: oneOf(DDI_VERSIONS),
    /** At most LIMITS.instances (docs/limits.md). */
    devices: z.optional(list(name(), 'device names', LIMITS.instances)),
    unloadRoutine: bool(),
    loadReturns: z.optional(errnoOrZero),
    unloadReturns: z.optional(errnoOrZero),
    dependsOn: z.optional(list(name(), 'module names', LIMITS.dependsOn)),
    hba: bool(),
    hot: bool(),
    unloadDelay: z.optional(seconds(0, 3600)),
    copyoutInUnload: bool(),
    /** Ours: a driver bug, `_unload` calls drv_detach and then returns its `unloadReturns` errno. Default false. */
    failsAfterDetach: bool(),
    /** Ours: the instances whose config(CFG_ADD) fails with ENODEV at load. Default none. */
    addFails: z.optional(list(name(), 'device names', LIMITS.instances)),
    /** Ours: seconds its I/O drains after the last close; `_unload` answers EBUSY until then. Default 0. */
    drainSeconds: z.optional(seconds(0, 86_400)),
    /** Ours: seconds `_unload` sleeps before it answers (an unload in progress). Default 0. */
    unloadSleeps: z.optional(seconds(0, 3600)),
    /** Ours: a static (non-loadable) module, linked into the kernel: present from boot, never loaded or unloaded. Default false. */
    static: bool(),
    /** Ours: a STREAMS module (pushed onto streams with I_PUSH; no device instances of its own). Default false. */
    streams: bool(),
    /** Ours: a hotplug-aware MDI network driver: its CFG_SUSPEND / CFG_RESUME call mdi_hw_suspended / mdi_hw_resumed. Default false. */
    mdi: bool(),
    /** Ours: the instances whose config(CFG_VERIFY) finds no hardware it can drive (ENODEV). Default none. */
    verifyFails: z.optional(list(name(), 'device names', LIMITS.instances)),
  },
  loadModule: { module: name() },
  open: { device: name(), channel: name() },
  close: { channel: name() },
  /** Ours: ioctl(I_PUSH): push a STREAMS module onto the stream open as `channel` (autoloads it). */
  push: { channel: name(), module: name() },
  /** Ours: ioctl(I_POP): pop the topmost STREAMS module off the stream open as `channel`. */
  pop: { channel: name() },
  unloadModule: { module: name() },
  /** Ours: moduload(0), modadmin -u 0: demand-unload every loadable module that can go. */
  unloadAll: {},
  advanceTime: { seconds: seconds(0, 86_400) },
  hotRemove: { device: name() },
  /** Ours: a card goes back into the slot of a removed instance of a D_HOT driver (CFG_ADD if loaded). */
  hotAdd: { device: name() },
  /** Ours: config(CFG_SUSPEND) for one instance of a D_HOT driver, as before its slot powers off. */
  suspendInstance: { device: name() },
  /** Ours: config(CFG_RESUME) for a suspended instance. */
  resumeInstance: { device: name() },
  /** Ours: config(CFG_MODIFY) for a suspended instance: new hardware parameters (a new resource manager key). */
  modifyInstance: { device: name() },
  /** Ours: config(CFG_VERIFY) for an instance: does the hardware its key describes match the driver? */
  verifyInstance: { device: name() },
  shutdown: {},
} satisfies Record<string, z.core.$ZodShape>;

export type Svr5Action = Infer<typeof svr5Actions>;
export type Svr5ActionName = Svr5Action['do'];
export const SVR5_ACTION_NAMES = Object.keys(svr5Actions) as Svr5ActionName[];

/** The scenario's `options` for SVR5. */
export const svr5Options = {
  defUnloadDelay: z.optional(seconds(0, 3600)),
  unloadWake: z.optional(seconds(1, 3600)),
  profiling: bool(),
};
export type Svr5Options = Required<z.infer<z.ZodMiniObject<typeof svr5Options>>>;
export const DEFAULT_SVR5_OPTIONS: Svr5Options = { defUnloadDelay: 60, unloadWake: 60, profiling: false };

/**
 * What an optional field means when a step leaves it out: the one source for
 * the kernel (which reads it) and the app's forms (which start from it).
 * `devices` defaults to `[module + "0"]`, which depends on the module's name:
 * the kernel applies it (svr5/step.ts).
 */
export const SVR5_ACTION_DEFAULTS = {
  registerModule: {
    unloadRoutine: true,
    loadReturns: '0',
    unloadReturns: '0',
    hba: false,
    hot: false,
    copyoutInUnload: false,
    failsAfterDetach: false,
    drainSeconds: 0,
    unloadSleeps: 0,
    static: false,
    streams: false,
    mdi: false,
  },
} as const satisfies { [K in Svr5ActionName]?: Partial<Extract<Svr5Action, { do: K }>> };
