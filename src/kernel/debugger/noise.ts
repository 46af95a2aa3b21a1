/**
 * Lines that are not a command's output: the debugger's banners and
 * symbol warnings (known, carrying nothing, not problems) and its error
 * messages (reported as what they are). The error texts are the ones the
 * kernel extensions print (kdexts' `dprintf` formats: "Could not read device
 * object or _DEVICE_OBJECT not found", "is not a device object", "Could not
 * read Irp", "IRP signature does not match"), and the debugger engine's own
 * ("Invalid parameter", "^ Syntax error in '…'", "*** ERROR: Symbol file
 * could not be found").
 */

/** Banners, progress and symbol warnings a session prints around commands. */
const NOISE: readonly RegExp[] = [
  /^\*\*\* WARNING:/i,
  /^WARNING: /,
  /^\*+$/,
  /^\*\*\*.*\*\*\*$/,
  /^\.{3,}$/,
  /^Microsoft \(R\) Windows Debugger/,
  /^Copyright \(c\) Microsoft/,
  /^(Symbol|Executable|Source) search path is:/,
  /^Loading (Kernel |User )?Symbols/i,
  /^Loading (unloaded module list|Dump File)/i,
  /^Windows .*Kernel Version /,
  /^(Product|Built by|Machine Name|Debug session time|System Uptime):/,
  /^Kernel base = /,
  /^Deferred +srv\*/,
  /^Response +Time \(ms\) +Location/,
  /^Path validation summary/i,
  /^(Opened|Connected to|Waiting to reconnect|Kernel Debugger connection)/,
  /^Break instruction exception/,
  /^Browse (full module list|all global symbols)/,
  /^ *symbols for \S+ -$/,
  /^ *Defaulted to export symbols for /,
  /^ *Type referenced: /,
  /^ *\(This message can be disabled|^For analysis of this file, run !analyze/,
];

/** A line the debugger prints around commands that carries nothing for the reader. */
export function isNoise(text: string): boolean {
  const t = text.trim();
  return t === '' || NOISE.some((re) => re.test(t));
}

/** What the debugger's error lines say, by family; `true` where it could not read the object itself. */
const ERRORS: readonly [RegExp, string, boolean][] = [
  [/Could not read device object|_DEVICE_OBJECT not found/i, 'it could not read the device object', true],
  [/is not a device object/i, 'the address is not a device object', true],
  [/is not a driver object|Cannot read _DRIVER_OBJECT/i, 'the address is not a driver object', true],
  [/Could not read Irp|IRP signature does not match/i, 'the address is not an IRP it could read', true],
  [/Too many Irp stacks to be believed/i, 'the IRP looks corrupt (more than 30 stack locations)', true],
  [
    /^\*\*\* ERROR: (Symbol file|Module load completed)/i,
    'symbols are missing (names may be raw addresses)',
    false,
  ],
  [/^\^ .*error/i, 'it could not parse the command', true],
  [/^Invalid (parameter|address|argument)/i, 'the command was given an invalid argument', true],
  [/\bnot found$/i, 'the object was not found', true],
  [/^(Unable to|Couldn't|Could not|Cannot|Failed to|Memory read error|No export)/i, 'it failed', true],
  [/^(\*\*\* )?ERROR: /i, 'it reported an error', true],
];

export interface DebuggerError {
  /** What went wrong, in a few words. */
  readonly what: string;
  /** The command could not read its object: its output stops here, and nothing is missing after it. */
  readonly fatal: boolean;
}

/** A debugger error line: what the debugger said went wrong, or undefined. */
export function debuggerError(text: string): DebuggerError | undefined {
  const t = text.trim();
  // An address prefix ("ffffe000`1234abcd: Could not read …") is part of the message.
  const body = t.replace(/^(?:0x)?[0-9a-f`]{8,17}: +/i, '');
  for (const [re, what, fatal] of ERRORS) if (re.test(body)) return { what, fatal };
  return undefined;
}
