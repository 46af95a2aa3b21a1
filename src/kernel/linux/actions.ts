import * as z from 'zod/mini';
import { bool, list, name, show } from '../scenario/fields';
import { LIMITS } from '../scenario/limits';
import type { Infer } from '../scenario/infer';

/**
 * The Linux actions of the scenario format, one zod shape each: the single
 * source of the action types (the kernel, the parser and the app's forms
 * derive from them). Words as a Linux user types them: insmod, modprobe,
 * rmmod, `modprobe -r`, sysfs bind/unbind. docs/domain/linux.md.
 */

/** The errnos an init function commonly returns (include/uapi/asm-generic/errno-base.h names). */
const INIT_ERRNOS = [
  'ENODEV',
  'ENOMEM',
  'EINVAL',
  'EIO',
  'EBUSY',
  'ENXIO',
  'EPERM',
  'EEXIST',
  'ENOENT',
] as const;

const initReturn = z.union([z.literal(0), z.literal('0'), z.enum(INIT_ERRNOS)], {
  error: (iss) => `expected 0 or an errno name (${INIT_ERRNOS.join(', ')}), got ${show(iss.input)}`,
});

export const linuxActions = {
  /** A module file (`X.ko`) the machine has: what its code does. Nothing is loaded yet. */
  defineModule: {
    module: name(),
    /** Has a module_init function. Default true. */
    init: bool(),
    /** Has a module_exit function. Default true. */
    exit: bool(),
    /** What init returns: 0 or an errno. Default 0. */
    initReturns: z.optional(initReturn),
    /** Ours: init sleeps (firmware, a probe that waits) until `finishInit`: the module stays COMING. Default false. */
    initSleeps: bool(),
    /** Ours: exit sleeps first (flushes work) until `finishExit`, then unregisters its driver; the module stays GOING meanwhile. Default false. */
    exitSleeps: bool(),
    /** Modules whose symbols it uses (modules.dep). */
    dependsOn: z.optional(list(name(), 'module names', LIMITS.dependsOn)),
    /** Its init registers a driver for devices that name this module as their driver. Default true. */
    driver: bool(),
    /** Ours: its init creates a kobject whose release() is the module's code; exit puts its own reference. Default false. */
    kobject: bool(),
  },
  /** A device appears on a bus (boot or hot-plug); `driver`: the module whose driver matches it. */
  plugDevice: { device: name(), driver: name() },
  /** The device is hot-unplugged: device_del. */
  unplugDevice: { device: name() },
  /** insmod X.ko: init_module, dependencies not loaded for it. */
  insmod: { module: name(), privileged: bool() },
  /** modprobe X: its dependencies first, then X; a loaded module is left as it is. */
  modprobe: { module: name(), privileged: bool() },
  /** Ours: a sleeping init returns now (what `initReturns` says). */
  finishInit: { module: name() },
  /** rmmod X (or rmmod -f X): kmod's check, then delete_module(O_NONBLOCK[|O_TRUNC]). */
  rmmod: { module: name(), force: bool(), privileged: bool() },
  /** modprobe -r X: X, then its unused dependencies. */
  modprobeRemove: { module: name(), privileged: bool() },
  /** The raw syscall: delete_module(name, flags), without rmmod's check; `nonblock` (O_NONBLOCK) defaults to true, as kmod passes it. */
  deleteModule: { module: name(), trunc: bool(), nonblock: bool(), privileged: bool() },
  /** Ours: a sleeping exit wakes: it unregisters its driver, and the module is freed. */
  finishExit: { module: name() },
  /** open() of the device's node: the file's operations belong to the bound driver's module. */
  open: { file: name(), device: name() },
  read: { file: name() },
  /** The last close of the file. */
  close: { file: name() },
  /** Kernel code calls try_module_get(module) and keeps the reference as `ref`. */
  moduleGet: { module: name(), ref: name() },
  /** module_put of the reference `ref`. */
  modulePut: { ref: name() },
  /** echo DEV > /sys/bus/…/drivers/MODULE/unbind */
  unbind: { module: name(), device: name() },
  /** echo DEV > /sys/bus/…/drivers/MODULE/bind */
  bind: { module: name(), device: name() },
  /** Other kernel code takes a reference `ref` on the module's kobject (kobject_get). */
  kobjectGet: { module: name(), ref: name() },
  /** kobject_put of the reference `ref`. */
  kobjectPut: { ref: name() },
} satisfies Record<string, z.core.$ZodShape>;

export type LinuxAction = Infer<typeof linuxActions>;
export type LinuxActionName = LinuxAction['do'];
export const LINUX_ACTION_NAMES = Object.keys(linuxActions) as LinuxActionName[];

/** The scenario's `options` for Linux: the kernel's configuration. */
export const linuxOptions = {
  /** CONFIG_MODULE_FORCE_UNLOAD (Kconfig: "If unsure, say N"). Default false. */
  forceUnload: bool(),
  /** A kernel before 3.13: delete_module without O_NONBLOCK sleeps until the refcnt is 0. Default false (6.12). */
  waitingDelete: bool(),
  /** /proc/sys/kernel/modules_disabled = 1. Default false. */
  modulesDisabled: bool(),
};
export type LinuxOptions = Required<z.infer<z.ZodMiniObject<typeof linuxOptions>>>;
export const DEFAULT_LINUX_OPTIONS: LinuxOptions = {
  forceUnload: false,
  waitingDelete: false,
  modulesDisabled: false,
};

/** What an optional field means when a step leaves it out (the kernel and the forms read the same table). */
export const LINUX_ACTION_DEFAULTS = {
  defineModule: {
    init: true,
    exit: true,
    initReturns: '0',
    initSleeps: false,
    exitSleeps: false,
    dependsOn: [],
    driver: true,
    kobject: false,
  },
  insmod: { privileged: true },
  modprobe: { privileged: true },
  rmmod: { force: false, privileged: true },
  modprobeRemove: { privileged: true },
  deleteModule: { trunc: false, nonblock: true, privileged: true },
} as const satisfies { [K in LinuxActionName]?: Partial<Extract<LinuxAction, { do: K }>> };
