import { count } from '../../scenario/limits';
import { readablePart, shown, splitLines, type Line } from '../../debugger/text';
import { lsmodRow, selfEvident, type Fact } from './lines';
import { MODULE_RE, moduleName, stripAnsi, typedCommand, type Typed } from './shell';
import { Store, TAINT_ORDER } from './store';
import type { LinuxReading, OpenFile } from './types';

/**
 * Reads a paste of a Linux shell session (issue 24): lsmod, /proc/modules,
 * rmmod's and modprobe -r's errors, /sys/module/X/{holders,refcnt,initstate,taint},
 * /proc/sys/kernel/tainted, lsof and fuser -v on device files, and dmesg. One
 * pass: a command line (with or without its prompt) sets what the lines
 * after it are; lines that say what they are (an lsmod header, an rmmod
 * error, a /proc/modules row, a log line) are read wherever they stand, so
 * a paste without prompts, or with sessions shuffled, is read too. Every
 * line is read, skipped as known, or listed as a problem. Never throws.
 * The caps are the debugger reader's (MAX_TEXT characters, MAX_LINES lines,
 * MAX_PROBLEMS problems; docs/limits.md).
 */
export function readLinuxText(text: string): LinuxReading {
  const store = new Store();
  let cut: { line: number; message: string } | undefined;
  try {
    const whole = typeof text === 'string' ? text : notText(text, store);
    const part = readablePart(whole);
    const lines = splitLines(stripAnsi(part.read));
    readLines(lines, store);
    if (part.cut)
      cut = {
        line: Math.max(1, lines.length),
        message: `${part.cut}, up to this line (docs/limits.md). Paste the commands of the modules you want to see.`,
      };
  } catch (e) {
    store.problem(1, 'error', `the reader failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  store.finish();
  if (cut) store.problems.push({ line: cut.line, kind: 'limit', message: cut.message });
  return {
    modules: [...store.modules.values()],
    files: store.files,
    log: store.log,
    problems: store.problems,
    ...(store.taint ? { taint: store.taint } : {}),
    ...(store.otherLog ? { otherLog: store.otherLog } : {}),
  };
}

function notText(value: unknown, store: Store): string {
  const what =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
  store.problem(1, 'unread', `expected the text the shell printed, got ${what}`);
  return '';
}

/** What the lines after a command are read as. */
interface Context {
  readonly typed?: Typed;
  readonly line: number;
  /** lsof printed its header (rows follow), fuser its header or a file. */
  lsof?: boolean;
  fuserPath?: string;
  /** Lines of output read so far. */
  read: number;
}

function readLines(lines: readonly Line[], store: Store): void {
  let ctx: Context = { line: 0, read: 0 };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    if (line.length > line.text.length + 4096)
      store.problem(
        line.n,
        'limit',
        `a line of ${count(line.length)} characters; only its first 4,096 were read`,
      );
    // modprobe -v prints each rmmod it runs ("rmmod /lib/modules/…/x.ko"): output, not a command typed.
    if (ctx.typed?.kind === 'modprobeRemove' && /^rmmod \/\S+\.ko/.test(t)) {
      apply({ t: 'removing', modules: [moduleName(t.slice(6))] }, line.n, t, store, ctx);
      continue;
    }
    // An lsof row whose COMMAND is a program's name ("cat 812 root 3r …") is a row, not a command typed.
    if (ctx.typed?.kind === 'lsof' && ctx.lsof && lsofRow(t, line.n, store)) {
      ctx.read++;
      continue;
    }
    const typed = typedCommand(t);
    if (typed) {
      ctx = { typed, line: line.n, read: 0 };
      startCommand(typed, line.n, store);
      continue;
    }
    const fact = selfEvident(t);
    if (fact) {
      apply(fact, line.n, t, store, ctx);
      ctx.read++;
      continue;
    }
    if (readInContext(t, line.n, store, ctx)) ctx.read++;
  }
}

/** A command line says what it was asked: rmmod and modprobe -r name modules to remove. */
function startCommand(typed: Typed, n: number, store: Store): void {
  if (typed.kind !== 'rmmod' && typed.kind !== 'modprobeRemove') return;
  for (const name of typed.modules) {
    const m = store.module(name, n);
    if (m) m.removeTyped = { line: n, force: typed.force === true };
  }
}

function apply(fact: Fact, n: number, text: string, store: Store, ctx: Context): void {
  switch (fact.t) {
    case 'lsmodHeader':
    case 'fuserHeader':
      if (fact.t === 'fuserHeader') ctx.fuserPath = undefined;
      return;
    case 'lsofHeader':
      ctx.lsof = true;
      return;
    case 'moduleRow': {
      const m = store.module(fact.name, n);
      if (!m) return;
      m.size = fact.size;
      store.cite(m, 'size', n);
      if (fact.refcnt !== undefined) {
        m.refcnt = fact.refcnt;
        store.cite(m, 'refcnt', n);
        if (fact.refcnt === -1 && fact.from === 'lsmod') {
          // A refcnt of -1: the base reference is gone, the module is GOING (kernel/module/main.c try_release_module_ref).
          m.state = 'going';
          store.cite(m, 'state', n);
        }
      }
      if (fact.usedBy) {
        m.usedBy = [...fact.usedBy];
        store.cite(m, 'usedBy', n);
      }
      if (fact.state) {
        m.state = fact.state;
        store.cite(m, 'state', n);
      }
      if (fact.permanent) {
        m.permanent = true;
        store.cite(m, 'permanent', n);
      }
      if (fact.taint !== undefined) {
        m.taint = fact.taint;
        store.cite(m, 'taint', n);
      }
      return;
    }
    case 'removeError': {
      const name = fact.module ?? ctx.typed?.modules[0];
      const m = name === undefined ? undefined : store.module(name, n);
      if (!m) {
        store.problem(
          n,
          'unread',
          `${shown(text)}: the module it is about was not printed; paste the rmmod line too`,
        );
        return;
      }
      store.error(m, { ...fact.error, line: n });
      if (fact.error.kind === 'builtin') m.builtin = true;
      if (fact.error.kind === 'notLoaded') m.notLoaded = true;
      if (fact.error.holders) {
        m.holders = [...fact.error.holders];
        store.cite(m, 'holders', n);
      }
      return;
    }
    case 'removing':
      for (const name of fact.modules) {
        const m = store.module(name, n);
        if (m) m.removeTyped ??= { line: n, force: false };
      }
      return;
    case 'sysFile':
      sysFile(fact.module, fact.file, fact.value, n, store);
      return;
    case 'sysctlTainted':
      store.setTaint(taintLetters(fact.value), n, fact.value);
      return;
    case 'log':
      store.addLog(n, fact.text, fact.module);
      if (fact.taint) store.setTaint(fact.taint, n);
      if (fact.module && fact.taint) {
        const m = store.module(fact.module, n);
        if (m && m.taint === undefined) {
          m.taint = fact.taint;
          store.cite(m, 'taint', n);
        }
      }
      return;
    case 'otherLog':
      store.countOtherLog(n);
      return;
  }
}

/** One value of /sys/module/X/: a holder's name, the refcnt, the initstate, the taint letters. */
function sysFile(name: string, file: string, value: string | undefined, n: number, store: Store): boolean {
  const m = store.module(name, n);
  if (!m) return true;
  if (value === undefined) {
    if (file === 'holders') {
      m.holders ??= [];
      store.cite(m, 'holders', n);
    }
    return true;
  }
  if (file === 'holders') {
    const holder = moduleName(value);
    if (!MODULE_RE.test(holder)) return false;
    m.holders = [...(m.holders ?? []).filter((h) => h !== holder), holder];
    store.cite(m, 'holders', n);
    return true;
  }
  if (file === 'refcnt' && /^-?\d{1,9}$/.test(value)) {
    m.refcnt = Number(value);
    store.cite(m, 'refcnt', n);
    return true;
  }
  if (file === 'initstate' && /^(live|coming|going)$/.test(value)) {
    m.state = value as 'live' | 'coming' | 'going';
    store.cite(m, 'state', n);
    return true;
  }
  if (file === 'taint' && /^[A-Z]{0,20}$/.test(value)) {
    m.taint = value;
    store.cite(m, 'taint', n);
    return true;
  }
  return false;
}

/** The letters of a /proc/sys/kernel/tainted value: bit i is TAINT_ORDER[i]. */
export function taintLetters(value: number): string {
  let out = '';
  for (let i = 0; i < TAINT_ORDER.length; i++)
    if (Math.floor(value / 2 ** i) % 2 === 1) out += TAINT_ORDER[i];
  return out;
}

/** Lines that are what their command prints: a holder's name, a bare number, an lsof row. */
function readInContext(t: string, n: number, store: Store, ctx: Context): boolean {
  const typed = ctx.typed;
  const module = typed?.modules[0];
  const unread = (expected: string) => store.problem(n, 'unread', `${shown(t)}: expected ${expected}`);
  switch (typed?.kind) {
    case undefined:
    case 'lsmod': {
      const row = lsmodRow(t);
      if (row) {
        apply(row, n, t, store, ctx);
        return true;
      }
      if (typed) unread('an lsmod row (name, size, use count, the modules using it)');
      else
        store.problem(
          n,
          'unread',
          `${shown(t)}: not a line this reader knows; paste the command line it followed (lsmod, rmmod, lsof …)`,
        );
      return false;
    }
    case 'holders': {
      // `ls` prints names in columns; `ls -l` prints "… uas -> ../../uas"; "total 0" heads an ls -l.
      if (/^total \d+$/.test(t)) return true;
      const link = /\s(\S+) -> \S+$/.exec(t);
      const names = link ? [link[1] ?? ''] : t.split(/\s+/);
      if (!module || !names.every((w) => MODULE_RE.test(w))) {
        unread(`the names ls lists in /sys/module/${module ?? 'X'}/holders`);
        return false;
      }
      for (const w of names) sysFile(module, 'holders', w, n, store);
      return true;
    }
    case 'refcnt':
    case 'initstate':
    case 'moduleTaint': {
      const file = typed.kind === 'refcnt' ? 'refcnt' : typed.kind === 'initstate' ? 'initstate' : 'taint';
      if (module && sysFile(module, file, t, n, store)) return true;
      unread(`what /sys/module/${module ?? 'X'}/${file} holds`);
      return false;
    }
    case 'tainted':
      if (/^\d{1,12}$/.test(t)) {
        store.setTaint(taintLetters(Number(t)), n, Number(t));
        return true;
      }
      unread('the number /proc/sys/kernel/tainted holds');
      return false;
    case 'lsof':
      if (ctx.lsof && lsofRow(t, n, store)) return true;
      unread(
        ctx.lsof
          ? 'an lsof row (COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME)'
          : "lsof's header line (COMMAND PID USER FD …)",
      );
      return false;
    case 'fuser':
      if (fuserRow(t, n, store, ctx)) return true;
      unread('a fuser row (the file, then USER PID ACCESS COMMAND)');
      return false;
    case 'dmesg': {
      const fact = selfEvident(`[0.0] ${t}`);
      if (fact) apply(fact, n, t, store, ctx);
      return true;
    }
    case 'rmmod':
    case 'modprobeRemove': {
      // lsmod's rows after its command line went missing are still lsmod's.
      const row = lsmodRow(t);
      if (row) {
        apply(row, n, t, store, ctx);
        return true;
      }
      unread(`what ${typed.program} prints when it cannot remove a module`);
      return false;
    }
    case 'procModules': {
      // An lsmod whose command line went missing, after a /proc/modules.
      const row = lsmodRow(t);
      if (row) {
        apply(row, n, t, store, ctx);
        return true;
      }
      unread('a /proc/modules row (name size refcount holders state address)');
      return false;
    }
    case 'other':
      store.problem(
        n,
        'notRead',
        typed.program === ''
          ? `${shown(t)}: after an empty prompt, not the output of a command this reader reads`
          : `${shown(t)}: output of \`${typed.program}\`, which this reader does not read`,
      );
      return false;
  }
}

