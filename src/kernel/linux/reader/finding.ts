/**
 * One line of the answer to "why won't my module unload?": what holds the
 * module (or that nothing printed does, or that the paste does not say),
 * the rule it rests on, the command to type next, and the printed lines it
 * rests on. The statuses are the debugger reader's (src/kernel/debugger/finding.ts).
 */

export type LinuxFindingStatus = 'holds' | 'clear' | 'unknown' | 'note';

export type LinuxFindingId =
  | 'builtin'
  | 'notLoaded'
  | 'unloadUnsupported'
  | 'holders'
  | 'openFiles'
  | 'references'
  | 'permanent'
  | 'state'
  | 'refused'
  | 'forceRefused'
  | 'taint'
  | 'removed'
  | 'log';

export interface NextStep {
  /** What to type at the shell. */
  readonly command: string;
  /** What it does or shows, in one sentence. */
  readonly why: string;
}

export interface LinuxFinding {
  readonly id: LinuxFindingId;
  readonly status: LinuxFindingStatus;
  /** The module it is about (sysfs name); none for the kernel's own (taint). */
  readonly module?: string;
  /** Who holds it, in a few words: a module's name, `pid 864 (Xorg)`, `the kernel`. */
  readonly holder?: string;
  readonly text: string;
  /** The rule, with its source. */
  readonly rule?: string;
  readonly next: readonly NextStep[];
  /** The printed lines it rests on (1-based, ascending, at most 16). */
  readonly lines: readonly number[];
}

export function linuxFinding(
  id: LinuxFindingId,
  status: LinuxFindingStatus,
  text: string,
  lines: readonly (number | undefined)[],
  more: Partial<Pick<LinuxFinding, 'module' | 'holder' | 'rule' | 'next'>> = {},
): LinuxFinding {
  const set = [...new Set(lines.filter((l): l is number => l !== undefined))]
    .sort((a, b) => a - b)
    .slice(0, 16);
  return { id, status, text, next: more.next ?? [], lines: set, ...strip(more) };
}

function strip(more: Partial<Pick<LinuxFinding, 'module' | 'holder' | 'rule' | 'next'>>) {
  const { next: _next, ...rest } = more;
  return rest;
}

/** Sources of the rules (the reference kernel is Linux 6.6; older kernels differ where said). */
export const RULES = {
  deleteModule:
    'delete_module(2); kernel/module/main.c (Linux 6.6): EWOULDBLOCK while other modules use it or its refcount is not zero (with O_NONBLOCK, which rmmod always passes; kernels before 3.13 could wait instead)',
  holders:
    'kernel/module/main.c ref_module(): a module using another takes a reference on it and is listed in its /sys/module/X/holders',
  fops: 'include/linux/fs.h: fops.owner = THIS_MODULE makes each open file hold a reference on the module until its release',
  noExit:
    'kernel/module/main.c delete_module(): a module with init and no exit answers EBUSY unless forced (/proc/modules prints [permanent])',
  force:
    'delete_module(2) O_TRUNC (rmmod -f): honoured only with CONFIG_MODULE_FORCE_UNLOAD, and taints the kernel (R)',
  state:
    'kernel/module/main.c: delete_module() answers EBUSY unless the module is LIVE; try_module_get() fails once it is GOING',
  builtin: 'rmmod(8), kmod tools/rmmod.c: a module built into the kernel image has no module to remove',
  unloadConfig:
    'init/Kconfig CONFIG_MODULE_UNLOAD: without it the kernel has no delete_module and no refcnt in /sys/module/X',
  taint: 'Documentation/admin-guide/tainted-kernels.rst (the letters and bits of /proc/sys/kernel/tainted)',
} as const;

export function step(command: string, why: string): NextStep {
  return { command, why };
}
