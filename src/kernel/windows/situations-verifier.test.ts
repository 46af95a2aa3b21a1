import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { legacy, pnpStack } from './cases.helpers';

/**
 * Issue 19, Driver Verifier: an unload mistake becomes the bug check it
 * would cause. Each situation cites its page.
 */

const win = () => kernel('windows');
const beep = (extra: Partial<WindowsAction>) => legacy('Beep', 'Beep0', extra);

describe('a driver that unloads without freeing its pool', () => {
  // "Pool Tracking": "Driver Verifier will issue bug check 0xC4 (with Parameter 1 equal to 0x62) if a
  // driver unloads without freeing all its allocations."
  it('under Driver Verifier stops the system with 0xC4, parameter 1 = 0x62', () => {
    const run = win()
      .setup(beep({ leaksPool: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('unloadCalled', 'bugCheck')
      .expectNoEvents('imageFreed');
    const bc = run.last.events.find((e) => e.type === 'bugCheck');
    expect(bc).toMatchObject({
      status: '0x000000C4',
      state: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
      rule: 'win.verifier.poolLeak',
    });
    expect(run.world.bugCheck).toMatchObject({ code: '0x000000C4', parameter1: '0x62', driver: 'Beep' });
  });

  it('without Driver Verifier unloads, and the pool is lost unseen', () => {
    const run = win()
      .setup(beep({ leaksPool: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('driverBug', 'imageFreed')
      .expectNoEvents('bugCheck');
    expect(run.world.bugCheck).toBeUndefined();
  });

  it('a clean driver under Driver Verifier unloads with no bug check', () => {
    win()
      .setup(beep({ verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('imageFreed')
      .expectNoEvents('bugCheck', 'driverBug');
  });
});

describe('a driver that unloads with its ETW provider still registered', () => {
  // Bug Check 0xC4, parameter 1 = 0xDD: "An attempt was made to unload a driver without calling
  // EtwUnregister." EtwUnregister: "For every call to EtwRegister there must be a corresponding call to
  // EtwUnregister" (call it in the DriverUnload routine).
  it('under Driver Verifier stops the system with 0xC4, parameter 1 = 0xDD, and the image stays', () => {
    const run = win()
      .setup(beep({ leavesEtwProvider: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('unloadCalled', 'bugCheck')
      .expectNoEvents('imageFreed');
    expect(run.last.events.at(-1)).toMatchObject({ type: 'bugCheck', rule: 'win.verifier.etwAtUnload' });
    expect(run.world.bugCheck).toMatchObject({ code: '0x000000C4', parameter1: '0xDD', driver: 'Beep' });
    expect(run.world.drivers.get('Beep')?.imageInMemory).toBe(true);
  });

  it('without Driver Verifier unloads: the registration outlives the image, unseen', () => {
    const run = win()
      .setup(beep({ leavesEtwProvider: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('driverBug', 'imageFreed')
      .expectNoEvents('bugCheck');
    expect(run.last.events.find((e) => e.type === 'driverBug')?.rule).toBe('win.etw.leftRegistered');
  });

  it('a PnP driver stops at its last device’s removal, KMDF or not', () => {
    for (const framework of ['wdm', 'kmdf'] as const) {
      const run = win()
        .setup(...pnpStack({ widget: { framework, leavesEtwProvider: true, verifier: true } }))
        .do({ do: 'requestRemove', device: 'Pdo1' });
      expect(run.world.bugCheck, framework).toMatchObject({ parameter1: '0xDD', driver: 'Widget' });
    }
  });

  it('with pool leaked too, the first check (pool, 0x62) is the one reported', () => {
    const run = win()
      .setup(beep({ leavesEtwProvider: true, leaksPool: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' });
    expect(run.world.bugCheck?.parameter1).toBe('0x62');
  });
});

describe('a driver that unloads with its WMI callback still registered', () => {
  // Bug Check 0xC4, parameter 1 = 0xDA: "An attempt was made to unload a driver that has not
  // deregistered its WMI callback function."
  it('under Driver Verifier stops the system with 0xC4, parameter 1 = 0xDA', () => {
    const run = win()
      .setup(beep({ leavesWmiCallback: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('unloadCalled', 'bugCheck')
      .expectNoEvents('imageFreed');
    expect(run.last.events.at(-1)).toMatchObject({ type: 'bugCheck', rule: 'win.verifier.wmiAtUnload' });
    expect(run.world.bugCheck).toMatchObject({ code: '0x000000C4', parameter1: '0xDA', driver: 'Beep' });
  });

  it('without Driver Verifier unloads unseen (a marked choice)', () => {
    const run = win()
      .setup(beep({ leavesWmiCallback: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('driverBug', 'imageFreed')
      .expectNoEvents('bugCheck');
    expect(run.last.events.find((e) => e.type === 'driverBug')?.rule).toBe('win.wmi.leftRegistered');
    expect(RULES['win.wmi.leftRegistered'].evidence).toBe('MODEL');
  });

  it('after an ETW provider also left registered, the ETW check (0xDD) comes first', () => {
    const run = win()
      .setup(beep({ leavesWmiCallback: true, leavesEtwProvider: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' });
    expect(run.world.bugCheck?.parameter1).toBe('0xDD');
  });
});

describe('a driver that unloads with a timer still queued', () => {
  // Bug Check 0xCE: "This driver failed to cancel lookaside lists, DPCs, worker threads, or other such
  // items before unload."
  it('without Driver Verifier frees the image; the timer fires later: 0xCE', () => {
    const run = win()
      .setup(beep({ leavesTimer: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('driverBug', 'imageFreed')
      .expectNoEvents('bugCheck');
    expect(run.world.drivers.get('Beep')?.danglingTimer).toBe(true);
    run.do({ do: 'timerFires', driver: 'Beep' }).expectEvents('bugCheck');
    expect(run.world.bugCheck).toMatchObject({
      code: '0x000000CE',
      name: 'DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS',
    });
  });

  it('under Driver Verifier stops at the unload itself (0xC7, a choice marked MODEL)', () => {
    const run = win()
      .setup(beep({ leavesTimer: true, verifier: true }))
      .do({ do: 'stopDriver', driver: 'Beep' })
      .expectEvents('bugCheck');
    expect(run.world.bugCheck?.code).toBe('0x000000C7');
    const bc = run.last.events.find((e) => e.type === 'bugCheck');
    expect(bc?.model).toBeDefined();
    expect(RULES['win.verifier.timerAtUnload'].note).toBeDefined();
  });

  it('refuses timerFires when no unloaded driver left a timer, saying how to get one', () => {
    const run = win()
      .setup(beep({}))
      .do({ do: 'timerFires', driver: 'Beep' })
      .expectStatus('STATUS_INVALID_PARAMETER');
    expect(run.last.events[0]?.reason).toMatch(/leavesTimer/);
  });
});

describe('after a bug check', () => {
  // Debugging Bug Check 0xC4: Driver Verifier "generates a bug check to stop the computer".
  it('refuses every later step with the bug check named', () => {
    const run = win()
      .setup(...pnpStack(), beep({ leaksPool: true, verifier: true }), {
        do: 'stopDriver',
        driver: 'Beep',
      })
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectStatus('STATUS_SYSTEM_SHUTDOWN');
    expect(run.last.events[0]).toMatchObject({ type: 'refused', rule: 'win.bugcheck.halted' });
    expect(run.last.events[0]?.reason).toMatch(/0x000000C4/);
    expect(run.world.devices.has('WidgetFdo')).toBe(true);
  });

  it('a PnP driver under Driver Verifier checks when its last device goes', () => {
    win()
      .setup(...pnpStack({ widget: { verifier: true, leaksPool: true } as Partial<WindowsAction> }))
      .do({ do: 'requestRemove', device: 'Pdo1' })
      .expectEvents('unloadCalled', 'bugCheck');
  });
});
