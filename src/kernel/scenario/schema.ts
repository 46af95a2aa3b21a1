import * as z from 'zod/mini';
import { OSES, PERSONALITIES, type ActionOf, type OptionsOf, type Os } from '../os';
import { list, show, text } from './fields';
import { closest } from './closest';
import { LIMITS } from './limits';

export const FORMATS = ['unload-scenario/1'] as const;
type Format = (typeof FORMATS)[number];

/** A predict-then-reveal question (also the lesson editor's command checks one with it: src/lessons/recording.ts). */
export const ASK_SCHEMA = z
  .strictObject(
    {
      question: text('a question', LIMITS.question),
      choices: list(text('a choice', LIMITS.choice), 'choices', LIMITS.choices).check(
        z.minLength(2, { error: 'expected at least two choices' }),
      ),
      answer: z
        .number({ error: (iss) => `expected the index of the right choice, got ${show(iss.input)}` })
        .check(
          z.int({ error: 'expected a whole number (0 is the first choice)' }),
          z.gte(0, { error: 'expected 0 or more (0 is the first choice)' }),
        ),
      explain: z.optional(text('an explanation', LIMITS.prose)),
      // Extension (docs/scenario-format-extensions.md): the rule the explanation cites, by id.
      rule: z.optional(text('a rule id', LIMITS.word)),
    },
    { error: (iss) => `expected a question object, got ${show(iss.input)}` },
  )
  .check(
    z.refine((a) => a.answer < a.choices.length, {
      error: 'answer is past the last choice (0 is the first choice)',
      path: ['answer'],
    }),
  );

function expectSchema(types: readonly string[]) {
  const eventType = z
    // The words of classic zod's English default (zod/mini carries no locale).
    .string({ error: (iss) => `Invalid input: expected string, received ${typeName(iss.input)}` })
    .check(
      z.refine((t) => types.includes(t), {
        error: (iss) => {
          const near = typeof iss.input === 'string' ? closest(iss.input, types) : undefined;
          return `unknown event type ${show(iss.input)}${near ? `; did you mean "${near}"?` : `; known: ${types.join(', ')}`}`;
        },
      }),
    );
  const typeList = list(eventType, 'event types', LIMITS.eventTypes);
  return z.strictObject(
    {
      status: z.optional(text('a status name', LIMITS.word)),
      events: z.optional(typeList),
      absent: z.optional(typeList),
    },
    { error: (iss) => `expected an object with status, events or absent, got ${show(iss.input)}` },
  );
}

/**
 * How classic zod's English messages name the type of a value: its
 * `util.parsedType`, copied (importing `z.util` would bundle all of it),
 * with NaN and ±Infinity spelled out.
 */
function typeName(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (typeof v !== 'object') return typeof v;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v && v.constructor) {
    return (v.constructor as { name: string }).name;
  }
  return 'object';
}

/** What any step may carry besides its action. */
function stepExtras(types: readonly string[]) {
  return {
    say: z.optional(text('narration', LIMITS.prose)),
    notes: z.optional(text('teacher notes', LIMITS.prose)),
    ask: z.optional(ASK_SCHEMA),
    expect: z.optional(expectSchema(types)),
  };
}

function actionSchemas(shapes: Readonly<Record<string, z.core.$ZodShape>>, types: readonly string[]) {
  const extras = stepExtras(types);
  return Object.fromEntries(
    Object.entries(shapes).map(([name, shape]) => [
      name,
      // (`do` was checked before; the message is classic zod's English default.)
      z.strictObject({ do: z.literal(name, `Invalid input: expected "${name}"`), ...shape, ...extras }),
    ]),
  ) as Record<string, z.ZodMiniObject>;
}

/** Per OS: one strict schema per action (`do` plus its fields plus say/ask/expect). */
export const STEP_SCHEMAS = Object.fromEntries(
  OSES.map((os) => [os, actionSchemas(PERSONALITIES[os].actions, PERSONALITIES[os].eventTypes)]),
) as Record<Os, Record<string, z.ZodMiniObject>>;

/** Per OS: the schema of the scenario's `options`. */
export const OPTION_SCHEMAS = Object.fromEntries(
  OSES.map((os) => [
    os,
    z.strictObject(PERSONALITIES[os].options, {
      error: (iss) => `expected an object of options, got ${show(iss.input)}`,
    }),
  ]),
) as Record<Os, z.ZodMiniObject>;

export interface Ask {
  readonly question: string;
  readonly choices: readonly string[];
  readonly answer: number;
  readonly explain?: string;
  /** Extension: the id of the rule (src/kernel/rules) the explanation cites. */
  readonly rule?: string;
}

export interface Expect {
  readonly status?: string;
  readonly events?: readonly string[];
  readonly absent?: readonly string[];
}

/** What a step carries besides its action. */
export interface StepExtras {
  readonly say?: string;
  /** Extension: notes for the teacher (the presenter console), never shown to the class. */
  readonly notes?: string;
  readonly ask?: Ask;
  readonly expect?: Expect;
}

interface ScenarioBase {
  readonly format: Format;
  readonly title: string;
  readonly summary?: string;
  /** Extension: the id of the rule (src/kernel/rules) the scenario teaches; a rule of its OS. */
  readonly rule?: string;
  /** Extension: a topic word, to group lessons (free text). */
  readonly topic?: string;
}

/** A validated scenario of one OS. */
export interface ScenarioOf<O extends Os> extends ScenarioBase {
  readonly os: O;
  readonly options: Partial<OptionsOf<O>>;
  readonly steps: readonly (ActionOf<O> & StepExtras)[];
}

export type WindowsScenario = ScenarioOf<'windows'>;
export type Svr5Scenario = ScenarioOf<'svr5'>;

/** A validated scenario (shared/design/scenario-format.md). */
export type Scenario = { [O in Os]: ScenarioOf<O> }[Os];
export type ScenarioStep = Scenario['steps'][number];
