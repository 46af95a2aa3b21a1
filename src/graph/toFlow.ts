import type { Edge, Node } from '@xyflow/react';
import type { ObjectRef, World } from '../kernel/core';
import { appFor, type AppPersonality, type FlowSink } from '../personalities';
import type { ChannelData, InstanceData, ModuleData } from '../personalities/svr5/flow';
import type {
  DeviceData,
  DriverData,
  HandleData,
  IrpData,
  ReferenceData,
  RegistrationData,
} from '../personalities/windows/flow';
import { nodeId } from '../ui/ids';
import { SIZES, type Point } from '../store/layout';
import { nodeA11y } from './nodeNames';
import { cardHandles, chipHandles } from './nodes/handles';

/**
 * World → React Flow nodes and edges. Pure: the same world and positions
 * give equal output, and node data holds the kernel's own objects, whose
 * identity survives a step that did not change them (so a node that did
 * not change is the previous call's, given back: stableNodes.ts). What each OS draws is
 * its personality's `flow`; this module only places and links.
 */

export type GraphNode =
  | Node<DriverData, 'driver'>
  | Node<DeviceData, 'device'>
  | Node<HandleData, 'handle'>
  | Node<IrpData, 'irp'>
  | Node<RegistrationData, 'registration'>
  | Node<ReferenceData, 'reference'>
  | Node<ModuleData, 'module'>
  | Node<InstanceData, 'instance'>
  | Node<ChannelData, 'channel'>
  | Node<FrameData, 'frame'>;

/** A frame behind cards that form one unit (a device stack): its caption and size. */
export interface FrameData extends Record<string, unknown> {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

/** Room around a frame's cards, and above them for its caption. */
const FRAME = { pad: 10, caption: 22 } as const;

export interface FlowInput {
  readonly world: World;
  readonly positions: ReadonlyMap<string, Point>;
  readonly selected: ObjectRef | null;
  readonly highlight: readonly ObjectRef[];
  /**
   * The nodes the live graph has measured (by id). Any other node is drawn with
   * the layout's size and declared handles (nodes/handles.ts), so React Flow
   * need not mount it, out of view, only to measure it. A measured node that
   * changes is built without them: React Flow measures it again, as it would
   * any node (declared handles would override the measured ones).
   */
  readonly measured?: ReadonlySet<string>;
}

export interface Flow {
  readonly nodes: GraphNode[];
  readonly edges: Edge[];
}

class Builder implements FlowSink {
  readonly nodes: GraphNode[] = [];
  readonly edges: Edge[] = [];
  private readonly lanes = new Map<string, number>();
  private readonly highlighted: Set<string>;
  private readonly selected: string | null;

  private readonly app: AppPersonality<World['os']>;

  constructor(
    readonly input: FlowInput,
    private readonly previous: ReadonlyMap<string, GraphNode> = NONE,
  ) {
    this.app = appFor(input.world);
    this.highlighted = new Set(input.highlight.map(nodeId));
    this.selected = input.selected ? nodeId(input.selected) : null;
  }

  /**
   * The node built last time for `id`, when nothing it shows changed: its
   * kernel objects (which keep their identity across a step that did not
   * touch them), place and flags. Reused whole: no name worked out again,
   * and React Flow and the memo'd card skip it.
   */
  private kept(id: string, type: string, at: Point, data: object, selected: boolean, highlighted: boolean) {
    const p = this.previous.get(id);
    if (!p || p.type !== type || p.selected !== selected || p.position.x !== at.x || p.position.y !== at.y)
      return null;
    const before = p.data as Record<string, unknown>;
    if (before.highlighted !== highlighted) return null;
    const keys = Object.keys(data);
    if (keys.length + 1 !== Object.keys(before).length) return null;
    return keys.every((k) => Object.is(before[k], (data as Record<string, unknown>)[k])) ? p : null;
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
    if (!this.app.hasLane(anchor))
      return {
        x: a.x + (i % 2) * (width + gap),
        // Clear of the card's last badge line when its text wraps (presenter mode), above the stacks' band.
        y: a.y + SIZES.card.height + 30 + Math.floor(i / 2) * (height + gap),
      };
    return { x: a.x + SIZES.card.width + 8, y: a.y + i * (height + gap) };
  }

