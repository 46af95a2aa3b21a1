import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { allOf, condition, devicesOf, isLoaded, of, play, step, tty, types } from './cases.helpers';

/** shared/domain/svr5.md §6, the demand-unload cases: 1–4 and 7–10 (5 and 6 are in cases-auto.test.ts). */

describe('when a device is open', () => {
  it('autoloads on open, then refuses the unload with EBUSY without calling _unload', () => {
    const { steps } = play([
      tty(),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const [open, unload] = [step(steps, 1), step(steps, 2)];
    expect(open.status).toBe('0');
    expect(of(open, 'loadCalled')).toEqual([expect.objectContaining({ module: 'tty', by: 'auto' })]);
    expect(types(open).indexOf('loadCalled')).toBeLessThan(types(open).indexOf('openCalled'));
    // DDI 8: _load → drv_attach → CFG_ADD per instance.
    expect(devicesOf(open, 'cfgAdd')).toEqual(['tty0', 'tty1']);

    expect(unload.status).toBe('EBUSY');
    expect(types(unload)).toContain('refused');
    expect(types(unload)).not.toContain('unloadCalled');
    expect(types(unload)).not.toContain('cfgRemove');
    expect(types(unload)).not.toContain('moduleFreed');
    expect(of(unload, 'refused')[0]).toMatchObject({ module: 'tty', status: 'EBUSY' });
    expect(of(unload, 'refused')[0]?.blockers).toContainEqual({ kind: 'channel', name: 'c1' });
    expect(isLoaded(unload.world, 'tty')).toBe(true);

    const open1 = condition(unload.world, 'tty', 'noOpenDevices');
    expect(open1.met).toBe(false);
    expect(open1.text).toContain('c1');
    expect(explainUnload(unload.world, 'tty').unloaded).toBe(false);
  });

  it('runs _unload, CFG_REMOVE per instance and frees the module on a demand unload after the close', () => {
    const { steps, world } = play([
      tty(),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'close', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const [close, unload] = [step(steps, 3), step(steps, 4)];
    expect(close.status).toBe('0');
    expect(types(close)).not.toContain('unloadCalled');
    expect(condition(close.world, 'tty', 'noOpenDevices').met).toBe(true);

    expect(unload.status).toBe('0');
    expect(types(unload).filter((t) => ['unloadCalled', 'cfgRemove', 'moduleFreed'].includes(t))).toEqual([
      'unloadCalled',
      'cfgRemove',
      'cfgRemove',
      'moduleFreed',
    ]);
    expect(of(unload, 'unloadCalled')).toEqual([expect.objectContaining({ module: 'tty', by: 'demand' })]);
    expect(devicesOf(unload, 'cfgRemove')).toEqual(['tty0', 'tty1']);
    expect(of(unload, 'cfgRemove').every((e) => e.module === 'tty')).toBe(true);
    expect(of(unload, 'moduleFreed')).toEqual([expect.objectContaining({ module: 'tty' })]);
    // _unload ran exactly once over the whole scenario: the EBUSY refusal never called it.
    expect(allOf(steps, 'unloadCalled')).toHaveLength(1);
    expect(isLoaded(world, 'tty')).toBe(false);
    expect(explainUnload(world, 'tty').unloaded).toBe(true);
  });
});

describe('when _unload itself returns an errno', () => {
  it('keeps the module loaded after EIO, and opens still work without a reload', () => {
    const { steps, world } = play([
      tty({ unloadReturns: 'EIO' }),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'open', device: 'tty1', channel: 'c2' },
    ]);
    const [unload, reopen] = [step(steps, 3), step(steps, 4)];
    // What _unload answers is the driver's decision, not a condition the OS checks: the summary says it.
    const before = explainUnload(step(steps, 2).world, 'tty');
    expect(before.conditions.every((c) => c.met)).toBe(true);
    expect(before.summary).toMatch(/_unload returns EIO/);
    expect(unload.status).toBe('EIO');
    expect(of(unload, 'unloadCalled')).toEqual([expect.objectContaining({ module: 'tty', by: 'demand' })]);
    // A driver that refuses returns before drv_detach: no CFG_REMOVE, nothing freed.
    expect(types(unload)).not.toContain('cfgRemove');
    expect(types(unload)).not.toContain('moduleFreed');
    expect(isLoaded(unload.world, 'tty')).toBe(true);

    expect(reopen.status).toBe('0');
    expect(types(reopen)).not.toContain('loadCalled');
    expect(of(reopen, 'openCalled')).toEqual([expect.objectContaining({ module: 'tty', device: 'tty1' })]);
    expect(isLoaded(world, 'tty')).toBe(true);
  });

  it('distinguishes an EBUSY from _unload (called) from the busy gate (not called)', () => {
    const { steps } = play([
      tty({ unloadReturns: 'EBUSY' }),
      { do: 'loadModule', module: 'tty' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'open', device: 'tty0', channel: 'c1' },
    ]);
    const unload = step(steps, 2);
    expect(unload.status).toBe('EBUSY');
    expect(types(unload)).toContain('unloadCalled');
    expect(types(unload)).not.toContain('moduleFreed');
    expect(isLoaded(unload.world, 'tty')).toBe(true);
    expect(step(steps, 3).status).toBe('0');
    expect(types(step(steps, 3))).not.toContain('loadCalled');
  });
});

describe('when _load fails with ENOMEM', () => {
  it('leaves the module unloaded, never calls _unload, and a later unload gets EINVAL', () => {
    const { steps, world } = play([
      tty({ loadReturns: 'ENOMEM' }),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'loadModule', module: 'tty' },
      { do: 'advanceTime', seconds: 600 },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const [open, unload, demand] = [step(steps, 1), step(steps, 2), step(steps, 3)];
    expect(open.status).toBe('ENOMEM');
    expect(of(open, 'loadCalled')).toEqual([expect.objectContaining({ module: 'tty', by: 'auto' })]);
    expect(types(open)).not.toContain('openCalled');
    expect(types(open)).not.toContain('cfgAdd');
    expect(isLoaded(open.world, 'tty')).toBe(false);
    expect(open.world.channels.has('c1')).toBe(false);

    expect(unload.status).toBe('EINVAL');
    expect(demand.status).toBe('ENOMEM');
    expect(step(steps, 5).status).toBe('EINVAL');
    for (const type of ['unloadCalled', 'cfgRemove', 'moduleFreed'] as const) {
      expect(allOf(steps, type), type).toEqual([]);
    }
    expect(isLoaded(world, 'tty')).toBe(false);
    expect(explainUnload(world, 'tty').summary).toContain('ENOMEM');
  });
});

describe('when a pre-DDI 8 driver has no _unload routine', () => {
  it('is never unloaded, neither by demand (EBUSY) nor by the daemon', () => {
    const { steps, world } = play([
      { do: 'registerModule', module: 'lp', ddi: '7', unloadRoutine: false },
      { do: 'open', device: 'lp0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'unloadModule', module: 'lp' },
      { do: 'advanceTime', seconds: 7200 },
      { do: 'unloadModule', module: 'lp' },
    ]);
    expect(step(steps, 0).status).toBe('0');
    expect(of(step(steps, 1), 'loadCalled')).toEqual([expect.objectContaining({ module: 'lp', by: 'auto' })]);
    expect(step(steps, 3).status).toBe('EBUSY');
    expect(step(steps, 5).status).toBe('EBUSY');
    expect(allOf(steps, 'unloadCalled')).toEqual([]);
    expect(allOf(steps, 'moduleFreed')).toEqual([]);
    expect(isLoaded(world, 'lp')).toBe(true);
    expect(world.clock).toBe(7200);

    const c = condition(world, 'lp', 'hasUnloadRoutine');
    expect(c.met).toBe(false);
    expect(c.text).toContain('never');
  });

  it('is not accepted without _unload at DDI 8, where the routine is required', () => {
    const { steps } = play([{ do: 'registerModule', module: 'lp', ddi: '8', unloadRoutine: false }]);
    expect(step(steps, 0).status).not.toBe('0');
  });
});

describe('when module B depends on module A', () => {
  it('refuses to unload A with EBUSY until B is unloaded', () => {
    const { steps, world } = play([
      { do: 'registerModule', module: 'A', ddi: '8' },
      { do: 'registerModule', module: 'B', ddi: '8', dependsOn: ['A'] },
      { do: 'loadModule', module: 'B' },
      { do: 'unloadModule', module: 'A' },
      { do: 'unloadModule', module: 'B' },
      { do: 'unloadModule', module: 'A' },
    ]);
    const [load, unloadA, unloadB, unloadA2] = [
      step(steps, 2),
      step(steps, 3),
      step(steps, 4),
      step(steps, 5),
    ];
    expect(load.status).toBe('0');
    // Dependencies load first.
    expect(of(load, 'loadCalled').map((e) => [e.module, e.by])).toEqual([
      ['A', 'dependency'],
      ['B', 'demand'],
    ]);

    expect(unloadA.status).toBe('EBUSY');
    expect(types(unloadA)).not.toContain('unloadCalled');
    expect(of(unloadA, 'refused')[0]?.blockers).toContainEqual({ kind: 'module', name: 'B' });
    const deps = condition(unloadA.world, 'A', 'noDependents');
    expect(deps.met).toBe(false);
    expect(deps.text).toContain('B');

    expect(unloadB.status).toBe('0');
    expect(of(unloadB, 'unloadCalled').map((e) => e.module)).toEqual(['B']);
    expect(of(unloadB, 'moduleFreed').map((e) => e.module)).toEqual(['B']);
    expect(isLoaded(unloadB.world, 'A')).toBe(true);
    expect(condition(unloadB.world, 'A', 'noDependents').met).toBe(true);

    expect(unloadA2.status).toBe('0');
    expect(of(unloadA2, 'unloadCalled')).toEqual([expect.objectContaining({ module: 'A', by: 'demand' })]);
    expect(of(unloadA2, 'moduleFreed').map((e) => e.module)).toEqual(['A']);
    expect(isLoaded(world, 'A')).toBe(false);
  });
});

describe('when one of two instances is open', () => {
  it('refuses the unload of the whole driver with EBUSY, naming the open channel', () => {
    const { steps } = play([
      tty(),
      { do: 'open', device: 'tty1', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
      { do: 'close', channel: 'c1' },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const unload = step(steps, 2);
    expect(unload.status).toBe('EBUSY');
    expect(types(unload)).not.toContain('unloadCalled');
    expect(of(unload, 'refused')[0]?.blockers).toEqual([{ kind: 'channel', name: 'c1' }]);
    const c = condition(unload.world, 'tty', 'noOpenDevices');
    expect(c.met).toBe(false);
    expect(c.text).toContain('c1');

    const after = step(steps, 4);
    expect(after.status).toBe('0');
    expect(devicesOf(after, 'cfgRemove')).toEqual(['tty0', 'tty1']);
    expect(types(after)).toContain('moduleFreed');
  });
});

describe('when _unload calls copyout', () => {
  it('flags a context violation: blockable context has no user address space', () => {
    const { steps } = play([
      tty({ copyoutInUnload: true }),
      { do: 'loadModule', module: 'tty' },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const unload = step(steps, 2);
    const t = types(unload);
    expect(of(unload, 'contextViolation')).toEqual([expect.objectContaining({ module: 'tty' })]);
    expect(of(unload, 'contextViolation')[0]?.rule).toBe('svr5.seed.blockable');
    expect(t.indexOf('unloadCalled')).toBeGreaterThanOrEqual(0);
    expect(t.indexOf('unloadCalled')).toBeLessThan(t.indexOf('contextViolation'));
    // [MODEL] the simulator flags the call and lets _unload go on.
    expect(unload.status).toBe('0');
    expect(t.indexOf('contextViolation')).toBeLessThan(t.indexOf('moduleFreed'));
  });
});

describe('when one instance of a D_HOT driver is hot-removed', () => {
  it('sends CFG_REMOVE to that instance only; the module stays and the other instance works', () => {
    const { steps, world } = play([
      tty({ hot: true }),
      { do: 'open', device: 'tty0', channel: 'c1' },
      { do: 'close', channel: 'c1' },
      { do: 'hotRemove', device: 'tty0' },
      { do: 'open', device: 'tty1', channel: 'c2' },
      { do: 'open', device: 'tty0', channel: 'c3' },
      { do: 'close', channel: 'c2' },
      { do: 'unloadModule', module: 'tty' },
    ]);
    const [remove, other, removed, unload] = [step(steps, 3), step(steps, 4), step(steps, 5), step(steps, 7)];
    expect(remove.status).toBe('0');
    expect(of(remove, 'cfgRemove')).toEqual([expect.objectContaining({ module: 'tty', device: 'tty0' })]);
    expect(types(remove)).not.toContain('unloadCalled');
    expect(types(remove)).not.toContain('moduleFreed');
    expect(isLoaded(remove.world, 'tty')).toBe(true);

    expect(other.status).toBe('0');
    expect(types(other)).not.toContain('loadCalled');
    expect(of(other, 'openCalled')).toEqual([expect.objectContaining({ device: 'tty1', channel: 'c2' })]);

    expect(removed.status).toBe('ENODEV');
    expect(types(removed)).not.toContain('openCalled');
    expect(removed.world.channels.has('c3')).toBe(false);

    // The later unload removes only the instance that is still there.
    expect(unload.status).toBe('0');
    expect(devicesOf(unload, 'cfgRemove')).toEqual(['tty1']);
    expect(types(unload)).toContain('moduleFreed');
    expect(isLoaded(world, 'tty')).toBe(false);
  });
});
