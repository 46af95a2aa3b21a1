import { MODULE_RE, moduleName } from './shell';
import type { ModuleState, RemoveError, RemoveErrorKind } from './types';

/**
 * Lines that say what they are wherever they stand: lsmod's and
 * /proc/modules' rows, the removal tools' error messages, lsof's and
 * fuser's headers, kernel log lines. The wordings are the tools' own:
 * kmod tools/rmmod.c (`ERR("Module %s is in use by:")`, "is in use",
 * "is builtin.", "is not currently loaded", "could not remove module %s: %s"),
 * kmod tools/modprobe.c (`LOG("Module %s is in use.")`, "is builtin.",
 * "is not in kernel.", "could not remove '%s': %s", printed after
 * "modprobe: FATAL:" or "modprobe: ERROR:" by tools/log.c), libkmod's
 * "could not remove '%s': %m", busybox's "rmmod: can't unload module '%s': %s"
 * and module-init-tools' "ERROR: Removing '%s': %s".
 */

export type Fact =
  | { readonly t: 'lsmodHeader' }
  | {
      readonly t: 'moduleRow';
      readonly from: 'lsmod' | 'procModules';
      readonly name: string;
      readonly size: number;
      readonly refcnt?: number;
      readonly usedBy: readonly string[] | undefined;
      readonly state?: ModuleState;
      readonly permanent?: boolean;
      readonly taint?: string;
    }
  | { readonly t: 'removeError'; readonly module?: string; readonly error: Omit<RemoveError, 'line'> }
  /** modprobe -v printing what it runs: "rmmod /lib/modules/…/x.ko", "remove rmmod a b". */
  | { readonly t: 'removing'; readonly modules: readonly string[] }
  | { readonly t: 'lsofHeader' }
  | { readonly t: 'fuserHeader' }
  /** `grep . /sys/module/X/*` or `head` of several files: "/sys/module/X/refcnt:3", "==> /sys/module/X/refcnt <==". */
  | { readonly t: 'sysFile'; readonly module: string; readonly file: string; readonly value?: string }
  | { readonly t: 'sysctlTainted'; readonly value: number }
  | { readonly t: 'log'; readonly text: string; readonly module?: string; readonly taint?: string }
  | { readonly t: 'otherLog' };

/** lsmod's header (kmod tools/lsmod.c: "Module                  Size  Used by"). */
const LSMOD_HEADER = /^Module\s+Size\s+Used by$/;
/** An lsmod row: name, size, use count, then the holders comma-separated (kmod prints no trailing comma). */
const LSMOD_ROW =
  /^([A-Za-z0-9_-]{1,64})\s+(-?\d{1,12})\s+(-?\d{1,9})(?:\s+([A-Za-z0-9_,-]+|\[permanent\]))?$/;
/**
 * A /proc/modules row (kernel/module/procfs.c m_show): name, size, refcount
 * (or "-" without CONFIG_MODULE_UNLOAD), holders "a,b," or "-", an optional
 * "[permanent],", the state, the address, and the taint letters in brackets.
 */
const PROC_ROW =
  /^([A-Za-z0-9_-]{1,64}) (\d{1,12}) (-?\d{1,9}|-)(?: ((?:[A-Za-z0-9_-]{1,64},)*)(\[permanent\],)?-?)? (Live|Loading|Unloading) 0x[0-9a-f]{1,16}(?: \(([A-Z+-]{1,20})\))?$/;

const STATE: Record<string, ModuleState> = { Live: 'live', Loading: 'coming', Unloading: 'going' };

/** The errno texts (strerror) a removal prints, by what delete_module(2) answered. */
function errnoKind(errno: string): RemoveErrorKind {
  if (/Resource temporarily unavailable|Operation would block/i.test(errno)) return 'wouldBlock';
  if (/Device or resource busy/i.test(errno)) return 'busy';
  if (/No such file or directory/i.test(errno)) return 'notLoaded';
  if (/Function not implemented/i.test(errno)) return 'unloadUnsupported';
  return 'failed';
}

function errorFact(
  tool: string,
  name: string | undefined,
  kind: RemoveErrorKind,
  more: Partial<RemoveError> = {},
): Fact {
  // A name that is no module's (longer than MODULE_NAME_LEN, other characters) is left to the command line's.
  const module = name === undefined || !MODULE_RE.test(moduleName(name)) ? undefined : moduleName(name);
  return { t: 'removeError', ...(module ? { module } : {}), error: { kind, tool, ...more } };
}

