import { removeLockCount, removeLockHolders, type DeviceObject } from '../../kernel/core';
import { consequence, links, row, type InspectorRow, type Part } from '../../panels/inspector/parts';

// I/O in flight at a device, for its inspector rows: an IRP passed down below the function driver, and the
// device's IO_REMOVE_LOCK.

/**
 * An IRP pending below the function driver (win.io.passDown): the drivers
 * above passed it on with IoCallDriver and hold their remove locks until it
 * completes.
 */
export function passedDownRow(path: readonly DeviceObject[]): InspectorRow[] {
  const at = path[path.length - 1];
  const above = path.slice(0, -1);
  // Below the function driver: the bus driver's PDO, or a lower filter under the FDO.
  const below = at?.role === 'pdo' || (at?.role === 'filter' && above.some((d) => d.role === 'fdo'));
  if (!at || above.length === 0 || !below) return [];
  const locked = above.filter((d) => d.removeLock).map((d) => d.name);
  return [
    row(
      'Passed down',
      [
        `by ${above.map((d) => d.driver).join(', ')} (IoCallDriver)`,
        ...(locked.length ? [`; it holds the remove lock of ${locked.join(', ')}`] : []),
      ],
      'A driver acquires its remove lock before IoCallDriver and releases it in its IoCompletion routine',
    ),
  ];
}

/** IO_REMOVE_LOCK: its count, what holds it, and whether REMOVE waits on it. */
export function removeLockRow(d: DeviceObject): InspectorRow {
  const lock = d.removeLock;
  const { irps, tags } = removeLockHolders(d);
  const state: Part[] = lock?.waiting
    ? ['IRP_MN_REMOVE_DEVICE waits in IoReleaseRemoveLockAndWait']
    : lock?.removed
      ? ['released and waited', consequence(': every new acquire gets STATUS_DELETE_PENDING')]
      : ['in use'];
  return row(
    'RemoveLock',
    [
      `${removeLockCount(d)} held (`,
      ...state,
      ')',
      ...(irps.length ? [' by ', ...links('irp', irps)] : []),
      ...(tags.length ? [` tags ${tags.join(', ')}`] : []),
    ],
    'IoAcquireRemoveLock per I/O; REMOVE calls IoReleaseRemoveLockAndWait, which waits for every acquisition to be released',
  );
}
