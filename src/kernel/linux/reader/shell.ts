import type { CommandKind } from './types';

/**
 * The shell around the outputs: colour codes, prompts and the commands typed
 * at them. A paste may come with its prompts (`user@host:~$`, `[root@h ~]#`,
 * `pi:~#`, `/ #` on busybox, a bare `$` or `#`) or without; a command line
 * is known by the command it starts with (after an optional `sudo`), so an
 * unprompted `lsmod | grep nvidia` is a command too. Everything here is
 * linear in its input.
 */

/** CSI and OSC escape sequences (`ls --color`, `grep --color`, coloured prompts), taken out before reading. */
const ESC = String.fromCharCode(27);
const BEL = String.fromCharCode(7);
const ANSI = new RegExp(
  `${ESC}(?:\\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\\][^${BEL}${ESC}]{0,512}(?:${BEL}|${ESC}\\\\)?|[@-Z\\\\-_])`,
  'g',
);

export function stripAnsi(text: string): string {
  return text.includes(ESC) ? text.replace(ANSI, '') : text;
}

/** What a shell prompt looks like in front of a command: `user@host:dir$`, `[user@host dir]#`, `dir$`, `$`. */
const PROMPT =
  /^\s{0,8}(?:\[[^\]\n]{0,120}\]|[^\s@$#%>]{0,60}@[^\s$#%>]{0,60}(?: [^\s$#%>]{1,60})?|[^\s$#%>]{0,120}|\/ ?|~ ?)\s?[$#%>]\s?(.*)$/;

/** The programs whose command lines the reader knows (the ones it reads and the ones people paste around them). */
const COMMANDS = new Set([
  'lsmod',
  'cat',
  'grep',
  'egrep',
  'ls',
  'head',
  'tail',
  'rmmod',
  'modprobe',
  'lsof',
  'fuser',
  'dmesg',
  'journalctl',
  'sysctl',
  'modinfo',
  'insmod',
  'echo',
  'uname',
  'kmod',
  'systemctl',
  'service',
  'kill',
  'pkill',
  'ps',
  'nvidia-smi',
  'make',
  'umount',
]);

export interface Typed {
  readonly kind: CommandKind;
  /** Modules the command names (in sysfs form): rmmod's and modprobe -r's arguments, X of /sys/module/X/…. */
  readonly modules: readonly string[];
  /** rmmod -f / --force. */
  readonly force?: boolean;
  /** The program's name, as typed (for "not read" messages). */
  readonly program: string;
}

/** The kernel treats `-` and `_` in module names alike; sysfs and lsmod print `_`. */
export function moduleName(word: string): string {
  const base = word.replace(/^.*\//, '').replace(/\.ko(?:\.(?:gz|xz|zst))?$/, '');
  return base.replace(/-/g, '_');
}

/** A module name as printed: letters, digits, `_` and `-` (at most 64 characters, MODULE_NAME_LEN). */
export const MODULE_RE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The command typed on a line, with or without its prompt, or undefined when
 * the line is not a command line. A bare `#`/`$` prompt counts only before a
 * program this reader knows (a `# comment` in a pasted config is not a command).
 */
export function typedCommand(text: string): Typed | undefined {
  const direct = parse(text);
  if (direct) return direct;
  const m = PROMPT.exec(text);
  if (!m) return undefined;
  const rest = (m[1] ?? '').trim();
  const parsed = parse(rest);
  if (parsed) return parsed;
  // A prompt of a known shape (user@host:dir$, [user@host dir]$) before a program the reader does not read.
  const prompt = text.slice(0, text.length - (m[1] ?? '').length);
  // An empty prompt ends the output before it; a prompt of a known shape before another program starts one not read.
  if (/[@:\]]\S*\s?[$#]\s?$/.test(prompt)) {
    const program = (rest.split(/\s+/)[0] ?? '').slice(0, 32);
    return { kind: 'other', modules: [], program };
  }
  return undefined;
}

function parse(line: string): Typed | undefined {
  const segments = line.trim().split('|');
  const words = (segments[0] ?? '').trim().split(/\s+/);
  while (words[0] === 'sudo' || words[0] === 'doas' || (words[0] === 'busybox' && words.length > 1)) {
    words.shift();
    while (words[0]?.startsWith('-')) words.shift();
  }
  const program = (words[0] ?? '').replace(/^.*\//, '');
  if (!COMMANDS.has(program)) return undefined;
  const args = words.slice(1);
  const flags = args.filter((a) => a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-'));
  const kind = kindOf(program, flags, names, segments.slice(1).join('|'));
  if (kind === 'rmmod' || kind === 'modprobeRemove') {
    const force = flags.some((f) => f === '--force' || /^-[a-z]*f/.test(f));
    return {
      kind,
      program,
      force,
      modules: names.filter((n) => MODULE_RE.test(moduleName(n))).map(moduleName),
    };
  }
  const sys = /\/sys\/module\/([^/\s]+)/.exec(names.join(' '));
  return { kind, program, modules: sys?.[1] ? [moduleName(sys[1])] : [] };
}

function kindOf(program: string, flags: string[], names: string[], piped: string): CommandKind {
  const path = names.join(' ');
  switch (program) {
    case 'lsmod':
      return 'lsmod';
    case 'rmmod':
      return 'rmmod';
    case 'modprobe':
      return flags.some((f) => f === '--remove' || /^-[a-zA-Z]*r/.test(f)) ? 'modprobeRemove' : 'other';
    case 'lsof':
      return 'lsof';
    case 'fuser':
      return 'fuser';
    case 'dmesg':
    case 'journalctl':
      return 'dmesg';
    case 'sysctl':
      return /kernel\.tainted/.test(path) ? 'tainted' : 'other';
    case 'cat':
    case 'grep':
    case 'egrep':
    case 'head':
    case 'tail':
    case 'ls':
      return fileKind(path, piped);
    default:
      return 'other';
  }
}

/** What reading a file prints: /proc/modules, /proc/sys/kernel/tainted, /sys/module/X/{holders,refcnt,initstate,taint}. */
function fileKind(path: string, piped: string): CommandKind {
  if (/\/proc\/modules\b/.test(path)) return 'procModules';
  if (/\/proc\/sys\/kernel\/tainted\b/.test(path)) return 'tainted';
  const m = /\/sys\/module\/[^/\s]+\/(holders|refcnt|initstate|taint)\b/.exec(path);
  if (m?.[1] === 'holders') return 'holders';
  if (m?.[1] === 'refcnt') return 'refcnt';
  if (m?.[1] === 'initstate') return 'initstate';
  if (m?.[1] === 'taint') return 'moduleTaint';
  // `cat /var/log/kern.log | grep …`, `grep rmmod /var/log/syslog`: a kernel log.
  if (/\/var\/log\/(?:kern|syslog|messages|dmesg)/.test(path) || /dmesg/.test(piped)) return 'dmesg';
  return 'other';
}
