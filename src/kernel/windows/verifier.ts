import type { WindowsAction } from './actions';
import type { StepResult } from '../types';
import type { BugCheck, Driver, WindowsWorld } from './model';
import type { WindowsRuleId } from '../rules';
import type { WindowsTx } from './tx';

/**
 * Driver Verifier and the bug checks of unload mistakes (rules in
 * rules/windowsKmdf.ts). A driver loaded with `verifier` is checked when
 * its Unload returns: pool it never freed stops the system with 0xC4/0x62,
 * an ETW provider or a WMI callback still registered with 0xC4/0xDD or
 * 0xDA, a timer still queued with 0xC7 (checked in that order: a driver
 * with several of these mistakes stops at the first). Without Verifier the same mistakes pass
 * unseen at unload: the pool is lost, and the timer fires later into the
 * freed image, 0xCE (`timerFires`).
 */

type Result = StepResult<WindowsWorld>;

/** Bug check codes as `!analyze` prints them. */
const BUG_CHECKS = {
  DRIVER_VERIFIER_DETECTED_VIOLATION: '0x000000C4',
  TIMER_OR_DPC_INVALID: '0x000000C7',
  KMODE_EXCEPTION_NOT_HANDLED: '0x0000001E',
  DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS: '0x000000CE',
} as const;

/** The system stops: the world keeps the bug check and refuses every later step (win.bugcheck.halted). */
function stop(tx: WindowsTx, check: BugCheck, rule: Parameters<WindowsTx['emit']>[1]): void {
  tx.bugCheck = check;
  tx.emit('bugCheck', rule, {
    driver: check.driver,
    status: check.code,
    state: check.name,
    reason: check.reason,
  });
}

/**
 * What an Unload may leave behind that Driver Verifier checks when it
 * returns: each a 0xC4 subcode of the 0xC4 page, checked in this order (a
 * driver with several of these mistakes stops at the first). Unverified,
 * each passes with a driverBug.
 */
const LEFT_AT_UNLOAD = [
  {
    flag: 'leaksPool',
    parameter1: '0x62',
    rule: 'win.verifier.poolLeak',
    verified: (name: string) => `without freeing its pool allocations; !verifier 3 ${name}.sys lists them`,
    unseenRule: 'win.verifier.poolLeakUnseen',
    unseen:
      'its Unload returned without freeing its pool allocations: nothing checks, and the memory is lost until reboot',
  },
  {
    flag: 'leavesEtwProvider',
    parameter1: '0xDD',
    rule: 'win.verifier.etwAtUnload',
    verified: () =>
      'without calling EtwUnregister for the ETW provider it registered; parameter 2 is the address of its EtwRegister call',
    unseenRule: 'win.etw.leftRegistered',
    unseen:
      'its Unload returned without EtwUnregister: the provider stays registered, its enable callback pointing into the freed image, and nothing checks',
  },
  {
    flag: 'leavesWmiCallback',
    parameter1: '0xDA',
    rule: 'win.verifier.wmiAtUnload',
    verified: () =>
      'without deregistering its WMI callback; parameter 2 is the callback’s address inside the driver',
    unseenRule: 'win.wmi.leftRegistered',
    unseen:
      'its Unload returned without deregistering its WMI callback: WMI keeps a callback into the freed image, and nothing checks',
  },
] as const satisfies readonly {
  flag: keyof Driver;
  parameter1: string;
  rule: WindowsRuleId;
  verified: (name: string) => string;
  unseenRule: WindowsRuleId;
  unseen: string;
}[];

/**
 * Called when a driver's Unload has returned, before its image goes. True
 * when Driver Verifier stopped the system (the image then stays: nothing
 * runs after a bug check).
 */
