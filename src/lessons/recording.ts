import { argsOf, between, flag, oneOf, text, whole, z } from '../actions/schemas';
import type { Availability, CommandDef } from '../actions/types';
import { ASK_SCHEMA, OSES, type Ask, type Os } from '../kernel/core';
import { emptySession, moveTo } from '../store/session';
import { loadedLesson } from './catalogue';
import { FONT_SCALES, PRESENTER_SCALE, startLesson } from './state';
import { landAt, refuse, ui } from './stepping';

/**
 * The classroom's opening and recording: a lesson opened by id or from a
 * file, presenter mode and text size, the gallery, and the recorder's
 * commands (a new recording, its title, each step's narration and question).
 * Each is pure and goes through the one door. Stepping: ./stepping.ts.
 */

const always = (): Availability => ({ enabled: true });

type OpenArgs = { id: string; step?: number; ask?: boolean };

export const RECORDING_COMMANDS = [
  {
    kind: 'command',
    id: 'openLesson',
    label: 'Open a lesson',
    help: 'Loads a built-in lesson by id at step 0 (or at `step`; with `ask`, a step with a question opens with it asked, as an address does)',
    args: argsOf(
      { id: text('a lesson id'), step: z.optional(whole()), ask: z.optional(flag()) },
      '{ id: a lesson id, step?: a whole number, ask?: true to ask a question step’s question }',
    ),
    available: always,
    perform: (s, a, run) => {
      const found = loadedLesson(a.id);
      if (found === 'unknown') return refuse(s, `openLesson: no lesson "${a.id}"`);
      if (!found)
        return refuse(s, `openLesson: the lesson has not loaded yet (await loadLesson("${a.id}") first)`);
      const r = run(s, 'loadScenario', { scenario: found.scenario }, 'scenario');
      if (!r.outcome.ok) return r;
      const loaded = r.state;
      const lesson = startLesson(found.id, 'built-in', loaded.entries);
      const opened = { ...loaded, lesson };
      const at = a.ask ? landAt(opened, a.step ?? 0) : moveTo(opened, a.step ?? 0);
      return ui(at, { galleryOpen: false, autoplay: false });
    },
  } satisfies CommandDef<OpenArgs>,
  {
    kind: 'command',
    id: 'loadLesson',
    label: 'Load a lesson file',
    help: 'Loads a scenario as a lesson at step 0; a bad one is refused with every problem and the current lesson stays',
    args: argsOf(
      { scenario: z.unknown(), name: z.catch(z._default(z.string(), 'imported'), 'imported') },
      '{ scenario, name? }',
    ),
    available: always,
    perform: (s, a, run) => {
      const r = run(s, 'loadScenario', { scenario: a.scenario }, 'scenario');
      if (!r.outcome.ok) return r;
      const lesson = startLesson(a.name, 'imported', r.state.entries);
      return ui(moveTo({ ...r.state, lesson }, 0), {
        galleryOpen: false,
        autoplay: false,
      });
    },
  } satisfies CommandDef<{ scenario: unknown; name: string }>,
  {
    kind: 'command',
    id: 'togglePresenter',
    label: 'Presenter mode',
    keys: ['p'],
    help: 'Large type and nodes, high contrast, editing hidden, fullscreen',
    available: always,
    perform: (s) =>
      s.classroom.presenter
        ? ui(s, { presenter: false, fontScale: 1, blank: false })
        : ui(s, { presenter: true, fontScale: Math.max(s.classroom.fontScale, PRESENTER_SCALE) }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'setFontScale',
    label: 'Text size',
    help: `A factor from ${FONT_SCALES[0]} to ${FONT_SCALES[FONT_SCALES.length - 1]} (1 is normal)`,
    args: argsOf({ scale: between(0.8, 2.5) }, '{ scale: a number from 0.8 to 2.5 }'),
    available: always,
    perform: (s, a) => ui(s, { fontScale: a.scale }),
  } satisfies CommandDef<{ scale: number }>,
  {
    kind: 'command',
    id: 'biggerText',
    label: 'Larger text',
    keys: ['+', '='],
    available: (s) =>
      FONT_SCALES.some((f) => f > s.classroom.fontScale)
        ? { enabled: true }
        : { enabled: false, reason: 'the text is at its largest' },
    perform: (s) =>
      ui(s, { fontScale: FONT_SCALES.find((f) => f > s.classroom.fontScale) ?? s.classroom.fontScale }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'smallerText',
    label: 'Smaller text',
    keys: ['-'],
    available: (s) =>
      FONT_SCALES.some((f) => f < s.classroom.fontScale)
        ? { enabled: true }
        : { enabled: false, reason: 'the text is at its smallest' },
    perform: (s) =>
      ui(s, {
        fontScale: [...FONT_SCALES].reverse().find((f) => f < s.classroom.fontScale) ?? s.classroom.fontScale,
      }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleGallery',
    label: 'Lessons',
    keys: ['l'],
    help: 'Show or hide the lesson gallery',
    available: always,
    perform: (s) => ui(s, { galleryOpen: !s.classroom.galleryOpen, editorOpen: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'toggleEditor',
    label: 'Record a lesson',
    keys: ['e'],
    help: 'Show or hide the lesson editor: the steps you did, with narration and questions to write, export and import',
    available: always,
    perform: (s) => ui(s, { editorOpen: !s.classroom.editorOpen, galleryOpen: false }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'newRecording',
    label: 'Record a new lesson',
    help: 'An empty system of an OS to act on: every action becomes a step of the new lesson',
    args: argsOf({ os: oneOf(OSES) }, `{ os: ${OSES.map((o) => `"${o}"`).join(' | ')} }`),
    available: always,
    perform: (s, a) => ({
      ...s,
      ...emptySession(a.os, 'My lesson'),
      os: a.os,
      playing: null,
      selection: null,
      highlight: [],
      hoverBase: null,
    }),
  } satisfies CommandDef<{ os: Os }>,
  {
    kind: 'command',
    id: 'setLessonInfo',
    label: 'Title and summary',
    args: argsOf({ title: text(), summary: text() }, '{ title: text, summary: text }'),
    available: always,
    perform: (s, a) => ({ ...s, title: a.title, summary: a.summary }),
  } satisfies CommandDef<{ title: string; summary: string }>,
  {
    kind: 'command',
    id: 'annotateStep',
    label: 'Narrate a step',
    help: 'Sets a step’s narration and question (null removes it)',
    args: argsOf(
      {
        step: whole(),
        say: z.optional(z.nullable(text('text or null'))),
        // The scenario format's own question schema: the editor saves what a file could hold.
        ask: z.optional(z.nullable(ASK_SCHEMA)),
      },
      '{ step, say?, ask? }',
    ),
    available: always,
    perform: (s, a) => {
      const old = s.entries[a.step - 1];
      if (!old) return refuse(s, `annotateStep: no step ${a.step}`);
      const { say: _say, ask: _ask, ...rest } = old;
      const say = a.say === undefined ? old.say : (a.say ?? undefined);
      const ask = a.ask === undefined ? old.ask : (a.ask ?? undefined);
      const entry = { ...rest, ...(say ? { say } : {}), ...(ask ? { ask } : {}) };
      const entries = s.entries.map((e) => (e === old ? entry : e));
      const lesson = s.lesson && {
        ...s.lesson,
        steps: s.lesson.steps.map((e) => (e === old ? entry : e)),
      };
      return { ...s, entries, lesson };
    },
  } satisfies CommandDef<{ step: number; say?: string | null; ask?: Ask | null }>,
] as const;
