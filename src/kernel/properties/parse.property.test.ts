import fc from 'fast-check';
import { EVERY_KIND } from '../../fuzz/hostile';
import { describe, expect, it } from 'vitest';
import { SVR5_EVENT_TYPES, WINDOWS_EVENT_TYPES } from '../events';
import { parseScenario, type ParseResult } from '../scenario/parse';
import { actionOf, runScenario } from '../scenario/run';
import { FORMATS } from '../scenario/schema';
import { createWorld, step, type World } from '../world';
import { check, snapshot } from './harness';
import { svr5RunArb } from './svr5Arbs';
import { windowsRunArb } from './windowsArbs';

/**
 * Property tests of `parseScenario` (shared/design/scenario-format.md): it
 * never throws, whatever it is given, and always answers either a scenario
 * or a non-empty list of `{ path, message }`; a scenario made of valid steps
 * parses and plays.
 */

const NUM_RUNS = 1500;

/** The result is one of the two documented shapes, with non-empty errors and messages. */
function wellFormed(r: ParseResult): void {
  if (r.ok) {
    const s = r.scenario;
    check('errors' in r === false, () => 'an ok result carries errors');
    check(
      (FORMATS as readonly string[]).includes(s.format) && (s.os === 'windows' || s.os === 'svr5'),
      () => `ok result with format ${String(s.format)}, os ${String(s.os)}`,
    );
    check(typeof s.title === 'string' && s.title.trim() !== '', () => 'ok result without a title');
    check(Array.isArray(s.steps), () => 'ok result without a list of steps');
    return;
  }
  check(
    r.ok === false && Array.isArray(r.errors) && r.errors.length > 0,
    () => 'a failed parse has no errors',
  );
  for (const e of r.errors) {
    check(typeof e.path === 'string', () => `error path ${String(e.path)} is not text`);
    check(
      typeof e.message === 'string' && e.message.trim() !== '',
      () => `error at "${e.path}" has an empty message`,
    );
  }
}

/** parseScenario must not throw; its answer must be well formed; a scenario it accepts must play. */
function parsesSafely(input: unknown): ParseResult {
  let r: ParseResult;
  try {
    r = parseScenario(input);
  } catch (e) {
    throw new Error(`parseScenario threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  wellFormed(r);
  if (r.ok) {
    try {
      runScenario(r.scenario);
    } catch (e) {
      throw new Error(
        `runScenario threw on a scenario parseScenario accepted: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
  }
  return r;
}

/** JSON text of a value with object keys sorted: equal for equal data, whatever the key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Plain JSON data (what JSON.parse can give back exactly): no NaN, no -0, no class instances, no holes. */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v))
    return (
      Object.getPrototypeOf(v) === Array.prototype && [...v.keys()].every((i) => i in v && isPlainJson(v[i]))
    );
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.keys(v).every((k) => k !== '__proto__' && isPlainJson((v as Record<string, unknown>)[k]));
  }
  return false;
}

// ── Valid scenarios ───────────────────────────────────────────────────────

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

const askArb = fc
  .record(
    { question: text, choices: fc.array(text, { minLength: 2, maxLength: 4 }), explain: text },
    { requiredKeys: ['question', 'choices'] },
  )
  .chain((a) => fc.nat({ max: a.choices.length - 1 }).map((answer) => ({ ...a, answer })));

const expectArb = (types: readonly string[]) =>
  fc.record(
    {
      status: fc.constantFrom('STATUS_SUCCESS', '0', 'EBUSY'),
      events: fc.subarray([...types], { maxLength: 3 }),
      absent: fc.subarray([...types], { maxLength: 3 }),
    },
    { requiredKeys: [] },
  );

const extrasArb = (types: readonly string[]) =>
  fc.record({ say: text, ask: askArb, expect: expectArb(types) }, { requiredKeys: [] });

/** Narration, a question or an expectation on some steps; most steps carry none. */
const someExtrasArb = (types: readonly string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extrasArb(types) });

