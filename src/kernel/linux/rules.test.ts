import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linux } from './rules';

/** The rules table and docs/domain/linux.md name the same rules, each with its evidence and source. */
const doc = readFileSync(new URL('../../../docs/domain/linux.md', import.meta.url), 'utf8');

describe('the Linux rules', () => {
  it('are the rules the domain doc names, no more and no fewer', () => {
    const inDoc = new Set(doc.match(/linux\.[a-z]+(?:\.[A-Za-z]+)?/g)?.filter((id) => !id.endsWith('.md')));
    expect([...inDoc].sort()).toEqual(Object.keys(linux).sort());
  });

  it('each has a sentence and a source; a modelling choice says what the sources leave open', () => {
    for (const [id, [evidence, text, source, note]] of Object.entries(linux)) {
      expect(text.length, id).toBeGreaterThan(20);
      expect(source.length, id).toBeGreaterThan(5);
      if (evidence === 'MODEL') expect(note ?? '', id).not.toBe('');
    }
  });
});
