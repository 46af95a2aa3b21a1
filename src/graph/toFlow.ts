import type { Edge, Node } from '@xyflow/react';
import type {
  Channel,
  DeviceInstance,
  DeviceObject,
  Driver,
  FileObject,
  Irp,
  Module,
  ObReference,
  ObjectRef,
  Registration,
  Svr5World,
  WindowsWorld,
  World,
} from '../kernel';
import { nodeId } from './ids';
import { SIZES, hasLane, type Point } from './layout';

/**
 * World → React Flow nodes and edges. Pure: the same world and positions
 * give equal output, and node data holds the kernel's own objects, whose
 * identity survives a step that did not change them.
 */

type Flags = { readonly highlighted: boolean };

export type DriverData = Flags & { readonly driver: Driver };
export type DeviceData = Flags & { readonly device: DeviceObject; readonly owner: Driver | undefined };
export type HandleData = Flags & { readonly handle: FileObject };
export type IrpData = Flags & { readonly irp: Irp };
export type RegistrationData = Flags & { readonly registration: Registration };
export type ReferenceData = Flags & { readonly reference: ObReference };
export type ModuleData = Flags & {
  readonly module: Module;
  readonly clock: number;
  readonly candidate: boolean;
};
export type InstanceData = Flags & { readonly instance: DeviceInstance; readonly loaded: boolean };
export type ChannelData = Flags & { readonly channel: Channel };

export type GraphNode =
  | Node<DriverData, 'driver'>
  | Node<DeviceData, 'device'>
  | Node<HandleData, 'handle'>
  | Node<IrpData, 'irp'>
  | Node<RegistrationData, 'registration'>
  | Node<ReferenceData, 'reference'>
  | Node<ModuleData, 'module'>
  | Node<InstanceData, 'instance'>
  | Node<ChannelData, 'channel'>;

export interface FlowInput {
  readonly world: World;
  readonly positions: ReadonlyMap<string, Point>;
  readonly selected: ObjectRef | null;
  readonly highlight: readonly ObjectRef[];
}

export interface Flow {
  readonly nodes: GraphNode[];
  readonly edges: Edge[];
}

class Builder {
  readonly nodes: GraphNode[] = [];
  readonly edges: Edge[] = [];
  private readonly lanes = new Map<string, number>();
  private readonly highlighted: Set<string>;
  private readonly selected: string | null;

  constructor(readonly input: FlowInput) {
    this.highlighted = new Set(input.highlight.map(nodeId));
    this.selected = input.selected ? nodeId(input.selected) : null;
  }

  flags(id: string) {
    return { selected: id === this.selected, highlighted: this.highlighted.has(id) };
  }

  cardAt(id: string): Point {
    return this.input.positions.get(id) ?? { x: 0, y: 0 };
  }

  /** The next free slot beside an anchor card: its lane at the right, or the row below a driver. */
  satelliteAt(anchor: string): Point {
    const i = this.lanes.get(anchor) ?? 0;
    this.lanes.set(anchor, i + 1);
    const a = this.cardAt(anchor);
    const { width, height, gap } = SIZES.satellite;
    if (!hasLane(this.input.world.os, anchor))
      return {
        x: a.x + (i % 2) * (width + gap),
        y: a.y + SIZES.card.height + 8 + Math.floor(i / 2) * (height + gap),
      };
    return { x: a.x + SIZES.card.width + 8, y: a.y + i * (height + gap) };
  }

  card<T extends GraphNode['type'], D>(ref: ObjectRef, type: T, data: D): void {
    const id = nodeId(ref);
    const { selected, highlighted } = this.flags(id);
    this.nodes.push({
      id,
      type,
      position: this.cardAt(id),
      data: { ...data, highlighted },
      selected,
    } as unknown as GraphNode);
  }

