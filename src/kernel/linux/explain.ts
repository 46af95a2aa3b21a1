import { describeLinuxRefs, type LinuxRef } from './events';
import { refcnt, type LinuxWorld } from './model';
import type { LinuxRuleId } from './rules';
import { refBlockers } from './unload';

/**
 * The Linux unload checklist: what `delete_module` checks, in its order
 * (kernel/module/main.c), in the words `lsmod` and /sys/module/X/ use. The
 * shape of src/kernel/checklist.ts's `UnloadExplanation`, with Linux's rules
 * and objects until the OS is registered.
 */
interface LinuxCondition {
  readonly id: string;
  readonly met: boolean;
  readonly text: string;
  readonly rule: LinuxRuleId;
  readonly blockers: readonly LinuxRef[];
}

export interface LinuxExplanation {
  readonly driver: string;
  readonly os: 'linux';
  readonly unloaded: boolean;
  readonly summary: string;
  readonly conditions: readonly LinuxCondition[];
}

function cond(
  id: string,
  rule: LinuxRuleId,
  blockers: readonly LinuxRef[],
  ok: string,
  notOk: string,
): LinuxCondition {
  const met = blockers.length === 0;
  return { id, met, rule, blockers, text: met ? ok : `${notOk}: ${describeLinuxRefs(blockers)}` };
}

function flag(id: string, rule: LinuxRuleId, met: boolean, text: string): LinuxCondition {
  return { id, met, rule, blockers: [], text };
}

export function explainLinux(world: LinuxWorld, name: string): LinuxExplanation {
  const m = world.modules.get(name);
  if (!m)
    return {
      driver: name,
      os: 'linux',
      unloaded: true,
      summary: `No module ${name} in /lib/modules.`,
      conditions: [],
    };
  const holders = m.holders.toArray().map((n): LinuxRef => ({ kind: 'module', name: n }));
  const others = refBlockers(m).filter((r) => r.kind !== 'module');
  const state = m.state ?? 'not loaded';
  const conditions: LinuxCondition[] = [
    cond(
      'noHolders',
      'linux.delete.holders',
      holders,
      'Used by: no module (/sys/module/' + name + '/holders is empty)',
      'Used by',
    ),
    flag(
      'live',
      m.state === 'coming'
        ? 'linux.state.coming'
        : m.state === 'going'
          ? 'linux.state.going'
          : 'linux.delete.notLive',
      m.state === 'live' || m.state === null,
      `initstate: ${state}`,
    ),
    flag(
      'hasExit',
      'linux.delete.noExit',
      m.hasExit || !m.hasInit,
      m.hasExit
        ? 'Has an exit function (module_exit)'
        : m.hasInit
          ? 'No exit function: only rmmod -f removes it'
          : 'No init and no exit: nothing to undo',
    ),
    cond(
      'refcntZero',
      'linux.delete.refcnt',
      others,
      `refcnt: ${refcnt(m)}`,
      `refcnt: ${refcnt(m)}, held by`,
    ),
  ];
  return { driver: name, os: 'linux', unloaded: m.state === null, summary: summary(world, name), conditions };
}

function summary(world: LinuxWorld, name: string): string {
  const m = world.modules.get(name);
  if (!m) return '';
  const taint = world.taint ? ` The kernel is tainted ${world.taint}.` : '';
  if (m.state === null) {
    if (m.generation === 0) return `Not loaded: insmod or modprobe ${name} loads it.`;
    if (m.lastInit !== null && m.lastInit !== '0')
      return `Its init returned ${m.lastInit}: not loaded, and its exit was never called.`;
    const dangling = m.driverRegistered ? ' Its driver is still registered, and its code is gone.' : '';
    return m.forcedOut
      ? `Forced out (rmmod -f): freed while it was still in use.${dangling}${taint}`
      : `Unloaded: its exit ran and its memory was freed.${taint}`;
  }
  if (m.state === 'coming')
    return `Loading: its init is still running (initstate coming); rmmod answers EBUSY until it returns.${taint}`;
  if (m.state === 'going' && m.waiter) {
    return `Going: delete_module was called without O_NONBLOCK on a kernel before 3.13 and sleeps until refcnt (${refcnt(m)}) is 0; no new references are allowed meanwhile.${taint}`;
  }
  if (m.state === 'going')
    return `Going: its exit is running; new references (opens, try_module_get) are refused.${taint}`;
  if (m.state === 'unformed') return 'Being set up or torn down: not visible to rmmod.';
  if (m.holders.size > 0)
    return `Loaded and used by ${m.holders.join(', ')}: rmmod answers "in use by", delete_module EWOULDBLOCK — even with -f. Remove them first (modprobe -r --remove-holders).${taint}`;
  if (m.hasInit && !m.hasExit) {
    const force = world.options.forceUnload
      ? 'rmmod -f would remove it and taint the kernel R'
      : 'this kernel has no CONFIG_MODULE_FORCE_UNLOAD, so it stays until reboot';
    return `Loaded, with no exit function: delete_module answers EBUSY; ${force}.${taint}`;
  }
  if (refcnt(m) > 0) {
    const by = describeLinuxRefs(refBlockers(m));
    return `Loaded and in use (refcnt ${refcnt(m)}: ${by}): rmmod answers "in use", delete_module EWOULDBLOCK.${taint}`;
  }
  return `Loaded and unused: rmmod ${name} runs its exit and frees it.${taint}`;
}
