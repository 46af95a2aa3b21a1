import { describe, expect, it } from 'vitest';
import { splitTrailingPointer } from './commands/devstack';
import { irpAddress } from './commands/irp';
import { DRVOBJ_LIST, DRVOBJ_NO_UNLOAD, DRVOBJ_XP_LEGACY } from './fixtures/drvobj';
import { IRP_NO_PROMPT, IRP_VISTA, IRP_WIN10, OBJECT_LEAK, OBJECT_XP } from './fixtures/irpObject';
import {
  DEVNODE_PENDING_CLOSES,
  DEVNODE_PROBLEM,
  DEVNODE_STARTED,
  DEVSTACK_SHORT,
  DEVSTACK_WIN10,
  DEVSTACK_XP,
} from './fixtures/stacks';
import { importDebuggerText } from './import';

/** `!drvobj`, `!devstack`, `!devnode`, `!irp`, `!object`, one format at a time. */

describe('!drvobj', () => {
  it('reads the default output: name, address, device list', () => {
    const imp = importDebuggerText(DRVOBJ_LIST);
    expect(imp.drivers).toEqual([
      expect.objectContaining({
        name: '\\Driver\\quasar',
        address: 'ffffd10e4a1f2e20',
        devices: ['ffffd10e4a2c7c30', 'ffffd10e4a11d060'],
      }),
    ]);
    expect(imp.drivers[0]?.unloadRoutine).toBeUndefined();
    expect(imp.devices.map((d) => d.driver)).toEqual(['\\Driver\\quasar', '\\Driver\\quasar']);
    expect(imp.problems).toEqual([]);
  });

  it('reads flag 7: DriverUnload 00000000 is null (no Unload routine), AddDevice is kept', () => {
    const imp = importDebuggerText(DRVOBJ_NO_UNLOAD);
    expect(imp.drivers[0]).toMatchObject({
      name: '\\Driver\\orbis',
      unloadRoutine: null,
      addDevice: 'fffff8057c2d1a20',
      devices: ['ffffc70b2d0e4c80'],
    });
    expect(imp.problems).toEqual([]);
  });

  it('reads Windows XP x86 output: four devices a line, a symbol error reported, fast I/O known', () => {
    const imp = importDebuggerText(DRVOBJ_XP_LEGACY);
    expect(imp.drivers[0]).toMatchObject({
      name: '\\Driver\\nebula',
      address: '86a1c5e8',
      unloadRoutine: 'f7b4a210',
      addDevice: null,
    });
    expect(imp.drivers[0]?.devices).toEqual(['86a0f030', '869e1b70', '86a12448', '869d2e00', '86a3c710']);
    expect(imp.problems).toHaveLength(1);
    expect(imp.problems[0]).toMatchObject({ line: 3, kind: 'debuggerError' });
    expect(imp.problems[0]?.message).toContain('symbols are missing');
  });

  it('reads the name after a symbol error that wraps onto a second line', () => {
    const text = DRVOBJ_LIST.replace(
      ' \\Driver\\quasar\n',
      '*** ERROR: Symbol file could not be found.  Defaulted to export\n symbols for quasar.sys -\n \\Driver\\quasar\n',
    );
    const imp = importDebuggerText(text);
    expect(imp.drivers[0]?.name).toBe('\\Driver\\quasar');
    expect(imp.problems.map((p) => [p.line, p.kind])).toEqual([[3, 'debuggerError']]);
  });

  it('reports a dispatch table cut off before its 28 rows', () => {
    const lines = DRVOBJ_NO_UNLOAD.split('\n');
    const cut = lines.slice(0, lines.findIndex((l) => l.startsWith('[05]')) + 1).join('\n');
    const imp = importDebuggerText(cut);
    expect(imp.drivers[0]?.unloadRoutine).toBeNull();
    expect(imp.problems).toHaveLength(1);
    expect(imp.problems[0]?.kind).toBe('truncated');
    expect(imp.problems[0]?.message).toContain('after 6 of 28 rows');
  });

  it('reports output cut off before DriverUnload', () => {
    const cut = DRVOBJ_NO_UNLOAD.split('\n').slice(0, 11).join('\n');
    const imp = importDebuggerText(cut);
    expect(imp.drivers[0]?.unloadRoutine).toBeUndefined();
    expect(imp.problems[0]?.message).toContain('ends before "DriverUnload:"');
  });
});

