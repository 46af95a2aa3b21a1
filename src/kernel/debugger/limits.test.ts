import { describe, expect, it } from 'vitest';
import { SESSION } from './fixtures/session';
import { importDebuggerText } from './import';
import { MAX_LINES, MAX_TEXT } from './text';

/** The caps of a paste (docs/limits.md): past them, one problem says what was read. */
describe('a paste over the caps', () => {
  it('is read up to MAX_LINES lines, and the last problem says so', () => {
    const imp = importDebuggerText(`${SESSION}\n${'junk\n'.repeat(MAX_LINES)}`);
    expect(imp.problems.at(-1)).toEqual({
      line: MAX_LINES,
      kind: 'limit',
      message:
        'the paste has more than 100,000 lines; only the first 100,000 were read, up to this line (docs/limits.md). Paste the commands of the drivers you want to see.',
    });
    // What came before the cut was read as usual.
    expect(imp.drivers.map((d) => d.name)).toContain('\\Driver\\pulsar');
  });

  it('is read up to MAX_TEXT characters', () => {
    const imp = importDebuggerText('x'.repeat(MAX_TEXT + 10));
    expect(imp.problems.at(-1)?.message).toMatch(
      /^the paste is 5,000,010 characters long; only the first 5,000,000 were read, up to this line/,
    );
  });

  it('a value that is not text is one problem, not an exception', () => {
    const imp = importDebuggerText(Object.create(null) as string);
    expect(imp.problems).toEqual([
      { line: 1, kind: 'unread', message: 'expected the text the debugger printed, got an object' },
    ]);
  });
});
