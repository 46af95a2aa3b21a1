import { OSES, parseScenario, type ObjectRef, type Os } from '../kernel/core';
import { defaultScenarioSource } from '../scenarios/load';
import { layoutFor } from '../store/layout';
import { emptySession, moveTo, scenarioStart, switchOs } from '../store/session';
import { LESSON_COMMANDS } from '../lessons/commands';
import { TYPING_COMMANDS } from '../lessons/typing';
import { PROJECTOR_COMMANDS } from '../lessons/projector';
import { SHARE_COMMANDS } from '../share/commands';
import type { Theme, VisualizerState } from '../store/state';
import { argsOf, between, flag, objectRef, oneOf, whole, z } from './schemas';
import type { Availability, CommandDef, Outcome, Run } from './types';

/**
 * App commands: the same registry as kernel actions, so keys, buttons,
 * scenarios, host pages and tests share one door. Each is pure.
 */

const always = (): Availability => ({ enabled: true });
const back = (s: VisualizerState): Availability =>
  s.cursor > 0 ? { enabled: true } : { enabled: false, reason: 'at the first step' };
const forward = (s: VisualizerState): Availability =>
  s.cursor < s.entries.length ? { enabled: true } : { enabled: false, reason: 'at the latest step' };

/** Loads a scenario: its steps go one by one through the door, the same path as clicks. */
function loadScenario(s: VisualizerState, input: unknown, run: Run) {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    const error = `the scenario does not parse: ${parsed.errors.map((e) => `${e.path || '(scenario)'}: ${e.message}`).join('; ')}`;
    return { state: s, outcome: { ok: false, error } as Outcome };
  }
  let state = scenarioStart(s, parsed.scenario);
  for (const [i, st] of parsed.scenario.steps.entries()) {
    const { do: id, ...args } = st;
    const r = run(state, id, args, 'scenario');
    if (!r.outcome.ok) {
      // A parsed scenario's steps always go through; this is a bug, said loudly.
      return { state: s, outcome: { ok: false, error: `step ${i + 1}: ${r.outcome.error}` } as Outcome };
    }
    state = r.state;
  }
  const layout = layoutFor([state.initial, ...state.entries.map((e) => e.world)]);
  return { state: { ...state, layout }, outcome: { ok: true, events: [] } as Outcome };
}

