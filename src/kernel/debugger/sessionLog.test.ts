import { describe, expect, it } from 'vitest';
import { explainImport } from './explain';
import { SESSION_LOG } from './fixtures/sessionLog';
import { importDebuggerText } from './import';

describe('a whole .logopen session reads as one picture', () => {
  const imp = importDebuggerText(SESSION_LOG);
  const e = explainImport(imp);

  it('merges each object across the commands that printed it', () => {
    const orbis0 = imp.devices.find((d) => d.address === 'ffffc70b2d0e4c80');
    expect(orbis0).toMatchObject({
      name: 'Orbis0',
      driver: '\\Driver\\orbis',
      refCount: 1,
      devnode: 'ffffc70b2b8e3c10',
    });
    expect(new Set(orbis0?.sources.map((s) => s.command))).toEqual(
      new Set(['drvobj', 'devobj', 'devstack', 'irp']),
    );
    expect(imp.drivers.map((d) => d.name)).toEqual([
      '\\Driver\\orbis',
      '\\Driver\\PnpManager',
      '\\Driver\\quasar',
    ]);
    expect(imp.irps[0]).toMatchObject({
      address: 'ffffc70b2f6e1010',
      thread: 'ffffc70b2f2a4080',
      pending: true,
    });
    expect(imp.processes?.find((p) => p.image === 'orbisctl.exe')?.pid).toBe('1a2c');
  });

  it('gives a summary per driver, naming the process that holds orbis', () => {
    const orbis = e.drivers.find((d) => d.driver === '\\Driver\\orbis');
    expect(orbis?.summary).toMatch(
      /^\\Driver\\orbis is held by .*open handles of orbisctl\.exe.*outstanding IRPs/,
    );
    const holders = orbis?.findings.find((f) => f.id === 'holders');
    expect(holders?.text).toMatch(
      /^orbisctl\.exe \(PID 0x1a2c = 6700, process ffffc70b2f1c3080\) holds one handle on ffffc70b2d0e4c80 \(Orbis0\): 0xf4 \(file object ffffc70b2f5d8a90, named “\\”\)/,
    );
    const irp = orbis?.findings.find((f) => f.id === 'outstandingIrp');
    expect(irp?.text).toContain('it was sent by thread ffffc70b2f2a4080 of orbisctl.exe (PID 0x1a2c = 6700');
    const quasar = e.drivers.find((d) => d.driver === '\\Driver\\quasar');
    expect(quasar?.summary).toMatch(/^\\Driver\\quasar is held by having no Unload routine/);
  });

  it("draws the handle the paste names as that process's (picture and story agree)", () => {
    const open = imp.scenario?.steps.filter((s) => s.do === 'openHandle') ?? [];
    expect(open.map((s) => ('handle' in s ? s.handle : ''))).toEqual(['orbisctl.exe.00f4']);
    expect(open[0]?.say).toMatch(/^Handle 0xf4 of orbisctl\.exe \(PID 0x1a2c = 6700/);
  });

  it('lists what it did not read: the command it does not read, and the debugger message in the table', () => {
    const kinds = imp.problems.map((p) => `${p.line} ${p.kind}`);
    expect(kinds).toContain('2 otherCommand');
    expect(imp.problems.find((p) => p.kind === 'debuggerError')?.message).toMatch(/InfoMask field not found/);
    expect(imp.problems.filter((p) => p.kind === 'unread' || p.kind === 'truncated')).toEqual([]);
  });
});