export function checkUnload(tx: WindowsTx, name: string): boolean {
  if (checkWdfReferences(tx, name)) return true;
  const d = tx.drv(name);
  for (const leak of LEFT_AT_UNLOAD) {
    if (!d[leak.flag]) continue;
    if (d.verified) {
      stop(
        tx,
        {
          code: BUG_CHECKS.DRIVER_VERIFIER_DETECTED_VIOLATION,
          name: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
          parameter1: leak.parameter1,
          driver: name,
          reason: `${name} is unloading ${leak.verified(name)} (parameter 1 = ${leak.parameter1})`,
        },
        leak.rule,
      );
      return true;
    }
    tx.emit('driverBug', leak.unseenRule, { driver: name, reason: leak.unseen });
  }
  if (d.leavesTimer) {
    if (d.verified) {
      stop(
        tx,
        {
          code: BUG_CHECKS.TIMER_OR_DPC_INVALID,
          name: 'TIMER_OR_DPC_INVALID',
          parameter1: '0x0',
          driver: name,
          reason: `Driver Verifier finds a kernel timer still queued in the memory of ${name}, which is being unloaded (parameter 1 = 0x0)`,
        },
        'win.verifier.timerAtUnload',
      );
      return true;
    }
    tx.patchDriver(name, { danglingTimer: true });
    tx.emit('driverBug', 'win.timer.leftQueued', {
      driver: name,
      reason:
        'its Unload returned with a timer and its DPC still queued: the image is freed, the timer is not',
    });
  }
  return false;
}

/**
 * A KMDF driver unloading while it still holds a WdfObjectReference on a
 * WDFDEVICE the framework already deleted. The framework's own unload runs
 * first (FxDriver::Unload, then FxDestroy), before Driver Verifier's checks:
 * the reference can never be dropped now, so the device's EvtDestroyCallback
 * never runs and its memory stays (win.kmdf.refLeakedAtUnload). Under Driver
 * Verifier the framework's verifier is on too and breaks in at the leak
 * (win.kmdf.verifierLeakAtUnload). True when the system stopped.
 */
function checkWdfReferences(tx: WindowsTx, name: string): boolean {
  const d = tx.drv(name);
  const held = d.wdfRefs ?? [];
  if (held.length === 0) return false;
  const objects = held.map((r) => `WDFDEVICE ${r.device} (tag ${r.tag})`).join(', ');
  if (d.verified) {
    stop(
      tx,
      {
        code: BUG_CHECKS.KMODE_EXCEPTION_NOT_HANDLED,
        name: 'KMODE_EXCEPTION_NOT_HANDLED',
        parameter1: '0x80000003',
        driver: name,
        reason: `KMDF Verifier finds ${objects} still referenced as ${name} unloads ("WDF detected potentially invalid operation by ${name}.sys", !wdflogdump ${name}.sys) and breaks into the debugger; with no kernel debugger attached the break (STATUS_BREAKPOINT) stops the system`,
      },
      'win.kmdf.verifierLeakAtUnload',
    );
    return true;
  }
  // The code that would have called WdfObjectDereference is gone with the image.
  tx.patchDriver(name, { wdfRefs: [] });
  for (const r of held) {
    tx.emit('driverBug', 'win.kmdf.refLeakedAtUnload', {
      driver: name,
      device: r.device,
      tag: r.tag,
      wdfObject: `WDFDEVICE ${r.device}`,
      reason: `its Unload returned still holding a reference (tag ${r.tag}): nothing can drop it now, so EvtDestroyCallback never runs and the object's memory is lost`,
    });
  }
  return false;
}

/** `timerFires`: the timer an unloaded driver left queued comes due; its DPC routine is gone. */
export function timerFires(tx: WindowsTx, a: Extract<WindowsAction, { do: 'timerFires' }>): Result {
  const d = tx.driver(a.driver);
  if (!d?.danglingTimer) {
    return tx.refuse(
      'STATUS_INVALID_PARAMETER',
      'win.timer.none',
      d
        ? `${a.driver} left no timer queued after an unload (load it with leavesTimer, then unload it)`
        : `no driver is named ${a.driver}`,
      { driver: a.driver },
    );
  }
  tx.patchDriver(a.driver, { danglingTimer: false });
  stop(
    tx,
    {
      code: BUG_CHECKS.DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS,
      name: 'DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS',
      driver: a.driver,
      reason: `the timer ${a.driver} left queued fires and its DPC routine runs in the freed image of ${a.driver}`,
    },
    'win.timer.firesIntoUnloaded',
  );
  return tx.done();
}