/** An lsof row: COMMAND PID [USER] FD TYPE DEVICE [SIZE/OFF] NODE NAME (SIZE/OFF is blank for `mem`). */
function lsofRow(t: string, n: number, store: Store): boolean {
  const w = t.split(/\s+/);
  if (w.length < 8 || !/^\d{1,10}$/.test(w[1] ?? '')) return false;
  const sized = w.length >= 9 && /^(?:0t\d+|0x[0-9a-f]+|\d+)$/.test(w[6] ?? '') && /^\d+$/.test(w[7] ?? '');
  const path = w.slice(sized ? 8 : 7).join(' ');
  if (path === '') return false;
  store.file({
    path,
    pid: Number(w[1]),
    command: w[0] ?? '',
    user: w[2] ?? '',
    access: w[3] ?? '',
    line: n,
    tool: 'lsof',
  });
  return true;
}

/**
 * fuser -v: "/dev/x:  USER PID ACCESS COMMAND", more rows for the same file
 * indented; PID "kernel" for a kernel user (a mount). Plain fuser:
 * "/dev/x:  1234m  5678".
 */
function fuserRow(t: string, n: number, store: Store, ctx: Context): boolean {
  const plain = /^(\S+):((?:\s+\d{1,10}[a-zA-Z]{0,5})+)$/.exec(t);
  if (plain) {
    for (const p of (plain[2] ?? '').trim().split(/\s+/)) {
      const m = /^(\d+)([a-zA-Z]*)$/.exec(p);
      store.file(fuserFile(plain[1] ?? '', Number(m?.[1]), undefined, m?.[2] || undefined, undefined, n));
    }
    return true;
  }
  const v =
    /^(?:(\S+):\s+)?(\S+)\s+(\d{1,10}|kernel)\s+([cerfFmn.]{1,6}|mount|swap|mmap|exe|root)\s+(.+)$/.exec(t);
  if (!v) return false;
  const path = v[1] ?? ctx.fuserPath;
  if (path === undefined) return false;
  ctx.fuserPath = path;
  store.file(fuserFile(path, v[3] === 'kernel' ? null : Number(v[3]), v[2], v[4], v[5], n));
  return true;
}

function fuserFile(
  path: string,
  pid: number | null,
  user: string | undefined,
  access: string | undefined,
  command: string | undefined,
  line: number,
): OpenFile {
  return {
    path,
    pid,
    line,
    tool: 'fuser',
    ...(user ? { user } : {}),
    ...(access ? { access } : {}),
    ...(command ? { command } : {}),
  };
}
