import type {
  DeviceObject,
  Driver,
  FileObject,
  Irp,
  ObReference,
  Registration,
  WindowsWorld,
} from '../../kernel/core';
import { nodeId } from '../../ui/ids';
import { changedKeys } from '../changedKeys';
import type { FlowSink, StructureSink } from '../types';

/** What each Windows node component gets (node data holds the kernel's own objects). */
type Flags = { readonly highlighted: boolean };
export type DriverData = Flags & { readonly driver: Driver };
export type DeviceData = Flags & { readonly device: DeviceObject; readonly owner: Driver | undefined };
export type HandleData = Flags & { readonly handle: FileObject };
export type IrpData = Flags & { readonly irp: Irp };
export type RegistrationData = Flags & { readonly registration: Registration };
export type ReferenceData = Flags & { readonly reference: ObReference };

/** Drivers on the first row; below them each device stack is a column, top of the stack highest. */
export function windowsStructure(w: WindowsWorld, s: StructureSink): void {
  for (const d of w.drivers.values()) s.top(nodeId({ kind: 'driver', name: d.name }));
  for (const stack of devStacks(w)) s.column(stack.map((d) => nodeId({ kind: 'device', name: d.name })));
}

/**
 * The drivers and stacks a step may have changed: new drivers, and each stack holding a device
 * that is new, changed (attached, detached) or beside one that went (the stack it left).
 */
export function windowsStructureSince(before: WindowsWorld, w: WindowsWorld, s: StructureSink): void {
  for (const name of changedKeys(before.drivers, w.drivers))
    if (w.drivers.has(name)) s.top(nodeId({ kind: 'driver', name }));
  const bottoms = new Set<DeviceObject>();
  const touch = (name: string | null) => {
    const d = name === null ? undefined : w.devices.get(name);
    if (d) bottoms.add(bottomOf(w, d));
  };
  for (const name of changedKeys(before.devices, w.devices)) {
    touch(name);
    const was = before.devices.get(name);
    if (was) [was.attachedTo, was.attachedDevice].forEach(touch);
  }
  for (const bottom of bottoms)
    s.column(stackFrom(w, bottom).map((d) => nodeId({ kind: 'device', name: d.name })));
}

/** The bottom of the stack a device stands in, as devStacks finds bottoms. */
function bottomOf(w: WindowsWorld, device: DeviceObject): DeviceObject {
  const seen = new Set<DeviceObject>();
  let d = device;
  for (;;) {
    seen.add(d);
    const below = d.attachedTo === null ? undefined : w.devices.get(d.attachedTo);
    if (!below || seen.has(below)) return d;
    d = below;
  }
}

/** Devices keep a lane at their right for handles, IRPs and references: a stack continues below them. */
export const windowsHasLane = (id: string) => id.startsWith('device:');

/** Every device stack, a lone device as a stack of one, top first (`!devstack`'s order). */
function devStacks(w: WindowsWorld): DeviceObject[][] {
  const out: DeviceObject[][] = [];
  for (const bottom of w.devices.values()) {
    if (bottom.attachedTo && w.devices.has(bottom.attachedTo)) continue;
    out.push(stackFrom(w, bottom));
  }
  return out;
}

/** The stack standing on a bottom device, top first. */
function stackFrom(w: WindowsWorld, bottom: DeviceObject): DeviceObject[] {
  const stack = [bottom];
  for (let d = bottom; d.attachedDevice;) {
    const up = w.devices.get(d.attachedDevice);
    if (!up || stack.includes(up)) break;
    stack.push(up);
    d = up;
  }
  return stack.reverse();
}

/** Each device stack of two or more layers, top first. */
export const stacksOf = (w: WindowsWorld): DeviceObject[][] => devStacks(w).filter((s) => s.length > 1);

export function windowsFlow(w: WindowsWorld, b: FlowSink): void {
  // A device stack is one unit: a frame behind its layers, named after its bottom device.
  for (const stack of stacksOf(w)) {
    const bottom = stack[stack.length - 1];
    if (!bottom) continue;
    b.frame(
      bottom.name,
      stack.map((d) => ({ kind: 'device', name: d.name })),
      `device stack of ${bottom.name}`,
    );
  }
  for (const d of w.drivers.values()) b.card({ kind: 'driver', name: d.name }, 'driver', { driver: d });
  for (const d of w.devices.values()) {
    const ref = { kind: 'device', name: d.name } as const;
    b.card(ref, 'device', { device: d, owner: w.drivers.get(d.driver) });
    b.edge('own', { kind: 'driver', name: d.driver }, ref, `${d.driver} owns ${d.name}`, { s: 'b', t: 't' });
    if (d.attachedTo) {
      const to = { kind: 'device', name: d.attachedTo } as const;
      b.edge('attach', ref, to, `${d.name} is attached to ${d.attachedTo}`, { s: 'b', t: 't' });
    }
    // A child devnode: its PDO was enumerated by the bus driver of the parent devnode.
    if (d.parent && w.devices.has(d.parent)) {
      const from = { kind: 'device', name: d.parent } as const;
      b.edge('depends', from, ref, `${d.name} is a child devnode of ${d.parent}`, { s: 'r', t: 'l' });
    }
  }
  for (const h of w.handles.values()) {
    const label = `handle ${h.name} is open on ${h.device}`;
    b.satellite(
      { kind: 'handle', name: h.name },
      { kind: 'device', name: h.device },
      'handle',
      { handle: h },
      label,
    );
  }
  for (const i of w.irps.values()) {
    const at = i.path[i.path.length - 1] ?? '';
    const label = `${i.name} is pending at ${at}`;
    b.satellite({ kind: 'irp', name: i.name }, { kind: 'device', name: at }, 'irp', { irp: i }, label);
  }
  for (const r of w.references.values()) {
    const label = `${r.name} references ${r.device}`;
    const ref = { kind: 'reference', name: r.name } as const;
    b.satellite(ref, { kind: 'device', name: r.device }, 'reference', { reference: r }, label);
  }
  for (const r of w.registrations.values()) {
    const ref = { kind: 'registration', name: r.name } as const;
    if (r.mode === 'user' && r.target && w.devices.has(r.target)) {
      // An application's registration holds no driver: it sits by the device it watches.
      const label = `application ${r.app ?? ''} registered ${r.name} on ${r.target}`;
      b.satellite(ref, { kind: 'device', name: r.target }, 'registration', { registration: r }, label);
      continue;
    }
    const label = `${r.driver} registered ${r.name}`;
    b.satellite(ref, { kind: 'driver', name: r.driver }, 'registration', { registration: r }, label);
  }
}
