import fc from 'fast-check';
import { describe, it } from 'vitest';
import { check } from '../../properties/harness';
import { explainLinux } from './explain';
import * as real from './fixtures/real';
import { readLinuxText } from './read';

/**
 * "Deleting any one line never adds a finding that line supported": a ✓
 * (nothing holds it) or a blocker rests on printed lines; a line less can
 * take one away, or turn it into a question, never make one. A finding is
 * known by its module, its id and its status (who it names may change: a
 * later print of the holders wins over an earlier one).
 */

const FIXTURES = Object.values(real);
/** Two sessions pasted together: what one says can be undone by the other's lines. */
const PAIRS = FIXTURES.flatMap((a, i) => FIXTURES.slice(i + 1, i + 4).map((b) => `${a}${b}`));

function keys(text: string): Set<string> {
  const e = explainLinux(readLinuxText(text));
  const out = new Set<string>();
  for (const a of e.modules)
    for (const f of a.findings)
      if (f.status === 'clear' || f.status === 'holds') out.add(`${a.module} | ${f.id} | ${f.status}`);
  return out;
}

/** Deletes each line in turn: none adds a ✓ or a blocker. */
function noneAdded(text: string): void {
  const before = keys(text);
  const n = text.split('\n').length;
  for (let i = 0; i < n; i++) {
    const added = [...keys(withoutLine(text, i))].filter((k) => !before.has(k));
    check(
      added.length === 0,
      () => `deleting line ${i + 1} of ${JSON.stringify(text)} added ${added.join('; ')}`,
    );
  }
}

function withoutLine(text: string, i: number): string {
  const lines = text.split('\n');
  return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
}

describe('a line less never adds a finding', () => {
  it('deleting any one line of any real fixture adds no ✓ and no blocker', () => {
    for (const text of FIXTURES) noneAdded(text);
  });

  it('nor of two fixtures pasted together (every pair of neighbours, every line)', () => {
    for (const text of PAIRS) noneAdded(text);
  });

  // Fixtures from different machines that print the same module (cfg80211, nvidia) disagree about it: there the
  // later print wins, and deleting it shows the earlier one — a change of state, not a finding made up. A session
  // is made of fixtures that print no module in common.
  it('nor of a shuffled session of real fixtures', () => {
    const names = new Map(FIXTURES.map((t) => [t, new Set(readLinuxText(t).modules.map((m) => m.name))]));
    const apart = (parts: readonly string[]) =>
      parts.every((a, i) =>
        parts.slice(i + 1).every((b) => ![...(names.get(a) ?? [])].some((n) => names.get(b)?.has(n))),
      );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(FIXTURES, { minLength: 2, maxLength: 5 }).filter(apart),
        fc.nat(),
        (parts, at) => {
          const text = parts.join('');
          const i = at % text.split('\n').length;
          const added = [...keys(withoutLine(text, i))].filter((k) => !keys(text).has(k));
          check(
            added.length === 0,
            () => `deleting line ${i + 1} of ${JSON.stringify(text)} added ${added.join('; ')}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
