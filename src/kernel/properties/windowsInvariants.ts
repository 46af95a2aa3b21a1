import type { KernelEvent } from '../events';
import { RULES } from '../rules';
import type { WindowsAction } from '../scenario/actions';
import { hasFlag, type WindowsWorld } from '../windows/model';
import { check, type StepCtx as Ctx } from './harness';

/** The invariants the Windows property tests check after every step (shared/domain/windows.md). */

export type StepCtx = Ctx<WindowsWorld, WindowsAction>;

export const at = (c: StepCtx) => `step ${c.index} ${JSON.stringify(c.action)}`;

/** Whether `driver` is loaded again after event `i` of this step (an update reloads it: a new load). */
export function reloadedAfter(events: readonly KernelEvent[], i: number, driver: string): boolean {
  return events.slice(i + 1).some((e) => e.type === 'driverLoaded' && e.driver === driver);
}

/** The devices of `driver` in a world. */
export function devicesOf(w: WindowsWorld, driver: string): string[] {
  return w.devices
    .valueSeq()
    .filter((d) => d.driver === driver)
    .map((d) => d.name)
    .toArray();
}

// ── Invariant checks ──────────────────────────────────────────────────────

/** Seed rule 4 and rule 5: per load, Unload at most once, and never after a failed DriverEntry. */
export function unloadOncePerLoad(): { each: (c: StepCtx) => void; reset: () => void } {
  const lastLoad = new Map<string, 'ok' | 'failed'>();
  const unloads = new Map<string, number>();
  return {
    reset: () => {
      lastLoad.clear();
      unloads.clear();
    },
    each: (c) => {
      for (const e of c.result.events) {
        const d = e.driver ?? '';
        if (e.type === 'driverLoaded') {
          lastLoad.set(d, 'ok');
          unloads.set(d, 0);
        } else if (e.type === 'driverEntryFailed') {
          lastLoad.set(d, 'failed');
          unloads.set(d, 0);
        } else if (e.type === 'unloadCalled') {
          check(
            lastLoad.get(d) === 'ok',
            () => `${at(c)}: Unload of ${d} called but its last load was ${lastLoad.get(d) ?? 'never'}`,
          );
          const n = (unloads.get(d) ?? 0) + 1;
          unloads.set(d, n);
          check(n <= 1, () => `${at(c)}: Unload of ${d} called ${n} times in one load`);
          check(
            c.result.world.drivers.get(d)?.hasUnload === true,
            () => `${at(c)}: Unload of ${d} called but it has no Unload routine`,
          );
        }
      }
    },
  };
}

/** Seed rule 4: at Unload, no handle, IRP, attached device or registration remains. */
export function noBlockersAtUnload(c: StepCtx): void {
  const w = c.result.world;
  c.result.events.forEach((e, i) => {
    if (e.type !== 'unloadCalled' || !e.driver) return;
    const d = e.driver;
    check(c.action.do !== 'shutdown', () => `${at(c)}: Unload of ${d} at shutdown (seed rule 6)`);
    if (reloadedAfter(c.result.events, i, d)) return; // a new image of the same name: a new load
    const drv = w.drivers.get(d);
    check(drv !== undefined, () => `${at(c)}: Unload of ${d}, which is not in the world`);
    check(
      drv!.registrations.size === 0 && !w.registrations.some((r) => r.driver === d),
      () => `${at(c)}: Unload of ${d} with registrations ${drv!.registrations.join(', ')}`,
    );
    const mine = new Set([...devicesOf(w, d), ...devicesOf(c.before, d)]);
    for (const name of devicesOf(w, d)) {
      const dev = w.devices.get(name)!;
      check(
        dev.fileObjects.size === 0 && dev.irps.size === 0 && dev.attachedDevice === null,
        () =>
          `${at(c)}: Unload of ${d} while ${name} has files [${dev.fileObjects.join()}], irps [${dev.irps.join()}], attached ${dev.attachedDevice}`,
      );
    }
    for (const irp of w.irps.valueSeq()) {
      check(
        !irp.path.some((p) => mine.has(p)),
        () => `${at(c)}: Unload of ${d} while IRP ${irp.name} is outstanding through ${irp.path.join('>')}`,
      );
    }
    for (const h of w.handles.valueSeq()) {
      check(
        !mine.has(h.device),
        () => `${at(c)}: Unload of ${d} while handle ${h.name} is open on ${h.device}`,
      );
    }
    if (drv!.model === 'pnp') {
      check(
        drv!.devices.size === 0,
        () => `${at(c)}: PnP driver ${d} unloaded with devices ${drv!.devices.join(', ')} (seed rule 2)`,
      );
    }
  });
}

