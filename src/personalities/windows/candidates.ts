import { isNamed, stackOf, type ObjectRef, type WindowsWorld } from '../../kernel/core';

/**
 * Which Windows objects fit a form field, most relevant first (for forms and
 * for actions started from a selected object). Reads the world only.
 */

const live = (state: string) => state === 'loaded' || state === 'unloadPending';

export function loadedDrivers(w: WindowsWorld): string[] {
  return w.drivers
    .valueSeq()
    .filter((d) => live(d.state))
    .map((d) => d.name)
    .toArray();
}

/** Devices that can be named (kernel: `isNamed`), those of the selected stack first. */
export function namedDevices(w: WindowsWorld, subject: ObjectRef | null = null): string[] {
  const all = w.devices
    .valueSeq()
    .filter(isNamed)
    .map((d) => d.name)
    .toArray();
  if (subject?.kind !== 'device') return all;
  const stack = stackOf(w, subject.name).map((d) => d.name);
  return [...stack.filter((n) => all.includes(n)), ...all.filter((n) => !stack.includes(n))];
}

/** Open handles; with a device selected, only those on its stack. */
export function openHandles(w: WindowsWorld, subject: ObjectRef | null = null): string[] {
  const open = w.handles.valueSeq().filter((h) => h.state === 'open');
  if (subject?.kind === 'device' && w.devices.has(subject.name)) {
    const stack = new Set(stackOf(w, subject.name).map((d) => d.name));
    return open
      .filter((h) => stack.has(h.device))
      .map((h) => h.name)
      .toArray();
  }
  return open.map((h) => h.name).toArray();
}

export function outstandingIrps(w: WindowsWorld, subject: ObjectRef | null = null): string[] {
  const irps = w.irps.valueSeq();
  if (subject?.kind === 'device') {
    return irps
      .filter((i) => i.path.includes(subject.name))
      .map((i) => i.name)
      .toArray();
  }
  return irps.map((i) => i.name).toArray();
}

export function registrations(w: WindowsWorld): string[] {
  return [...w.registrations.keys()];
}

export function references(w: WindowsWorld, subject: ObjectRef | null = null): string[] {
  const refs = w.references.valueSeq();
  if (subject?.kind === 'device') {
    return refs
      .filter((r) => r.device === subject.name)
      .map((r) => r.name)
      .toArray();
  }
  return refs.map((r) => r.name).toArray();
}
