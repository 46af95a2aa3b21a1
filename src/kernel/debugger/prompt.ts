import { COMMANDS, type CommandKind } from './types';
import { words } from './text';

/**
 * Prompt lines: what the engineer typed, as the debugger echoes it. Kernel
 * debugging prompts are `kd>`, and `N: kd>` on a multiprocessor target
 * where N is the current processor (debugger docs, "Multiprocessor
 * Syntax": learn.microsoft.com/windows-hardware/drivers/debuggercmds/multiprocessor-syntax);
 * `lkd>` in local kernel debugging; `kd:x86>` after the effective machine
 * was switched. A user-mode prompt (`0:000>`) is recognised too, so its
 * commands are reported as commands this reader does not read.
 */
const KERNEL_PROMPT = /^ *(?:\d{1,4}: ?)?l?kd(?::[a-z0-9_]{1,16})?> ?(.*)$/i;
const USER_PROMPT = /^ *\d{1,4}:\d{1,5}(?::[a-z0-9_]{1,16})?> ?(.*)$/i;

/**
 * The command typed at a prompt (may be empty), or undefined when the line
 * is not a prompt. Prompts copied together (`0:000>0: kd> !devobj …`, a
 * user-mode session's prompt before the kernel one) are all taken off.
 */
export function promptCommand(text: string): string | undefined {
  let rest: string | undefined;
  let t = text;
  for (let i = 0; i < 4; i++) {
    const m = KERNEL_PROMPT.exec(t) ?? USER_PROMPT.exec(t);
    if (!m) break;
    rest = (m[1] ?? '').trim();
    t = rest;
  }
  return rest;
}

/** Whether the prompt the command was typed at (the last of prompts copied together) is a user-mode one (`0:000>`). */
export function userPrompt(text: string): boolean {
  let t = text;
  let user = false;
  for (let i = 0; i < 4; i++) {
    const k = KERNEL_PROMPT.exec(t);
    const u = k ? null : USER_PROMPT.exec(t);
    const m = k ?? u;
    if (!m) break;
    user = u !== null;
    t = (m[1] ?? '').trim();
  }
  return user;
}

export interface Command {
  readonly kind: CommandKind;
  /** The first argument as typed (an address, a name, an expression), if any. */
  readonly argument?: string;
  /** Everything after the extension name. */
  readonly args: string;
}

/**
 * Recognises one of the six commands this reader reads, with or without
 * its extension DLL (`!kdexts.devobj`). Only the first of several commands
 * separated by `;` is recognised; the output of the others is found by its
 * own first line.
 */
export function recognise(command: string): Command | undefined {
  const first = command.split(';')[0]?.trim() ?? '';
  const m = /^!(?:[a-z0-9_]{1,32}\.)?([a-z]{1,16})(?: +(.*))?$/i.exec(first);
  const name = m?.[1]?.toLowerCase();
  const kind = COMMANDS.find((c) => c === name);
  if (!m || !kind) return undefined;
  const args = (m[2] ?? '').trim();
  const argument = words(args)[0];
  return { kind, args, ...(argument === undefined ? {} : { argument }) };
}
