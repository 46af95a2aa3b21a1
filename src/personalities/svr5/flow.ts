import type { Channel, DeviceInstance, Module, Svr5World } from '../../kernel/core';
import { nodeId } from '../../ui/ids';
import { changedKeys } from '../changedKeys';
import type { FlowSink, StructureSink } from '../types';

/** What each SVR5 node component gets. */
type Flags = { readonly highlighted: boolean };
export type ModuleData = Flags & {
  readonly module: Module;
  readonly clock: number;
  readonly candidate: boolean;
};
export type InstanceData = Flags & { readonly instance: DeviceInstance; readonly loaded: boolean };
export type ChannelData = Flags & { readonly channel: Channel };

/** Modules on the first row, each above its instances (a column of one each). */
export function svr5Structure(w: Svr5World, s: StructureSink): void {
  for (const m of w.modules.values()) {
    const id = nodeId({ kind: 'module', name: m.name });
    s.top(id);
    for (const dev of m.devices) s.column([nodeId({ kind: 'device', name: dev })], id);
  }
}

/** The modules a step may have changed (new, or with other instances), each with its instances. */
export function svr5StructureSince(before: Svr5World, w: Svr5World, s: StructureSink): void {
  for (const name of changedKeys(before.modules, w.modules)) {
    const m = w.modules.get(name);
    if (!m) continue;
    const id = nodeId({ kind: 'module', name: m.name });
    s.top(id);
    for (const dev of m.devices) s.column([nodeId({ kind: 'device', name: dev })], id);
  }
}

/** Instances are the bottom row: their channels go below them, no lane needed. */
export const svr5HasLane = () => false;

export function svr5Flow(w: Svr5World, b: FlowSink): void {
  for (const m of w.modules.values()) {
    const ref = { kind: 'module', name: m.name } as const;
    b.card(ref, 'module', { module: m, clock: w.clock, candidate: w.autoCandidates.has(m.name) });
    for (const dep of m.dependsOn) {
      const to = { kind: 'module', name: dep } as const;
      b.edge('depends', ref, to, `${m.name} depends on ${dep}`, { s: 'r', t: 'l' });
    }
  }
  for (const d of w.devices.values()) {
    const ref = { kind: 'device', name: d.name } as const;
    b.card(ref, 'instance', { instance: d, loaded: w.modules.get(d.module)?.loaded ?? false });
    const owner = { kind: 'module', name: d.module } as const;
    b.edge('own', owner, ref, `${d.module} drives ${d.name}`, { s: 'b', t: 't' });
  }
  for (const c of w.channels.values()) {
    const label = `channel ${c.name} is open on ${c.device}`;
    b.satellite(
      { kind: 'channel', name: c.name },
      { kind: 'device', name: c.device },
      'channel',
      { channel: c },
      label,
    );
    for (const mod of c.pushed ?? []) {
      const to = { kind: 'module', name: mod } as const;
      b.edge('reference', { kind: 'channel', name: c.name }, to, `${mod} is pushed on ${c.name}`, {
        t: 'bt',
      });
    }
  }
}
