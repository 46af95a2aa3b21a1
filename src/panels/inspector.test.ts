import { describe, expect, it } from 'vitest';
import { createWorld, type Svr5Action, type WindowsAction } from '../kernel';
import { kernel } from '../kernel/testing';
import { inspect, inspectorRows } from './inspector/inspect';

const field = (rows: { label: string; value: string }[], label: string) =>
  rows.find((r) => r.label === label)?.value;

const toaster: WindowsAction[] = [
  { do: 'loadDriver', driver: 'BusEnum', model: 'pnp' },
  { do: 'createDevice', driver: 'BusEnum', device: 'ToasterPdo', role: 'pdo' },
  { do: 'loadDriver', driver: 'Toaster', model: 'pnp' },
  { do: 'createDevice', driver: 'Toaster', device: 'ToasterFdo', role: 'fdo', attachTo: 'ToasterPdo' },
  { do: 'loadDriver', driver: 'ToastFilter', model: 'pnp' },
  {
    do: 'createDevice',
    driver: 'ToastFilter',
    device: 'ToastFilterDo',
    role: 'filter',
    attachTo: 'ToasterPdo',
  },
];

const beepWithHandle: WindowsAction[] = [
  { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
];

describe('the inspector, for a Windows device object (!devobj)', () => {
  it('shows ExtensionFlags as hex with DOE_ names once the driver is Unload Pending', () => {
    const w = kernel('windows').do(...beepWithHandle, { do: 'stopDriver', driver: 'Beep' }).world;
    const rows = inspectorRows(w, { kind: 'device', name: 'Beep' });
    expect(field(rows, 'ExtensionFlags')).toBe('0x1 DOE_UNLOAD_PENDING');
    expect(field(rows, 'RefCount')).toBe('1');
    expect(field(rows, 'Open files')).toBe('h1');
    expect(field(rows, 'DriverObject')).toBe('\\Driver\\Beep');
  });

  it('shows 0x0 and no names while nothing is pending', () => {
    const w = kernel('windows').do(...beepWithHandle).world;
    expect(field(inspectorRows(w, { kind: 'device', name: 'Beep' }), 'ExtensionFlags')).toBe('0x0');
  });

  it('names the devices above and below, and prints the stack top first with > at this device', () => {
    const w = kernel('windows').do(...toaster).world;
    const rows = inspectorRows(w, { kind: 'device', name: 'ToasterFdo' });
    expect(field(rows, 'AttachedDevice (Upper)')).toBe('ToastFilterDo \\Driver\\ToastFilter');
    expect(field(rows, 'AttachedTo (Lower)')).toBe('ToasterPdo \\Driver\\BusEnum');
    const stack = field(rows, '!devstack')?.split('\n') ?? [];
    expect(stack.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'ToastFilterDo',
      '>',
      'ToasterPdo',
      '!DevNode',
      'State',
    ]);
    expect(stack[1]).toMatch(/^> ToasterFdo\s+\\Driver\\Toaster\s+FDO$/);
    expect(stack[4]).toBe('  State = DeviceNodeStarted (0x308)');
  });

  it('shows a PDO’s devnode state with its DNS_ number', () => {
    const w = kernel('windows').do(...toaster).world;
    expect(field(inspectorRows(w, { kind: 'device', name: 'ToasterPdo' }), 'Devnode state')).toBe(
      'DeviceNodeStarted (0x308)',
    );
  });

  it('links object names so the inspector can open them', () => {
    const w = kernel('windows').do(...toaster).world;
    const upper = inspect(w, { kind: 'device', name: 'ToasterFdo' })?.rows.find(
      (r) => r.label === 'AttachedDevice (Upper)',
    );
    expect(upper?.value[0]).toEqual({
      text: 'ToastFilterDo',
      ref: { kind: 'device', name: 'ToastFilterDo' },
    });
  });
});

describe('the inspector, for a Windows driver object (!drvobj)', () => {
  it('shows Flags with DRVO_ names, the device list and DriverUnload', () => {
    const w = kernel('windows').do(...beepWithHandle, { do: 'stopDriver', driver: 'Beep' }).world;
    const rows = inspectorRows(w, { kind: 'driver', name: 'Beep' });
    expect(field(rows, 'Flags')).toBe('0x2 DRVO_LEGACY_DRIVER');
    expect(field(rows, 'Device Object list')).toBe('Beep');
    expect(field(rows, 'DriverUnload')).toBe('present');
    expect(field(rows, 'State')).toBe('Unload Pending');
  });

  it('adds DRVO_UNLOAD_INVOKED once Unload ran', () => {
    const w = kernel('windows').do(
      ...beepWithHandle,
      { do: 'stopDriver', driver: 'Beep' },
      { do: 'closeHandle', handle: 'h1' },
    ).world;
    const rows = inspectorRows(w, { kind: 'driver', name: 'Beep' });
    expect(field(rows, 'Flags')).toBe('0x3 DRVO_UNLOAD_INVOKED, DRVO_LEGACY_DRIVER');
    expect(field(rows, 'Device Object list')).toBe('(none)');
  });

  it('says "(none)" for a driver without an Unload routine', () => {
    const w = kernel('windows').do({
      do: 'loadDriver',
      driver: 'X',
      model: 'pnp',
      unloadRoutine: false,
    }).world;
    expect(field(inspectorRows(w, { kind: 'driver', name: 'X' }), 'DriverUnload')).toBe('(none)');
  });
});