/** The devices each dispatched IRP (or create) travelled in this step. */
export function dispatchPaths(events: readonly KernelEvent[]): Map<string, KernelEvent[]> {
  const paths = new Map<string, KernelEvent[]>();
  for (const e of events) {
    if (e.type !== 'irpDispatched' || e.major === 'IRP_MJ_CLEANUP' || e.major === 'IRP_MJ_CLOSE') continue;
    const key = e.irp !== undefined ? `irp:${e.irp}` : `create:${e.handle ?? ''}`;
    paths.set(key, [...(paths.get(key) ?? []), e]);
  }
  return paths;
}

/** Seed rule 3: the system sends no new IRPs to an unload-pending driver (cleanup and close pass). */
export function noNewIrpsWhenPending(c: StepCtx): void {
  for (const [key, path] of dispatchPaths(c.result.events)) {
    for (const e of path) {
      const dev = c.before.devices.get(e.device ?? '');
      check(
        dev !== undefined,
        () => `${at(c)}: ${key} (${e.major}) dispatched to unknown device ${e.device}`,
      );
      const drv = c.before.drivers.get(dev!.driver);
      check(
        !hasFlag(dev!, 'UNLOAD_PENDING'),
        () => `${at(c)}: ${key} (${e.major}) sent through ${dev!.name}, which is DOE_UNLOAD_PENDING`,
      );
      check(
        drv?.state !== 'unloadPending' && drv?.state !== 'unloaded',
        () =>
          `${at(c)}: ${key} (${e.major}) sent to ${dev!.name} of driver ${dev!.driver} in state ${drv?.state}`,
      );
    }
  }
}

/** Seed rule 3: no driver can attach to an unload-pending device. */
export function noAttachWhenPending(c: StepCtx): void {
  for (const e of c.result.events) {
    if (e.type !== 'deviceAttached') continue;
    const to = c.before.devices.get(e.to ?? '');
    if (!to) continue; // created in this very step
    check(
      !hasFlag(to, 'UNLOAD_PENDING'),
      () => `${at(c)}: ${e.device} attached to ${to.name}, which was DOE_UNLOAD_PENDING before the step`,
    );
    check(
      c.before.drivers.get(to.driver)?.state !== 'unloadPending',
      () => `${at(c)}: ${e.device} attached to ${to.name}, whose driver ${to.driver} was Unload Pending`,
    );
  }
}

const WINDOWS_RULES = new Set(
  Object.values(RULES)
    .filter((r) => r.os === 'windows')
    .map((r) => r.id),
);

/** Events cite Windows rules; modelling choices say so; statuses are NTSTATUS names; refusals change nothing. */
export function structural(c: StepCtx): void {
  check(/^STATUS_[A-Z_]+$/.test(c.result.status), () => `${at(c)}: status ${c.result.status}`);
  for (const e of c.result.events) {
    check(WINDOWS_RULES.has(e.rule), () => `${at(c)}: ${e.type} cites ${e.rule}, not a Windows rule`);
    if (RULES[e.rule].evidence === 'MODEL') {
      check(
        typeof e.model === 'string' && e.model !== '',
        () => `${at(c)}: ${e.type} (${e.rule}) has no model`,
      );
    }
  }
  const refused = c.result.events.filter((e) => e.type === 'refused');
  if (refused.length > 0) {
    check(
      refused.length === 1 && refused[0]!.status === c.result.status,
      () => `${at(c)}: refused with ${refused.map((e) => e.status).join(', ')} but status ${c.result.status}`,
    );
    check(c.result.world === c.before, () => `${at(c)}: a refused step changed the world`);
  }
}

