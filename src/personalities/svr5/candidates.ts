import type { ObjectRef, Svr5World } from '../../kernel/core';

/** Which SVR5 objects fit a form field, most relevant first. Reads the world only. */

export function modules(w: Svr5World): string[] {
  return [...w.modules.keys()];
}

/** STREAMS modules, the ones I_PUSH can put on a stream. */
export function streamsModules(w: Svr5World): string[] {
  return w.modules
    .valueSeq()
    .filter((m) => m.streams)
    .map((m) => m.name)
    .toArray();
}

export function instances(w: Svr5World): string[] {
  return [...w.devices.keys()];
}

/** Open channels; with an instance selected, only those on it. */
export function channels(w: Svr5World, subject: ObjectRef | null = null): string[] {
  const all = w.channels.valueSeq();
  if (subject?.kind === 'device') {
    return all
      .filter((c) => c.device === subject.name)
      .map((c) => c.name)
      .toArray();
  }
  return all.map((c) => c.name).toArray();
}
