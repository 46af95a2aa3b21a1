/**
 * "Why won't my module unload?" from a real machine (issue 24): a paste of
 * lsmod, /proc/modules, rmmod/modprobe -r errors, /sys/module/X, lsof, fuser
 * and dmesg read into modules, holders and open files (`readLinuxText`), and
 * the blockers named with the next command to type (`explainLinux`). Pure:
 * no DOM, no time; never throws.
 */
export { readLinuxText } from './read';
export { explainLinux, type LinuxExplanation, type ModuleAnswer } from './explain';
export type { LinuxFinding, LinuxFindingId, LinuxFindingStatus, NextStep } from './finding';
export type {
  CommandKind,
  KernelTaint,
  LinuxModule,
  LinuxProblem,
  LinuxReading,
  ModuleState,
  OpenFile,
  RemoveError,
  RemoveErrorKind,
} from './types';
