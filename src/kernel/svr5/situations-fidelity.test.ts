import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { Svr5Action } from './actions';
import { tty } from './cases.helpers';

/**
 * Issue 7, SVR5: what a driver engineer would call wrong, the choices now
 * marked as choices, and the mechanisms that were missing. Each situation
 * cites its source. Defaults: DEF_UNLOAD_DELAY 60 s, UNLOAD_WAKE 60 s.
 */

const svr5 = () => kernel('svr5');

/** tty autoloaded by an open and closed at t=0: an auto-unload candidate. */
const idleTty = (extra: Partial<Extract<Svr5Action, { do: 'registerModule' }>> = {}): Svr5Action[] => [
  tty(extra),
  { do: 'open', device: 'tty0', channel: 'c' },
  { do: 'close', channel: 'c' },
];

describe('when the clock is advanced at once or in pieces', () => {
  // DLKM "Automatic unloading": the daemon wakes periodically; retrying a refused module at every wake is
  // the simulator's choice (svr5.auto.retry), the same however the clock is cut.
  const daemonCalls = (advances: number[]) =>
    svr5()
      .setup(...idleTty({ unloadReturns: 'EBUSY' }))
      .do(...advances.map((seconds): Svr5Action => ({ do: 'advanceTime', seconds })))
      .allOf('unloadCalled')
      .filter((e) => e.by === 'daemon')
      .map((e) => e.time);

  it('retries a refusing _unload at every wake: five times in 300 s, in one advance or five', () => {
    expect(daemonCalls([300])).toEqual([60, 120, 180, 240, 300]);
    expect(daemonCalls([60, 60, 60, 60, 60])).toEqual([60, 120, 180, 240, 300]);
  });

  it('marks the retry as a modelling choice', () => {
    const run = svr5()
      .setup(...idleTty({ unloadReturns: 'EBUSY' }))
      .do({ do: 'advanceTime', seconds: 120 });
    const wakes = run.eventsOf('daemonWake');
    expect(wakes.map((e) => e.rule)).toEqual(['svr5.auto.daemon', 'svr5.auto.retry']);
    expect(wakes[1]?.model).toBeTruthy();
  });
});

describe('when modadmin -l meets a module an open autoloaded', () => {
  // modload(2) lists no error for a loaded module: it answers 0 and the module is demand-loaded now [MODEL].
  const run = svr5()
    .setup(...idleTty())
    .do({ do: 'loadModule', module: 'tty' })
    .expectStatus('0')
    .expectNoEvents('loadCalled');

  it('answers 0 and makes it demand-loaded, saying so as a choice', () => {
    const loaded = run.eventsOf('moduleLoaded')[0];
    expect(loaded).toMatchObject({ by: 'demand', rule: 'svr5.load.alreadyLoaded' });
    expect(loaded?.model).toBeTruthy();
    expect(run.world.modules.get('tty')?.loadedBy).toBe('demand');
  });

  it('is never auto-unloaded afterwards', () => {
    run.do({ do: 'advanceTime', seconds: 3600 }).expectNoEvents('unloadCalled');
  });
});

describe('the sentences a student reads', () => {
  it('does not promise that an open loads an HBA driver', () => {
    // DLKM: HBA drivers are never autoloaded.
    const run = svr5().setup({ do: 'registerModule', module: 'ahc', ddi: '8', hba: true });
    expect(explainUnload(run.world, 'ahc').summary).toMatch(/never autoloaded/);
    expect(explainUnload(run.world, 'ahc').summary).not.toMatch(/first open/);
  });

  it('does not present what _unload returns as a condition the OS checks', () => {
    // _unload(D2): the driver returns 0 or an errno; the OS checks open devices, dependents, profiling.
    const run = svr5().setup(tty({ unloadReturns: 'EIO' }), { do: 'loadModule', module: 'tty' });
    const x = explainUnload(run.world, 'tty');
    expect(x.conditions.map((c) => c.id)).not.toContain('unloadReturnsZero');
    expect(x.conditions.every((c) => c.met)).toBe(true);
    expect(x.summary).toMatch(/_unload itself answers EIO/);
  });
});