/** A valid scenario document for one OS (plain JSON): a random run, with narration and questions. */
function scenarioArb<A>(
  os: 'windows' | 'svr5',
  runs: fc.Arbitrary<{ options: object; actions: A[] }>,
  types: readonly string[],
) {
  return fc.tuple(runs, text, fc.option(text, { nil: undefined })).chain(([run, title, summary]) =>
    fc
      .array(someExtrasArb(types), { minLength: run.actions.length, maxLength: run.actions.length })
      .map((extras) => ({
        format: FORMATS[0],
        title,
        os,
        ...(summary === undefined ? {} : { summary }),
        options: run.options,
        steps: run.actions.map((a, i) => ({ ...a, ...extras[i] })),
      })),
  );
}

/** A valid scenario document (plain JSON) built from a random action sequence, with narration and questions. */
const validScenarioArb = (maxLength = 20) =>
  fc.oneof(
    scenarioArb('windows', windowsRunArb(maxLength), WINDOWS_EVENT_TYPES),
    scenarioArb('svr5', svr5RunArb(maxLength), SVR5_EVENT_TYPES),
  );

// ── Mutations ─────────────────────────────────────────────────────────────

type Key = string | number;

/** Every path to a node below the root, parents before children (through plain arrays and objects only). */
function pathsOf(v: unknown, prefix: Key[] = []): Key[][] {
  const out: Key[][] = [];
  const proto: unknown = typeof v === 'object' && v !== null ? Object.getPrototypeOf(v) : undefined;
  if (Array.isArray(v) && proto === Array.prototype) {
    v.forEach((x, i) => {
      out.push([...prefix, i], ...pathsOf(x, [...prefix, i]));
    });
  } else if (typeof v === 'object' && v !== null && (proto === Object.prototype || proto === null)) {
    for (const [k, x] of Object.entries(v)) out.push([...prefix, k], ...pathsOf(x, [...prefix, k]));
  }
  return out;
}

function nodeAt(root: unknown, path: readonly Key[]): unknown {
  let v = root;
  for (const k of path) v = (v as Record<Key, unknown>)[k];
  return v;
}

interface Mutation {
  readonly pick: number;
  readonly kind: 'replace' | 'delete' | 'add';
  readonly key: string;
  readonly value: unknown;
}

/** Applies the mutations to a copy of `doc`, each at a path picked among the document's current paths. */
function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  const root = JSON.parse(JSON.stringify(doc)) as unknown;
  for (const m of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length]!;
    const parent = nodeAt(root, path.slice(0, -1)) as Record<Key, unknown> | unknown[];
    const last = path[path.length - 1]!;
    if (m.kind === 'replace') {
      (parent as Record<Key, unknown>)[last] = m.value;
    } else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const node = nodeAt(root, path);
      if (Array.isArray(node)) node.push(m.value);
      else if (typeof node === 'object' && node !== null) (node as Record<string, unknown>)[m.key] = m.value;
      else (parent as Record<Key, unknown>)[last] = m.value;
    }
  }
  return root;
}

/**
 * Values that are nearly right: wrong names, out-of-range numbers, the other OS's words. Each draw
 * is a fresh copy: `constantFrom` hands out one shared `{}`, and two mutations placing that one
 * object inside itself made a cycle the path walk followed until the stack ran out (a CI run).
 */
const tricky = fc
  .constantFrom<unknown>(
    '',
    ' ',
    'X0',
    'M0',
    'a'.repeat(65),
    'bad name',
    -1,
    0,
    1.5,
    86_401,
    3601,
    NaN,
    Infinity,
    'success',
    'STATUS_',
    'status_success',
    'EBUSY',
    'E',
    '0',
    'pnp',
    'legacy',
    'windows',
    'svr5',
    'unload-scenario/2',
    'loadModule',
    'loadDriver',
    'shutdown',
    null,
    true,
    false,
    [],
    {},
    ['X0'],
    { do: 'shutdown' },
  )
  .map((v) => (typeof v === 'object' && v !== null ? structuredClone(v) : v));