export const COMMANDS = [
  {
    kind: 'command',
    id: 'undo',
    label: 'Undo',
    keys: ['mod+z'],
    help: 'Step back in time',
    available: back,
    perform: (s) => moveTo(s, s.cursor - 1),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'redo',
    label: 'Redo',
    keys: ['mod+shift+z', 'mod+y'],
    help: 'Step forward (replays the step’s animation), without stopping at a question',
    available: forward,
    perform: (s) => moveTo(s, s.cursor + 1, true),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'first',
    label: 'Go to start',
    keys: ['Home', 'mod+Home'],
    help: 'Step 0, before the first step (on a graph object, Home is its first object: Ctrl/⌘ + Home)',
    available: back,
    perform: (s) => moveTo(s, 0),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'last',
    label: 'Go to latest',
    keys: ['End', 'mod+End'],
    help: 'The latest step (on a graph object, End is its last object: Ctrl/⌘ + End)',
    available: forward,
    perform: (s) => moveTo(s, s.entries.length),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'goTo',
    label: 'Go to step',
    help: 'Step N of the session (0: before the first); with play, its animation replays',
    args: argsOf({ step: whole(), play: z.optional(flag()) }, '{ step: a whole number, play?: true|false }'),
    available: always,
    perform: (s, a) => moveTo(s, a.step, a.play),
  } satisfies CommandDef<{ step: number; play?: boolean }>,
  {
    kind: 'command',
    id: 'stepBy',
    label: 'Step by',
    help: 'Moves delta steps (negative: back; 1 when not given); one step forward replays its animation',
    args: z.optional(
      argsOf({ delta: z.optional(whole(', e.g. 1 or -1')) }, '{ delta: a whole number, e.g. 1 or -1 }'),
    ),
    available: always,
    perform: (s, a) => moveTo(s, s.cursor + (a?.delta ?? 1), (a?.delta ?? 1) === 1),
  } satisfies CommandDef<{ delta?: number } | undefined>,
  {
    kind: 'command',
    id: 'play',
    label: 'Play',
    help: 'Plays the steps one after another (from the start when at the latest step)',
    available: (s) =>
      s.entries.length > 0 ? { enabled: true } : { enabled: false, reason: 'there are no steps to play' },
    perform: (s) => {
      const from = s.cursor >= s.entries.length ? moveTo(s, 0) : s;
      return { ...from, classroom: { ...from.classroom, autoplay: true } };
    },
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'pause',
    label: 'Pause',
    help: 'Stops playing at the step shown',
    available: always,
    perform: (s) => (s.classroom.autoplay ? { ...s, classroom: { ...s.classroom, autoplay: false } } : s),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'loadScenario',
    label: 'Load scenario',
    help: 'Replaces the session with a scenario (an object or JSON text), applying its steps',
    args: argsOf({ scenario: z.unknown() }, '{ scenario }'),
    available: always,
    perform: (s, a, run) => loadScenario(s, a.scenario, run),
  } satisfies CommandDef<{ scenario: unknown }>,
  {
    kind: 'command',
    id: 'switchOs',
    label: 'Switch OS',
    help: 'Moves to another OS, keeping each OS’s session; the first visit opens its default scenario',
    args: argsOf({ os: oneOf(OSES) }, `{ os: ${OSES.map((o) => `"${o}"`).join(' | ')} }`),
    available: always,
    perform: (s, a, run) =>
      switchOs(s, a.os, () => {
        const r = loadScenario(s, defaultScenarioSource(a.os), run);
        // A broken built-in scenario (a bug) still leaves the OS to play with, empty.
        return r.outcome.ok
          ? r.state
          : { ...s, ...emptySession(a.os), os: a.os, playing: null, selection: null };
      }),
  } satisfies CommandDef<{ os: Os }>,
  {
    kind: 'command',
    id: 'select',
    label: 'Select',
    help: 'Selects an object (null clears the selection)',
    args: argsOf({ ref: z.nullable(objectRef) }, '{ ref: { kind, name } | null }'),
    available: always,
    perform: (s, a) => ({ ...s, selection: a.ref, highlight: [], hoverBase: null }),
  } satisfies CommandDef<{ ref: ObjectRef | null }>,
  {
    kind: 'command',
    id: 'highlight',
    label: 'Highlight',
    help: 'Outlines objects: "pin" keeps them, "hover" until "end" puts back what was outlined before',
    args: argsOf(
      {
        refs: z._default(z.array(objectRef, { error: 'expected a list of { kind, name }' }), []),
        mode: z._default(oneOf(['pin', 'hover', 'end']), 'pin'),
      },
      '{ refs: a list of { kind, name }, mode: "pin" | "hover" | "end" }',
    ),
    available: always,
    perform: (s, a) => {
      if (a.mode === 'pin') return { ...s, highlight: a.refs, hoverBase: null };
      if (a.mode === 'hover') return { ...s, highlight: a.refs, hoverBase: s.hoverBase ?? s.highlight };
      return s.hoverBase === null ? s : { ...s, highlight: s.hoverBase, hoverBase: null };
    },
  } satisfies CommandDef<{ refs: ObjectRef[]; mode: 'pin' | 'hover' | 'end' }>,
  {
    kind: 'command',
    id: 'setSpeed',
    label: 'Animation speed',
    help: '0.25 to 8 (1 is normal)',
    args: argsOf({ speed: between(0.25, 8) }, '{ speed: a number from 0.25 to 8 }'),
    available: always,
    perform: (s, a) => ({ ...s, speed: a.speed }),
  } satisfies CommandDef<{ speed: number }>,
  {
    kind: 'command',
    id: 'setTheme',
    label: 'Theme',
    args: argsOf({ theme: oneOf(['light', 'dark']) }, '{ theme: "light" | "dark" }'),
    available: always,
    perform: (s, a) => ({ ...s, theme: a.theme }),
  } satisfies CommandDef<{ theme: Theme }>,
  {
    kind: 'command',
    id: 'toggleTheme',
    label: 'Light / dark',
    keys: ['t'],
    available: always,
    perform: (s) => ({ ...s, theme: s.theme === 'dark' ? 'light' : 'dark' }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'setInstant',
    label: 'Instant mode',
    args: argsOf({ instant: flag() }, '{ instant: true | false }'),
    available: always,
    perform: (s, a) => ({ ...s, instant: a.instant }),
  } satisfies CommandDef<{ instant: boolean }>,
  {
    kind: 'command',
    id: 'toggleInstant',
    label: 'Instant mode',
    keys: ['i'],
    help: 'Show every change at once, without animation',
    available: always,
    perform: (s) => ({ ...s, instant: !s.instant }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'togglePalette',
    label: 'All actions',
    keys: ['a'],
    help: 'Show or hide the palette of every action',
    available: always,
    perform: (s) => ({ ...s, paletteOpen: !s.paletteOpen }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleHelp',
    label: 'Keyboard shortcuts',
    keys: ['shift+?'],
    help: 'Show or hide this list',
    available: always,
    perform: (s) => ({ ...s, helpOpen: !s.helpOpen }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'focusGraph',
    label: 'Go to the graph',
    keys: ['g'],
    help: 'Focus on the selected object in the graph (else the first); there arrows move along the lines and Enter lists its actions',
    // The graph's one Tab stop (src/graph/useGraphKeyboard.ts).
    focuses: '.react-flow__node[tabindex="0"]',
    available: always,
    perform: (s) => s,
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'clearSelection',
    label: 'Clear selection',
    keys: ['Escape'],
    help: 'Brings a blanked screen back, or closes the shortcut sheet, the lesson gallery or the lesson editor first, if one is open',
    available: always,
    perform: (s) =>
      s.classroom.blank
        ? { ...s, classroom: { ...s.classroom, blank: false } }
        : s.helpOpen
          ? { ...s, helpOpen: false }
          : s.classroom.galleryOpen || s.classroom.editorOpen
            ? { ...s, classroom: { ...s.classroom, galleryOpen: false, editorOpen: false } }
            : { ...s, selection: null, highlight: [], hoverBase: null },
  } satisfies CommandDef,
  // Stepping that asks before it answers (→, Space, ←), lessons, presenter mode: src/lessons.
  ...LESSON_COMMANDS,
  // The projector: side panels folded away (src/lessons/projector.ts).
  ...PROJECTOR_COMMANDS,
  // What is being typed: the log's filter, the editor's incomplete questions (src/lessons/typing.ts).
  ...TYPING_COMMANDS,
  // Share, export and image: what to save or copy, as data the page acts on (src/share/commands.ts).
  ...SHARE_COMMANDS,
] as const;

/** The arguments each command of a list takes (`void`: none). */
export type ArgsOf<L extends readonly { id: string }[]> = {
  [C in L[number] as C['id']]: C extends CommandDef<infer A> ? A : never;
};

export type CommandArgs = ArgsOf<typeof COMMANDS>;
