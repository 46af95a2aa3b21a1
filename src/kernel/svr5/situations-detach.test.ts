import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { Svr5Action } from './actions';

/**
 * Issue 19, SVR5: drv_detach ordering. _unload(D2) and drv_detach(D3): a
 * DDI 8 _unload calls drv_detach, which sends CFG_SUSPEND (maybe) and
 * CFG_REMOVE for each instance and cannot refuse; the driver frees its
 * global resources after it returns, and must refuse before calling it.
 */

const svr5 = () => kernel('svr5');

const hsnet = (extra: Partial<Extract<Svr5Action, { do: 'registerModule' }>> = {}): Svr5Action => ({
  do: 'registerModule',
  module: 'hsnet',
  ddi: '8',
  devices: ['hsnet0', 'hsnet1'],
  hot: true,
  ...extra,
});

describe('when a D_HOT driver is unloaded', () => {
  const run = svr5()
    .setup(hsnet(), { do: 'loadModule', module: 'hsnet' })
    .do({ do: 'unloadModule', module: 'hsnet' })
    .expectStatus('0');
  const seq = run.last.events
    .filter((e) => e.type === 'cfgSuspend' || e.type === 'cfgRemove' || e.type === 'moduleFreed')
    .map((e) => `${e.type} ${e.device ?? ''}`.trim());

  it('suspends then removes each instance in turn, and frees the module after drv_detach returns', () => {
    expect(seq).toEqual([
      'cfgSuspend hsnet0',
      'cfgRemove hsnet0',
      'cfgSuspend hsnet1',
      'cfgRemove hsnet1',
      'moduleFreed',
    ]);
  });

  it('marks the CFG_SUSPEND as a choice, and cites drv_detach for the frees after it', () => {
    const suspend = run.last.events.find((e) => e.type === 'cfgSuspend');
    expect(suspend?.rule).toBe('svr5.detach.suspendFirst');
    expect(suspend?.model).toBeTruthy();
    expect(run.last.events.find((e) => e.type === 'moduleFreed')?.rule).toBe('svr5.detach.globalsAfter');
  });

  it('does not suspend again an instance already suspended', () => {
    const again = svr5()
      .setup(hsnet(), { do: 'loadModule', module: 'hsnet' }, { do: 'suspendInstance', device: 'hsnet1' })
      .do({ do: 'unloadModule', module: 'hsnet' });
    expect(again.eventsOf('cfgSuspend').map((e) => e.device)).toEqual(['hsnet0']);
  });

  it('sends a driver that is not D_HOT only CFG_REMOVE', () => {
    const plain = svr5()
      .setup(hsnet({ hot: false }), { do: 'loadModule', module: 'hsnet' })
      .do({ do: 'unloadModule', module: 'hsnet' });
    expect(plain.types()).not.toContain('cfgSuspend');
    expect(plain.eventsOf('cfgRemove')).toHaveLength(2);
  });
});

describe('when _unload fails after calling drv_detach (a driver bug)', () => {
  const run = svr5()
    .setup(hsnet({ unloadReturns: 'EBUSY', failsAfterDetach: true }), { do: 'loadModule', module: 'hsnet' })
    .do({ do: 'unloadModule', module: 'hsnet' })
    .expectStatus('EBUSY')
    .expectEvents('cfgRemove', 'unloadFailed')
    .expectNoEvents('moduleFreed');

  it('leaves the module loaded with its instances removed, citing drv_detach', () => {
    expect(run.world.modules.get('hsnet')?.loaded).toBe(true);
    expect(run.world.modules.get('hsnet')?.configured).toEqual([]);
    const failed = run.last.events.find((e) => e.type === 'unloadFailed');
    expect(failed?.rule).toBe('svr5.detach.cannotRefuse');
    expect(RULES['svr5.detach.cannotRefuse'].source).toMatch(/drv_detach/);
  });

  it('then answers an open of either instance with ENODEV', () => {
    run.do({ do: 'open', device: 'hsnet0', channel: 'c' }).expectStatus('ENODEV');
  });

  it('keeps a driver that refuses before drv_detach whole', () => {
    const good = svr5()
      .setup(hsnet({ unloadReturns: 'EBUSY' }), { do: 'loadModule', module: 'hsnet' })
      .do({ do: 'unloadModule', module: 'hsnet' }, { do: 'open', device: 'hsnet0', channel: 'c' });
    expect(good.step(0).events.some((e) => e.type === 'cfgRemove')).toBe(false);
    expect(good.last.status).toBe('0');
  });
});

