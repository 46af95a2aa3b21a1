import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { FuzzLog, runs } from '../../../fuzz/harness';
import { PROTO_KEYS, hostile, hugeStrings } from '../../../fuzz/hostile';
import { MAX_PROBLEMS } from '../../debugger/store';
import { MAX_LINE, MAX_LINES, MAX_TEXT } from '../../debugger/text';
import { check } from '../../properties/harness';
import { explainLinux } from './explain';
import * as real from './fixtures/real';
import { readLinuxText } from './read';
import { MAX_FILES, MAX_MODULES } from './store';

/**
 * Fuzzing the Linux paste reader as the app will use it (`readLinuxText`,
 * then `explainLinux`; docs/limits.md): real output lines shuffled with
 * noise and colour codes, real output whose words are swapped for hostile
 * tokens (prototype keys as module names, huge words, NULs), values that are
 * not text, and pastes over every cap. It never throws; problems stay within
 * MAX_PROBLEMS and the limit lines, each short; every finding cites lines of
 * the paste.
 */

const log = new FuzzLog('linux reader');
afterAll(() => console.info(log.report()));

const MAX_MESSAGE = 1_000;
const FIXTURES = Object.values(real);
const LINES = FIXTURES.flatMap((t) => t.split('\n').filter((l) => l !== ''));

function reads(input: unknown): void {
  const r = log.run(input, () => {
    const reading = readLinuxText(input as string);
    return { reading, explanation: explainLinux(reading) };
  });
  const { problems, modules, files } = r.reading;
  // The list, the summary of those left out, the modules' and files' caps, the cut of the paste.
  check(problems.length <= MAX_PROBLEMS + 4, () => `${problems.length} problems`);
  check(
    modules.length <= MAX_MODULES && files.length <= MAX_FILES,
    () => `${modules.length} modules, ${files.length} files`,
  );
  for (const p of problems) {
    check(
      p.message.trim() !== '' && p.message.length <= MAX_MESSAGE,
      () => `a message of ${p.message.length}`,
    );
    // The reader turns an exception into a problem: one there is a bug the guard hid.
    check(!p.message.startsWith('the reader failed'), () => p.message);
  }
  const last = typeof input === 'string' ? input.split(/\r\n|\r|\n/).length : 1;
  for (const a of r.explanation.modules)
    for (const f of a.findings) {
      check(f.lines.length > 0, () => `${a.module} ${f.id} cites no line`);
      check(
        f.lines.every((l) => l >= 1 && l <= last),
        () => `${a.module} ${f.id} cites ${f.lines.join(',')} of ${last}`,
      );
    }
}

/** Words a hostile paste names things by. */
const token = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom(
    '0',
    '-1',
    '-2',
    '99999999999999',
    ',',
    '-',
    '[permanent],',
    'Live',
    '\u0000',
    "'",
    ':',
    '$',
    '#',
    '|',
    '\u001b[31m',
  ),
  fc.integer({ min: MAX_LINE - 10, max: MAX_LINE + 10 }).map((n) => 'w'.repeat(n)),
  fc.string({ maxLength: 6 }),
);

/** A fixture with some of its words swapped for hostile tokens. */
const hostilePaste = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.array(fc.tuple(fc.nat(), token), { minLength: 1, maxLength: 6 }))
  .map(([text, swaps]) => {
    const words = text.split(/( +|\n)/);
    for (const [at, t] of swaps) words[(at % Math.ceil(words.length / 2)) * 2] = t;
    return words.join('');
  });

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: token },
);
const pasted = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([ls, eol]) => ls.join(eol));

describe('fuzzing the Linux paste reader', () => {
  it('never throws on real output lines shuffled with noise', () => {
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
    // Made once: real output past MAX_TEXT (5 MB), junk lines past MAX_LINES, one very long line.
    const session = FIXTURES.join('');
    const big = session.repeat(Math.ceil((MAX_TEXT + 1) / session.length));
    const huge = [big, 'junk\n'.repeat(MAX_LINES + 1), 'x'.repeat(MAX_TEXT + 1), ...hugeStrings()];
    for (const text of huge) reads(text);
  }, 120_000);
});
