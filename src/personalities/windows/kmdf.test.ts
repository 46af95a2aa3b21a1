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
