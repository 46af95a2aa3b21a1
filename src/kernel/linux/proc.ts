import type { LinuxWorld, ModuleState } from './model';
import { refcnt } from './model';

/**
 * What a Linux machine prints about its modules, from the world: the rows of
 * `lsmod` / `/proc/modules` and the files of `/sys/module/X/` — the fields
 * the inspector shows and the words a pasted session is matched against.
 * Sizes are not modelled, so none is shown.
 */

/** One line of /proc/modules (kernel/module/procfs.c: m_show, print_unload_info). */
export interface ProcModulesRow {
  readonly module: string;
  /** lsmod's "Used by" number: module_refcount. */
  readonly refcnt: number;
  /** The holders, as /proc/modules prints them: the newest first. (lsmod lists /sys/module/X/holders, in directory order.) */
  readonly holders: readonly string[];
  /** "[permanent]": an init but no exit, so it can only be removed by force. */
  readonly permanent: boolean;
  /** /proc/modules' state column. */
  readonly state: 'Live' | 'Loading' | 'Unloading';
}

/** The loaded modules, newest first (add_unformed_module adds each at the head of the list). */
export function procModules(world: LinuxWorld): ProcModulesRow[] {
  return world.modules
    .valueSeq()
    .filter((m) => m.state === 'coming' || m.state === 'live' || m.state === 'going')
    .sortBy((m) => -m.loadSeq)
    .map((m): ProcModulesRow => ({
      module: m.name,
      refcnt: refcnt(m),
      // print_unload_info walks source_list, where add_module_usage puts the newest holder first.
      holders: m.holders.toArray().reverse(),
      permanent: m.hasInit && !m.hasExit,
      state: m.state === 'coming' ? 'Loading' : m.state === 'going' ? 'Unloading' : 'Live',
    }))
    .toArray();
}

/** /sys/module/X/: initstate, refcnt, holders/ (kernel/module/main.c: show_initstate, show_refcnt). */
export interface SysModule {
  readonly initstate: Exclude<ModuleState, 'unformed'>;
  readonly refcnt: number;
  readonly holders: readonly string[];
  /** /proc/sys/kernel/tainted as letters: the whole kernel's, not the module's own flags. */
  readonly kernelTaint: string;
}

/** null when /sys/module/X does not exist (not loaded, or still UNFORMED). */
export function sysModule(world: LinuxWorld, name: string): SysModule | null {
  const m = world.modules.get(name);
  if (!m || m.state === null || m.state === 'unformed') return null;
  return { initstate: m.state, refcnt: refcnt(m), holders: m.holders.toArray(), kernelTaint: world.taint };
}
