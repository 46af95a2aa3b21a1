import { describe, expect, it } from 'vitest';
import { explainUnload } from './explain';
import type { ActionOf, Os } from './os';
import { kernel } from './testing';
import { step } from './world';

/** Situations found in review: each pins what a student must see. */

function play<O extends Os>(os: O, actions: ActionOf<O>[]) {
  return kernel(os).do(...actions);
}

const types = (r: { events: readonly { type: string }[] } | undefined) => r?.events.map((e) => e.type) ?? [];

describe('when a legacy driver in use is updated', () => {
  const run = play('windows', [
    { do: 'loadDriver', driver: 'B', model: 'legacy', controlDevice: 'Beep' },
    { do: 'openHandle', device: 'Beep', handle: 'h1' },
    { do: 'updateDriver', driver: 'B' },
  ]);
  it('keeps the old image serving and asks for a reboot', () => {
    expect(types(run.last)).toEqual(['rebootRequired']);
    if (run.world.os !== 'windows') throw new Error('windows');
    expect(run.world.drivers.get('B')?.state).toBe('loaded');
    expect(step(run.world, { do: 'openHandle', device: 'Beep', handle: 'h2' }).status).toBe('STATUS_SUCCESS');
  });
});

describe('when a stack below is Unload Pending', () => {
  it('refuses a new filter anywhere on that stack', () => {
    const run = play('windows', [
      { do: 'loadDriver', driver: 'Low', model: 'legacy', controlDevice: 'LowDev' },
      { do: 'loadDriver', driver: 'Up', model: 'legacy' },
      { do: 'createDevice', driver: 'Up', device: 'UpDev', role: 'filter', attachTo: 'LowDev' },
      { do: 'stopDriver', driver: 'Low' },
      { do: 'loadDriver', driver: 'Up2', model: 'legacy' },
      { do: 'createDevice', driver: 'Up2', device: 'Up2Dev', role: 'filter', attachTo: 'LowDev' },
    ]);
    expect(run.last?.status).toBe('STATUS_NO_SUCH_DEVICE');
    expect(run.last?.events[0]).toMatchObject({ type: 'refused', rule: 'seed.3.noAttach', device: 'LowDev' });
  });
});

describe('when a device was surprise-removed with a handle open', () => {
  const run = play('windows', [
    { do: 'loadDriver', driver: 'Bus' },
    { do: 'createDevice', driver: 'Bus', device: 'BusFdo', role: 'fdo' },
    { do: 'createDevice', driver: 'Bus', device: 'Pdo', role: 'pdo' },
    { do: 'loadDriver', driver: 'Fn' },
    { do: 'createDevice', driver: 'Fn', device: 'Fdo', role: 'fdo', attachTo: 'Pdo' },
    { do: 'openHandle', device: 'Pdo', handle: 'h' },
    { do: 'loadDriver', driver: 'Watcher' },
    { do: 'openHandle', device: 'Fdo', handle: 'w' },
    {
      do: 'registerNotification',
      driver: 'Watcher',
      registration: 'r',
      category: 'targetDeviceChange',
      handle: 'w',
    },
    { do: 'surpriseRemove', device: 'Pdo' },
  ]);
  it('names the handle the removal waits for in the function driver’s checklist', () => {
    const x = explainUnload(run.world, 'Fn');
    const c = x.conditions.find((k) => k.id === 'noDeviceObjects');
    expect(c?.met).toBe(false);
    expect(c?.blockers).toContainEqual({ kind: 'handle', name: 'h' });
    expect(x.summary).toMatch(/waits for handle h/);
  });
  it('tells each registrant REMOVE_COMPLETE once', () => {
    const closing = step(run.world, { do: 'closeHandle', handle: 'h' });
    const all = [...(run.last?.events ?? []), ...closing.events];
    expect(
      all.filter((e) => e.type === 'notificationSent' && e.state === 'GUID_TARGET_DEVICE_REMOVE_COMPLETE'),
    ).toHaveLength(1);
  });
});

describe('the checklist of a driver that can never unload', () => {
  it('says sc stop is refused for a legacy driver without Unload', () => {
    const run = play('windows', [{ do: 'loadDriver', driver: 'N', model: 'legacy', unloadRoutine: false }]);
    const x = explainUnload(run.world, 'N');
    expect(x.conditions.find((c) => c.id === 'unloadRequested')?.text).toMatch(
      /STATUS_INVALID_DEVICE_REQUEST/,
    );
    expect(x.summary).toMatch(/stays loaded until reboot/);
  });
  it('says a failed DriverEntry never loaded anything', () => {
    const run = play('windows', [
      { do: 'loadDriver', driver: 'F', driverEntry: 'STATUS_INSUFFICIENT_RESOURCES' },
    ]);
    expect(explainUnload(run.world, 'F').conditions[0]?.text).toMatch(/DriverEntry failed/);
  });
  it('has nothing to say about what a missing _unload returns', () => {
    const run = play('svr5', [
      { do: 'registerModule', module: 'old', ddi: '5', unloadRoutine: false },
      { do: 'open', device: 'old0', channel: 'c' },
    ]);
    expect(explainUnload(run.world, 'old').conditions.map((c) => c.id)).not.toContain('unloadReturnsZero');
  });
});

describe('SVR5 auto-unload and candidacy', () => {
  it('warns that the daemon’s _unload will be refused', () => {
    const run = play('svr5', [
      { do: 'registerModule', module: 'b', ddi: '8', unloadReturns: 'EBUSY' },
      { do: 'loadModule', module: 'b' },
      { do: 'unloadModule', module: 'b' },
    ]);
    expect(explainUnload(run.world, 'b').summary).toMatch(
      /_unload returns EBUSY, so the module stays loaded/,
    );
  });
  it('makes no candidate of a module that can never unload', () => {
    const run = play('svr5', [
      { do: 'registerModule', module: 'hba', ddi: '8', hba: true },
      { do: 'loadModule', module: 'hba' },
      { do: 'unloadModule', module: 'hba' },
    ]);
    expect(types(run.last)).toEqual(['refused']);
  });
  it('does not call the first open after an autoload an idle-clock restart', () => {
    const run = play('svr5', [
      { do: 'registerModule', module: 'a', ddi: '8' },
      { do: 'open', device: 'a0', channel: 'c' },
    ]);
    expect(run.last?.events.find((e) => e.type === 'openCalled')?.rule).toBe('svr5.open');
  });
});
