import type * as z from 'zod/mini';
import { closest } from './closest';
import { show } from './fields';
import { OSES, PERSONALITIES, isOs, type Os } from '../os';
import { FORMATS, OPTION_SCHEMAS, STEP_SCHEMAS, type Scenario } from './schema';
import { RULES, type RuleId } from '../rules';

/** One problem with a scenario: where it is, and what to do about it. */
export interface ScenarioError {
  /** Like `steps[3].device`; empty for the scenario as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

// `rule` and `topic` are extensions (docs/scenario-format-extensions.md).
const TOP_FIELDS = ['format', 'title', 'os', 'summary', 'rule', 'topic', 'options', 'steps'];

/**
 * Validates a scenario (an object, or JSON text). Never throws: every
 * problem comes back as `{ path, message }`, all of them at once.
 */
export function parseScenario(input: unknown): ParseResult {
  try {
    return parse(input);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `could not read the scenario: ${describeError(e)}` }] };
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parse(input: unknown): ParseResult {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${describeError(e)}` }] };
    }
  }
  if (!isRecord(doc)) {
    return { ok: false, errors: [{ path: '', message: `expected a scenario object, got ${show(doc)}` }] };
  }
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  for (const key of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(key)) err(key, unknownField(key, TOP_FIELDS));
  }
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
  }
  if (doc.summary !== undefined && typeof doc.summary !== 'string') {
    err('summary', `expected text, got ${show(doc.summary)}`);
  }
  if (doc.topic !== undefined && (typeof doc.topic !== 'string' || doc.topic.trim() === '')) {
    err('topic', `expected a topic (text), got ${show(doc.topic)}`);
  }
  const os = isOs(doc.os) ? doc.os : undefined;
  if (doc.rule !== undefined) checkRule(doc.rule, os, 'rule', errors);
  if (!os) {
    err(
      'os',
      `${doc.os === undefined ? 'required' : `got ${show(doc.os)}`}: expected ${OSES.map((o) => `"${o}"`).join(' or ')}`,
    );
  }
  // The checked copy is what comes back, never the caller's object: a getter or a later change to it
  // cannot slip an unchecked value past validation.
  let options: unknown = {};
  if (os) {
    const checked = OPTION_SCHEMAS[os].safeParse(doc.options ?? {});
    collect(checked, 'options', errors, Object.keys(OPTION_SCHEMAS[os].shape));
    if (checked.success) options = checked.data;
  }

  const steps: unknown[] = [];
  if (doc.steps === undefined) err('steps', 'required: a list of steps (it may be empty)');
  else if (!Array.isArray(doc.steps)) err('steps', `expected a list of steps, got ${show(doc.steps)}`);
  else if (os) {
    doc.steps.forEach((raw, i) => {
      const step = parseStep(raw, os, `steps[${i}]`, errors);
      if (step) steps.push(step);
    });
  }
  if (errors.length > 0 || !os) return { ok: false, errors };
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

function parseStep(raw: unknown, os: Os, path: string, errors: ScenarioError[]): unknown {
  if (!isRecord(raw)) {
    errors.push({
      path,
      message: `expected a step object like { "do": "${PERSONALITIES[os].actionNames[0]}", … }, got ${show(raw)}`,
    });
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
    errors.push({
      path: `${path}.do`,
      message: other
        ? `${show(action)} is ${PERSONALITIES[other].vocabulary.article} action; this scenario's os is "${os}"`
        : `${action === undefined ? 'required' : `unknown action ${show(action)}`}: expected one of ${names.join(', ')}`,
    });
    return undefined;
  }
  const schema = STEP_SCHEMAS[os][action];
  if (!schema) return undefined;
  const result = schema.safeParse(raw);
  collect(result, path, errors, Object.keys(schema.shape));
  if (result.success && isRecord(raw.ask) && raw.ask.rule !== undefined)
    checkRule(raw.ask.rule, os, `${path}.ask.rule`, errors);
  return result.success ? result.data : undefined;
}

/** A rule id (an extension field): one of the registry's, of the scenario's OS. */
function checkRule(id: unknown, os: Os | undefined, path: string, errors: ScenarioError[]): void {
  const ids = Object.values(RULES)
    .filter((r) => os === undefined || r.os === os)
    .map((r) => r.id);
  if (typeof id === 'string' && ids.includes(id)) return;
  const near = typeof id === 'string' ? closest(id, ids) : undefined;
  const other = typeof id === 'string' && id in RULES ? RULES[id as RuleId].os : undefined;
  errors.push({
    path,
    message: other
      ? `${show(id)} is a rule of ${PERSONALITIES[other].vocabulary.name}; this scenario's os is "${os}"`
      : `unknown rule ${show(id)}${near ? `; did you mean "${near}"?` : ': expected a rule id from src/kernel/rules'}`,
  });
}

function collect(
  result: z.util.SafeParseResult<unknown>,
  base: string,
  errors: ScenarioError[],
  fields: readonly string[],
): void {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = join(base, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(fields, issue.path);
      for (const key of issue.keys)
        errors.push({ path: join(path, [key]), message: unknownField(key, known) });
    } else {
      errors.push({ path, message: issue.message });
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

/** `steps[3].device` from a base and a zod path. */
function join(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