describe('the inspector, for an IRP (!irp)', () => {
  it('lists the stack locations top first with > where it pends', () => {
    const w = kernel('windows').do(
      ...toaster,
      { do: 'openHandle', device: 'ToasterPdo', handle: 'h2' },
      { do: 'sendIrp', handle: 'h2', irp: 'irp1', major: 'IRP_MJ_READ' },
    ).world;
    const rows = inspectorRows(w, { kind: 'irp', name: 'irp1' });
    expect(field(rows, 'Major')).toBe('IRP_MJ_READ');
    expect(field(rows, 'Pending at')).toBe('ToasterFdo \\Driver\\Toaster');
    const lines = field(rows, 'Stack locations')?.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}\[IRP_MJ_READ\]\s+ToastFilterDo/);
    expect(lines[1]).toMatch(/^> \[IRP_MJ_READ\]\s+ToasterFdo/);
  });
});

describe('the inspector, for an SVR5 module', () => {
  const svr5: Svr5Action[] = [
    { do: 'registerModule', module: 'usbd', ddi: '8', devices: ['usbd0'] },
    { do: 'registerModule', module: 'usbkbd', ddi: '8mp', devices: ['usbkbd0'], dependsOn: ['usbd'] },
    { do: 'open', device: 'usbkbd0', channel: 'kbd' },
  ];

  it('shows the DDI version with D_MP, the hold count and the dependents', () => {
    const w = kernel('svr5').do(...svr5).world;
    const kbd = inspectorRows(w, { kind: 'module', name: 'usbkbd' });
    expect(field(kbd, 'DDI version')).toBe('8mp: DDI 8, D_MP (multiprocessor-safe)');
    expect(field(kbd, 'Hold count')).toBe('1 (1 open channel, 0 dependents)');
    expect(field(kbd, 'Depends on')).toBe('usbd');
    expect(field(kbd, 'Idle')).toMatch(/^active/);
    const usbd = inspectorRows(w, { kind: 'module', name: 'usbd' });
    expect(field(usbd, 'Dependents')).toBe('usbkbd');
    expect(field(usbd, 'Hold count')).toBe('1 (0 open channels, 1 dependent)');
    expect(field(usbd, 'Loaded')).toBe('yes, by dependency of another module');
  });

  it('counts idle time against the unload delay after the last close', () => {
    const w = kernel('svr5').do(
      ...svr5,
      { do: 'close', channel: 'kbd' },
      { do: 'advanceTime', seconds: 30 },
    ).world;
    const kbd = inspectorRows(w, { kind: 'module', name: 'usbkbd' });
    expect(field(kbd, 'Idle')).toBe('30 s of 60 s (DEF_UNLOAD_DELAY)');
    expect(field(kbd, 'Auto-unload candidate')).toBe('yes');
  });

  it('shows a channel’s device and module', () => {
    const w = kernel('svr5').do(...svr5).world;
    const rows = inspectorRows(w, { kind: 'channel', name: 'kbd' });
    expect(field(rows, 'Device')).toBe('usbkbd0');
    expect(field(rows, 'Module')).toBe('usbkbd');
  });
});

describe('when the selected object does not exist at this step', () => {
  it('returns nothing to show', () => {
    expect(inspect(createWorld('windows'), { kind: 'device', name: 'gone' })).toBeNull();
    expect(inspectorRows(createWorld('svr5'), { kind: 'module', name: 'gone' })).toEqual([]);
  });
});

describe('the inspector shows what issue 7 modelled', () => {
  it('shows DO_DEVICE_INITIALIZING on a device a failed DriverEntry left behind', () => {
    const w = kernel('windows').do({
      do: 'loadDriver',
      driver: 'Bad',
      model: 'legacy',
      controlDevice: 'BadCtl',
      driverEntry: 'STATUS_INSUFFICIENT_RESOURCES',
      driverEntryLeaksDevice: true,
    }).world;
    expect(field(inspectorRows(w, { kind: 'device', name: 'BadCtl' }), 'Flags')).toContain(
      'DO_DEVICE_INITIALIZING',
    );
  });

  it('shows a remove lock held by an outstanding IRP', () => {
    const w = kernel('windows').do(
      { do: 'loadDriver', driver: 'Bus' },
      { do: 'createDevice', driver: 'Bus', device: 'Pdo', role: 'pdo' },
      { do: 'loadDriver', driver: 'Fn', removeLock: true },
      { do: 'createDevice', driver: 'Fn', device: 'Fdo', role: 'fdo', attachTo: 'Pdo' },
      { do: 'openHandle', device: 'Pdo', handle: 'h1' },
      { do: 'sendIrp', handle: 'h1', irp: 'i1' },
    ).world;
    const lock = field(inspectorRows(w, { kind: 'device', name: 'Fdo' }), 'RemoveLock');
    expect(lock).toMatch(/^1 held \(in use\) by i1/);
  });
});
