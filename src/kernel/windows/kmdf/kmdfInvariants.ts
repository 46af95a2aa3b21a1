import type { KernelEvent } from '../../events';
import { check } from '../../properties/harness';
import { at, type StepCtx } from '../../properties/windowsInvariants';

/**
 * The invariants of KMDF and Driver Verifier (issue 19), checked on every
 * step of random runs (kmdf.property.test.ts).
 */

const objectName = (e: KernelEvent): string => (e.wdfObject ?? '').split(' ').slice(1).join(' ');

/**
 * EVT_WDF_OBJECT_CONTEXT_CLEANUP: the framework calls a child's
 * EvtCleanupCallback before its parent's. Within a step, no cleanup names a
 * parent whose own cleanup already ran; a WDFDRIVER is cleaned up only after
 * every WDFDEVICE it had, and no driver, device or queue object is cleaned up
 * twice in one life.
 */
export function cleanupInHierarchyOrder(c: StepCtx, seen: Set<string>): void {
  const cleaned: string[] = [];
  for (const e of c.result.events) {
    // A name used again (a device created again, a driver loaded again) is a new framework object.
    if (e.type === 'deviceCreated' && e.device) {
      seen.delete(`WDFDEVICE ${e.device}`);
      seen.delete(`WDFQUEUE ${e.device}.queue`);
    }
    if (e.type === 'driverLoaded' && e.driver) seen.delete(`WDFDRIVER ${e.driver}`);
    if (e.type !== 'wdfCallback' || e.state !== 'EvtCleanupCallback') continue;
    const name = objectName(e);
    check(
      e.wdfParent === undefined || !cleaned.includes(e.wdfParent),
      () => `${at(c)}: ${e.wdfObject} cleaned up after its parent ${e.wdfParent}`,
    );
    const key = e.wdfObject ?? '';
    if (/^WDF(DRIVER|DEVICE|QUEUE) /.test(key)) {
      check(!seen.has(key), () => `${at(c)}: ${e.wdfObject} cleaned up twice`);
      seen.add(key);
    }
    cleaned.push(name);
    if (e.wdfObject?.startsWith('WDFDRIVER ')) {
      // Every WDFDEVICE the driver had before the step went first: earlier, or earlier in this step.
      const before = c.before.drivers.get(e.driver ?? '');
      for (const dev of before?.devices ?? []) {
        check(
          c.before.devices.get(dev)?.wdfDeleted === true || cleaned.includes(dev),
          () => `${at(c)}: WDFDRIVER ${e.driver} cleaned up before its WDFDEVICE ${dev}`,
        );
      }
    }
  }
}

/**
 * A KMDF driver cannot forget IRP_MJ_CLEANUP or IoUnregisterPlugPlayNotification:
 * the framework does both (win.kmdf.cleanupFlushes, win.kmdf.targetCloses), so
 * no driverBug of those rules names a KMDF driver.
 */
export function frameworkLeavesNoWdmBug(c: StepCtx): void {
  for (const e of c.result.events) {
    if (e.type !== 'driverBug') continue;
    if (e.rule !== 'win.close.cleanupCancels' && e.rule !== 'win.pnp.unregisterOnRemove') continue;
    const d = c.result.world.drivers.get(e.driver ?? '');
    check(d?.framework !== 'kmdf', () => `${at(c)}: ${e.rule} bug reported for KMDF driver ${e.driver}`);
  }
}

/**
 * A bug check stops the machine: after one, every step is refused and the
 * world does not change. Driver Verifier's unload checks fire only for a
 * verified driver; 0xCE only from a timer an unloaded driver left queued.
 */
export function bugCheckHalts(c: StepCtx): void {
  if (c.before.bugCheck) {
    check(c.result.world === c.before, () => `${at(c)}: the world changed after a bug check`);
    check(
      c.result.events.length === 1 && c.result.events[0]?.rule === 'win.bugcheck.halted',
      () => `${at(c)}: a step ran after a bug check`,
    );
    return;
  }
  for (const e of c.result.events) {
    if (e.type !== 'bugCheck') continue;
    const d = c.before.drivers.get(e.driver ?? '');
    if (e.rule === 'win.timer.firesIntoUnloaded') {
      check(d?.danglingTimer === true, () => `${at(c)}: 0xCE without a timer left queued by ${e.driver}`);
    } else {
      check(
        c.result.world.drivers.get(e.driver ?? '')?.verified === true,
        () => `${at(c)}: Driver Verifier bug check for unverified driver ${e.driver}`,
      );
    }
    check(c.result.world.bugCheck !== undefined, () => `${at(c)}: bug check event, but the world runs on`);
  }
}

/**
 * No framework callback runs in a freed image (win.kmdf.refLeakedAtUnload):
 * once a driver's image is gone, no wdfCallback names it until it is loaded
 * again, and a driver never unloads with a WdfObjectReference still counted.
 */
export function noCallbackIntoFreedImage(c: StepCtx): void {
  const freed = new Set<string>();
  for (const [name, d] of c.before.drivers) if (!d.imageInMemory) freed.add(name);
  for (const e of c.result.events) {
    const name = e.driver ?? '';
    if (e.type === 'driverLoaded') freed.delete(name);
    if (e.type === 'imageFreed') freed.add(name);
    if (e.type === 'wdfCallback') {
      check(
        !freed.has(name),
        () => `${at(c)}: ${e.state} of ${e.wdfObject} ran in the freed image of ${name}`,
      );
    }
  }
  for (const [name, d] of c.result.world.drivers) {
    check(
      d.state !== 'unloaded' || (d.wdfRefs ?? []).length === 0 || c.result.world.bugCheck !== undefined,
      () => `${at(c)}: ${name} unloaded with WDFDEVICE references still counted`,
    );
  }
}