const TOOL_ERRORS: readonly [RegExp, (m: RegExpExecArray) => Fact][] = [
  [
    /^rmmod: ERROR: Module (\S+) is in use by:(.*)$/,
    (m) => errorFact('rmmod', m[1], 'inUseBy', { holders: holderList(m[2]) }),
  ],
  [/^rmmod: ERROR: Module (\S+) is in use$/, (m) => errorFact('rmmod', m[1], 'inUse')],
  [
    /^(rmmod|modprobe): (?:ERROR|FATAL): Module (\S+) is builtin\.?$/,
    (m) => errorFact(m[1] ?? '', m[2], 'builtin'),
  ],
  [/^rmmod: ERROR: Module (\S+) is not currently loaded$/, (m) => errorFact('rmmod', m[1], 'notLoaded')],
  [
    /^modprobe: (?:FATAL|ERROR): Module (\S+) is not in kernel\.?$/,
    (m) => errorFact('modprobe', m[1], 'notLoaded'),
  ],
  [/^modprobe: (?:FATAL|ERROR): Module (\S+) is in use\.?$/, (m) => errorFact('modprobe', m[1], 'inUse')],
  // module-init-tools' modprobe (before kmod): "FATAL: Module X is in use."
  [/^FATAL: Module (\S+) is in use\.?$/, (m) => errorFact('module-init-tools', m[1], 'inUse')],
  [
    /^rmmod: ERROR: Module unloading is not supported$/,
    () => errorFact('rmmod', undefined, 'unloadUnsupported'),
  ],
  [/^rmmod: ERROR: could not remove module (\S+): (.+)$/, (m) => byErrno('rmmod', m[1], m[2])],
  [
    /^(?:modprobe|rmmod): (?:ERROR|FATAL): could not remove '([^']+)': (.+)$/,
    (m) => byErrno('modprobe', m[1], m[2]),
  ],
  // libkmod's own line, as rmmod prints it or on its own: "…libkmod-module.c:799 kmod_module_remove_module() could not remove 'x': …".
  [
    /^(?:rmmod: ERROR: |libkmod: ERROR )?\S*libkmod-module\.c:\d+ kmod_module_remove_module(?:\(\))?:? could not remove '([^']+)': (.+)$/,
    (m) => byErrno('libkmod', m[1], m[2]),
  ],
  [/^rmmod: can't unload(?: module)? '([^']+)': (.+?)\.?$/, (m) => byErrno('busybox rmmod', m[1], m[2])],
  [/^(?:ERROR|WARNING): Removing '([^']+)': (.+)$/, (m) => byErrno('module-init-tools', m[1], m[2])],
  // lsmod (libkmod) could not read the holders: the module went away meanwhile, or /sys/module is not mounted (a container).
  [
    /^libkmod: (?:ERROR \S+ )?kmod_module_get_holders: could not open '\/sys\/module\/([^/']+)\/holders': (.+)$/,
    (m) => errorFact('libkmod', m[1], 'sysfsMissing', { errno: m[2] ?? '' }),
  ],
  [
    /^modprobe: FATAL: Error running remove command for (\S+)$/,
    (m) => errorFact('modprobe', m[1], 'failed', { errno: 'its remove command failed' }),
  ],
];

function byErrno(tool: string, name: string | undefined, errno: string | undefined): Fact {
  // strerror's texts are short; a longer one is kept to its first words.
  const e = (errno ?? '').trim().slice(0, 120);
  return errorFact(tool, name, errnoKind(e), { errno: e });
}

function holderList(text: string | undefined): string[] {
  // kmod 34 on musl printed its prefix before each holder ("in use by:rmmod: ERROR:  brcmfmac_wccrmmod: ERROR: ").
  return (text ?? '')
    .replace(/rmmod: ERROR:/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => MODULE_RE.test(w))
    .slice(0, 64)
    .map(moduleName);
}

/** A kernel log line: dmesg's "[  12.345678] ", dmesg -T's "[Sun Dec  6 …] ", or syslog's "… kernel: ". */
const LOG_LINE =
  /^(?:\[\s{0,12}\d{1,10}\.\d{1,9}\]|\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d [\d:]{8} \d{4}\]|[A-Z][a-z]{2} [ \d]\d [\d:]{8} \S{1,64} kernel:(?: \[\s{0,12}\d{1,10}\.\d{1,9}\])?)\s?(.*)$/;