/**
 * Seed rule 4 / §3 "A deferred unload completes when the last blocker goes":
 * after every step, a driver still Unload Pending has something holding it.
 */
export function pendingHasBlocker(c: StepCtx): void {
  const w = c.result.world;
  for (const drv of w.drivers.valueSeq()) {
    if (drv.state !== 'unloadPending') continue;
    const held =
      drv.registrations.size > 0 ||
      (drv.model === 'pnp' && drv.devices.size > 0) ||
      drv.devices.some((name) => {
        const d = w.devices.get(name);
        if (d === undefined) return false;
        // win.fs.mountedHolds: a volume still mounted holds its file system.
        const mounted = d.role === 'volume' && !d.unlinked && !hasFlag(d, 'DELETE_PENDING');
        return mounted || d.fileObjects.size > 0 || d.irps.size > 0 || d.attachedDevice !== null;
      });
    check(held, () => `${at(c)}: ${drv.name} is still Unload Pending though nothing holds it any more`);
  }
}

/**
 * `sc stop` (windows.md §3, legacy stop): not loaded → OBJECT_NAME_NOT_FOUND;
 * Unload already invoked → DELETE_PENDING; PnP or no Unload routine →
 * INVALID_DEVICE_REQUEST and nothing changes; otherwise every device is
 * marked Unload Pending and Unload runs now (success) or is deferred (the
 * `deferredStopStatus` option).
 */
export function stopAnswers(c: StepCtx): void {
  if (c.action.do !== 'stopDriver' || c.before.shutDown || c.before.bugCheck) return;
  const name = c.action.driver;
  const d = c.before.drivers.get(name);
  const status = c.result.status;
  const unloaded = c.result.events.some((e) => e.type === 'unloadCalled' && e.driver === name);
  if (d?.state === 'unloaded') {
    // Unload ran: the driver object's name is gone, whether or not a leaked reference keeps the image.
    check(
      status === 'STATUS_OBJECT_NAME_NOT_FOUND',
      () => `${at(c)}: Unload already ran, answered ${status}`,
    );
    return;
  }
  if (!d || (d.state !== 'loaded' && d.state !== 'unloadPending')) {
    check(
      status === 'STATUS_OBJECT_NAME_NOT_FOUND',
      () => `${at(c)}: ${name} not loaded, answered ${status}`,
    );
    return;
  }
  if (d.model === 'pnp' || !d.hasUnload) {
    check(
      status === 'STATUS_INVALID_DEVICE_REQUEST' && c.result.world === c.before,
      () => `${at(c)}: ${name} is PnP or has no Unload: answered ${status}, or the world changed`,
    );
    return;
  }
  if (d.state !== 'loaded') return; // stopped twice while deferred: the docs are silent
  const after = c.result.world.drivers.get(name)!;
  if (unloaded) {
    check(
      status === 'STATUS_SUCCESS' && after.state === 'unloaded',
      () => `${at(c)}: Unload ran, answered ${status}`,
    );
  } else {
    check(
      status === c.before.options.deferredStopStatus && after.state === 'unloadPending',
      () => `${at(c)}: deferred stop answered ${status}, driver ${after.state}`,
    );
    for (const dev of after.devices) {
      check(
        hasFlag(c.result.world.devices.get(dev)!, 'UNLOAD_PENDING'),
        () => `${at(c)}: ${dev} not DOE_UNLOAD_PENDING after a deferred stop`,
      );
    }
  }
}
