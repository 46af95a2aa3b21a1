import { describe, expect, it } from 'vitest';
import { DEVOBJ_PDO, DEVOBJ_WIN10 } from './fixtures/devobj';
import { DRVOBJ_LIST } from './fixtures/drvobj';
import { SESSION, lineOf } from './fixtures/session';
import { DEVSTACK_SHORT } from './fixtures/stacks';
import { importDebuggerText } from './import';
import { MAX_PROBLEMS } from './store';
import type { DebuggerImport } from './types';

/** Whole pastes: several commands, prompts or none, line endings, tabs, errors, cut-off output, merging. */

/** What was read, without where (line numbers move when the text is reshaped). */
function content(imp: DebuggerImport) {
  const strip = <T extends { sources: unknown }>(x: T): Omit<T, 'sources'> => {
    const { sources: _sources, ...rest } = x;
    return rest;
  };
  return {
    drivers: imp.drivers.map(strip),
    devices: imp.devices.map(strip),
    devnodes: imp.devnodes.map(strip),
    stacks: imp.stacks.map(strip),
    irps: imp.irps.map((i) => ({ ...strip(i), locations: i.locations.map((l) => ({ ...l, line: 0 })) })),
    objects: imp.objects.map(strip),
  };
}

describe('a debugging session', () => {
  const imp = importDebuggerText(SESSION);

  it('merges what several commands print about one device into one entry', () => {
    const ctl = imp.devices.filter((d) => d.address === 'ffffb8025e61d9f0');
    expect(ctl).toHaveLength(1);
    expect(ctl[0]).toMatchObject({ name: 'PulsarCtl', refCount: 1, attachedDevice: 'ffffb8025e9b0c50' });
    expect(ctl[0]?.sources.map((s) => s.command)).toEqual(['drvobj', 'devobj', 'irp', 'object']);
    expect(imp.drivers.map((d) => d.name)).toEqual(['\\Driver\\pulsar', '\\Driver\\pfilt']);
  });

  it('reports exactly the lines it could not read: the other command, the debugger error', () => {
    expect(imp.problems).toEqual([
      expect.objectContaining({
        line: lineOf(SESSION, 'lm m pulsar'),
        endLine: lineOf(SESSION, '(private pdb symbols)'),
        kind: 'otherCommand',
      }),
      expect.objectContaining({
        line: lineOf(SESSION, 'Could not read device object'),
        kind: 'debuggerError',
      }),
    ]);
  });

  it('cites the line each object was first printed on', () => {
    const irp = imp.irps[0];
    expect(irp?.sources[0]?.line).toBe(lineOf(SESSION, 'Irp is active with 3 stacks'));
    expect(imp.drivers[0]?.sources[0]?.line).toBe(lineOf(SESSION, 'Driver object (ffffb8025e70a3b0)'));
  });

  it('reads a session cut off in the middle of an IRP, and says so', () => {
    const cut = SESSION.slice(0, SESSION.lastIndexOf(' [IRP_MJ_DEVICE_CONTROL'));
    const r = importDebuggerText(cut);
    expect(r.irps[0]?.locations).toHaveLength(2);
    expect(r.problems.at(-1)).toMatchObject({ kind: 'truncated' });
  });
});