describe('when a hot-plug slot is about to power off', () => {
  // config(D2): CFG_SUSPEND before the slot powers off, CFG_RESUME after; mdi_hw_resumed(D3mdi) shows a
  // close may come while suspended. Refusing opens meanwhile is the simulator's choice (svr5.hot.suspendedIo).
  const run = svr5()
    .setup(tty({ hot: true }), { do: 'open', device: 'tty0', channel: 'c1' })
    .do({ do: 'suspendInstance', device: 'tty0' })
    .expectStatus('0')
    .expectEvents('cfgSuspend');

  it('gives the suspended instance no I/O: a new open gets EAGAIN, the other instance opens', () => {
    run.do({ do: 'open', device: 'tty0', channel: 'c2' }).expectStatus('EAGAIN').expectNoEvents('openCalled');
    expect(RULES[run.last.events[0]!.rule].evidence).toBe('MODEL');
    run.do({ do: 'open', device: 'tty1', channel: 'c3' }).expectStatus('0');
  });

  it('still runs close(D2) on a channel open before the suspension', () => {
    run.do({ do: 'close', channel: 'c1' }).expectStatus('0').expectEvents('closeCalled');
  });

  it('takes opens again after CFG_RESUME', () => {
    run.do({ do: 'resumeInstance', device: 'tty0' }).expectEvents('cfgResume');
    run.do({ do: 'open', device: 'tty0', channel: 'c4' }).expectStatus('0');
  });

  it('suspends an instance before hot removal powers its slot off', () => {
    const removal = svr5()
      .setup(tty({ hot: true }), { do: 'loadModule', module: 'tty' })
      .do({ do: 'hotRemove', device: 'tty1' })
      .expectStatus('0');
    expect(removal.types()).toEqual(['cfgSuspend', 'cfgRemove', 'instanceRemoved']);
  });

  it('refuses to suspend an instance of a driver that is not D_HOT', () => {
    svr5()
      .setup(tty(), { do: 'loadModule', module: 'tty' })
      .do({ do: 'suspendInstance', device: 'tty0' })
      .expectStatus('EOPNOTSUPP');
  });
});

describe('when a driver’s I/O is still draining after its last close', () => {
  // _unload(D2): the driver answers; it may return EBUSY (before drv_detach) and the module stays loaded.
  it('answers EBUSY while it drains and 0 once drained, so the daemon frees it at a later wake', () => {
    const run = svr5()
      .setup(...idleTty({ drainSeconds: 90 }))
      .do({ do: 'advanceTime', seconds: 120 });
    expect(run.eventsOf('unloadFailed')).toEqual([
      expect.objectContaining({
        status: 'EBUSY',
        time: 60,
        reason: expect.stringMatching(/draining/) as string,
      }),
    ]);
    expect(run.eventsOf('moduleFreed').map((e) => e.time)).toEqual([120]);
  });

  it('calls _unload on a demand unload and returns its EBUSY (unlike the busy gate, which never calls it)', () => {
    svr5()
      .setup(...idleTty({ drainSeconds: 90 }))
      .do({ do: 'unloadModule', module: 'tty' })
      .expectStatus('EBUSY')
      .expectEvents('unloadCalled', 'unloadFailed');
  });
});

describe('when an open arrives while _unload is running', () => {
  // _unload(D2) may block; moduload(2): a module in the middle of an unload is busy. That the open sleeps
  // until _unload returns, then loads the module again, is the simulator's choice (svr5.unload.waitsForUnload).
  const started = () =>
    svr5()
      .setup(...idleTty({ unloadSleeps: 30 }))
      .do({ do: 'advanceTime', seconds: 60 })
      .expectEvents('unloadCalled')
      .expectNoEvents('moduleFreed');

  it('leaves the module in transition between the call and the answer', () => {
    const run = started();
    expect(run.world.modules.get('tty')?.unloading).toEqual({ by: 'daemon', since: 60, until: 90 });
    expect(explainUnload(run.world, 'tty').conditions.find((c) => c.id === 'notInTransition')?.met).toBe(
      false,
    );
  });

  it('makes the open sleep until _unload returns, then autoload the module again and open it', () => {
    const run = started().do({ do: 'open', device: 'tty1', channel: 'c2' }).expectStatus('0');
    const t = run.types();
    expect(t.indexOf('moduleFreed')).toBeLessThan(t.indexOf('loadCalled'));
    expect(t.indexOf('loadCalled')).toBeLessThan(t.indexOf('openCalled'));
    expect(run.world.clock).toBe(90);
    expect(run.eventsOf('clockAdvanced')[0]?.model).toBeTruthy();
  });

  it('answers a demand unload meanwhile with EBUSY, without calling _unload again', () => {
    started().do({ do: 'unloadModule', module: 'tty' }).expectStatus('EBUSY').expectNoEvents('unloadCalled');
  });
});

describe('when modadmin -U calls a _unload that sleeps', () => {
  // _unload(D2): blockable context; the caller waits for the answer.
  it('lets the clock run while it waits and answers what _unload returned', () => {
    const run = svr5()
      .setup(tty({ unloadSleeps: 20 }), { do: 'loadModule', module: 'tty' })
      .do({ do: 'unloadModule', module: 'tty' })
      .expectStatus('0')
      .expectEvents('unloadCalled', 'moduleFreed', 'clockAdvanced');
    expect(run.world.clock).toBe(20);
  });
});
