import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';
import { explainUnload } from './explain';
import { RULES } from './rules';
import { createWorld, step, type World } from './world';
import type { Action } from './scenario/actions';

function play(world: World, actions: Action[]): World {
  return actions.reduce((w, a) => step(w, a).world, world);
}

const legacyWithHandle: Action[] = [
  { do: 'loadDriver', driver: 'Beeper', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
];

describe('worlds are immutable values', () => {
  it('leaves the world it was given untouched', () => {
    const before = play(createWorld('windows'), legacyWithHandle);
    const snapshot = JSON.stringify(before);
    step(before, { do: 'stopDriver', driver: 'Beeper' });
    step(before, { do: 'closeHandle', handle: 'h1' });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('shares every table and object a step did not change', () => {
    const before = play(createWorld('windows'), [
      ...legacyWithHandle,
      { do: 'loadDriver', driver: 'Other', model: 'legacy', controlDevice: 'OtherCtl' },
    ]);
    const after = step(before, { do: 'referenceObject', device: 'Beep', reference: 'r1' }).world;
    if (after.os !== 'windows' || before.os !== 'windows') throw new Error('windows');
    expect(after.drivers).toBe(before.drivers);
    expect(after.handles).toBe(before.handles);
    expect(after.devices.get('OtherCtl')).toBe(before.devices.get('OtherCtl'));
    expect(after.devices.get('Beep')).not.toBe(before.devices.get('Beep'));
  });

  it('returns the same world when a call is refused', () => {
    const before = play(createWorld('windows'), legacyWithHandle);
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
    let w = play(createWorld('windows'), [...legacyWithHandle, { do: 'stopDriver', driver: 'Beeper' }]);
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
    const win = explainUnload(play(createWorld('windows'), legacyWithHandle), 'Beeper');
    expect(win.conditions.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'noReferences',
        'noOutstandingIrps',
        'noAttachedDrivers',
        'notificationsUnregistered',
        'noDeviceObjects',
      ]),
    );
    const svr5 = explainUnload(
      play(createWorld('svr5'), [{ do: 'registerModule', module: 'm', ddi: '8' }]),
      'm',
    );
    expect(svr5.conditions.map((c) => c.id)).toEqual(
      expect.arrayContaining(['noOpenDevices', 'noDependents', 'hasUnloadRoutine']),
    );
  });

  it('answers for a driver it has never seen', () => {
    expect(explainUnload(createWorld('windows'), 'Ghost')).toMatchObject({ unloaded: true, conditions: [] });
  });

  it('cites known rules in every condition', () => {
    const x = explainUnload(play(createWorld('windows'), legacyWithHandle), 'Beeper');
    for (const c of x.conditions) expect(RULES[c.rule]).toBeDefined();
  });
});

describe('event sentences', () => {
  it('describe every event of a run in words', () => {
    const r = step(play(createWorld('windows'), legacyWithHandle), { do: 'stopDriver', driver: 'Beeper' });
    const lines = r.events.map(describeEvent);
    expect(lines).toEqual([
      'Beeper and its device objects are marked Unload Pending',
      'Beeper: Unload is deferred: waiting for handle h1',
    ]);
  });
});
