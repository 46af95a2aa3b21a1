import { DevnodeReader } from './commands/devnode';
import { DevobjReader } from './commands/devobj';
import { DevstackReader } from './commands/devstack';
import { DrvobjReader } from './commands/drvobj';
import { IrpReader } from './commands/irp';
import { ObjectReader } from './commands/object';
import { USER_HANDLE, UserHandleReader } from './commands/userHandle';
import { WhoReader } from './commands/who';
import { MAX_WHO } from './whoStore';
import { stripDml } from './dml';
import { isElision, withoutInlineMessages } from './inline';
import { debuggerError, isNoise } from './noise';
import { promptCommand, recognise, userPrompt } from './prompt';
import { headerOf, type Reader, type ReaderContext } from './reader';
import { scenarioFromImport } from './scenario';
import { noteSession } from './session';
import { Store } from './store';
import { MAX_LINE, readablePart, shown, splitLines, type Line } from './text';
import type { CommandKind, DebuggerImport, DebuggerProblem } from './types';

/**
 * Reads what WinDbg printed (shared/design/scenario-format.md, "Debugger
 * import"). One pass over the lines: a prompt line starts the command typed
 * there; without prompts, a command's output is known by its first line.
 * Each command's reader takes the lines of its output; what no reader can
 * read, and every error the debugger printed, is reported with its line.
 * Never throws: whatever goes wrong inside becomes a problem on line 1.
 */
