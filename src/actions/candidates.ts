import { stackOf, type ObjectRef, type World } from '../kernel';

/**
 * Which existing objects fit a field, most relevant first (for forms and
 * for actions started from a selected object). Reads the world only.
 */

const live = (state: string) => state === 'loaded' || state === 'unloadPending';

export function loadedDrivers(world: World): string[] {
  if (world.os !== 'windows') return [];
  return world.drivers
    .valueSeq()
    .filter((d) => live(d.state))
    .map((d) => d.name)
    .toArray();
}

export function knownDrivers(world: World): string[] {
  return world.os === 'windows' ? [...world.drivers.keys()] : [];
}

/** Devices that can be named (not deleted), those of the selected stack first. */
export function visibleDevices(world: World, subject: ObjectRef | null = null): string[] {
  if (world.os !== 'windows') return [...world.devices.keys()];
  const all = world.devices
    .valueSeq()
    .filter((d) => !d.unlinked && (d.flags & 0x2) === 0)
    .map((d) => d.name)
    .toArray();
  if (subject?.kind !== 'device') return all;
  const stack = stackOf(world, subject.name).map((d) => d.name);
  return [...stack.filter((n) => all.includes(n)), ...all.filter((n) => !stack.includes(n))];
}

/** Open handles; with a device selected, only those on its stack. */
export function openHandles(world: World, subject: ObjectRef | null = null): string[] {
  if (world.os !== 'windows') return [];
  const open = world.handles.valueSeq().filter((h) => h.state === 'open');
  if (subject?.kind === 'device' && world.devices.has(subject.name)) {
    const stack = new Set(stackOf(world, subject.name).map((d) => d.name));
    return open
      .filter((h) => stack.has(h.device))
      .map((h) => h.name)
      .toArray();
  }
  return open.map((h) => h.name).toArray();
}

export function outstandingIrps(world: World, subject: ObjectRef | null = null): string[] {
  if (world.os !== 'windows') return [];
  const irps = world.irps.valueSeq();
  if (subject?.kind === 'device') {
    return irps
      .filter((i) => i.path.includes(subject.name))
      .map((i) => i.name)
      .toArray();
  }
  return irps.map((i) => i.name).toArray();
}

export function registrations(world: World): string[] {
  return world.os === 'windows' ? [...world.registrations.keys()] : [];
}

export function references(world: World, subject: ObjectRef | null = null): string[] {
  if (world.os !== 'windows') return [];
  const refs = world.references.valueSeq();
  if (subject?.kind === 'device') {
    return refs
      .filter((r) => r.device === subject.name)
      .map((r) => r.name)
      .toArray();
  }
  return refs.map((r) => r.name).toArray();
}

export function modules(world: World): string[] {
  return world.os === 'svr5' ? [...world.modules.keys()] : [];
}

export function channels(world: World, subject: ObjectRef | null = null): string[] {
  if (world.os !== 'svr5') return [];
  const all = world.channels.valueSeq();
  if (subject?.kind === 'device') {
    return all
      .filter((c) => c.device === subject.name)
      .map((c) => c.name)
      .toArray();
  }
  return all.map((c) => c.name).toArray();
}
