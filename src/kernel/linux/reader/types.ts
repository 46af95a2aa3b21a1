/**
 * What `readLinuxText` reads from a paste of a Linux shell session (issue 24,
 * "Why won't my module unload?"). Names follow the words the machine prints
 * (lsmod's "Used by", /proc/modules' state, /sys/module/X/refcnt, holders,
 * initstate, taint) so that a scenario writer maps them one to one. A field
 * the paste did not print is left out, never guessed. Every value keeps the
 * lines it was read from (1-based, as an editor counts).
 */

/** The commands whose output the reader knows. */
export type CommandKind =
  | 'lsmod'
  | 'procModules'
  | 'holders'
  | 'refcnt'
  | 'initstate'
  | 'moduleTaint'
  | 'tainted'
  | 'rmmod'
  | 'modprobeRemove'
  | 'lsof'
  | 'fuser'
  | 'dmesg'
  /** A command typed that this reader does not read (its output is listed as not read). */
  | 'other';

/** `/proc/modules`' state column (Live, Loading, Unloading) or `/sys/module/X/initstate` (live, coming, going). */
export type ModuleState = 'live' | 'coming' | 'going';

/** What rmmod, modprobe or the kernel said when asked to remove a module. */
export type RemoveErrorKind =
  /** "Module X is in use" (kmod's own check: refcnt > 0), or modprobe's "is in use." */
  | 'inUse'
  /** "Module X is in use by: A B" (kmod listed /sys/module/X/holders). */
  | 'inUseBy'
  | 'builtin'
  | 'notLoaded'
  /** delete_module(2) answered EAGAIN/EWOULDBLOCK: "Resource temporarily unavailable". */
  | 'wouldBlock'
  /** delete_module(2) answered EBUSY: "Device or resource busy". */
  | 'busy'
  /** The kernel has no module unloading (CONFIG_MODULE_UNLOAD off). */
  | 'unloadUnsupported'
  /** libkmod could not open /sys/module/X/holders (the module went away, or /sys/module is not mounted). */
  | 'sysfsMissing'
  /** Another errno, kept as printed. */
  | 'failed';

export interface RemoveError {
  readonly kind: RemoveErrorKind;
  readonly line: number;
  /** The tool that printed it: rmmod, modprobe, libkmod, busybox rmmod, module-init-tools. */
  readonly tool: string;
  /** Holders it named ("is in use by: A B"). */
  readonly holders?: readonly string[];
  /** The errno text as printed ("Resource temporarily unavailable"). */
  readonly errno?: string;
}

/** One module as the paste printed it; `name` in sysfs form (`-` read as `_`, as the kernel does). */
export interface LinuxModule {
  name: string;
  /** Bytes, from lsmod or /proc/modules. */
  size?: number;
  /** The reference count: lsmod's third column, /proc/modules' third, or /sys/module/X/refcnt. */
  refcnt?: number;
  /** Modules using this one: lsmod's "Used by" list, /proc/modules' fourth column. */
  usedBy?: string[];
  /** `ls /sys/module/X/holders`, when printed (an empty listing is printed: no holders). */
  holders?: string[];
  state?: ModuleState;
  /** /proc/modules' "[permanent]": it has an init function and no exit (or the kernel cannot unload). */
  permanent?: boolean;
  /** Taint letters: /proc/modules' "(OE)" or /sys/module/X/taint. */
  taint?: string;
  /** Said to be built into the kernel (rmmod's or modprobe's "is builtin"). */
  builtin?: boolean;
  /** Said not to be loaded. */
  notLoaded?: boolean;
  /** rmmod or modprobe -r typed for it (the prompt line), and whether with -f. */
  removeTyped?: { line: number; force: boolean };
  errors: RemoveError[];
  /** Lines each field was read from. */
  lines: {
    [K in 'size' | 'refcnt' | 'usedBy' | 'holders' | 'state' | 'taint' | 'permanent' | 'module']?: number[];
  };
}

/** One process holding a file open, from lsof or fuser -v. */
export interface OpenFile {
  /** As printed (lsof relative to its working directory: `nvidia0`). */
  readonly path: string;
  /** `null` for fuser's "kernel" (a mount, swap, a kernel user). */
  readonly pid: number | null;
  readonly command?: string;
  readonly user?: string;
  /** lsof's FD (`12u`, `mem`) or fuser's ACCESS (`F...m`). */
  readonly access?: string;
  readonly line: number;
  readonly tool: 'lsof' | 'fuser';
}

/** The kernel's taint, from /proc/sys/kernel/tainted or a log line's "Tainted: G OE". */
export interface KernelTaint {
  readonly value?: number;
  /** Letters, in the kernel's order (docs.kernel.org admin-guide/tainted-kernels). */
  readonly letters: string;
  readonly lines: readonly number[];
}

export interface LinuxProblem {
  readonly line: number;
  readonly kind: 'unread' | 'notRead' | 'limit' | 'error';
  readonly message: string;
}

export interface LinuxReading {
  readonly modules: LinuxModule[];
  readonly files: OpenFile[];
  readonly taint?: KernelTaint;
  /** Kernel log lines about loading, tainting or unloading modules (line, text). */
  readonly log: { readonly line: number; readonly text: string; readonly module?: string }[];
  /** Kernel log lines that say nothing about modules: how many, and the first. */
  readonly otherLog?: { readonly count: number; readonly first: number };
  /** Lines not understood (or not read), each with why; never dropped. */
  readonly problems: LinuxProblem[];
}