/** What a kernel log line says about modules, or undefined when nothing (kernel/module/*.c, lib/bug.c, kernel/panic.c). */
const LOG_FACTS: readonly [
  RegExp,
  (m: RegExpExecArray) => Omit<Extract<Fact, { t: 'log' }>, 't' | 'text'>,
][] = [
  [
    /^(\S+): loading out-of-tree module taints kernel\.?$/,
    (m) => ({ module: moduleName(m[1] ?? ''), taint: 'O' }),
  ],
  [
    /^(\S+): module license '[^']*' taints kernel\.?$/,
    (m) => ({ module: moduleName(m[1] ?? ''), taint: 'P' }),
  ],
  [
    /^(\S+): module verification failed: .*tainting kernel$/,
    (m) => ({ module: moduleName(m[1] ?? ''), taint: 'E' }),
  ],
  [/^(\S+): module is from the staging directory/, (m) => ({ module: moduleName(m[1] ?? ''), taint: 'C' })],
  [/^(\S+): module license taints kernel\.?$/, (m) => ({ module: moduleName(m[1] ?? ''), taint: 'P' })],
  [
    /^(\S+): (?:Unknown symbol|disagrees about version of symbol)/,
    (m) => ({ module: moduleName(m[1] ?? '') }),
  ],
  // The oops header: "Tainted: G           OE      6.5.0-14-generic", RHEL's "GF    U    IO----------   3.10.0-…".
  [
    /\bComm: \S+ (?:Not tainted|Tainted: ([A-Z -]{1,60}?))\s+\d\S*(?:\s.*)?$/,
    (m) => ({ taint: (m[1] ?? '').replace(/[^A-FH-Z]/g, '') }),
  ],
  [/\[last unloaded: ([^\]\s]+)\]/, (m) => ({ module: moduleName(m[1] ?? '') })],
  [/task (?:rmmod|modprobe):\d+ blocked for more than/, () => ({})],
  [
    /Disabling lock debugging due to kernel taint|try_module_get|module_put|\bdelete_module\b|\brmmod\b|\bmodprobe\b/,
    () => ({}),
  ],
];

/** A line that says what it is, or undefined. */
export function selfEvident(text: string): Fact | undefined {
  const t = text.trim();
  if (LSMOD_HEADER.test(t)) return { t: 'lsmodHeader' };
  const log = LOG_LINE.exec(t);
  if (log) return logFact(log[1] ?? '');
  for (const [re, make] of TOOL_ERRORS) {
    const m = re.exec(t);
    if (m) return make(m);
  }
  const proc = PROC_ROW.exec(t);
  if (proc) {
    return {
      t: 'moduleRow',
      from: 'procModules',
      name: moduleName(proc[1] ?? ''),
      size: Number(proc[2]),
      ...(proc[3] === '-' ? {} : { refcnt: Number(proc[3]) }),
      usedBy: holderList(proc[4]),
      state: STATE[proc[6] ?? 'Live'] ?? 'live',
      ...(proc[5] ? { permanent: true } : {}),
      ...(proc[7] ? { taint: proc[7] } : {}),
    };
  }
  if (
    /^COMMAND\s+PID\s+(?:TID\s+(?:TASKCMD\s+)?)?USER\s+FD\s+TYPE\s+DEVICE\s+SIZE\/OFF\s+NODE\s+NAME$/.test(t)
  )
    return { t: 'lsofHeader' };
  if (/^USER\s+PID\s+ACCESS\s+COMMAND$/.test(t)) return { t: 'fuserHeader' };
  const sys =
    /^(?:==> )?\/sys\/module\/([A-Za-z0-9_-]{1,64})\/(holders|refcnt|initstate|taint)(?:\/([A-Za-z0-9_-]{1,64}))?(?: <==|:(.*))?$/.exec(
      t,
    );
  if (sys && (t.startsWith('==>') ? t.endsWith('<==') : true)) {
    const value = sys[3] ?? sys[4];
    return {
      t: 'sysFile',
      module: moduleName(sys[1] ?? ''),
      file: sys[2] ?? '',
      ...(value === undefined ? {} : { value: value.trim() }),
    };
  }
  const sysctl = /^kernel\.tainted = (\d{1,12})$/.exec(t);
  if (sysctl) return { t: 'sysctlTainted', value: Number(sysctl[1]) };
  // One character class, no nested repeats: a long word cannot make it backtrack.
  const verbose = /^remove rmmod ([A-Za-z0-9_ -]{1,2200})$/.exec(t);
  if (verbose)
    return {
      t: 'removing',
      modules: (verbose[1] ?? '')
        .trim()
        .split(/\s+/)
        .filter((w) => MODULE_RE.test(w))
        .slice(0, 64)
        .map(moduleName),
    };
  return undefined;
}

function logFact(body: string): Fact {
  for (const [re, make] of LOG_FACTS) {
    const m = re.exec(body);
    if (m) return { t: 'log', text: body.trim(), ...make(m) };
  }
  return { t: 'otherLog' };
}

/** An lsmod row (after its header, or anywhere its shape is unmistakable: a known module name, size, count). */
export function lsmodRow(text: string): Extract<Fact, { t: 'moduleRow' }> | undefined {
  const m = LSMOD_ROW.exec(text.trim());
  if (!m) return undefined;
  const list = m[4];
  return {
    t: 'moduleRow',
    from: 'lsmod',
    name: moduleName(m[1] ?? ''),
    size: Number(m[2]),
    // kmod prints -errno when a module went away between reads (kmod issue #41: "nvidia  -2  -2").
    ...(Number(m[3]) >= -1 ? { refcnt: Number(m[3]) } : {}),
    // A row printed with -errno could not read the holders either: its empty list says nothing.
    usedBy: Number(m[3]) < -1 ? undefined : list && list !== '[permanent]' ? holderList(list) : [],
    ...(list === '[permanent]' ? { permanent: true } : {}),
  };
}
