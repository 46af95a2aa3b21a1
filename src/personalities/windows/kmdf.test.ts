import { describe, expect, it } from 'vitest';
import { kernel } from '../../kernel/testing';
import { inspectWindows } from './inspector';
import { windowsApp } from '.';

/** The UI's words for KMDF and Driver Verifier (issue 19): inspector rows, the checklist state, the stopped screen. */

const text = (rows: readonly { label: string; value: readonly unknown[] }[], label: string) =>
  rows
    .find((r) => r.label === label)
    ?.value.map((p) => (typeof p === 'string' ? p : (p as { text: string }).text))
    .join('');

describe('KMDF and Driver Verifier in the UI', () => {
  it('shows a KMDF driver, its static stop/remove count, and a verified leaky driver in the inspector', () => {
    const run = kernel('windows').setup(
      { do: 'loadDriver', driver: 'PciBus' },
      { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
      { do: 'loadDriver', driver: 'Toaster', framework: 'kmdf', unloadRoutine: false },
      { do: 'createDevice', driver: 'Toaster', device: 'Fdo1', role: 'fdo', attachTo: 'Pdo1' },
      { do: 'wdfSetStaticStopRemove', device: 'Fdo1', stoppable: false },
      { do: 'loadDriver', driver: 'Beep', model: 'legacy', verifier: true, leavesTimer: true },
    );
    const toaster = inspectWindows(run.world, 'driver', 'Toaster');
    expect(text(toaster?.rows ?? [], 'Framework')).toBe('KMDF, no EvtDriverUnload');
    expect(text(toaster?.rows ?? [], 'DriverUnload')).toBe('present');
    const fdo = inspectWindows(run.world, 'device', 'Fdo1');
    expect(text(fdo?.rows ?? [], 'Stop and remove')).toMatch(/not allowed \(1 /);
    const beep = inspectWindows(run.world, 'driver', 'Beep');
    expect(text(beep?.rows ?? [], 'Driver Verifier')).toMatch(/^on/);
    expect(text(beep?.rows ?? [], 'Timer at unload')).toMatch(/driver bug/);
    expect(windowsApp.halted?.(run.world)).toBeNull();
  });

  it('shows the WDFDEVICE references a KMDF driver holds, and the registrations a driver leaves at unload', () => {
    const run = kernel('windows').setup(
      { do: 'loadDriver', driver: 'PciBus' },
      { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
      {
        do: 'loadDriver',
        driver: 'Toaster',
        framework: 'kmdf',
        leavesEtwProvider: true,
        leavesWmiCallback: true,
      },
      { do: 'createDevice', driver: 'Toaster', device: 'Fdo1', role: 'fdo', attachTo: 'Pdo1' },
      { do: 'wdfObjectReference', device: 'Fdo1', tag: 'dpc' },
    );
    const toaster = inspectWindows(run.world, 'driver', 'Toaster');
    expect(text(toaster?.rows ?? [], 'WdfObjectReference held')).toBe('Fdo1 (tag dpc)');
    expect(text(toaster?.rows ?? [], 'ETW provider at unload')).toMatch(/driver bug/);
    expect(text(toaster?.rows ?? [], 'WMI callback at unload')).toMatch(/driver bug/);
    run.setup({ do: 'wdfObjectDereference', device: 'Fdo1', tag: 'dpc' });
    expect(
      text(inspectWindows(run.world, 'driver', 'Toaster')?.rows ?? [], 'WdfObjectReference held'),
    ).toBeUndefined();
  });

  it('shows the stopped machine after KMDF Verifier’s break at an unload', () => {
    const run = kernel('windows')
      .setup(
        { do: 'loadDriver', driver: 'PciBus' },
        { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
        { do: 'loadDriver', driver: 'Toaster', framework: 'kmdf', verifier: true },
        { do: 'createDevice', driver: 'Toaster', device: 'Fdo1', role: 'fdo', attachTo: 'Pdo1' },
        { do: 'wdfObjectReference', device: 'Fdo1', tag: 'dpc' },
      )
      .do({ do: 'requestRemove', device: 'Pdo1' });
    const halted = windowsApp.halted?.(run.world);
    expect(halted?.title).toBe('Bug check 0x0000001E: KMODE_EXCEPTION_NOT_HANDLED');
    expect(halted?.lines).toContain('Parameter 1: 0x80000003');
    expect(halted?.lines).toContain('Driver: Toaster.sys');
  });

  it('shows the stopped machine after a bug check, and the driver that caused it', () => {
    const run = kernel('windows')
      .setup({ do: 'loadDriver', driver: 'Beep', model: 'legacy', verifier: true, leaksPool: true })
      .do({ do: 'stopDriver', driver: 'Beep' });
    const halted = windowsApp.halted?.(run.world);
    expect(halted?.title).toBe('Bug check 0x000000C4: DRIVER_VERIFIER_DETECTED_VIOLATION');
    expect(halted?.lines).toContain('Parameter 1: 0x62');
    expect(windowsApp.ownerState(run.world, 'Beep')).toEqual({ state: 'bug check', tone: 'danger' });
  });
});