export function importDebuggerText(text: string, progress?: ReadProgress): DebuggerImport {
  const store = new Store();
  let cut: DebuggerProblem | undefined;
  try {
    // A caller without types may hand anything: only text is read (String() of an object can throw).
    const whole = typeof text === 'string' ? text : notText(text, store);
    const part = readablePart(whole);
    const lines = readAll(part.read, store, progress);
    if (part.cut) {
      cut = {
        line: Math.max(1, lines),
        kind: 'limit',
        message: `${part.cut}, up to this line (docs/limits.md). Paste the commands of the drivers you want to see.`,
      };
    }
  } catch (e) {
    store.problem(1, 'limit', `the reader failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const [kind, line] of store.who.over)
    store.problem(
      line,
      'limit',
      `more than ${MAX_WHO.toLocaleString('en-US')} ${kind} were printed; those from this line on were not kept (docs/limits.md). Paste the !handle or !process of the processes you want to see.`,
    );
  store.settleNames();
  store.finishProblems();
  if (cut) store.problems.push(cut);
  const imp: DebuggerImport = {
    drivers: store.drivers,
    devices: [...store.devices.values()],
    devnodes: [...store.devnodes.values()],
    stacks: store.stacks,
    irps: [...store.irps.values()],
    objects: [...store.objects.values()],
    problems: store.problems,
  };
  if (store.who.processes.size > 0) imp.processes = [...store.who.processes.values()];
  if (store.who.handles.size > 0) imp.handles = [...store.who.handles.values()];
  if (store.who.userHandles.size > 0) imp.userHandles = [...store.who.userHandles.values()];
  if (store.who.threads.size > 0) imp.threads = [...store.who.threads.values()];
  if (store.who.searched.size > 0)
    imp.handleSearches = [...store.who.searched].map(([device, s]) => ({ device, ...s }));
  if (Object.keys(store.context).length > 0) imp.context = store.context;
  try {
    const built = scenarioFromImport(imp);
    if (built) {
      imp.scenario = built.scenario;
      imp.approximations = built.approximations;
      imp.scenarioNames = built.names;
    }
  } catch (e) {
    imp.problems.push({
      line: 1,
      kind: 'limit',
      message: `no scenario could be built: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  return imp;
}

/** A value that is not text: one problem saying what it was, and nothing read. */
function notText(v: unknown, store: Store): string {
  const what =
    v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
  store.problem(1, 'unread', `expected the text the debugger printed, got ${what}`);
  return '';
}

function newReader(kind: CommandKind, ctx: ReaderContext): Reader {
  switch (kind) {
    case 'devobj':
      return new DevobjReader(ctx);
    case 'drvobj':
      return new DrvobjReader(ctx);
    case 'devstack':
      return new DevstackReader(ctx);
    case 'devnode':
      return new DevnodeReader(ctx);
    case 'irp':
      return new IrpReader(ctx);
    case 'object':
      return new ObjectReader(ctx);
    case 'devhandles':
    case 'handle':
    case 'process':
    case 'thread':
      return new WhoReader(ctx, kind);
  }
}

/** A command this reader does not read: its output, to the next prompt, is covered by one problem. */
interface Skipping {
  readonly problem: DebuggerProblem | undefined;
}

/** Reads every line; answers how many there were. */
/**
 * How far a reading is: lines read of the lines there are, told about a hundred times over a
 * paste (the reader's worker shows it as a percentage); last with `done` equal to `of`.
 */
export type ReadProgress = (done: number, of: number) => void;

function readAll(text: string, store: Store, progress?: ReadProgress): number {
  let reader: Reader | undefined;
  let skipping: Skipping | undefined;
  const lines = splitLines(text);
  const every = Math.max(1, Math.ceil(lines.length / 100));
  let seen = 0;
  const close = (next: number) => {
    reader?.finish(next);
    reader = undefined;
    skipping = undefined;
  };
  for (const raw of lines) {
    if (progress && seen++ % every === 0) progress(seen - 1, lines.length);
    let line = raw;
    if (line.length > MAX_LINE) {
      store.problem(
        line.n,
        'limit',
        `this line is ${line.length} characters long; only its first ${MAX_LINE} were read`,
      );
    }
    const bare = stripDml(line.text);
    if (bare !== line.text) line = { ...line, text: bare };
    noteSession(store.context, line.text, line.n);
    const typed = promptCommand(line.text);
    if (typed !== undefined) {
      close(line.n);
      if (typed === '') continue;
      const cmd = recognise(typed);
      const ctx = { store, start: line.n, argument: cmd?.argument, args: cmd?.args };
      // A user-mode prompt's !handle (0:000>) prints the debugged process's handles, in its own shape.
      if (cmd?.kind === 'handle' && userPrompt(line.text)) reader = new UserHandleReader(ctx);
      else if (cmd) reader = newReader(cmd.kind, ctx);
      else {
        skipping = {
          problem: store.problem(
            line.n,
            'otherCommand',
            `${shown(typed)} is not a command this reader reads (it reads !drvobj, !devobj, !devstack, !devnode, !irp, !object, !devhandles, !handle, !process, !thread); its output is skipped`,
          ),
        };
      }
      continue;
    }
    if (skipping) {
      if (skipping.problem && line.text.trim() !== '') skipping.problem.endLine = line.n;
      continue;
    }
    if (isElision(line.text)) {
      reader?.elide(line.n);
      continue;
    }
    if (isNoise(line.text)) continue;
    const inline = withoutInlineMessages(line.text);
    if (inline.messages.length > 0) {
      const rest = inline.text.trim() === '';
      store.problem(
        line.n,
        'debuggerError',
        `the debugger printed a message${rest ? '' : ' inside this line'} (${shown(inline.messages.join('; '))})${rest ? '' : '; the rest of the line was read without it'}`,
      );
      if (rest) continue;
      line = { ...line, text: inline.text };
    }
    const error = debuggerError(line.text);
    if (error !== undefined) {
      store.problem(
        line.n,
        'debuggerError',
        `the debugger printed an error (${error.what}): ${shown(line.text)}`,
      );
      if (error.fatal) reader?.failed();
      continue;
    }
    if (reader && feed(reader, line, store)) continue;
    if (reader) close(line.n);
    if (USER_HANDLE.test(line.text)) {
      reader = new UserHandleReader({ store, start: line.n });
      feed(reader, line, store);
      continue;
    }
    const kind = headerOf(line.text);
    if (kind) {
      reader = newReader(kind, { store, start: line.n });
      feed(reader, line, store);
      continue;
    }
    store.problem(
      line.n,
      'unread',
      `expected a prompt ("kd> !devobj …") or the first line of a command's output ("Device object (…) is for:", "Driver object (…) is for:", "!DevObj !DrvObj …", "DevNode … for PDO …", "Irp is active with …", "Object: … Type: …"); got ${shown(line.text)}`,
    );
  }
  close(lines.length + 1);
  progress?.(lines.length, lines.length);
  return lines.length;
}

/** Gives a line to the reader; false when the line is not its (its output ended before it). */
function feed(reader: Reader, line: Line, store: Store): boolean {
  const o = reader.feed(line);
  if (o.kind === 'end') return false;
  if (o.kind === 'unread') store.problem(line.n, 'unread', `expected ${o.expected}; got ${shown(line.text)}`);
  return true;
}
