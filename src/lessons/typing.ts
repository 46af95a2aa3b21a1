import { argsOf, text, whole, z } from '../actions/schemas';
import type { CommandDef } from '../actions/types';
import type { VisualizerState } from '../store/state';
import type { AskDraft } from './recorder';

/**
 * What the user is typing that is not yet part of the work: the event log's
 * filter, and the lesson editor's questions while they are incomplete
 * (fewer than two choices, no question yet: "Not saved yet"). Held in the
 * store, so the tab keeps them across a reload (src/app/tabSession.ts).
 */
export interface Typing {
  readonly logFilter: string;
  /** Incomplete questions by step (1-based), each with the step's action it was written for. */
  readonly drafts: Readonly<Record<string, KeptDraft>>;
}

declare module '../store/state' {
  interface VisualizerState {
    /** What is being typed and not yet part of the work: the log's filter, incomplete questions. */
    readonly typing: Typing;
  }
}

export interface KeptDraft {
  /** The step's action, as JSON: a draft never lands on another step than the one it was written for. */
  readonly for: string;
  readonly draft: AskDraft;
}

export const TYPING_DEFAULTS: Typing = { logFilter: '', drafts: {} };

/** The step's action as a draft is tied to it. */
export const draftKeyOf = (action: unknown): string => JSON.stringify(action);

/** The draft kept for `step`, if it was written for this action. */
export function keptDraft(t: Typing, step: number, action: unknown): AskDraft | undefined {
  const kept = t.drafts[String(step)];
  return kept && kept.for === draftKeyOf(action) ? kept.draft : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A draft as read back (from the store's door or the tab's storage): null for anything else. */
export function readDraft(v: unknown): AskDraft | null {
  if (!isRecord(v)) return null;
  const { question, choices, answer, explain, rule } = v;
  if (typeof question !== 'string' || typeof choices !== 'string' || typeof explain !== 'string') return null;
  if (typeof rule !== 'string' || !Number.isInteger(answer)) return null;
  // Bounded as the editor's fields are (the scenario's limits are checked when the question is saved).
  if (question.length + choices.length + explain.length + rule.length > 20_000) return null;
  return { question, choices, answer: answer as number, explain, rule };
}

const always = () => ({ enabled: true }) as const;
const typing = (s: VisualizerState, t: Partial<Typing>): VisualizerState => ({
  ...s,
  typing: { ...s.typing, ...t },
});

export const TYPING_COMMANDS = [
  {
    kind: 'command',
    id: 'setLogFilter',
    label: 'Filter the event log',
    help: 'Shows only the steps whose words contain the text ("" shows every step)',
    args: argsOf(
      { text: text('text').check(z.maxLength(200, { error: 'expected up to 200 characters' })) },
      '{ text: up to 200 characters }',
    ),
    available: always,
    perform: (s, a) => typing(s, { logFilter: a.text }),
  } satisfies CommandDef<{ text: string }>,
  {
    kind: 'command',
    id: 'keepDraft',
    label: 'Keep a question being written',
    help: 'Keeps the lesson editor’s incomplete question of a step (null forgets it)',
    args: argsOf(
      {
        step: whole(),
        for: text('the step’s action as JSON'),
        draft: z.nullable(
          z.custom<AskDraft>((v) => readDraft(v) !== null, {
            error: 'expected { question, choices, answer, explain, rule }',
          }),
        ),
      },
      '{ step, for: the step’s action as JSON, draft: { question, choices, answer, explain, rule } | null }',
    ),
    available: always,
    perform: (s, a) => {
      const { [String(a.step)]: _gone, ...rest } = s.typing.drafts;
      const drafts = a.draft ? { ...rest, [String(a.step)]: { for: a.for, draft: a.draft } } : rest;
      return typing(s, { drafts });
    },
  } satisfies CommandDef<{ step: number; for: string; draft: AskDraft | null }>,
] as const;
