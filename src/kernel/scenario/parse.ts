import type * as z from 'zod/mini';
import { closest } from './closest';
import { show } from './fields';
import { readScenarioJson } from './json';
import { LIMITS, count } from './limits';
import { Problems, shownKey, type ScenarioError } from './problems';
import { OSES, PERSONALITIES, isOs, isOsLoaded, type Os } from '../os';
import { FORMATS, OPTION_SCHEMAS, STEP_SCHEMAS, type Scenario } from './schema';
import { RULES, type RuleId } from '../rules';

export type { ScenarioError } from './problems';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

// `rule` and `topic` are extensions (docs/scenario-format-extensions.md).
const TOP_FIELDS = ['format', 'title', 'os', 'summary', 'rule', 'topic', 'options', 'steps'] as const;
type Top = Partial<Record<(typeof TOP_FIELDS)[number], unknown>>;

/**
 * Validates a scenario (an object, or JSON text). Never throws: every
 * problem comes back as `{ path, message }`, all of them at once (up to
 * LIMITS.errors). Linear in its input, whatever it is: the sizes are capped
 * (docs/limits.md), and past a cap nothing more is read.
 */
export function parseScenario(input: unknown): ParseResult {
  try {
    return parse(input);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `could not read the scenario: ${describeError(e)}` }] };
  }
}

function describeError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The top-level fields, each read once, own properties only: what is
 * checked is what comes back, so a getter or a later change to the
 * caller's object cannot slip an unchecked value past validation.
 */
function snapshot(doc: Record<string, unknown>): Top {
  const top: Top = {};
  for (const k of TOP_FIELDS) if (Object.hasOwn(doc, k)) top[k] = doc[k];
  return top;
}

function parse(input: unknown): ParseResult {
  let raw = input;
  if (typeof input === 'string') {
    const read = readScenarioJson(input);
    if (!read.ok) return { ok: false, errors: [{ path: '', message: read.message }] };
    raw = read.value;
  }
  if (!isRecord(raw)) {
    return { ok: false, errors: [{ path: '', message: `expected a scenario object, got ${show(raw)}` }] };
  }
  const problems = new Problems();
  const err = (path: string, message: string) => problems.add(path, message);

  for (const key of Object.keys(raw)) {
    if (problems.full) break;
    if (!(TOP_FIELDS as readonly string[]).includes(key)) err(shownKey(key), unknownField(key, TOP_FIELDS));
  }
  const doc = snapshot(raw);
  if (doc.format === undefined) err('format', `required: "${FORMATS[0]}"`);
  else if (!(FORMATS as readonly unknown[]).includes(doc.format)) {
    err('format', `this build reads ${FORMATS.map((f) => `"${f}"`).join(', ')}; got ${show(doc.format)}`);
  }
  if (typeof doc.title !== 'string' || doc.title.trim() === '') {
    err(
      'title',
      doc.title === undefined
        ? 'required: a title (text)'
        : `expected a title (text), got ${show(doc.title)}`,
    );
  } else checkLength(doc.title, LIMITS.title, 'title', 'the title', problems);
  if (doc.summary !== undefined && typeof doc.summary !== 'string') {
    err('summary', `expected text, got ${show(doc.summary)}`);
  } else if (doc.summary !== undefined)
    checkLength(doc.summary, LIMITS.prose, 'summary', 'the summary', problems);
  if (doc.topic !== undefined && (typeof doc.topic !== 'string' || doc.topic.trim() === '')) {
    err('topic', `expected a topic (text), got ${show(doc.topic)}`);
  } else if (doc.topic !== undefined) checkLength(doc.topic, LIMITS.topic, 'topic', 'the topic', problems);
  const os = isOs(doc.os) ? doc.os : undefined;
  if (doc.rule !== undefined) checkRule(doc.rule, os, 'rule', problems);
  if (!os) {
    err(
      'os',
      `${doc.os === undefined ? 'required' : `got ${show(doc.os)}`}: expected ${OSES.map((o) => `"${o}"`).join(' or ')}`,
    );
  }
  let options: unknown = {};
  if (os) {
    const checked = OPTION_SCHEMAS[os].safeParse(doc.options ?? {});
    collect(checked, 'options', problems, Object.keys(OPTION_SCHEMAS[os].shape));
    if (checked.success) options = checked.data;
  }

  const steps = os ? parseSteps(doc.steps, os, problems) : [];
  if (doc.steps === undefined) err('steps', 'required: a list of steps (it may be empty)');
  else if (!Array.isArray(doc.steps)) err('steps', `expected a list of steps, got ${show(doc.steps)}`);
  if (problems.list.length > 0 || !os) return { ok: false, errors: problems.result() };
  const scenario = {
    format: doc.format,
    title: doc.title,
    os,
    ...(doc.summary === undefined ? {} : { summary: doc.summary }),
    ...(doc.rule === undefined ? {} : { rule: doc.rule }),
    ...(doc.topic === undefined ? {} : { topic: doc.topic }),
    options,
    steps,
  } as Scenario;
  return { ok: true, scenario };
}

