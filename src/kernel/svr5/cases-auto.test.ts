import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { allOf, devicesOf, isLoaded, of, play, step, tty, types } from './cases.helpers';

/** shared/domain/svr5.md §6, the auto-unload cases: 5 and 6 (defaults: DEF_UNLOAD_DELAY 60, UNLOAD_WAKE 60). */

describe('when an autoloaded module is closed and left idle', () => {
  it('stays loaded at t=30 and is unloaded by the daemon at its wake at t=60', () => {
    const { steps, world } = play([
      tty(),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'advanceTime', seconds: 30 },
      { do: 'advanceTime', seconds: 30 },
    ]);
    expect(of(step(steps, 1), 'loadCalled')).toEqual([
      expect.objectContaining({ module: 'tty', by: 'auto' }),
    ]);
    expect(of(step(steps, 2), 'channelClosed')[0]?.time).toBe(0);

    const early = step(steps, 3);
    expect(early.status).toBe('0');
    expect(early.world.clock).toBe(30);
    expect(types(early)).not.toContain('unloadCalled');
    expect(isLoaded(early.world, 'tty')).toBe(true);

    const wake = step(steps, 4);
    expect(wake.status).toBe('0');
    expect(of(wake, 'unloadCalled')).toEqual([
      expect.objectContaining({ module: 'tty', by: 'daemon', time: 60 }),
    ]);
    expect(devicesOf(wake, 'cfgRemove')).toEqual(['tty0', 'tty1']);
    expect(of(wake, 'moduleFreed')).toEqual([expect.objectContaining({ module: 'tty', time: 60 })]);
    const t = types(wake);
    expect(t.indexOf('unloadCalled')).toBeLessThan(t.indexOf('cfgRemove'));
    expect(t.indexOf('cfgRemove')).toBeLessThan(t.indexOf('moduleFreed'));
    expect(isLoaded(world, 'tty')).toBe(false);
    expect(world.clock).toBe(60);
  });

  it('restarts the idle clock when the device is opened in between, so the unload comes at a later wake', () => {
    const { steps, world } = play([
      tty(),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'advanceTime', seconds: 30 },
      { do: 'open', device: 'tty1', channel: 'c2' },
      { do: 'advanceTime', seconds: 20 },
      { do: 'close', channel: 'c2' },
      { do: 'advanceTime', seconds: 20 },
      { do: 'advanceTime', seconds: 50 },
    ]);
    const reopen = step(steps, 4);
    expect(reopen.status).toBe('0');
    expect(types(reopen)).not.toContain('loadCalled');
    expect(of(reopen, 'openCalled')[0]?.time).toBe(30);
    expect(of(step(steps, 6), 'channelClosed')[0]?.time).toBe(50);

    // Past the wake at t=60: idle only 10 s since the close at t=50.
    const past60 = step(steps, 7);
    expect(past60.world.clock).toBe(70);
    expect(types(past60)).not.toContain('unloadCalled');
    expect(isLoaded(past60.world, 'tty')).toBe(true);
    expect(explainUnload(past60.world, 'tty').summary).toContain('t=120');

    // The first wake with idle ≥ 60 s after t=50 is t=120.
    const later = step(steps, 8);
    expect(of(later, 'unloadCalled')).toEqual([
      expect.objectContaining({ module: 'tty', by: 'daemon', time: 120 }),
    ]);
    expect(of(later, 'moduleFreed')).toEqual([expect.objectContaining({ module: 'tty', time: 120 })]);
    expect(allOf(steps, 'unloadCalled')).toHaveLength(1);
    expect(isLoaded(world, 'tty')).toBe(false);
  });

  it('never unloads while a device is open, however long the clock runs', () => {
    const { steps, world } = play([
      tty(),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'advanceTime', seconds: 3600 },
    ]);
    expect(allOf(steps, 'unloadCalled')).toEqual([]);
    expect(isLoaded(world, 'tty')).toBe(true);
  });
});

describe('when a module was loaded on demand', () => {
  it('is never auto-unloaded, however long it stays idle', () => {
    const { steps, world } = play([
      tty(),
      { do: 'loadModule', module: 'tty' },
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'advanceTime', seconds: 3600 },
    ]);
    expect(of(step(steps, 1), 'loadCalled')).toEqual([
      expect.objectContaining({ module: 'tty', by: 'demand' }),
    ]);
    expect(types(step(steps, 2))).not.toContain('loadCalled');
    expect(allOf(steps, 'unloadCalled')).toEqual([]);
    expect(isLoaded(world, 'tty')).toBe(true);
    expect(world.clock).toBe(3600);
  });

  it('becomes an auto-unload candidate after a failed demand unload and is then unloaded by the daemon', () => {
    const { steps, world } = play([
      tty(),
      { do: 'loadModule', module: 'tty' },
      { do: 'advanceTime', seconds: 3600 },
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'close', channel: 'c1' },
      { do: 'advanceTime', seconds: 30 },
      { do: 'advanceTime', seconds: 30 },
    ]);
    expect(allOf(steps.slice(0, 4), 'unloadCalled')).toEqual([]);

    const failed = step(steps, 4);
    expect(failed.status).toBe('EBUSY');
    expect(types(failed)).not.toContain('unloadCalled');
    expect(of(failed, 'autoUnloadCandidate')).toEqual([expect.objectContaining({ module: 'tty' })]);

    const early = step(steps, 6);
    expect(early.world.clock).toBe(3630);
    expect(types(early)).not.toContain('unloadCalled');
    expect(isLoaded(early.world, 'tty')).toBe(true);

    const wake = step(steps, 7);
    expect(of(wake, 'unloadCalled')).toEqual([
      expect.objectContaining({ module: 'tty', by: 'daemon', time: 3660 }),
    ]);
    expect(devicesOf(wake, 'cfgRemove')).toEqual(['tty0', 'tty1']);
    expect(of(wake, 'moduleFreed')).toEqual([expect.objectContaining({ module: 'tty', time: 3660 })]);
    expect(isLoaded(world, 'tty')).toBe(false);
  });
});
