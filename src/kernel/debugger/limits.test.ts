import { describe, expect, it } from 'vitest';
import { SESSION } from './fixtures/session';
import { importDebuggerText } from './import';
import { MAX_LINES, MAX_TEXT } from './text';
import { MAX_WHO } from './whoStore';

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

  it('keeps at most MAX_WHO handles, and says from which line the rest were not kept', () => {
    const entry = (i: number) =>
      `${(i * 4).toString(16).padStart(4, '0')}: Object: ${(0x81000000 + i * 0x40).toString(16)}  GrantedAccess: 0012019f Entry: e1000000`;
    const lines = Array.from({ length: MAX_WHO + 2 }, (_, i) => entry(i + 1));
    const imp = importDebuggerText(`kd> !handle 0 3 0 File\n${lines.join('\n')}\n`);
    expect(imp.handles).toHaveLength(MAX_WHO);
    const limit = imp.problems.filter((p) => p.kind === 'limit');
    expect(limit).toEqual([
      {
        line: MAX_WHO + 2,
        kind: 'limit',
        message:
          'more than 20,000 handles were printed; those from this line on were not kept (docs/limits.md). Paste the !handle or !process of the processes you want to see.',
      },
    ]);
  });
});
