import { DOE, hasDoFlag, removeLockHolders, type DeviceObject } from '../windows/model';
import { check } from './harness';
import { at, type StepCtx } from './windowsInvariants';

/**
 * The Windows invariants of the mechanisms issue 7 added: remove locks and
 * DO_DEVICE_INITIALIZING (the rest are in windowsInvariants.ts).
 */

/** The rules under which IRP_MN_REMOVE_DEVICE deletes a device. */
const REMOVE_RULES = new Set([
  'win.pnp.removeTopDown',
  'win.pnp.removeAfterClose',
  'win.removeLock.wait',
  'win.update.replace',
]);

/**
 * Remove locks (kernel/using-remove-locks): no REMOVE deletes a device while
 * its lock is held, and nothing acquires a lock after IoReleaseRemoveLockAndWait.
 */
export function removeLocksRespected(c: StepCtx): void {
  const events = c.result.events;
  for (const e of events) {
    if (e.type === 'removeLockAcquired') {
      const before = c.before.devices.get(e.device ?? '');
      check(
        before?.removeLock?.removed !== true,
        () =>
          `${at(c)}: ${e.device}'s remove lock acquired for ${e.irp ?? e.tag} after IoReleaseRemoveLockAndWait`,
      );
    }
    if (e.type !== 'deleteRequested' || !REMOVE_RULES.has(e.rule)) continue;
    const name = e.device ?? '';
    const after = c.result.world.devices.get(name);
    const before = c.before.devices.get(name);
    if (!(after ?? before)?.removeLock) continue;
    const released = new Set(
      events.filter((r) => r.type === 'removeLockReleased' && r.device === name).map((r) => r.irp ?? r.tag),
    );
    const held = (d: DeviceObject) => {
      const h = removeLockHolders(d);
      return [...h.irps, ...h.tags];
    };
    const holders = after ? held(after) : before ? held(before).filter((x) => !released.has(x)) : [];
    check(
      holders.length === 0,
      () => `${at(c)}: REMOVE deleted ${name} while ${holders.join(', ')} held its remove lock`,
    );
  }
}

/** DO_DEVICE_INITIALIZING: nothing opens a device, or attaches on top of one, while the flag is set. */
export function initializingRefused(c: StepCtx): void {
  for (const e of c.result.events) {
    const named = e.type === 'handleOpened' ? e.device : e.type === 'deviceAttached' ? e.to : undefined;
    const d = c.before.devices.get(named ?? '');
    if (!d) continue;
    check(
      !hasDoFlag(d, 'DEVICE_INITIALIZING'),
      () => `${at(c)}: ${e.type} on ${d.name}, which was DO_DEVICE_INITIALIZING`,
    );
  }
}

/** Devices below a driver waiting in IoReleaseRemoveLockAndWait that have the REMOVE, or a removed PDO below one. */
function passedWhileWaiting(w: StepCtx['before']): string[] {
  const out: string[] = [];
  for (const d of w.devices.valueSeq()) {
    if (!d.removeLock?.waiting) continue;
    const here: string[] = [];
    let below = d.attachedTo ? w.devices.get(d.attachedTo) : undefined;
    while (below) {
      if (below.removeLock?.removed) here.push(`${below.name} got IRP_MN_REMOVE_DEVICE`);
      if (below.role === 'pdo' && (below.devnode === 'Removed' || (below.flags & DOE.DELETE_PENDING) !== 0)) {
        here.push(`the bus driver removed ${below.name}`);
      }
      below = below.attachedTo ? w.devices.get(below.attachedTo) : undefined;
    }
    out.push(...here.map((x) => `${x} while ${d.name} above it still waits on its remove lock`));
  }
  return out;
}

/**
 * The REMOVE order (WDK "Removing a Device in a Function Driver", steps 4 and
 * 8; issue 19): a driver waiting in IoReleaseRemoveLockAndWait holds the IRP,
 * so no step passes it to a device below a waiting one, nor has the bus
 * driver remove that stack's PDO. (A driver's own deleteDevice or
 * detachDevice is no PnP removal; what an earlier such step did stays.)
 */
export function removeWaitsBeforePassingDown(c: StepCtx): void {
  if (c.action.do === 'deleteDevice' || c.action.do === 'detachDevice') return;
  const before = new Set(passedWhileWaiting(c.before));
  for (const v of passedWhileWaiting(c.result.world)) {
    check(before.has(v), () => `${at(c)}: ${v}`);
  }
}
