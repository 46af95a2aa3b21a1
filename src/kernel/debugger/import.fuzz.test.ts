import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { FuzzLog, runs } from '../../fuzz/harness';
import { PROTO_KEYS, hostile, hugeStrings } from '../../fuzz/hostile';
import { check } from '../properties/harness';
import { parseScenario } from '../scenario/parse';
import { explainImport } from './explain';
import { ALL_LINES, ALL_OUTPUTS } from './fixtures/all';
import { SESSION } from './fixtures/session';
import { importDebuggerText } from './import';
import { MAX_PROBLEMS } from './store';
import { MAX_LINE, MAX_LINES, MAX_TEXT } from './text';

/**
 * Fuzzing the debugger-text reader as the app uses it (`importDebuggerText`,
 * then `explainImport`; docs/limits.md): pastes of real output lines
 * shuffled with noise, real output whose words are swapped for hostile
 * tokens (prototype keys as driver and device names, huge words, NULs),
 * values that are not text at all, and pastes over every cap. It never
 * throws; problems stay within MAX_PROBLEMS and a summary, each short; the
 * scenario it builds, when it builds one, parses.
 */

const log = new FuzzLog('debugger reader');
afterAll(() => console.info(log.report()));

const MAX_MESSAGE = 1_000;

function reads(input: unknown): void {
  const r = log.run(input, () => {
    const imp = importDebuggerText(input as string);
    return { imp, explanation: explainImport(imp) };
  });
  const { problems } = r.imp;
  // The list, a line for those left out, a line for a paste cut at MAX_TEXT.
  check(problems.length <= MAX_PROBLEMS + 2, () => `${problems.length} problems`);
  for (const p of problems) {
    check(
      p.message.trim() !== '' && p.message.length <= MAX_MESSAGE,
      () => `a message of ${p.message.length}`,
    );
    // The reader turns an exception into a problem: one there is a bug the guard hid.
    check(!/^(the reader failed|no scenario could be built)/.test(p.message), () => p.message);
  }
  if (r.imp.scenario) {
    const parsed = parseScenario(JSON.parse(JSON.stringify(r.imp.scenario)));
    check(
      parsed.ok,
      () => `the scenario built does not parse: ${parsed.ok ? '' : parsed.errors[0]?.message}`,
    );
  }
}

/** Words a hostile paste names things by. */
const token = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom(...PROTO_KEYS).map((k) => `\\Driver\\${k}`),
  fc.constantFrom('0', 'ffffffffffffffffffffffff', '0x', '`', '\u0000', '"', '(', ')', ':'),
  fc.integer({ min: MAX_LINE - 10, max: MAX_LINE + 10 }).map((n) => 'w'.repeat(n)),
  fc.string({ maxLength: 6 }),
);

/** A fixture with some of its words swapped for hostile tokens. */
const hostilePaste = fc
  .tuple(fc.constantFrom(...ALL_OUTPUTS), fc.array(fc.tuple(fc.nat(), token), { minLength: 1, maxLength: 6 }))
  .map(([text, swaps]) => {
    const words = text.split(/( +|\n)/);
    for (const [at, t] of swaps) {
      const i = (at % Math.ceil(words.length / 2)) * 2;
      words[i] = t;
    }
    return words.join('');
  });

const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ALL_LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: token },
);
const pasted = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([ls, eol]) => ls.join(eol));

describe('fuzzing the debugger-text reader', () => {
  it('never throws on pastes of real output lines shuffled with noise', () => {
    fc.assert(fc.property(pasted, reads), runs(10_000));
  }, 120_000);

  it('never throws on real output with hostile names and words', () => {
    fc.assert(fc.property(hostilePaste, reads), runs(4_000));
  }, 120_000);

  it('never throws on values that are not text', () => {
    fc.assert(
      fc.property(hostile({ huge: false }), (make) => reads(make())),
      runs(4_000),
    );
  }, 120_000);

  it('reads at most MAX_TEXT characters, MAX_LINES lines and MAX_PROBLEMS problems of a paste over the caps', () => {
    // Made once: a paste of real output past MAX_TEXT, a paste of junk lines, one very long line.
    const real = SESSION.repeat(Math.ceil((MAX_TEXT + 1) / SESSION.length));
    const huge = [real, 'junk\n'.repeat(MAX_LINES + 1), 'x'.repeat(MAX_TEXT + 1), ...hugeStrings()];
    // Each once: every one costs a read of the whole cap.
    for (const text of huge) reads(text);
  }, 120_000);
});
