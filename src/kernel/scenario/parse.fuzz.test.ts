import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { FuzzLog, runs } from '../../fuzz/harness';
import { hostile, hostileArb, hugeStrings } from '../../fuzz/hostile';
import { notPlain } from '../../fuzz/plain';
import { plantedArb } from '../../fuzz/plant';
import { BUILT_IN_SCENARIOS } from '../../scenarios';
import { check } from '../properties/harness';
import { LIMITS } from './limits';
import { parseScenario, type ParseResult } from './parse';

/**
 * Fuzzing `parseScenario` (docs/limits.md): tens of thousands of hostile
 * inputs — arbitrary values, valid scenarios with hostile values planted
 * in them (prototype keys, huge strings, deep nesting, throwing and
 * changing getters, proxies), their JSON text cut and changed, texts over
 * every cap. It never throws; every answer is a scenario of plain checked
 * data or at most LIMITS.errors + 1 short problems. Work is bounded by
 * those caps, not by a clock: the slowest input is reported, not asserted.
 */

const log = new FuzzLog('parseScenario');
afterAll(() => console.info(log.report()));

const BASES: readonly unknown[] = Object.values(BUILT_IN_SCENARIOS);
/** The longest a problem's message or path may be: every quoted value is cut short. */
const MAX_MESSAGE = 1_000;
const MAX_PATH = 300;

function parsed(input: unknown): ParseResult {
  const r = log.run(input, () => parseScenario(input));
  if (r.ok) {
    const bad = notPlain(r.scenario, LIMITS.prose);
    check(bad === null, () => `the scenario that came back is not plain checked data: ${bad}`);
    check(r.scenario.steps.length <= LIMITS.steps, () => `${r.scenario.steps.length} steps came back`);
    check(r.scenario !== input, () => "the caller's own object came back");
    return r;
  }
  check(
    r.errors.length >= 1 && r.errors.length <= LIMITS.errors + 1,
    () => `${r.errors.length} problems (at most ${LIMITS.errors} and a summary line)`,
  );
  for (const e of r.errors) {
    check(typeof e.path === 'string' && e.path.length <= MAX_PATH, () => `a path of ${e.path.length}`);
    check(
      typeof e.message === 'string' && e.message.trim() !== '' && e.message.length <= MAX_MESSAGE,
      () => `message at "${e.path.slice(0, 80)}": ${e.message.slice(0, 120)} (${e.message.length} chars)`,
    );
  }
  return r;
}

/** JSON text of a value, or some text when it has none (a bigint, a cycle, a getter that throws). */
function textOf(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return '{"format": "unload-scenario/1", "steps": [';
  }
}

/** The text with a slice cut out, or another inserted: a file damaged in transit, or edited badly. */
const damagedText = fc
  .tuple(plantedArb(BASES, hostile({ huge: false })), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
  .map(([make, a, b, insert]) => {
    const t = textOf(make());
    const i = a % (t.length + 1);
    return `${t.slice(0, i)}${insert}${t.slice(Math.min(t.length, i + (b % 16)))}`;
  });

describe('fuzzing parseScenario', () => {
  it('never throws on arbitrary values, and answers with at most LIMITS.errors short problems', () => {
    fc.assert(
      fc.property(hostileArb, (v) => void parsed(v)),
      runs(6_000),
    );
  });

  it('never throws on valid scenarios with hostile values planted in them; what comes back is checked data', () => {
    fc.assert(
      fc.property(plantedArb(BASES, hostileArb), (v) => void parsed(v)),
      runs(8_000),
    );
  }, 120_000);

  it('never throws on their JSON text, whole or damaged', () => {
    fc.assert(
      fc.property(
        fc.oneof(plantedArb(BASES, hostileArb).map(textOf), damagedText, fc.json()),
        (t) => void parsed(t),
      ),
      runs(8_000),
    );
  }, 120_000);

  it('refuses texts over every cap with one problem each, reading no further', () => {
    const oversized = fc.oneof(
      fc.constantFrom(...hugeStrings()),
      fc.integer({ min: 33, max: 900_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
      fc.integer({ min: 17, max: 900_000 }).map((d) => `${'{"a":'.repeat(d)}0${'}'.repeat(d)}`),
      fc
        .tuple(
          fc.constantFrom(...BASES),
          fc.constantFrom('title', 'summary', 'topic', 'rule'),
          fc.constantFrom(...hugeStrings()),
        )
        .map(([b, k, s]) => ({ ...(b as object), [k]: s })),
    );
    fc.assert(
      fc.property(oversized, (v) => {
        const r = parsed(v);
        check(!r.ok, () => 'an oversized scenario was accepted');
      }),
      runs(300),
    );
  }, 120_000);

  it('reads a scenario at the caps, the most work a valid input can ask for', () => {
    // Up to LIMITS.steps steps, each narrated at the most a narration may be, within the size cap.
    const atCaps = fc
      .tuple(fc.integer({ min: 1, max: LIMITS.steps }), fc.integer({ min: 0, max: LIMITS.prose }))
      .map(([n, say]) => {
        const steps = Math.min(n, Math.floor((LIMITS.scenarioChars - 200) / (say + 40)));
        const step = JSON.stringify({ do: 'shutdown', say: 'y'.repeat(say) });
        return `{"format":"unload-scenario/1","title":"At the caps","os":"windows","steps":[${new Array<string>(steps).fill(step).join(',')}]}`;
      });
    fc.assert(
      fc.property(atCaps, (t) => {
        const r = parsed(t);
        check(r.ok, () => `a scenario within the caps was refused: ${r.ok ? '' : r.errors[0]?.message}`);
      }),
      runs(100),
    );
  }, 120_000);
});
