import { describe, expect, it } from 'vitest';
import { kernel } from './testing';
import { step } from './world';

/** Each step also gives the world as each event was emitted: the app draws a step event by event from them. */
describe('the moments of a step', () => {
  const run = kernel('windows').setup(
    { do: 'loadDriver', driver: 'B', model: 'legacy', controlDevice: 'Beep' },
    { do: 'openHandle', device: 'Beep', handle: 'h1' },
    { do: 'stopDriver', driver: 'B' },
  );
  const before = run.world;
  const r = step(before, { do: 'closeHandle', handle: 'h1' });
  const moments = r.moments ?? [];
  const at = (type: string) => moments[r.events.findIndex((e) => e.type === type)];

  it('gives one world per event', () => {
    expect(moments).toHaveLength(r.events.length);
  });

  it('shows what had happened when each event came, never what came after', () => {
    const closing = at('handleClosed');
    if (closing?.os !== 'windows' || before.os !== 'windows') throw new Error('windows');
    expect(closing.drivers.get('B')?.state, 'Unload has not run yet').toBe('unloadPending');
    expect(closing.devices.has('Beep')).toBe(true);
    const unload = at('unloadCalled');
    if (unload?.os !== 'windows') throw new Error('windows');
    expect(unload.drivers.get('B')?.unloadInvoked).toBe(true);
    expect(unload.devices.has('Beep'), 'the device is deleted after Unload is called').toBe(true);
  });

  it('leaves every moment untouched by what the step did later', () => {
    const first = moments[0];
    if (first?.os !== 'windows' || r.world.os !== 'windows') throw new Error('windows');
    expect(first.devices.has('Beep')).toBe(true);
    expect(r.world.devices.has('Beep')).toBe(false);
    expect(before.os === 'windows' && before.drivers.get('B')?.state).toBe('unloadPending');
  });

  it('gives a refusal its one moment: the world unchanged', () => {
    const refused = step(r.world, { do: 'closeHandle', handle: 'nope' });
    expect(refused.moments).toEqual([r.world]);
  });
});