describe('hot removal of an open instance', () => {
  it('is refused with EBUSY, marked as the simulator’s choice (the HDK describes no such check)', () => {
    const run = svr5()
      .setup(hsnet(), { do: 'open', device: 'hsnet1', channel: 'c' })
      .do({ do: 'hotRemove', device: 'hsnet1' })
      .expectStatus('EBUSY');
    expect(run.last.events[0]?.rule).toBe('svr5.hot.openRefused');
    expect(run.last.events[0]?.model).toBeTruthy();
  });
});

describe('hot insertion into a loaded driver', () => {
  // config(D2): CFG_ADD for a device added while the D_HOT driver is loaded; no reload.
  it('sends CFG_ADD for the re-inserted card, and it opens again', () => {
    const run = svr5()
      .setup(hsnet(), { do: 'loadModule', module: 'hsnet' }, { do: 'hotRemove', device: 'hsnet1' })
      .do({ do: 'hotAdd', device: 'hsnet1' })
      .expectStatus('0')
      .expectEvents('cfgAdd')
      .expectNoEvents('loadCalled');
    expect(run.last.events[0]?.rule).toBe('svr5.hot.add');
    expect(run.world.modules.get('hsnet')?.configured).toEqual(['hsnet0', 'hsnet1']);
    run.do({ do: 'open', device: 'hsnet1', channel: 'c' }).expectStatus('0');
  });

  it('refuses an instance still configured (EEXIST) and a driver that is not D_HOT (EOPNOTSUPP)', () => {
    svr5()
      .setup(hsnet(), { do: 'loadModule', module: 'hsnet' })
      .do({ do: 'hotAdd', device: 'hsnet0' })
      .expectStatus('EEXIST');
    svr5()
      .setup(hsnet({ hot: false }))
      .do({ do: 'hotAdd', device: 'hsnet0' })
      .expectStatus('EOPNOTSUPP');
  });

  it('configures it for the next load when the driver is not loaded', () => {
    const run = svr5()
      .setup(hsnet(), { do: 'hotRemove', device: 'hsnet1' })
      .do({ do: 'hotAdd', device: 'hsnet1' }, { do: 'loadModule', module: 'hsnet' });
    expect(run.eventsOf('cfgAdd').map((e) => e.device)).toEqual(['hsnet0', 'hsnet1']);
  });
});

describe('a CFG_ADD that fails for one instance', () => {
  // config(D2): CFG_ADD may return an errno; whether the load then fails is not said (a marked choice).
  const run = svr5()
    .setup(hsnet({ addFails: ['hsnet1'] }))
    .do({ do: 'loadModule', module: 'hsnet' })
    .expectStatus('0');

  it('loads the module, leaving that instance unconfigured, marked as a choice', () => {
    const failed = run.last.events.find((e) => e.type === 'cfgAdd' && e.device === 'hsnet1');
    expect(failed).toMatchObject({ status: 'ENODEV', rule: 'svr5.load.addFails' });
    expect(failed?.model).toBeTruthy();
    expect(run.world.modules.get('hsnet')?.configured).toEqual(['hsnet0']);
  });

  it('answers ENODEV to an open of it and to a hot insertion, and drv_detach skips it', () => {
    run.do({ do: 'open', device: 'hsnet1', channel: 'c' }).expectStatus('ENODEV');
    run.do({ do: 'hotAdd', device: 'hsnet1' }).expectStatus('ENODEV');
    run.do({ do: 'unloadModule', module: 'hsnet' }).expectStatus('0');
    expect(run.eventsOf('cfgRemove').map((e) => e.device)).toEqual(['hsnet0']);
  });
});

describe('an open that autoloads a module whose CFG_ADD fails for the instance opened', () => {
  it('loads the module and answers ENODEV, opening nothing', () => {
    const run = svr5()
      .setup(hsnet({ addFails: ['hsnet0'] }))
      .do({ do: 'open', device: 'hsnet0', channel: 'c' })
      .expectStatus('ENODEV')
      .expectEvents('loadCalled', 'cfgAdd')
      .expectNoEvents('openCalled');
    expect(run.world.modules.get('hsnet')?.loaded).toBe(true);
    expect(run.world.channels.size).toBe(0);
  });
});
