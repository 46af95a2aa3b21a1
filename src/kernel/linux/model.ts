import type { Map as IMap, OrderedSet } from 'immutable';
import type { LinuxOptions } from './actions';

/** The Linux personality's objects (docs/domain/linux.md). Immutable values, persistent tables. */

/** enum module_state; null: not loaded (no struct module exists). */
export type ModuleState = 'unformed' | 'coming' | 'live' | 'going';

export interface LinuxModule {
  readonly name: string;
  readonly hasInit: boolean;
  readonly hasExit: boolean;
  /** What init returns: "0" or an errno name. */
  readonly initReturns: string;
  readonly initSleeps: boolean;
  readonly exitSleeps: boolean;
  /** modules.dep: the modules whose symbols it uses. */
  readonly dependsOn: readonly string[];
  /** Its init registers a driver. */
  readonly driver: boolean;
  /** Its init creates a kobject whose release() is its own code. */
  readonly kobject: boolean;
  readonly state: ModuleState | null;
  /** How many times it was loaded: the code of load N is freed when load N unloads. */
  readonly generation: number;
  /** source_list: loaded modules that use it (lsmod's "Used by" names). */
  readonly holders: OrderedSet<string>;
  /** target_list: the modules it took a reference on. */
  readonly uses: OrderedSet<string>;
  /**
   * The references module_refcount counts, by who holds them: `init` (the
   * loader's, while init runs), `holder:B`, `file:F`, `ref:R`.
   */
  readonly refs: OrderedSet<string>;
  readonly driverRegistered: boolean;
  /** Devices bound to its driver, in bind order. */
  readonly bound: OrderedSet<string>;
  /** How the current load came about. */
  readonly loadedBy: string | null;
  /** When the current load started, in loads since boot: /proc/modules lists the newest first. */
  readonly loadSeq: number;
  /** What the last init returned. */
  readonly lastInit: string | null;
  /** The last unload was forced (rmmod -f). */
  readonly forcedOut: boolean;
  /** A delete_module without O_NONBLOCK sleeps until its refcnt is 0 (kernels before 3.13). */
  readonly waiter: boolean;
}

export interface LinuxDevice {
  readonly name: string;
  /** The module whose driver matches it. */
  readonly driver: string;
  /** Still plugged in (not device_del'd). */
  readonly present: boolean;
  /** The module whose driver it is bound to. */
  readonly boundTo: string | null;
  /** Managed resources (devm_*) its driver's probe took; freed after remove(). */
  readonly devres: number;
  readonly files: OrderedSet<string>;
}

export interface OpenFile {
  readonly name: string;
  readonly device: string;
  /** fops.owner: the module whose file operations the file uses, and which load of it. */
  readonly module: string;
  readonly generation: number;
  /** remove() ran for its device since it was opened: the driver answers ENODEV. */
  readonly orphaned: boolean;
}

/** A reference kernel code took with try_module_get. */
export interface ModuleRef {
  readonly name: string;
  readonly module: string;
  readonly generation: number;
}

export interface Kobject {
  readonly name: string;
  readonly module: string;
  readonly generation: number;
  /** Its references: `self` (the module's own, put by exit) and those other code took. */
  readonly refs: OrderedSet<string>;
}

export interface LinuxWorld {
  readonly os: 'linux';
  readonly options: LinuxOptions;
  readonly modules: IMap<string, LinuxModule>;
  readonly devices: IMap<string, LinuxDevice>;
  readonly files: IMap<string, OpenFile>;
  readonly refs: IMap<string, ModuleRef>;
  readonly kobjects: IMap<string, Kobject>;
  /** kobject reference name → kobject. */
  readonly kobjectRefs: IMap<string, string>;
  /** /proc/sys/kernel/tainted as letters (R: forced rmmod, D: died). */
  readonly taint: string;
  readonly oopses: number;
  /** Loads since boot (orders /proc/modules). */
  readonly loads: number;
}

/** module_refcount(): /sys/module/X/refcnt. */
export function refcnt(m: LinuxModule): number {
  return m.refs.size;
}

/** Whether the code of load `generation` of `module` has been freed. */
export function codeFreed(world: LinuxWorld, module: string, generation: number): boolean {
  const m = world.modules.get(module);
  return !m || m.state === null || m.generation !== generation;
}

export function kobjectName(module: string): string {
  return `${module}.kobj`;
}

/** The taint flags in the kernel's order (kernel/panic.c: taint_flags; R is bit 3, D bit 7). */
const TAINT_ORDER = 'PFSRMBUDAWCIOELKXTN';

/** Adds a taint letter; letters stay in the kernel's flag order, as /proc/sys/kernel/tainted's bits. */
export function addTaint(taint: string, letter: string): string {
  if (taint.includes(letter)) return taint;
  return [...taint, letter].sort((a, b) => TAINT_ORDER.indexOf(a) - TAINT_ORDER.indexOf(b)).join('');
}