const valueArb = fc.oneof(
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc.anything({ ...EVERY_KIND, maxDepth: 2 }),
  },
);

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('replace' as const, 'replace' as const, 'delete' as const, 'add' as const),
  key: fc.oneof(
    fc.constantFrom('do', 'device', 'extra', 'options', 'stepz', 'defUnloadDelay', '__proto__'),
    fc.string(),
  ),
  value: valueArb,
});

const mutatedScenarioArb = fc
  .tuple(validScenarioArb(10), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([doc, mutations]) => mutate(doc, mutations));

// ── The properties ────────────────────────────────────────────────────────

describe('parseScenario properties', { timeout: 60_000 }, () => {
  it('never throws on arbitrary values and answers a scenario or a non-empty list of errors', () => {
    fc.assert(
      fc.property(fc.anything({ ...EVERY_KIND, withUnicodeString: true }), (v) => {
        parsesSafely(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on JSON text, JSON values or any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' }), fc.jsonValue()), (v) => {
        parsesSafely(v);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws on mutated valid scenarios, and a mutated scenario it accepts plays without throwing', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedScenarioArb, (doc) => {
        if (!parsesSafely(doc).ok) rejected++;
        // The JSON text of the same document gets the same answer.
        if (isPlainJson(doc)) {
          check(
            canonical(parsesSafely(JSON.stringify(doc))) === canonical(parseScenario(doc)),
            () => 'the JSON text and the object of one scenario parse differently',
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // Not vacuous: most mutations break the scenario, so the error paths are exercised.
    expect(rejected).toBeGreaterThan(NUM_RUNS * 0.3);
  });

  it('accepts a scenario built from valid steps, keeps its steps, and plays it like folding step()', () => {
    fc.assert(
      fc.property(validScenarioArb(), (doc) => {
        const r = parsesSafely(doc);
        check(r.ok, () => `a valid scenario was rejected: ${JSON.stringify(r.ok ? [] : r.errors)}`);
        if (!r.ok) return;
        check(canonical(r.scenario.steps) === canonical(doc.steps), () => 'parsing changed the steps');
        check(
          canonical(parseScenario(JSON.stringify(doc))) === canonical(r),
          () => 'the JSON text parses differently',
        );
        const run = runScenario(r.scenario);
        check(run.steps.length === doc.steps.length, () => 'runScenario skipped steps');
        let world: World = createWorld(doc.os, doc.options);
        run.steps.forEach((s, i) => {
          const direct = step(world, actionOf(r.scenario.steps[i]!));
          check(
            direct.status === s.status && snapshot(direct.events) === snapshot(s.events),
            () => `step ${i}: runScenario and step() disagree`,
          );
          world = direct.world;
        });
      }),
      { numRuns: 600 },
    );
  });

  it('a step whose expect records what happened passes its own check', () => {
    fc.assert(
      fc.property(validScenarioArb(), (doc) => {
        const first = parsesSafely(doc);
        if (!first.ok) return;
        const run = runScenario(first.scenario);
        const recorded = {
          ...doc,
          steps: doc.steps.map((s, i) => {
            const { status, events } = run.steps[i]!;
            const seen = new Set(events.map((e) => e.type));
            const types: readonly string[] = doc.os === 'windows' ? WINDOWS_EVENT_TYPES : SVR5_EVENT_TYPES;
            return {
              ...s,
              expect: { status, events: [...seen], absent: types.filter((t) => !seen.has(t as never)) },
            };
          }),
        };
        const again = parsesSafely(recorded);
        check(again.ok, () => 'the recorded scenario was rejected');
        if (!again.ok) return;
        runScenario(again.scenario).steps.forEach((s, i) => {
          check(s.failures.length === 0, () => `step ${i}: ${s.failures.join('; ')}`);
        });
      }),
      { numRuns: 300 },
    );
  });
});