describe('!devstack', () => {
  it('reads the stack top first, the queried device, the devnode, its instance and service', () => {
    const imp = importDebuggerText(DEVSTACK_SHORT);
    expect(imp.stacks).toEqual([
      expect.objectContaining({
        devices: ['ffffd10e4a3b1e40', 'ffffd10e4a2c7c30', 'ffffd10e49f8a060'],
        queried: 'ffffd10e49f8a060',
        devnode: 'ffffd10e49f6cd20',
      }),
    ]);
    expect(imp.devnodes[0]).toMatchObject({ instancePath: 'ACPI\\QSR0001\\4&1d2c9a7e&0', service: 'quasar' });
    expect(imp.devices.map((d) => [d.driver, d.name])).toEqual([
      ['\\Driver\\qfilter', undefined],
      ['\\Driver\\quasar', 'Quasar0'],
      ['\\Driver\\ACPI', '0000003a'],
    ]);
    expect(imp.problems).toEqual([]);
  });

  it('splits a driver name that ran into the DevExt column', () => {
    const imp = importDebuggerText(DEVSTACK_WIN10);
    const fdo = imp.devices.find((d) => d.address === 'ffffd10e4a2c7c30');
    expect(fdo).toMatchObject({ driver: '\\Driver\\quasar_extended_audio_bridge', name: 'Quasar0' });
    expect(splitTrailingPointer('\\Driver\\PnpManager00000000', 16)).toEqual({
      name: '\\Driver\\PnpManager',
      pointer: '00000000',
    });
    expect(splitTrailingPointer('\\Driver\\kbdclass', 16)).toBeUndefined();
    expect(imp.problems).toEqual([]);
  });

  it('reads 32-bit output with no DevNode line', () => {
    const imp = importDebuggerText(DEVSTACK_XP);
    expect(imp.stacks[0]).toMatchObject({ devices: ['8629d3a8', '8631a8d8'], queried: '8629d3a8' });
    expect(imp.stacks[0]?.devnode).toBeUndefined();
    expect(imp.devices[1]).toMatchObject({ driver: '\\Driver\\atapi', name: 'IdeDeviceP1T0L0-e' });
  });
});

describe('!devnode', () => {
  it('reads a started devnode: PDO, instance, service, state and its number, wrapped flags', () => {
    const imp = importDebuggerText(DEVNODE_STARTED);
    expect(imp.devnodes[0]).toMatchObject({
      address: 'ffffd10e49f6cd20',
      pdo: 'ffffd10e49f8a060',
      parent: 'ffffd10e48d2a9b0',
      instancePath: 'ACPI\\QSR0001\\4&1d2c9a7e&0',
      service: 'quasar',
      state: 'DeviceNodeStarted',
      stateCode: 0x308,
      previousState: 'DeviceNodeEnumerateCompletion',
    });
    expect(imp.devnodes[0]?.flags).toHaveLength(8);
    expect(imp.devices[0]).toMatchObject({ address: 'ffffd10e49f8a060', devnode: 'ffffd10e49f6cd20' });
    expect(imp.problems).toEqual([]);
  });

  it('reads a 32-bit devnode waiting for its handles to close', () => {
    const imp = importDebuggerText(DEVNODE_PENDING_CLOSES);
    expect(imp.devnodes[0]).toMatchObject({
      address: '89c2e4a8',
      pdo: '89c31d40',
      state: 'DeviceNodeRemovePendingCloses',
      stateCode: 0x311,
      service: 'comet',
    });
    expect(imp.problems).toEqual([]);
  });

  it('reads a removed devnode with its problem, under "Dumping IopRootDeviceNode"', () => {
    const imp = importDebuggerText(DEVNODE_PROBLEM);
    expect(imp.devnodes[0]).toMatchObject({
      state: 'DeviceNodeRemoved',
      problem: 'CM_PROB_FAILED_ADD',
      problemStatus: '0xc00000bb',
    });
    expect(imp.problems).toEqual([]);
  });
});

