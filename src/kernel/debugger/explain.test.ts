import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { explainImport, type DriverAnswer } from './explain';
import type { Finding, FindingId } from './finding';
import { DEVOBJ_DELETE_PENDING, DEVOBJ_PDO, DEVOBJ_UNLOAD_PENDING, DEVOBJ_WIN10 } from './fixtures/devobj';
import { DRVOBJ_LIST, DRVOBJ_NO_UNLOAD, DRVOBJ_XP_LEGACY } from './fixtures/drvobj';
import { IRP_VISTA } from './fixtures/irpObject';
import { SESSION } from './fixtures/session';
import { DEVNODE_PENDING_CLOSES, DEVNODE_STARTED, DEVSTACK_SHORT } from './fixtures/stacks';
import { importDebuggerText } from './import';

/** "Why is this driver still loaded?": the findings for each case the paste can show. */

function answer(text: string, driver: string): DriverAnswer {
  const a = explainImport(importDebuggerText(text)).drivers.find((d) => d.driver === driver);
  if (!a) throw new Error(`no answer for ${driver}`);
  return a;
}

function find(a: DriverAnswer, id: FindingId, status?: Finding['status']): Finding {
  const f = a.findings.find((x) => x.id === id && (status === undefined || x.status === status));
  if (!f)
    throw new Error(
      `no ${id} finding for ${a.driver}: ${JSON.stringify(a.findings.map((x) => [x.id, x.status]))}`,
    );
  return f;
}

const commands = (f: Finding) => f.next.map((n) => n.command);

