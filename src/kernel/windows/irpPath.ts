import type { WindowsRuleId } from '../rules';
import type { DeviceObject } from './model';

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