describe('!irp', () => {
  it('reads Windows 10 output: stacks, the current location, pending, devices and drivers', () => {
    const imp = importDebuggerText(IRP_WIN10);
    const irp = imp.irps[0];
    expect(irp).toMatchObject({
      address: 'ffffb8025f0c41a0',
      stackCount: 3,
      currentLocation: 2,
      pending: true,
      devices: ['ffffb8025e61d9f0', 'ffffb8025e9b0c50'],
    });
    expect(irp?.addressDerived).toBeUndefined();
    expect(irp?.locations[1]).toMatchObject({
      index: 2,
      current: true,
      pending: true,
      major: 'IRP_MJ_DEVICE_CONTROL',
      driver: '\\Driver\\pulsar',
      file: 'ffffb8025f7a3c10',
    });
    expect(imp.devices.find((d) => d.address === 'ffffb8025e9b0c50')?.driver).toBe('\\Driver\\pfilt');
    expect(imp.problems).toEqual([]);
  });

  it('reads Vista output: numbers for the major function, columns on the location line', () => {
    const imp = importDebuggerText(IRP_VISTA);
    expect(imp.irps[0]).toMatchObject({
      address: '85c2e008',
      stackCount: 4,
      currentLocation: 3,
      pending: true,
    });
    expect(imp.irps[0]?.locations[2]).toMatchObject({
      major: '3',
      minor: '0',
      device: '8629d3a8',
      current: true,
    });
    expect(imp.irps[0]?.devices).toEqual(['8629d3a8', '862e4b70']);
    expect(imp.problems).toEqual([]);
  });

  it('works out the address from the current stack location when no prompt was pasted', () => {
    const imp = importDebuggerText(IRP_NO_PROMPT);
    expect(imp.irps[0]).toMatchObject({
      address: 'ffffc68a1b2e4400',
      addressDerived: true,
      currentLocation: 2,
    });
    // The docs' own examples: x86 location 1, x64 location 6.
    expect(irpAddress('ac598e38', 1)).toBe('ac598dc8');
    expect(irpAddress('fffffa800ab61e08', 6)).toBe('fffffa800ab61bd0');
  });

  it('keeps a current location past the stack count as printed, and the IRP completed', () => {
    const text = IRP_VISTA.replace('4 stacks 3 is current', '4 stacks 5 is current').replace(
      'Irp stack trace.',
      'Irp is completed.',
    );
    const imp = importDebuggerText(text);
    expect(imp.irps[0]).toMatchObject({ currentLocation: 5, completed: true });
  });

  it('reports an IRP cut off before its last stack locations', () => {
    const imp = importDebuggerText(IRP_WIN10.split('\n').slice(0, 9).join('\n'));
    expect(imp.irps[0]?.locations).toHaveLength(2);
    expect(imp.problems[0]?.message).toContain('ends after 2 of its 3 stack locations');
  });
});

describe('!object', () => {
  it('reads the counts, the header and the name, and names the device', () => {
    const imp = importDebuggerText(OBJECT_LEAK);
    expect(imp.objects[0]).toMatchObject({
      address: 'ffffb8025e61d9f0',
      type: 'Device',
      header: 'ffffb8025e61d9c0',
      handleCount: 0,
      pointerCount: 4,
      name: 'PulsarCtl',
    });
    expect(imp.devices[0]).toMatchObject({ address: 'ffffb8025e61d9f0', name: 'PulsarCtl' });
    expect(imp.problems).toEqual([]);
  });

  it('reads the old header, a directory listing and a symbolic link target', () => {
    const imp = importDebuggerText(OBJECT_XP);
    expect(imp.objects.map((o) => [o.address, o.type, o.name])).toEqual([
      ['8629d3a8', 'Device', 'Zephyr3'],
      ['ffff9c0a3b4c2d10', 'Directory', 'Pulsar'],
      ['ffffb8025e61d9f0', 'Device', 'PulsarCtl'],
      ['ffffb8025e88c320', 'Device', 'PulsarAux'],
      ['ffff9c0a3b5e7a20', 'SymbolicLink', 'Pulsar'],
    ]);
    expect(imp.objects[4]?.target).toBe('\\Device\\PulsarCtl');
    expect(imp.problems).toEqual([]);
  });

  it('does not miss the counts when the flags did not ask for them', () => {
    const imp = importDebuggerText(
      'kd> !object 8629d3a8 0x0\nObject: 8629d3a8  Type: (86fc1e70) Device\n    ObjectHeader: 8629d390\n',
    );
    expect(imp.problems).toEqual([]);
  });
});
