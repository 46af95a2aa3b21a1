import { describe, expect, it } from 'vitest';
import { OSES, PERSONALITIES, type Os, type World } from '../kernel';
import { kernel } from '../kernel/testing';
import { availability, defaultArgs, nextName, toAction } from './args';
import { fieldsOf } from './fields';
import { keyBindings } from './keys';
import { COMMAND_DEFS, findAction, kernelActionsFor, type KernelActionDef } from './registry';

const def = (os: Os, id: string): KernelActionDef => {
  const d = findAction(id, os);
  if (d?.kind !== 'kernel') throw new Error(id);
  return d;
};

const beep: World = kernel('windows').setup(
  { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
).world;

describe('the action registry', () => {
  it('offers every action of the scenario format, for each OS', () => {
    for (const os of OSES) {
      expect(
        kernelActionsFor(os)
          .map((a) => a.id)
          .sort(),
      ).toEqual([...PERSONALITIES[os].actionNames].sort());
    }
  });

  it('gives every field of every kernel schema words in the UI', () => {
    for (const os of OSES)
      for (const d of kernelActionsFor(os)) {
        const schema = Object.keys(PERSONALITIES[os].actions[d.id] ?? {});
        expect(Object.keys(d.fields).sort(), `${os} ${d.id}`).toEqual(schema.sort());
      }
  });

  it('binds no key to two commands', () => {
    const twice = [...keyBindings()].filter(([, ids]) => ids.length > 1);
    expect(twice).toEqual([]);
    expect(keyBindings().size).toBeGreaterThan(5);
  });

  it('names every command once', () => {
    const ids = COMMAND_DEFS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('action forms', () => {
  it('take their fields, options and defaults from the kernel’s schema and defaults table', () => {
    const fields = fieldsOf('windows', def('windows', 'loadDriver'));
    const by = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(by.model).toMatchObject({
      kind: { type: 'enum', options: ['pnp', 'legacy'] },
      optional: true,
      default: 'pnp',
    });
    expect(by.unloadRoutine).toMatchObject({ kind: { type: 'bool' }, default: true });
    expect(by.driver).toMatchObject({ kind: { type: 'new', of: 'driver' }, optional: false });
    const ddi = fieldsOf('svr5', def('svr5', 'registerModule')).find((f) => f.name === 'ddi');
    expect(ddi?.kind).toEqual({
      type: 'enum',
      options: ['4', '5', '5mp', '6', '6mp', '7', '7mp', '7.1', '7.1mp', '8', '8mp'],
    });
    const seconds = fieldsOf('svr5', def('svr5', 'advanceTime'))[0];
    expect(seconds?.kind).toEqual({ type: 'number', min: 0, max: 86_400 });
  });

  it('fill an action started from a selected object, proposing free names', () => {
    const args = defaultArgs(def('windows', 'openHandle'), beep, { kind: 'device', name: 'Beep' });
    expect(args).toEqual({ device: 'Beep', handle: 'h2' });
    expect(nextName(beep, 'handle', 'h')).toBe('h2');
  });

  it('say why an action is disabled, in the kernel’s words', () => {
    const stopped = kernel('windows').setup(
      { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep' },
      { do: 'openHandle', device: 'Beep', handle: 'h1' },
      { do: 'stopDriver', driver: 'Beep' },
    ).world;
    const a = availability(def('windows', 'openHandle'), stopped, { device: 'Beep', handle: 'h2' });
    expect(a).toEqual({
      enabled: false,
      refused: true,
      reason: 'STATUS_NO_SUCH_DEVICE: Beep is DOE_UNLOAD_PENDING: no new opens',
    });
  });

  it('enable an action the kernel would accept', () => {
    expect(availability(def('windows', 'closeHandle'), beep, { handle: 'h1' })).toEqual({ enabled: true });
  });

  it('report a missing object instead of asking the kernel', () => {
    const d = def('windows', 'completeIrp');
    expect(availability(d, beep, defaultArgs(d, beep, null))).toMatchObject({
      enabled: false,
      reason: 'no irp to choose yet',
    });
  });

  it('build kernel actions from form values: lists split, numbers parsed, empty optionals left out', () => {
    expect(
      toAction(def('svr5', 'registerModule'), {
        module: 'm',
        ddi: '8',
        devices: 'a, b',
        dependsOn: '',
        unloadDelay: '',
      }),
    ).toEqual({ do: 'registerModule', module: 'm', ddi: '8', devices: ['a', 'b'] });
    expect(toAction(def('svr5', 'advanceTime'), { seconds: '30' })).toEqual({
      do: 'advanceTime',
      seconds: 30,
    });
  });

  it('keep a reloaded driver as it was', () => {
    const unloaded = kernel('windows').setup(
      { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep', unloadRoutine: true },
      { do: 'stopDriver', driver: 'Beep' },
    ).world;
    expect(
      defaultArgs(def('windows', 'loadDriver'), unloaded, { kind: 'driver', name: 'Beep' }),
    ).toMatchObject({
      driver: 'Beep',
      model: 'legacy',
      controlDevice: 'Beep',
    });
  });
});