describe('explainImport', () => {
  const pulsar = answer(SESSION, '\\Driver\\pulsar');

  it('an open file: RefCount above zero, with !devhandles and !handle to find its owner', () => {
    const f = find(pulsar, 'openFiles', 'holds');
    expect(f).toMatchObject({ condition: 'noReferences', rule: 'seed.4a.noReferences' });
    expect(f.text).toBe(
      'RefCount 1 on ffffb8025e61d9f0 (PulsarCtl): one file object is open on it, and Unload waits until the last one closes.',
    );
    expect(commands(f)).toEqual(['!devhandles ffffb8025e61d9f0', '!handle 0 3 0 File']);
  });

  it('a leaked reference: PointerCount above HandleCount, with the write breakpoint of the docs', () => {
    const f = find(pulsar, 'pointerReferences', 'holds');
    expect(f.rule).toBe('dbg.object.pointerCount');
    expect(f.text).toContain('PointerCount 4 with HandleCount 0');
    expect(commands(f)).toEqual(['ba w4 ffffb8025e61d9c0 "k;g"', '!obtrace ffffb8025e61d9f0']);
    expect(f.next[0]?.doc).toBe(
      'https://learn.microsoft.com/windows-hardware/drivers/debugger/debugging-a-failed-driver-unload',
    );
  });

  it('a driver attached above: names the filter and asks for its stack and its driver', () => {
    const f = find(pulsar, 'attachedAbove', 'holds');
    expect(f).toMatchObject({ condition: 'noAttachedDrivers', rule: 'seed.4b.noAttached' });
    expect(f.blocker).toEqual({ kind: 'device', address: 'ffffb8025e9b0c50', name: '\\Driver\\pfilt' });
    expect(commands(f)).toEqual(['!devstack ffffb8025e61d9f0', '!drvobj \\Driver\\pfilt 7']);
  });

  it('a pending IRP: where it is current, and !irp to follow it', () => {
    const f = find(pulsar, 'outstandingIrp', 'holds');
    expect(f.text).toContain(
      '(marked pending) at stack location 2 of 3, ffffb8025e61d9f0 of \\Driver\\pulsar',
    );
    expect(f.rule).toBe('dbg.irp.currentLocation');
    // Issue 20: the IRP names the thread that sent it; with no !thread printed, the next command asks for its process.
    expect(f.text).toContain('it was sent by thread ffffb8025d7e2080');
    expect(commands(f)).toEqual(['!irp ffffb8025f0c41a0 1', '!thread ffffb8025d7e2080']);
  });

  it('DOE_UNLOAD_PENDING: a stop was asked and deferred', () => {
    const f = find(pulsar, 'unloadPending', 'note');
    expect(f).toMatchObject({ condition: 'unloadRequested', rule: 'seed.3.unloadPending' });
  });

  it('DOE_DELETE_PENDING and DO_DEVICE_INITIALIZING (decoded from Flags)', () => {
    const a = answer(DEVOBJ_DELETE_PENDING, '\\Driver\\pulsar');
    expect(find(a, 'deletePending', 'holds').rule).toBe('win.delete.pending');
    const init = find(a, 'initializing', 'note');
    expect(init.rule).toBe('dbg.device.initializing');
    expect(init.text).toMatch(/^Flags 000000c0 has DO_DEVICE_INITIALIZING on ffffb8025e88c320 \(PulsarAux\)/);
  });

  it('an IRP in progress and IRPs queued on the device', () => {
    const a = answer(DEVOBJ_UNLOAD_PENDING, '\\Driver\\pulsar');
    expect(commands(find(a, 'currentIrp', 'holds'))).toEqual(['!irp ffffb8025f0c41a0 1']);
    expect(commands(find(a, 'queuedIrps', 'holds'))).toEqual([
      '!irp ffffb8025f11e010 1',
      '!irp ffffb8025f2d7a80 1',
    ]);
  });

  it('no Unload routine: a PnP driver is never unloaded, a legacy one cannot be stopped', () => {
    const pnp = find(answer(DRVOBJ_NO_UNLOAD, '\\Driver\\orbis'), 'unloadRoutine', 'holds');
    expect(pnp).toMatchObject({ rule: 'win.unload.noRoutine', condition: 'hasUnloadRoutine' });
    const legacy = DRVOBJ_XP_LEGACY.replace('DriverUnload:  f7b4a210', 'DriverUnload:  00000000');
    expect(find(answer(legacy, '\\Driver\\nebula'), 'unloadRoutine', 'holds').rule).toBe(
      'win.stop.noUnloadRoutine',
    );
    expect(find(answer(DRVOBJ_XP_LEGACY, '\\Driver\\nebula'), 'unloadRoutine').status).toBe('clear');
  });

  it('a devnode not removed holds a PnP driver; one waiting for closes names the handles', () => {
    const stack = `${DEVSTACK_SHORT}${DEVNODE_STARTED}${DRVOBJ_NO_UNLOAD.replace(/orbis/g, 'quasar')}`;
    const f = find(answer(stack, '\\Driver\\quasar'), 'devnode', 'holds');
    expect(f).toMatchObject({ rule: 'dbg.devnode.notRemoved', condition: 'noDeviceObjects' });
    expect(f.text).toContain('is DeviceNodeStarted');
    const pdo = DEVOBJ_PDO.replace(/ffffd10e49f8a060/g, '89c31d40').replace(
      'DevNode ffffd10e49f6cd20',
      'DevNode 89c2e4a8',
    );
    const closes = find(answer(`${DEVNODE_PENDING_CLOSES}${pdo}`, '\\Driver\\ACPI'), 'devnode', 'holds');
    expect(closes.rule).toBe('win.pnp.removeAfterClose');
    expect(commands(closes)).toEqual(['!devhandles 89c31d40', '!devnode 1']);
  });

  it('says "unknown" where the paste did not print, and names the command that prints it', () => {
    const a = answer(DRVOBJ_LIST, '\\Driver\\quasar');
    const unknown = a.findings.filter((f) => f.status === 'unknown');
    expect(unknown.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'unloadRoutine',
        'openFiles',
        'attachedAbove',
        'pointerReferences',
        'notifications',
      ]),
    );
    for (const f of unknown) expect(f.next.length).toBeGreaterThan(0);
    expect(commands(find(a, 'unloadRoutine'))).toEqual(['!drvobj \\Driver\\quasar 7']);
    expect(commands(find(a, 'openFiles'))).toEqual(['!devobj ffffd10e4a2c7c30']);
  });

  it('never invents: what was printed clear is clear, with its lines', () => {
    const a = answer(DEVOBJ_WIN10, '\\Driver\\quasar');
    const f = find(a, 'attachedAbove', 'holds');
    expect(f.lines).toEqual([2]);
    expect(
      find(
        answer(IRP_VISTA.replace('Irp stack trace.', 'Irp is completed.'), '\\Driver\\zephyr'),
        'outstandingIrp',
      ).status,
    ).toBe('clear');
  });

  it('cites only rules of the registry, and a Microsoft page for every next command', () => {
    const all = explainImport(importDebuggerText(`${SESSION}${DEVSTACK_SHORT}${DEVNODE_STARTED}`)).drivers;
    for (const f of all.flatMap((d) => d.findings)) {
      if (f.rule !== undefined) expect(RULES[f.rule], f.rule).toBeDefined();
      for (const n of f.next)
        expect(n.doc).toMatch(/^https:\/\/learn\.microsoft\.com\/windows-hardware\/drivers\//);
    }
  });

  it('sums up each driver in one sentence', () => {
    expect(pulsar.summary).toMatch(/^\\Driver\\pulsar is held by .*open files.*a driver attached above it/);
    expect(explainImport(importDebuggerText('')).drivers).toEqual([]);
  });
});
