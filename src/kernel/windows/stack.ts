import type { DeviceObject } from './model';
import type { WindowsView } from './tx';

/** Device stacks: AttachedTo points down, AttachedDevice points up. Stacks are shallow (3–8). */

export function topOf(w: WindowsView, device: string): string {
  let d = w.devices.get(device);
  let top = device;
  while (d?.attachedDevice) {
    top = d.attachedDevice;
    d = w.devices.get(top);
  }
  return top;
}

export function bottomOf(w: WindowsView, device: string): string {
  let d = w.devices.get(device);
  let bottom = device;
  while (d?.attachedTo) {
    bottom = d.attachedTo;
    d = w.devices.get(bottom);
  }
  return bottom;
}

/** The whole stack that holds `device`, top first (as `!devstack` prints it). */
export function stackOf(w: WindowsView, device: string): DeviceObject[] {
  const out: DeviceObject[] = [];
  let d = w.devices.get(topOf(w, device));
  while (d) {
    out.push(d);
    d = d.attachedTo ? w.devices.get(d.attachedTo) : undefined;
  }
  return out;
}

/** The PDO at the bottom of a PnP stack, if the stack has one (it then has a devnode). */
export function pdoOf(w: WindowsView, device: string): DeviceObject | undefined {
  const bottom = w.devices.get(bottomOf(w, device));
  return bottom?.role === 'pdo' ? bottom : undefined;
}
