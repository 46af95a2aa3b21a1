import type { StepResult } from '../types';
import type { WindowsAction } from './actions';
import { notNamed } from './openChecks';
import { completeIrpNow } from './io';
import { irpNameTaken, newIrpRefusal, pendPoint } from './irpPath';
import { type WindowsWorld } from './model';
import { pdoOf, stackOf } from './stack';
import type { WindowsTx } from './tx';

/**
 * IRP_MN_WAIT_WAKE (WDK "IRP_MN_WAIT_WAKE", "Canceling a Wait/Wake IRP"):
 * the power policy owner, here the function driver, sends it with
 * PoRequestPowerIrp; it goes down to the bus driver, which keeps it pending
 * until the device signals wake (`completeIrp`) or its sender cancels it. It
 * holds the remove lock of its sender and of the drivers below (each sets an
 * IoCompletion routine as it passes); a filter above the sender passes it on
 * and releases its own lock at once (win.power.waitWake notes the choice).
 * In IRP_MN_REMOVE_DEVICE the sender cancels it before it waits on its lock
 * ("Removing a Device in a Function Driver", step 3); a sender that forgets
 * waits on its own IRP until the device wakes.
 */

type Result = StepResult<WindowsWorld>;
type Act = Extract<WindowsAction, { do: 'requestWaitWake' }>;

const MINOR = 'IRP_MN_WAIT_WAKE';

export function requestWaitWake(tx: WindowsTx, a: Act): Result {
  const unnamed = notNamed(tx, a.device);
  if (unnamed) return unnamed;
  const taken = irpNameTaken(tx, a.irp);
  if (taken) return taken;
  const stack = stackOf(tx, a.device);
  const pdo = pdoOf(tx, a.device);
  const owner = stack[pendPoint(stack)];
  if (!pdo || !owner || owner === pdo) {
    return tx.refuse(
      'STATUS_NOT_SUPPORTED',
      'win.power.waitWake',
      `${a.device} has no bus driver under a function driver to arm wake-up: only a PnP stack has one`,
      { device: a.device, irp: a.irp },
    );
  }
  // PoRequestPowerIrp sends it to the top of the stack: every driver there sees it.
  const refusal = newIrpRefusal(stack, pdo, a.device);
  if (refusal) {
    const { status, rule, reason, ...fields } = refusal;
    return tx.refuse(status, rule, reason, { irp: a.irp, ...fields });
  }
  if (pdo.devnode !== 'Started') {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_STATE',
      'win.power.waitWakeState',
      `${pdo.name} is ${pdo.devnode ?? 'not a devnode'}: a driver arms wake-up on a working (started) device`,
      { device: pdo.name, irp: a.irp },
    );
  }
  const pending = tx.irps.find((i) => i.minor === MINOR && i.path.includes(pdo.name));
  if (pending) {
    return tx.refuse(
      'STATUS_DEVICE_BUSY',
      'win.power.waitWake',
      `${pending.name} is already pending at ${pdo.name}: one IRP_MN_WAIT_WAKE at a time per PDO`,
      { device: pdo.name, irp: a.irp, driver: pdo.driver },
    );
  }
  const from = stack.indexOf(owner);
  const path = stack.slice(from);
  // PoRequestPowerIrp sends it to the top of the stack: the drivers above the owner pass it on.
  for (const d of stack) {
    tx.emit('irpDispatched', 'win.power.waitWake', {
      irp: a.irp,
      device: d.name,
      driver: d.driver,
      major: 'IRP_MJ_POWER',
      minor: MINOR,
    });
    if (!path.includes(d)) continue;
    tx.patchDevice(d.name, { irps: d.irps.add(a.irp) });
    if (d.removeLock) {
      tx.emit('removeLockAcquired', 'win.removeLock.acquire', {
        irp: a.irp,
        device: d.name,
        driver: d.driver,
      });
    }
  }
  tx.irps = tx.irps.set(a.irp, {
    name: a.irp,
    handle: null,
    major: 'IRP_MJ_POWER',
    minor: MINOR,
    requester: owner.driver,
    path: path.map((d) => d.name),
  });
  tx.emit('irpPending', 'win.power.waitWake', {
    irp: a.irp,
    device: pdo.name,
    driver: pdo.driver,
    major: 'IRP_MJ_POWER',
    minor: MINOR,
    status: 'STATUS_PENDING',
    reason: `${pdo.driver} arms the device for wake-up and keeps the IRP until it signals wake, or ${owner.driver} cancels it`,
  });
  return tx.done();
}

/**
 * IRP_MN_REMOVE_DEVICE reached `device`: its driver cancels the wait-wake IRP
 * it sent (IoCancelIrp; the bus driver's cancel routine completes it with
 * STATUS_CANCELLED), before it waits on its remove lock, unless it forgets.
 */
export function cancelWaitWakeOnRemove(tx: WindowsTx, device: string): void {
  const mine = tx.irps
    .valueSeq()
    .filter((i) => i.minor === MINOR && i.path[0] === device)
    .toArray();
  for (const irp of mine) {
    const driver = irp.requester ?? tx.dev(device).driver;
    if (tx.drv(driver).forgetsWaitWake) {
      tx.emit('driverBug', 'win.power.cancelOnRemove', {
        irp: irp.name,
        device,
        driver,
        reason: `it does not cancel ${irp.name}: the IRP keeps its remove lock held, so its REMOVE waits until the device signals wake`,
      });
      continue;
    }
    completeIrpNow(tx, irp.name, { status: 'STATUS_CANCELLED', rule: 'win.power.cancelOnRemove' });
  }
}
