import { isNamed, type DeviceObject } from './model';
import type { WindowsView } from './tx';

/**
 * The device tree: a child devnode's PDO names the parent devnode whose bus
 * driver enumerated it (WDK "IRP_MN_QUERY_DEVICE_RELATIONS", BusRelations).
 * Removing a devnode removes its descendants first (WDK "Handling an
 * IRP_MN_QUERY_REMOVE_DEVICE Request", "Handling an IRP_MN_REMOVE_DEVICE
 * Request"); the walk is done in pnp.ts, these helpers only read the tree.
 */

/** The child devnodes (their PDOs) of `pdo` still named, oldest first. */
export function childrenOf(w: WindowsView, pdo: string): DeviceObject[] {
  return w.devices
    .valueSeq()
    .filter((d) => d.role === 'pdo' && d.parent === pdo && isNamed(d))
    .toArray();
}

/** Every descendant devnode of `pdo`, deepest first (a child after its own children). */
export function descendantsDeepestFirst(w: WindowsView, pdo: string): DeviceObject[] {
  const out: DeviceObject[] = [];
  const seen = new Set<string>([pdo]);
  const visit = (p: string): void => {
    for (const c of childrenOf(w, p)) {
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      visit(c.name);
      out.push(c);
    }
  };
  visit(pdo);
  return out;
}