describe('prompts, line endings, blanks', () => {
  const base = content(importDebuggerText(DEVOBJ_WIN10));

  it.each(['kd> ', '0: kd> ', '1: kd> ', '12: kd> ', 'lkd> ', '0: kd:x86> '])(
    'reads the prompt "%s"',
    (prompt) => {
      const imp = importDebuggerText(DEVOBJ_WIN10.replace('0: kd> ', prompt));
      expect(content(imp)).toEqual(base);
      expect(imp.problems).toEqual([]);
    },
  );

  it('reads the output with no prompt at all', () => {
    const imp = importDebuggerText(DEVOBJ_WIN10.split('\n').slice(1).join('\n'));
    expect(content(imp)).toEqual(base);
    expect(imp.problems).toEqual([]);
  });

  it('reads CRLF, lone CR, and doubled line breaks alike', () => {
    for (const eol of ['\r\n', '\r', '\r\r\n', '\n\n']) {
      const imp = importDebuggerText(DEVOBJ_WIN10.replace(/\n/g, eol));
      expect(content(imp)).toEqual(base);
      expect(imp.problems).toEqual([]);
    }
  });

  it('reads columns padded with tabs instead of spaces', () => {
    const imp = importDebuggerText(DEVSTACK_SHORT.replace(/ {2,}/g, '\t'));
    expect(content(imp)).toEqual(content(importDebuggerText(DEVSTACK_SHORT)));
    expect(imp.problems).toEqual([]);
  });

  it('ignores the banner, symbol warnings and blank lines', () => {
    const noise = [
      '*** WARNING: Unable to verify checksum for quasar.sys',
      '************* Path validation summary **************',
      'Loading Kernel Symbols',
      '...............................................................',
      '',
      '   ',
    ].join('\n');
    const imp = importDebuggerText(`${noise}\n${DEVOBJ_WIN10}\n${noise}\n`);
    expect(content(imp)).toEqual(base);
    expect(imp.problems).toEqual([]);
  });

  it('reports debugger error lines as what they are, with their line', () => {
    const text = [
      '0: kd> !devobj zz',
      "                ^ Syntax error in '!devobj zz'",
      '0: kd> !drvobj 7 7 7',
      'Invalid parameter',
      '*** ERROR: Symbol file could not be found.  Defaulted to export symbols for ntkrnlmp.exe - ',
      '0: kd> !irp ffffb8025f000000',
      'ffffb8025f000000: Could not read Irp',
    ].join('\n');
    const imp = importDebuggerText(text);
    expect(imp.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'debuggerError'],
      [4, 'debuggerError'],
      [5, 'debuggerError'],
      [7, 'debuggerError'],
    ]);
    expect(imp.problems[2]?.message).toContain('symbols are missing');
  });

  it('reports a stray line outside any command with what it expected', () => {
    const imp = importDebuggerText(`${DEVOBJ_WIN10}the fan is loud today\n`);
    expect(imp.problems).toHaveLength(1);
    expect(imp.problems[0]).toMatchObject({ line: 11, kind: 'unread' });
    expect(imp.problems[0]?.message).toContain('got "the fan is loud today"');
  });
});

describe('merging', () => {
  it('joins a driver known by its address with the same driver printed by name', () => {
    const unnamed = DEVOBJ_WIN10.replace(' Quasar0 \\Driver\\quasar DriverObject', ' Quasar0 DriverObject');
    const imp = importDebuggerText(`${unnamed}${DRVOBJ_LIST}`);
    expect(imp.drivers.map((d) => d.name)).toEqual([
      '\\Driver\\qfilter',
      '\\Driver\\ACPI',
      '\\Driver\\quasar',
    ]);
    const quasar = imp.drivers.find((d) => d.name === '\\Driver\\quasar');
    expect(quasar?.devices).toEqual(['ffffd10e4a2c7c30', 'ffffd10e4a11d060']);
    expect(imp.devices.find((d) => d.address === 'ffffd10e4a2c7c30')?.driver).toBe('\\Driver\\quasar');
  });

  it('treats driver names without regard to case, as the object manager does', () => {
    const imp = importDebuggerText(
      `${DEVOBJ_WIN10}${DEVOBJ_PDO.replace('\\Driver\\quasar', '\\Driver\\Quasar')}`,
    );
    expect(imp.drivers.filter((d) => d.name.toLowerCase() === '\\driver\\quasar')).toHaveLength(1);
  });

  it('keeps the later print of a field printed twice (the later state of the machine)', () => {
    const later = DEVOBJ_WIN10.replace('RefCount 2', 'RefCount 0');
    const imp = importDebuggerText(`${DEVOBJ_WIN10}${later}`);
    expect(imp.devices.find((d) => d.address === 'ffffd10e4a2c7c30')?.refCount).toBe(0);
  });
});

describe('limits', () => {
  it(`lists the first ${MAX_PROBLEMS} unread lines and sums up the rest`, () => {
    const imp = importDebuggerText(Array.from({ length: 3000 }, (_, i) => `junk ${i}`).join('\n'));
    expect(imp.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(imp.problems.at(-1)).toMatchObject({ kind: 'limit', line: MAX_PROBLEMS + 1 });
    expect(imp.problems.at(-1)?.message).toMatch(/^1000 more lines/);
  });

  it('reads only the start of an overlong line, and says so', () => {
    const imp = importDebuggerText(`${DEVOBJ_WIN10}${'x'.repeat(10_000)}\n`);
    expect(imp.problems[0]).toMatchObject({ line: 11, kind: 'limit' });
  });

  it('gives an empty import for an empty paste', () => {
    expect(importDebuggerText('')).toMatchObject({ drivers: [], devices: [], problems: [] });
    expect(importDebuggerText('').scenario).toBeUndefined();
  });
});
