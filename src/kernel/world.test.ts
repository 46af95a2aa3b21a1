import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';
import { explainUnload } from './explain';
import { RULES } from './rules';
import { createWorld, step } from './world';
import type { WindowsAction } from './windows/actions';
import { kernel } from './testing';

const legacyWithHandle: WindowsAction[] = [
  { do: 'loadDriver', driver: 'Beeper', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
];

describe('worlds are immutable values', () => {
  it('leaves the world it was given untouched', () => {
    const before = kernel('windows').do(...legacyWithHandle).world;
    const snapshot = JSON.stringify(before);
    step(before, { do: 'stopDriver', driver: 'Beeper' });
    step(before, { do: 'closeHandle', handle: 'h1' });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('shares every table and object a step did not change', () => {
    const before = kernel('windows').do(...legacyWithHandle, {
      do: 'loadDriver',
      driver: 'Other',
      model: 'legacy',
      controlDevice: 'OtherCtl',
    }).world;
    const after = step(before, { do: 'referenceObject', device: 'Beep', reference: 'r1' }).world;
    if (after.os !== 'windows' || before.os !== 'windows') throw new Error('windows');
    expect(after.drivers).toBe(before.drivers);
    expect(after.handles).toBe(before.handles);
    expect(after.devices.get('OtherCtl')).toBe(before.devices.get('OtherCtl'));
    expect(after.devices.get('Beep')).not.toBe(before.devices.get('Beep'));
  });

  it('returns the same world when a call is refused', () => {
    const before = kernel('windows').do(...legacyWithHandle).world;
    const r = step(before, { do: 'closeHandle', handle: 'nope' });
    expect(r.status).toBe('STATUS_INVALID_HANDLE');
    expect(r.world).toBe(before);
  });

  it('refuses an action of the other OS loudly (a programming error, not input)', () => {
    expect(() => step(createWorld('svr5'), { do: 'stopDriver', driver: 'x' })).toThrow(/not an SVR5 action/);
  });
});

describe('the unload checklist', () => {
  it('names the handle that blocks a deferred unload, and clears when it closes', () => {
    let w = kernel('windows').do(...legacyWithHandle, { do: 'stopDriver', driver: 'Beeper' }).world;
    const pending = explainUnload(w, 'Beeper');
    const refs = pending.conditions.find((c) => c.id === 'noReferences');
    expect(refs).toMatchObject({ met: false, blockers: [{ kind: 'handle', name: 'h1' }] });
    expect(refs?.text).toContain('h1');
    expect(pending.summary).toMatch(/^Unload Pending/);
    w = step(w, { do: 'closeHandle', handle: 'h1' }).world;
    const done = explainUnload(w, 'Beeper');
    expect(done.unloaded).toBe(true);
    expect(done.conditions.every((c) => c.met)).toBe(true);
  });

  it('has the ids the format page fixes, for both OSes', () => {
    const win = explainUnload(kernel('windows').do(...legacyWithHandle).world, 'Beeper');
    expect(win.conditions.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'noReferences',
        'noOutstandingIrps',
        'noAttachedDrivers',
        'notificationsUnregistered',
        'noDeviceObjects',
      ]),
    );
    const svr5 = explainUnload(kernel('svr5').do({ do: 'registerModule', module: 'm', ddi: '8' }).world, 'm');
    expect(svr5.conditions.map((c) => c.id)).toEqual(
      expect.arrayContaining(['noOpenDevices', 'noDependents', 'hasUnloadRoutine']),
    );
  });

  it('answers for a driver it has never seen', () => {
    expect(explainUnload(createWorld('windows'), 'Ghost')).toMatchObject({ unloaded: true, conditions: [] });
  });

  it('cites known rules in every condition', () => {
    const x = explainUnload(kernel('windows').do(...legacyWithHandle).world, 'Beeper');
    for (const c of x.conditions) expect(RULES[c.rule]).toBeDefined();
  });
});

describe('event sentences', () => {
  it('describe every event of a run in words', () => {
    const r = step(kernel('windows').do(...legacyWithHandle).world, { do: 'stopDriver', driver: 'Beeper' });
    const lines = r.events.map(describeEvent);
    expect(lines).toEqual([
      'Beeper and its device objects are marked Unload Pending',
      'Beeper: Unload is deferred: waiting for handle h1',
    ]);
  });
});
