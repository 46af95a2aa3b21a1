import fc from 'fast-check';
import { describe, it } from 'vitest';
import { check } from '../properties/harness';
import { explainImport } from './explain';
import { ALL_OUTPUTS } from './fixtures/all';
import { importDebuggerText } from './import';

/**
 * Issue 20: "deleting any line of a paste never adds a ✓ finding". A ✓
 * rests on what was printed; a line less can take a ✓ away (or turn it
 * into a question), never make one. A ✓ is known by the answer it is in
 * (the driver, or the object no driver explains), what it is about and
 * its blocker.
 */

function checks(text: string): Set<string> {
  const e = explainImport(importDebuggerText(text));
  const out = new Set<string>();
  const add = (answer: string, fs: (typeof e.drivers)[number]['findings']) => {
    for (const f of fs)
      if (f.status === 'clear')
        out.add(
          // What a ✓ is about: its blocker; a finding moved to another answer (its driver's name lost) is not new.
          f.blocker
            ? `${f.id} | ${f.blocker.kind} ${(f.blocker.address ?? f.blocker.name ?? '').toLowerCase()}`
            : `${answer} | ${f.id}`,
        );
  };
  for (const d of e.drivers) add(d.driver.toLowerCase(), d.findings);
  // An object's answer by its kind and address: a name line lost changes its title, not what it is.
  for (const o of e.others) add(o.title.split(' ').slice(0, 2).join(' '), o.findings);
  return out;
}

describe('a line less never adds a ✓', () => {
  it('deleting any one line of any fixture adds no ✓ finding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_OUTPUTS), fc.nat(), (text, at) => {
        const lines = text.split('\n');
        const i = at % lines.length;
        const before = checks(text);
        const after = checks([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
        const added = [...after].filter((k) => !before.has(k));
        check(
          added.length === 0,
          () => `deleting line ${i + 1} (${JSON.stringify(lines[i])}) added ✓ ${added.join('; ')}`,
        );
      }),
      { numRuns: 400 },
    );
  });
});