  card(ref: ObjectRef, type: string, data: object): void {
    const id = nodeId(ref);
    this.put(id, type, this.cardAt(id), data, 'card');
  }

  /** A node at `position`: the previous one when nothing it shows changed, else a new one. */
  private put(id: string, type: string, position: Point, data: object, shape: 'card' | 'chip'): void {
    const { selected, highlighted } = this.flags(id);
    this.nodes.push(
      this.kept(id, type, position, data, selected, highlighted) ??
        ({
          id,
          type,
          position,
          data: { ...data, highlighted },
          selected,
          ...nodeA11y(type, data),
          ...(this.input.measured?.has(id) ? {} : DECLARED[shape]),
        } as unknown as GraphNode),
    );
  }

  satellite(ref: ObjectRef, anchor: ObjectRef, type: string, data: object, label: string): void {
    const id = nodeId(ref);
    const a = nodeId(anchor);
    this.put(id, type, this.satelliteAt(a), data, 'chip');
    this.edges.push({
      id: `${type}:${ref.name}>${a}`,
      source: id,
      target: a,
      targetHandle: this.app.hasLane(a) ? 'sat' : 'bt',
      className: `edge-${type}`,
      ariaLabel: label,
    });
  }

  frame(id: string, members: readonly ObjectRef[], label: string): void {
    const at = members.map((m) => this.cardAt(nodeId(m)));
    if (at.length === 0) return;
    const left = Math.min(...at.map((p) => p.x)) - FRAME.pad;
    const top = Math.min(...at.map((p) => p.y)) - FRAME.pad - FRAME.caption;
    const right = Math.max(...at.map((p) => p.x)) + SIZES.card.width + FRAME.pad;
    const bottom = Math.max(...at.map((p) => p.y)) + SIZES.card.height + FRAME.pad;
    const width = right - left;
    const height = bottom - top;
    const p = this.previous.get(`frame:${id}`);
    if (p?.type === 'frame' && p.position.x === left && p.position.y === top) {
      const d = p.data;
      if (d.label === label && d.width === width && d.height === height) return void this.nodes.unshift(p);
    }
    this.nodes.unshift({
      id: `frame:${id}`,
      type: 'frame',
      position: { x: left, y: top },
      data: { label, width, height },
      selectable: false,
      draggable: false,
      focusable: false,
      zIndex: -1,
      style: { width, height },
      // A frame has no handles: saying so (and its size) keeps React Flow from mounting it only to measure it.
      ...(this.input.measured?.has(`frame:${id}`)
        ? {}
        : { initialWidth: width, initialHeight: height, handles: [] }),
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

const NONE: ReadonlyMap<string, GraphNode> = new Map();

/**
 * `node` without what it declared before it was measured: given again as a new object (the
 * keyboard's tab stop is a copy), React Flow would take the declared handles over the measured ones.
 */
export function withoutDeclared(node: GraphNode): GraphNode {
  if (!('handles' in node)) return node;
  const { handles: _h, initialWidth: _w, initialHeight: _ht, ...rest } = node;
  return rest;
}

/** What a node not measured yet declares: the layout's size and where its handles would be measured. */
const DECLARED = {
  card: {
    initialWidth: SIZES.card.width,
    initialHeight: SIZES.card.height,
    handles: cardHandles(SIZES.card.width, SIZES.card.height),
  },
  chip: {
    initialWidth: SIZES.satellite.width,
    initialHeight: SIZES.satellite.height,
    handles: chipHandles(SIZES.satellite.width, SIZES.satellite.height),
  },
} as const;

/** `previous`: the nodes of the last call (by id), to be given back where nothing they show changed. */
export function toFlow(input: FlowInput, previous?: ReadonlyMap<string, GraphNode>): Flow {
  const b = new Builder(input, previous);
  appFor(input.world).flow(input.world, b);
  return { nodes: b.nodes, edges: b.edges };
}
