import { describe, expect, it } from 'vitest';
import { MAX_LINES, MAX_TEXT } from '../../debugger/text';
import { MAX_PROBLEMS } from '../../debugger/store';
import { NVIDIA_RMMOD_CHAIN } from './fixtures/real';
import { readLinuxText } from './read';
import { MAX_FILES, MAX_MODULES } from './store';

/** The caps of a paste, as the debugger reader's (docs/limits.md): past them, one problem says what was read. */
describe('a paste over the caps', () => {
  it('is read up to MAX_LINES lines, and the last problem says so', () => {
    const r = readLinuxText(`${NVIDIA_RMMOD_CHAIN}${'junk\n'.repeat(MAX_LINES)}`);
    expect(r.problems.at(-1)).toEqual({
      line: MAX_LINES,
      kind: 'limit',
      message:
        'the paste has more than 100,000 lines; only the first 100,000 were read, up to this line (docs/limits.md). Paste the commands of the modules you want to see.',
    });
    // The lines before the cut were read; the junk after them is listed up to MAX_PROBLEMS, then summed up.
    expect(r.modules.map((m) => m.name)).toContain('nvidia');
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 2);
    expect(r.problems.at(-2)?.message).toMatch(
      /more lines could not be read, from this line on; only the first 2,000 are listed/,
    );
  });

  it('is read up to MAX_TEXT characters', () => {
    const r = readLinuxText('x'.repeat(MAX_TEXT + 10));
    expect(r.problems.at(-1)?.message).toMatch(
      /^the paste is 5,000,010 characters long; only the first 5,000,000 were read, up to this line/,
    );
  });

  it('a value that is not text is one problem, not an exception', () => {
    expect(readLinuxText(Object.create(null) as string).problems).toEqual([
      { line: 1, kind: 'unread', message: 'expected the text the shell printed, got an object' },
    ]);
    expect(readLinuxText(null as unknown as string).problems[0]?.message).toBe(
      'expected the text the shell printed, got null',
    );
  });

  it('keeps at most MAX_MODULES modules and MAX_FILES open files, and says from which line', () => {
    const rows = Array.from({ length: MAX_MODULES + 1 }, (_, i) => `m${i} 16384 0 - Live 0x0000000000000000`);
    const r = readLinuxText(`$ cat /proc/modules\n${rows.join('\n')}\n`);
    expect(r.modules).toHaveLength(MAX_MODULES);
    expect(r.problems).toEqual([
      {
        line: MAX_MODULES + 2,
        kind: 'limit',
        message:
          'more than 10,000 modules were printed; those from this line on were not kept (docs/limits.md). Paste the lines of the modules you want to see.',
      },
    ]);
    const lsof = Array.from(
      { length: MAX_FILES + 1 },
      (_, i) => `cat ${i + 1} root 3r CHR 1,3 0t0 6 /dev/null`,
    );
    const f = readLinuxText(
      `$ lsof /dev/null\nCOMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n${lsof.join('\n')}\n`,
    );
    expect(f.files).toHaveLength(MAX_FILES);
    expect(f.problems.map((p) => p.line)).toEqual([MAX_FILES + 3]);
  });
});
