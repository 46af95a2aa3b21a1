import type { CommandDef, Outcome } from '../actions/types';
import { loadedReader } from './reader';

/** The largest paste read: a long debugger session is a few hundred KB; this leaves room and bounds the work. */
export const MAX_PASTE = 5_000_000;

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
    parse: (a) =>
      typeof a === 'object' && a !== null && typeof (a as { text?: unknown }).text === 'string'
        ? (a as { text: string }).text.length <= MAX_PASTE
          ? { ok: true, value: { text: (a as { text: string }).text } }
          : { ok: false, error: `the paste is over ${MAX_PASTE.toLocaleString('en')} characters` }
        : { ok: false, error: 'expected { text: the debugger output }' },
    available: () => ({ enabled: true }),
    perform(s, a, run) {
      const reader = loadedReader();
      if (!reader)
        return {
          state: s,
          outcome: { ok: false, error: 'the debugger reader has not loaded yet (await loadReader() first)' },
        };
      const { reading, scenario } = reader.readPaste(a.text);
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
  } satisfies CommandDef<{ text: string }>,
  {
    kind: 'command',
    id: 'closeImport',
    label: 'Close the debugger findings',
    available: (s) => (s.imported ? { enabled: true } : { enabled: false, reason: 'nothing was pasted' }),
    perform: (s) => ({ ...s, imported: null }),
  } satisfies CommandDef,
] as const;
