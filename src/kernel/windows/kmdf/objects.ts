import type { Driver } from '../model';
import type { WindowsView } from '../tx';

/**
 * The Kernel-Mode Driver Framework's object hierarchy for a driver the
 * simulator models (WDK "Framework Object Hierarchy"): the WDFDRIVER is the
 * root; each device object is a WDFDEVICE under it; under each WDFDEVICE, its
 * default WDFQUEUE (holding the WDFREQUESTs pending at that device) and the
 * WDFFILEOBJECT of each open file. Derived from the world, never stored: the
 * WDM objects are the truth, the framework's objects are how KMDF sees them.
 */

type WdfType = 'WDFDRIVER' | 'WDFDEVICE' | 'WDFQUEUE' | 'WDFREQUEST' | 'WDFFILEOBJECT';

export interface WdfObject {
  /** Its name in the simulator: the driver's, the device's, "<device>.queue", the IRP's or the handle's. */
  readonly name: string;
  readonly type: WdfType;
  /** Its parent in the hierarchy (null for the WDFDRIVER). */
  readonly parent: string | null;
}

/** Whether a driver is written with KMDF (absent `framework`: WDM). */
export function isKmdf(d: Driver | undefined): boolean {
  return d?.framework === 'kmdf';
}

/** The name of a device's default queue. */
function queueOf(device: string): string {
  return `${device}.queue`;
}

/** A WDFDEVICE and what hangs under it, parents first. */
export function wdfDeviceTree(w: WindowsView, device: string): WdfObject[] {
  const d = w.devices.get(device);
  if (!d) return [];
  const queue = queueOf(device);
  const out: WdfObject[] = [
    { name: device, type: 'WDFDEVICE', parent: d.driver },
    { name: queue, type: 'WDFQUEUE', parent: device },
  ];
  for (const irp of w.irps.valueSeq()) {
    if (irp.path[irp.path.length - 1] === device)
      out.push({ name: irp.name, type: 'WDFREQUEST', parent: queue });
  }
  for (const h of d.fileObjects) out.push({ name: h, type: 'WDFFILEOBJECT', parent: device });
  return out;
}

/** Every framework object of a KMDF driver, parents before children; empty for a WDM driver. */
export function wdfObjects(w: WindowsView, driver: string): WdfObject[] {
  const d = w.drivers.get(driver);
  if (!d || !isKmdf(d)) return [];
  const out: WdfObject[] = [{ name: driver, type: 'WDFDRIVER', parent: null }];
  for (const dev of d.devices) out.push(...wdfDeviceTree(w, dev));
  return out;
}

/**
 * The order the framework calls EvtCleanupCallback in when it deletes these
 * objects: every child before its parent (EVT_WDF_OBJECT_CONTEXT_CLEANUP),
 * siblings in creation order. A post-order walk of the hierarchy.
 */
export function cleanupOrder(objects: readonly WdfObject[]): WdfObject[] {
  const names = new Set(objects.map((o) => o.name));
  const children = new Map<string | null, WdfObject[]>();
  for (const o of objects) {
    const key = o.parent !== null && names.has(o.parent) ? o.parent : null;
    children.set(key, [...(children.get(key) ?? []), o]);
  }
  const out: WdfObject[] = [];
  const visit = (o: WdfObject): void => {
    for (const c of children.get(o.name) ?? []) visit(c);
    out.push(o);
  };
  for (const root of children.get(null) ?? []) visit(root);
  return out;
}
