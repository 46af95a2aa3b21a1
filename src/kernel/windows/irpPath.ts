import type { WindowsRuleId } from '../rules';
import type { StepResult } from '../types';
import { hasFlag, type DeviceObject, type WindowsWorld } from './model';
import type { WindowsTx } from './tx';

/**
 * Where an I/O request stays pending, and so which drivers it passed on its
 * way down (shared/domain/windows.md §2). By default the function driver (the
 * lowest non-PDO device) queues it [MODEL]; a scenario may name a lower device
 * instead (`pendsIn`): the drivers above pass it on with IoCallDriver, each
 * one keeping a remove lock acquiring it first and releasing it in its
 * IoCompletion routine (WDK IoReleaseRemoveLock), so an IRP pending in the
 * bus driver holds the remove lock of every driver above (win.io.passDown).
 */

export type IrpPath =
  | { readonly ok: true; readonly path: readonly DeviceObject[]; readonly rule: WindowsRuleId }
  | { readonly ok: false; readonly reason: string };

/** The function driver's place in a stack, top first: the lowest non-PDO device. */
export function pendPoint(stack: readonly DeviceObject[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.role !== 'pdo') return i;
  return stack.length - 1;
}

/**
 * The devices an IRP visits, top first, pending at the last. `held`: the
 * device is query-stopped or stopped, so the function driver keeps new
 * requests in its queue rather than passing them down.
 */
export function irpPath(stack: readonly DeviceObject[], pendsIn: string | undefined, held: boolean): IrpPath {
  const fn = pendPoint(stack);
  if (pendsIn === undefined || held)
    return { ok: true, path: stack.slice(0, fn + 1), rule: 'win.io.pendsAtFunction' };
  const at = stack.findIndex((d) => d.name === pendsIn);
  if (at < 0) {
    return {
      ok: false,
      reason: `${pendsIn} is not in this handle's stack (${stack.map((d) => d.name).join(', ')}): an IRP only goes down the stack it was sent to`,
    };
  }
  return {
    ok: true,
    path: stack.slice(0, at + 1),
    rule: at > fn ? 'win.io.passDown' : 'win.io.pendsAtFunction',
  };
}

/** Why a new IRP down `path` fails, if it does: what the step refuses with. */
export interface IrpRefusal {
  readonly status: string;
  readonly rule: WindowsRuleId;
  readonly reason: string;
  readonly device: string;
  readonly driver?: string;
  readonly model?: string;
}

/**
 * The checks every new IRP meets on its way down `path` (an I/O request, a
 * wait-wake) sent to `target`: no new IRPs to an Unload Pending driver (seed rule 3), a deleted
 * device's driver fails them, a surprise-removed stack fails new I/O, and a
 * driver past IoReleaseRemoveLockAndWait cannot acquire its lock for them.
 */
export function newIrpRefusal(
  path: readonly DeviceObject[],
  pdo: DeviceObject | undefined,
  target: string,
): IrpRefusal | null {
  for (const d of path) {
    if (hasFlag(d, 'UNLOAD_PENDING')) {
      return {
        status: 'STATUS_DELETE_PENDING',
        rule: 'seed.3.noNewIrps',
        reason: `${d.driver} is Unload Pending: the system sends it no new IRPs`,
        device: d.name,
        driver: d.driver,
        model:
          'The seed says no new IRPs are sent; the status is undocumented, the simulator answers STATUS_DELETE_PENDING.',
      };
    }
    // After a query-remove drivers fail only new creates; other IRPs are processed as usual.
    if (hasFlag(d, 'DELETE_PENDING')) {
      return {
        status: 'STATUS_DELETE_PENDING',
        rule: 'win.io.deletedDevice',
        reason: `${d.name} was deleted (IoDeleteDevice): its driver fails new I/O`,
        device: d.name,
        driver: d.driver,
      };
    }
  }
  if (pdo?.surpriseRemoved) {
    return {
      status: 'STATUS_NO_SUCH_DEVICE',
      rule: 'win.io.removedFailsIo',
      reason: `${target} was surprise-removed: new I/O fails`,
      device: target,
    };
  }
  const locked = path.find((d) => d.removeLock?.removed);
  if (locked) {
    return {
      status: 'STATUS_DELETE_PENDING',
      rule: 'win.removeLock.deletePending',
      reason: `${locked.name} is being removed: IoAcquireRemoveLock fails, so its driver fails the request`,
      device: locked.name,
      driver: locked.driver,
    };
  }
  return null;
}

/** An IRP's name is taken while it is outstanding: the refusal to return, if it is. */
export function irpNameTaken(tx: WindowsTx, irp: string): StepResult<WindowsWorld> | null {
  if (!tx.irps.has(irp)) return null;
  return tx.refuse('STATUS_INVALID_PARAMETER', 'win.object.invalid', `IRP ${irp} is already outstanding`, {
    irp,
  });
}
