import type { DebuggerDevice, DebuggerImport, Source } from './types';

/**
 * How the devices the paste printed stand to one another: which is above
 * which, which stacks have a devnode. Each link says where it was read:
 * `AttachedDevice (Upper)` printed for the lower device, `AttachedTo
 * (Lower)` printed for the upper one, or two rows of a `!devstack` (top
 * first). The import keeps each device's own printed fields; this view
 * joins them (what is above X is also said by X's upper neighbour's
 * `AttachedTo`), and never adds a link nothing printed.
 */

/** Deeper than any real device stack. */
const MAX_DEPTH = 64;

interface Link {
  readonly device: string;
  /** Where the link was printed. */
  readonly from: Source;
  readonly how: 'AttachedDevice (Upper)' | 'AttachedTo (Lower)' | '!devstack';
}

export interface Relations {
  /** The device directly above `device`, if printed. */
  above(device: string): Link | undefined;
  /** The device directly below `device`, if printed. */
  below(device: string): Link | undefined;
  /** The devices of `device`'s stack, top first, as far as the links go (never loops). */
  stack(device: string): string[];
  /** The devnode of the stack holding `device` (its PDO's), if printed. */
  devnodeOf(device: string): string | undefined;
  /** A device with a devnode of its own and nothing printed below it: a PDO. */
  isPdo(device: string): boolean;
  /** Links that contradict an earlier one (two devices above one), in the order found. */
  readonly conflicts: readonly string[];
}

export function relationsOf(imp: DebuggerImport): Relations {
  const up = new Map<string, Link>();
  const down = new Map<string, Link>();
  const conflicts: string[] = [];
  const link = (lower: string, upper: string, from: Source, how: Link['how']) => {
    if (lower === upper) return;
    const u = up.get(lower);
    const d = down.get(upper);
    if ((u && u.device !== upper) || (d && d.device !== lower)) {
      conflicts.push(`${how} at line ${from.line} puts ${upper} on ${lower}, against an earlier print`);
      return;
    }
    if (!u) up.set(lower, { device: upper, from, how });
    if (!d) down.set(upper, { device: lower, from, how });
  };
  const firstSource = (d: DebuggerDevice, command: Source['command']): Source =>
    d.sources.find((s) => s.command === command) ?? d.sources[0] ?? { line: 0, command };
  for (const d of imp.devices) {
    if (d.attachedDevice)
      link(d.address, d.attachedDevice, firstSource(d, 'devobj'), 'AttachedDevice (Upper)');
    if (d.attachedTo) link(d.attachedTo, d.address, firstSource(d, 'devobj'), 'AttachedTo (Lower)');
  }
  for (const s of imp.stacks) {
    const from = s.sources[0] ?? { line: 0, command: 'devstack' };
    for (let i = 0; i + 1 < s.devices.length; i++) {
      const upper = s.devices[i];
      const lower = s.devices[i + 1];
      if (upper !== undefined && lower !== undefined) link(lower, upper, from, '!devstack');
    }
  }

  // Real stacks are a handful of devices deep; the cap keeps a corrupt paste from making this quadratic.
  const walk = (start: string, next: (d: string) => string | undefined): string[] => {
    const seen = new Set([start]);
    const out: string[] = [];
    for (let d = next(start); d !== undefined && !seen.has(d) && out.length < MAX_DEPTH; d = next(d)) {
      seen.add(d);
      out.push(d);
    }
    return out;
  };
  const stack = (device: string): string[] => [
    ...walk(device, (d) => up.get(d)?.device).reverse(),
    device,
    ...walk(device, (d) => down.get(d)?.device),
  ];

  // The bottom of each device's stack, remembered for every device on the way down: linear over all devices.
  const bottoms = new Map<string, string>();
  const bottomOf = (device: string): string => {
    const path: string[] = [];
    let d = device;
    let bottom: string | undefined;
    while (bottom === undefined) {
      bottom = bottoms.get(d);
      if (bottom !== undefined) break;
      path.push(d);
      const next = down.get(d)?.device;
      if (next === undefined || path.length > MAX_DEPTH || path.includes(next)) bottom = d;
      else d = next;
    }
    for (const p of path) bottoms.set(p, bottom);
    return bottom;
  };

  const devices = new Map(imp.devices.map((d) => [d.address, d]));
  const ownDevnode = new Map<string, string>();
  for (const n of imp.devnodes) if (n.pdo) ownDevnode.set(n.pdo, n.address);
  for (const d of imp.devices) if (d.devnode) ownDevnode.set(d.address, d.devnode);
  for (const s of imp.stacks) {
    const bottom = s.devices[s.devices.length - 1];
    if (s.devnode && bottom !== undefined && !ownDevnode.has(bottom)) ownDevnode.set(bottom, s.devnode);
  }
  const isPdo = (device: string) => ownDevnode.has(device) && !down.has(device) && devices.has(device);

  return {
    above: (d) => up.get(d),
    below: (d) => down.get(d),
    stack,
    devnodeOf: (device) => ownDevnode.get(bottomOf(device)),
    isPdo,
    conflicts,
  };
}