/** The checked steps, up to LIMITS.steps of them; each element read once. */
function parseSteps(list: unknown, os: Os, problems: Problems): unknown[] {
  if (!Array.isArray(list)) return [];
  const steps: unknown[] = [];
  const length = list.length;
  if (length > LIMITS.steps) {
    problems.add(
      'steps',
      `${count(length)} steps; a scenario holds at most ${count(LIMITS.steps)} (docs/limits.md): split it into several scenarios`,
    );
  }
  for (let i = 0; i < Math.min(length, LIMITS.steps) && !problems.full; i++) {
    const step = parseStep(list[i] as unknown, os, `steps[${i}]`, problems);
    if (step) steps.push(step);
  }
  return steps;
}

function parseStep(raw: unknown, os: Os, path: string, problems: Problems): unknown {
  if (!isRecord(raw)) {
    problems.add(
      path,
      `expected a step object like { "do": "${PERSONALITIES[os].actionNames[0]}", … }, got ${show(raw)}`,
    );
    return undefined;
  }
  const action = raw.do;
  const names: readonly string[] = PERSONALITIES[os].actionNames;
  if (typeof action !== 'string' || !names.includes(action)) {
    const other = OSES.find(
      (o) =>
        o !== os &&
        typeof action === 'string' &&
        (PERSONALITIES[o].actionNames as readonly string[]).includes(action),
    );
    problems.add(
      `${path}.do`,
      other
        ? `${show(action)} is ${PERSONALITIES[other].vocabulary.article} action; this scenario's os is "${os}"`
        : `${action === undefined ? 'required' : `unknown action ${show(action)}`}: expected one of ${names.join(', ')}`,
    );
    return undefined;
  }
  const schema = STEP_SCHEMAS[os][action];
  if (!schema) return undefined;
  const result = schema.safeParse(raw);
  collect(result, path, problems, Object.keys(schema.shape));
  if (!result.success) return undefined;
  // The rule a question cites is checked on the parsed copy (the one that comes back).
  const ask = (result.data as { ask?: { rule?: unknown } }).ask;
  if (ask?.rule !== undefined) checkRule(ask.rule, os, `${path}.ask.rule`, problems);
  return result.data;
}

/** A text within its cap (docs/limits.md). */
function checkLength(text: string, max: number, path: string, what: string, problems: Problems): void {
  if (text.length > max) {
    problems.add(
      path,
      `${what} is ${count(text.length)} characters long; at most ${count(max)} (docs/limits.md)`,
    );
  }
}

/** A rule id (an extension field): one of the registry's, of the scenario's OS. */
function checkRule(id: unknown, os: Os | undefined, path: string, problems: Problems): void {
  // An OS whose kernel has not loaded has not brought its rules yet (os.ts `loadOs`): its ids are
  // checked when the scenario is loaded, after its kernel (the door parses it again then).
  if (os !== undefined && !isOsLoaded(os) && typeof id === 'string' && id.length <= LIMITS.word) return;
  const ids = Object.values(RULES)
    .filter((r) => os === undefined || r.os === os)
    .map((r) => r.id);
  if (typeof id === 'string' && ids.includes(id)) return;
  const near = typeof id === 'string' ? closest(id, ids) : undefined;
  const known = typeof id === 'string' && id.length <= LIMITS.word && Object.hasOwn(RULES, id);
  const other = known ? RULES[id as RuleId].os : undefined;
  problems.add(
    path,
    other
      ? `${show(id)} is a rule of ${PERSONALITIES[other].vocabulary.name}; this scenario's os is "${os}"`
      : `unknown rule ${show(id)}${near ? `; did you mean "${near}"?` : ': expected a rule id from src/kernel/rules'}`,
  );
}

function collect(
  result: z.util.SafeParseResult<unknown>,
  base: string,
  problems: Problems,
  fields: readonly string[],
): void {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = join(base, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(fields, issue.path);
      for (const key of issue.keys) {
        if (problems.full) return;
        problems.add(join(path, [key]), unknownField(key, known));
      }
    } else {
      problems.add(path, issue.message);
    }
  }
}

const ASK_KEYS = ['question', 'choices', 'answer', 'explain', 'rule'];
const EXPECT_KEYS = ['status', 'events', 'absent'];

/** The fields allowed in the object an unrecognized key sits in (for "did you mean"). */
function fieldsAt(top: readonly string[], path: readonly PropertyKey[]): readonly string[] {
  const last = path[path.length - 1];
  if (last === 'ask') return ASK_KEYS;
  if (last === 'expect') return EXPECT_KEYS;
  return top;
}

function unknownField(key: string, known: readonly string[]): string {
  const near = closest(key, known);
  if (near) return `unknown field; did you mean "${near}"?`;
  return known.length > 0 ? `unknown field; expected one of ${known.join(', ')}` : 'unknown field';
}

/** `steps[3].device` from a base and a zod path (a huge key cut short). */
function join(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) {
    const key = shownKey(String(p));
    out += typeof p === 'number' ? `[${p}]` : out === '' ? key : `.${key}`;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