  satellite<T extends GraphNode['type'], D>(
    ref: ObjectRef,
    anchor: ObjectRef,
    type: T,
    data: D,
    label: string,
  ): void {
    const id = nodeId(ref);
    const a = nodeId(anchor);
    const { selected, highlighted } = this.flags(id);
    this.nodes.push({
      id,
      type,
      position: this.satelliteAt(a),
      data: { ...data, highlighted },
      selected,
    } as unknown as GraphNode);
    this.edges.push({
      id: `${type}:${ref.name}>${a}`,
      source: id,
      target: a,
      targetHandle: hasLane(this.input.world.os, a) ? 'sat' : 'bt',
      className: `edge-${type}`,
      ariaLabel: label,
    });
  }

  edge(
    kind: string,
    source: ObjectRef,
    target: ObjectRef,
    label: string,
    handles: { s?: string; t?: string } = {},
  ) {
    const s = nodeId(source);
    const t = nodeId(target);
    this.edges.push({
      id: `${kind}:${s}>${t}`,
      source: s,
      target: t,
      ...(handles.s ? { sourceHandle: handles.s } : {}),
      ...(handles.t ? { targetHandle: handles.t } : {}),
      className: `edge-${kind}`,
      ariaLabel: label,
    });
  }
}

export function toFlow(input: FlowInput): Flow {
  const b = new Builder(input);
  if (input.world.os === 'windows') windows(b, input.world);
  else svr5(b, input.world);
  return { nodes: b.nodes, edges: b.edges };
}

function windows(b: Builder, w: WindowsWorld): void {
  for (const d of w.drivers.values()) b.card({ kind: 'driver', name: d.name }, 'driver', { driver: d });
  for (const d of w.devices.values()) {
    const ref = { kind: 'device', name: d.name } as const;
    b.card(ref, 'device', { device: d, owner: w.drivers.get(d.driver) });
    b.edge('own', { kind: 'driver', name: d.driver }, ref, `${d.driver} owns ${d.name}`, { s: 'b', t: 't' });
    if (d.attachedTo) {
      b.edge(
        'attach',
        ref,
        { kind: 'device', name: d.attachedTo },
        `${d.name} is attached to ${d.attachedTo}`,
        {
          s: 'b',
          t: 't',
        },
      );
    }
  }
  for (const h of w.handles.values()) {
    b.satellite(
      { kind: 'handle', name: h.name },
      { kind: 'device', name: h.device },
      'handle',
      { handle: h },
      `handle ${h.name} is open on ${h.device}`,
    );
  }
  for (const i of w.irps.values()) {
    const at = i.path[i.path.length - 1] ?? '';
    b.satellite(
      { kind: 'irp', name: i.name },
      { kind: 'device', name: at },
      'irp',
      { irp: i },
      `${i.name} is pending at ${at}`,
    );
  }
  for (const r of w.references.values()) {
    b.satellite(
      { kind: 'reference', name: r.name },
      { kind: 'device', name: r.device },
      'reference',
      { reference: r },
      `${r.name} references ${r.device}`,
    );
  }
  for (const r of w.registrations.values()) {
    b.satellite(
      { kind: 'registration', name: r.name },
      { kind: 'driver', name: r.driver },
      'registration',
      { registration: r },
      `${r.driver} registered ${r.name}`,
    );
  }
}

function svr5(b: Builder, w: Svr5World): void {
  for (const m of w.modules.values()) {
    const ref = { kind: 'module', name: m.name } as const;
    b.card(ref, 'module', {
      module: m,
      clock: w.clock,
      candidate: w.autoCandidates.has(m.name),
    });
    for (const dep of m.dependsOn) {
      b.edge('depends', ref, { kind: 'module', name: dep }, `${m.name} depends on ${dep}`, {
        s: 'r',
        t: 'l',
      });
    }
  }
  for (const d of w.devices.values()) {
    const ref = { kind: 'device', name: d.name } as const;
    b.card(ref, 'instance', { instance: d, loaded: w.modules.get(d.module)?.loaded ?? false });
    b.edge('own', { kind: 'module', name: d.module }, ref, `${d.module} drives ${d.name}`, {
      s: 'b',
      t: 't',
    });
  }
  for (const c of w.channels.values()) {
    b.satellite(
      { kind: 'channel', name: c.name },
      { kind: 'device', name: c.device },
      'channel',
      { channel: c },
      `channel ${c.name} is open on ${c.device}`,
    );
  }
}
