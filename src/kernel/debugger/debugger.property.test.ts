import fc from 'fast-check';
import { describe, it } from 'vitest';
import { check } from '../properties/harness';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { explainImport } from './explain';
import { ALL_LINES, ALL_OUTPUTS } from './fixtures/all';
import * as devobj from './fixtures/devobj';
import * as irpObject from './fixtures/irpObject';
import { SESSION } from './fixtures/session';
import * as stacks from './fixtures/stacks';
import { importDebuggerText } from './import';
import type { DebuggerImport } from './types';

/**
 * Property tests of `importDebuggerText` (shared/design/scenario-format.md:
 * "never throws, whatever it is given"): arbitrary text, binary junk, a huge
 * paste and mutated fixtures all give a well-formed import, whose scenario
 * (when there is one) parses and plays and whose explanation can be made.
 */

const ADDRESS = /^[0-9a-f]{1,16}$/;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Reads `text`, and checks the promises the result keeps. */
function readsSafely(text: string): DebuggerImport {
  let imp: DebuggerImport;
  try {
    imp = importDebuggerText(text);
  } catch (e) {
    throw new Error(`importDebuggerText threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const p of imp.problems) {
    check(
      Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1,
      () => `problem on line ${p.line} of ${lines}`,
    );
    check(p.message.trim() !== '', () => `empty problem message on line ${p.line}`);
    // The importer turns an exception into a problem; one there is a bug the guard hid.
    check(!/^(the reader failed|no scenario could be built)/.test(p.message), () => p.message);
  }
  for (const d of imp.devices) check(ADDRESS.test(d.address), () => `device address ${d.address}`);
  for (const d of imp.drivers) {
    check(/^\\(Driver|FileSystem)\\/i.test(d.name), () => `driver name ${d.name}`);
    for (const a of d.devices) check(ADDRESS.test(a), () => `device ${a} of ${d.name}`);
  }
  for (const i of imp.irps) check(ADDRESS.test(i.address), () => `IRP address ${i.address}`);
  if (imp.scenario) {
    const parsed = parseScenario(JSON.parse(JSON.stringify(imp.scenario)));
    check(parsed.ok, () => `the scenario does not parse: ${JSON.stringify(parsed.ok ? [] : parsed.errors)}`);
    for (const s of imp.scenario.steps)
      for (const [k, v] of Object.entries(s))
        if (['driver', 'device', 'handle', 'irp', 'reference', 'attachTo'].includes(k))
          check(NAME.test(String(v)), () => `scenario name ${String(v)}`);
    runScenario(imp.scenario);
  }
  explainImport(imp);
  return imp;
}

/** Lines that look like debugger output, to build pastes more likely to reach deep into the readers. */

const lineArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** One change to a fixture: the ways a paste gets damaged. */
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeatLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('tabs' as const) }),
);

type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const li = (n: number) => n % Math.max(1, lines.length);
  const ci = (n: number) => n % Math.max(1, text.length);
  switch (m.kind) {
    case 'cut':
      return text.slice(0, ci(m.at));
    case 'dropLine':
      return lines.filter((_, i) => i !== li(m.at)).join('\n');
    case 'repeatLine':
      return lines.flatMap((l, i) => (i === li(m.at) ? [l, l] : [l])).join('\n');
    case 'swapLines': {
      const a = li(m.at);
      const b = li(m.with);
      const out = [...lines];
      [out[a], out[b]] = [out[b] ?? '', out[a] ?? ''];
      return out.join('\n');
    }
    case 'insert':
      return text.slice(0, ci(m.at)) + m.text + text.slice(ci(m.at));
    case 'overwrite':
      return text.slice(0, ci(m.at)) + m.text + text.slice(ci(m.at) + m.text.length);
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'tabs':
      return text.replace(/ {2,}/g, '\t');
  }
}

describe('importDebuggerText, on any input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => void readsSafely(s)),
      { numRuns: 300 },
    );
  });

  it('never throws on binary junk', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        (bytes) => void readsSafely(String.fromCharCode(...bytes)),
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on pastes assembled from debugger lines and junk', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        readsSafely(lines.join(eol));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('never throws on mutated fixtures, and still plays their scenarios', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_OUTPUTS),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        (text, ms) => {
          readsSafely(ms.reduce(mutate, text));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('writes scenarios that play with no step refused, from any mix of the fixtures', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ALL_OUTPUTS], { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (parts, drops) => {
          let lines = parts.join('').split('\n');
          for (const d of drops) lines = lines.filter((_, i) => i !== d % Math.max(1, lines.length));
          const scenario = readsSafely(lines.join('\n')).scenario;
          if (!scenario) return;
          runScenario(scenario).steps.forEach((r, i) =>
            check(
              r.status === 'STATUS_SUCCESS',
              () => `step ${i} (${scenario.steps[i]?.do}) got ${r.status}`,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('reads a command whose lines repeat ten thousand times without throwing', () => {
    const hex = (i: number) => (0xffffd10e00000000n + BigInt(i) * 0x40n).toString(16);
    const times = (n: number, f: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => f(i)).join('\n');
    const pastes = [
      `${devobj.DEVOBJ_UNLOAD_PENDING.replace('Characteristics', `${times(10_000, () => '                           DOE_DELETE_PENDING,')}\nCharacteristics`)}`,
      `${devobj.DEVOBJ_UNLOAD_PENDING.replace('DeviceQueue: ', `DeviceQueue: ${times(10_000, (i) => hex(i))}\n`)}`,
      `${stacks.DEVSTACK_SHORT.split('!DevNode')[0] ?? ''}${times(10_000, (i) => `  ${hex(i)}  \\Driver\\qfilter    ${hex(i + 1)}`)}`,
      times(
        10_000,
        (i) => `DevNode 0x${hex(i)} for PDO 0x${hex(i + 7)}\n  State = DeviceNodeStarted (0x308)`,
      ),
      `${irpObject.IRP_WIN10}${times(10_000, (i) => ` [IRP_MJ_READ(3), N/A(0)]\n            0  0 ${hex(i)} 00000000 00000000-00000000\n           \\Driver\\d${i}`)}`,
      times(
        1_000,
        (i) => `${devobj.DEVOBJ_WIN10.replace(/4a2c7c30/g, hex(i).slice(-8)).replace('qfilter', `q${i}`)}`,
      ),
    ];
    for (const p of pastes) readsSafely(p);
  }, 120_000);

  it('reads a 5 MB paste and 5 MB of junk without throwing', () => {
    const big = SESSION.repeat(Math.ceil(5_000_000 / SESSION.length));
    const imp = readsSafely(big);
    check(imp.drivers.length === 2, () => `a repeated session has ${imp.drivers.length} drivers`);
    // A fixed-seed generator: the same junk each run.
    let seed = 0x2f6b;
    const junk = Array.from({ length: 5_000_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    readsSafely(junk);
    readsSafely(`${'x'.repeat(5_000_000)}\n${SESSION}`);
  }, 120_000);
});
