import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS, parseScenario } from '../kernel';
import { FuzzLog, runs } from '../fuzz/harness';
import { hostile, hugeStrings } from '../fuzz/hostile';
import { plantedArb } from '../fuzz/plant';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { readScenarioParam } from './link';
import { builtInSourceIn } from './source';

/** The decoder as a page runs it, every built-in at hand (a page loads a lesson's file first: source.ts). */
const scenarioFromParam = (value: string) =>
  readScenarioParam(value, (id) => builtInSourceIn(BUILT_IN_SCENARIOS, id));
import { MAX_LINK_CHARS, packScenario } from './pack';

/**
 * Fuzzing the link decoder (`scenarioFromParam`: a built-in id, or a packed
 * `~1.` scenario; docs/limits.md): arbitrary text, valid links damaged
 * (characters changed, cut short, lengthened), packed text that is not a
 * scenario, packed bombs that inflate far past the size cap, and links
 * over the length cap. It never throws, answers a scenario within the size
 * cap or one short message, and the scenario it answers parses without
 * throwing.
 */

const log = new FuzzLog('link decoder');
afterAll(() => console.info(log.report()));

const BASES: readonly unknown[] = Object.values(BUILT_IN_SCENARIOS);
const MAX_MESSAGE = 500;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function decoded(value: string): void {
  const r = log.run(value, () => {
    const found = scenarioFromParam(value);
    // What a link gives is handed to the parser next: the pair must not throw either.
    return { found, parsed: found.ok ? parseScenario(found.source) : undefined };
  });
  if (!r.found.ok) {
    expect(r.found.error.trim()).not.toBe('');
    expect(r.found.error.length).toBeLessThanOrEqual(MAX_MESSAGE);
    return;
  }
  const text = JSON.stringify(r.found.source) ?? '';
  expect(text.length).toBeLessThanOrEqual(LIMITS.scenarioChars * 6); // ≤ 2 MB of UTF-8, escaped
}

/** Deflates any text the way pack.ts does, so a link can carry what pack.ts never would. */
function packText(text: string): string {
  const bytes = deflateSync(strToU8(text), { level: 1 });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `~1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const packedBases = BASES.map(packScenario);

/** A valid link with a few characters changed, some cut off or some added. */
const damaged = fc
  .tuple(
    fc.constantFrom(...packedBases),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...B64, '~', '.', '=', '%', '\u0000')), { maxLength: 4 }),
    fc.nat(),
    fc.boolean(),
  )
  .map(([link, edits, cut, cutIt]) => {
    const chars = [...link];
    for (const [at, c] of edits) chars[3 + (at % Math.max(1, chars.length - 3))] = c;
    const s = chars.join('');
    return cutIt ? s.slice(0, 3 + (cut % Math.max(1, s.length - 3))) : s;
  });

describe('fuzzing the link decoder', () => {
  it('never throws on arbitrary text, "~"-prefixed text and base64url noise', () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...B64), maxLength: 400 }).map((s) => `~1.${s}`),
      fc
        .tuple(
          fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 30 }),
          fc.string({ maxLength: 40 }),
        )
        .map(([n, s]) => `~${n}.${s}`),
      fc.constantFrom(
        '~',
        '~1',
        '~1.',
        '~0.',
        '~2.',
        '~1..',
        '__proto__',
        'constructor',
        'toString',
        'windows-default',
      ),
    );
    fc.assert(fc.property(noise, decoded), runs(10_000));
  }, 120_000);

  it('never throws on valid links damaged in transit', () => {
    fc.assert(fc.property(damaged, decoded), runs(6_000));
  }, 120_000);

  it('never throws on packed text that is not a scenario: hostile JSON, damaged JSON, plain text', () => {
    const textOf = (make: () => unknown) => {
      try {
        return JSON.stringify(make()) ?? 'undefined';
      } catch {
        return '{"steps": [';
      }
    };
    const payload = fc.oneof(
      plantedArb(BASES, hostile({ huge: false })).map((make) => packText(textOf(make))),
      fc.string({ maxLength: 200 }).map(packText),
      fc.json().map(packText),
    );
    fc.assert(fc.property(payload, decoded), runs(4_000));
  }, 120_000);

  it('refuses bombs, deep nesting and links over the length cap with one message, unpacking no further', () => {
    // Made once (deflating 100 MB takes a while): a few kilobytes each that inflate past the cap.
    const bombs = [LIMITS.scenarioChars + 1, 20_000_000, 100_000_000].map((n) => packText(' '.repeat(n)));
    const deep = [33, 10_000, 1_000_000].map((d) => packText(`${'['.repeat(d)}${']'.repeat(d)}`));
    const long = [...hugeStrings().map((s) => `~1.${s}`), `~1.${'A'.repeat(MAX_LINK_CHARS)}`];
    fc.assert(
      fc.property(fc.constantFrom(...bombs, ...deep, ...long), (link) => {
        const r = log.run(link, () => scenarioFromParam(link));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }),
      runs(200),
    );
  }, 120_000);
});
