import { argsOf, text, z } from '../actions/schemas';
import type { CommandDef, Outcome } from '../actions/types';
import { loadedReader } from './reader';
import { ReadResult } from './readResult';

/** `importDebugger`'s argument: the paste, and, when it was read already (in the worker), what was read. */
interface ImportArgs {
  readonly text: string;
  readonly read?: ReadResult;
}

/** The largest paste read: a long debugger session is a few hundred KB; this leaves room and bounds the work. */
export const MAX_PASTE = 5_000_000;

/** The paste, bounded; and a reading only this page made, of the same text (see ReadResult). */
const importArgs = argsOf(
  {
    text: text('the debugger output').check(
      z.maxLength(MAX_PASTE, {
        error: (iss) =>
          `the paste is ${typeof iss.input === 'string' ? iss.input.length.toLocaleString('en') : '?'} characters long, over the ${MAX_PASTE.toLocaleString('en')} this reader takes: paste the commands of the drivers you want to see (docs/limits.md)`,
      }),
    ),
    read: z.optional(
      z.instanceof(ReadResult, { error: 'only a reading this page made of the same text is taken' }),
    ),
  },
  '{ text: the debugger output }',
).check(
  z.refine((a) => a.read === undefined || a.read.text === a.text, {
    error: 'only a reading this page made of the same text is taken',
    path: ['read'],
  }),
);

/**
 * Commands of the debugger reader, through the same door as every other:
 * a paste becomes the world shown (its steps load like any scenario's) and
 * the findings stay beside it until another scenario is loaded.
 */
export const DEBUGGER_COMMANDS = [
  {
    kind: 'command',
    id: 'importDebugger',
    label: 'Read debugger output',
    help: 'Reads !drvobj, !devobj, !devstack, !devnode, !irp and !object output and draws what holds the driver',
    args: importArgs,
    available: () => ({ enabled: true }),
    perform(s, a, run) {
      // Read in the worker already (PasteDialog), or here: the same function either way (reading.ts).
      const read = a.read ?? loadedReader()?.readPaste(a.text);
      if (!read)
        return {
          state: s,
          outcome: { ok: false, error: 'the debugger reader has not loaded yet (await loadReader() first)' },
        };
      const { reading, scenario } = read;
      if (
        reading.explanation.drivers.length === 0 &&
        reading.explanation.others.length === 0 &&
        !reading.drawn
      ) {
        const error =
          'nothing this reader reads was found in this paste: paste the output of !drvobj, !devobj, !devstack, !devnode, !irp, !object, !devhandles, !handle, !process or !thread';
        return { state: { ...s, imported: reading }, outcome: { ok: false, error } as Outcome };
      }
      if (!reading.drawn) return { ...s, imported: reading };
      const r = run(s, 'loadScenario', { scenario }, 'button');
      if (!r.outcome.ok) return { state: { ...s, imported: reading }, outcome: r.outcome };
      return { ...r.state, imported: reading };
    },
  } satisfies CommandDef<ImportArgs>,
  {
    kind: 'command',
    id: 'closeImport',
    label: 'Close the debugger findings',
    available: (s) => (s.imported ? { enabled: true } : { enabled: false, reason: 'nothing was pasted' }),
    perform: (s) => ({ ...s, imported: null }),
  } satisfies CommandDef,
] as const;
