import { describe, expect, it } from 'vitest';
import { createWorld, step, type Action, type World } from '../kernel';
import { availability, defaultArgs, toAction } from './args';
import { nextName } from './names';
import { SVR5_ACTIONS } from './svr5';
import { WINDOWS_ACTIONS } from './windows';
import { WINDOWS_ACTION_NAMES, SVR5_ACTION_NAMES } from '../kernel';

const def = (id: string) => {
  const d = [...WINDOWS_ACTIONS, ...SVR5_ACTIONS].find((a) => a.id === id);
  if (!d) throw new Error(id);
  return d;
};

function play(actions: Action[]): World {
  return actions.reduce((w, a) => step(w, a).world, createWorld('windows') as World);
}

const beep = play([
  { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
]);

describe('the action registry', () => {
  it('offers every action of the scenario format, for each OS', () => {
    expect(WINDOWS_ACTIONS.map((a) => a.id).sort()).toEqual([...WINDOWS_ACTION_NAMES].sort());
    expect(SVR5_ACTIONS.map((a) => a.id).sort()).toEqual([...SVR5_ACTION_NAMES].sort());
  });

  it('fills an action started from a selected object, proposing free names', () => {
    const args = defaultArgs(def('openHandle'), beep, { kind: 'device', name: 'Beep' });
    expect(args).toEqual({ device: 'Beep', handle: 'h2' });
    expect(nextName(beep, 'handle', 'h')).toBe('h2');
  });

  it('says why an action is disabled, in the kernel’s words', () => {
    const stopped = step(beep, { do: 'stopDriver', driver: 'Beep' }).world;
    const a = availability(def('openHandle'), stopped, { device: 'Beep', handle: 'h2' });
    expect(a).toEqual({
      enabled: false,
      refused: true,
      reason: 'STATUS_NO_SUCH_DEVICE: Beep is DOE_UNLOAD_PENDING: no new opens',
    });
  });

  it('enables an action the kernel would accept', () => {
    expect(availability(def('closeHandle'), beep, { handle: 'h1' })).toEqual({ enabled: true });
  });

  it('reports a missing object instead of asking the kernel', () => {
    const a = availability(def('completeIrp'), beep, defaultArgs(def('completeIrp'), beep, null));
    expect(a).toMatchObject({ enabled: false, reason: 'no irp to choose yet' });
  });

  it('builds kernel actions from form values: lists split, numbers parsed, empty optionals left out', () => {
    expect(
      toAction(def('registerModule'), {
        module: 'm',
        ddi: '8',
        devices: 'a, b',
        dependsOn: '',
        unloadDelay: '',
      }),
    ).toEqual({
      do: 'registerModule',
      module: 'm',
      ddi: '8',
      devices: ['a', 'b'],
    });
    expect(toAction(def('advanceTime'), { seconds: '30' })).toEqual({ do: 'advanceTime', seconds: 30 });
  });

  it('keeps a reloaded driver as it was', () => {
    const unloaded = play([
      { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep', unloadRoutine: true },
      { do: 'stopDriver', driver: 'Beep' },
    ]);
    expect(defaultArgs(def('loadDriver'), unloaded, { kind: 'driver', name: 'Beep' })).toMatchObject({
      driver: 'Beep',
      model: 'legacy',
      controlDevice: 'Beep',
    });
  });
});
