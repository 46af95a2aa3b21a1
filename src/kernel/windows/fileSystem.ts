import type { WindowsAction } from './actions';
import type { StepResult } from '../types';
import { pnpIrpAt, type QueryOutcome } from './pnp';
import { notNamed } from './openChecks';
import { hasFlag, type DeviceObject, type WindowsWorld } from './model';
import { pdoOf, stackOf } from './stack';
import type { WindowsTx } from './tx';
import { deleteDevice, freeDevice } from './unload';
import { newDevice } from './devices';

/**
 * A file system mounted on a storage device (WDK "IRP_MJ_PNP (FS and filter
 * drivers)"). Mounting creates the file system's volume device object (VDO),
 * where files on the volume are opened, and the file system references the
 * storage device for as long as its volume exists (Microsoft's FASTFAT, CDFS
 * and UDFS samples: ObReferenceObject(TargetDeviceObject) when the volume is
 * mounted, released when it is torn down). If a file system is mounted on a
 * device, the PnP manager sends it the device's PnP IRPs first:
 * - IRP_MN_QUERY_REMOVE_DEVICE: files open on the volume → it fails the
 *   query; else it locks the volume so no new create succeeds;
 * - IRP_MN_CANCEL_REMOVE_DEVICE: it unlocks;
 * - IRP_MN_REMOVE_DEVICE and IRP_MN_SURPRISE_REMOVAL: it passes them to the
 *   storage driver at once and dismounts the volume in its completion routine.
 * The volume goes when its last file closes; only then is the storage device released.
 */

type Act = Extract<WindowsAction, { do: 'mountVolume' }>;
type Result = StepResult<WindowsWorld>;

/** The reference a mounted volume holds on its storage device: named after the volume (a short chip on the graph). */
export const vpbRef = (volume: string): string => volume;

/** The volumes mounted on the devices of a stack (usually one). */
function volumesOn(tx: WindowsTx, pdo: string): DeviceObject[] {
  const names = new Set(stackOf(tx, pdo).map((d) => d.name));
  return (
    tx.devices
      .valueSeq()
      .filter((d) => d.role === 'volume' && d.realDevice !== undefined && names.has(d.realDevice))
      // A dismounted volume (IoDeleteDevice done, files still open) is no longer asked.
      .filter((d) => !d.unlinked && !hasFlag(d, 'DELETE_PENDING'))
      .toArray()
  );
}

export function mountVolume(tx: WindowsTx, a: Act): Result {
  const fs = tx.driver(a.fs);
  if (!fs || fs.state !== 'loaded') {
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.object.notFound',
      `no loaded driver is named ${a.fs}`,
      {
        driver: a.fs,
      },
    );
  }
  if (tx.devices.has(a.volume) || tx.references.has(vpbRef(a.volume))) {
    return tx.refuse(
      'STATUS_OBJECT_NAME_COLLISION',
      'win.object.invalid',
      `a device or an object reference is already named ${a.volume}`,
      {
        device: a.volume,
      },
    );
  }
  const unnamed = notNamed(tx, a.device);
  if (unnamed) return unnamed;
  const pdo = pdoOf(tx, a.device);
  if (!pdo || pdo.devnode !== 'Started' || pdo.surpriseRemoved) {
    return tx.refuse(
      'STATUS_UNRECOGNIZED_VOLUME',
      'win.fs.mount',
      pdo
        ? `${pdo.name} is ${pdo.devnode ?? 'not started'}: a volume is mounted on a started storage device`
        : `${a.device} is no PnP storage device`,
      { device: a.device },
    );
  }
  const already = volumesOn(tx, pdo.name)[0];
  if (already) {
    return tx.refuse(
      'STATUS_INVALID_DEVICE_REQUEST',
      'win.fs.mount',
      `volume ${already.name} (${already.driver}) is already mounted on ${already.realDevice}`,
      { device: a.device },
    );
  }
  tx.putDevice({ ...newDevice(a.volume, fs, 'volume'), realDevice: a.device });
  tx.patchDriver(a.fs, { devices: fs.devices.add(a.volume) });
  tx.emit('deviceCreated', 'win.fs.mount', { device: a.volume, driver: a.fs, state: 'volume' });
  const ref = vpbRef(a.volume);
  tx.references = tx.references.set(ref, { name: ref, device: a.device });
  const real = tx.dev(a.device);
  tx.patchDevice(a.device, { obReferences: real.obReferences.add(ref) });
  tx.emit('referenceAdded', 'win.fs.mount', {
    reference: ref,
    device: a.device,
    driver: real.driver,
    reason: `${a.fs} mounts volume ${a.volume} on ${a.device} and references it while the volume exists`,
  });
  return tx.done();
}

/**
 * IRP_MN_QUERY_REMOVE_DEVICE reaches the mounted file system first: it fails
 * it while files are open on the volume, else it locks the volume.
 */
export function fsQueryRemove(tx: WindowsTx, pdo: string): QueryOutcome {
  for (const v of volumesOn(tx, pdo)) {
    pnpIrpAt(tx, v, 'IRP_MN_QUERY_REMOVE_DEVICE', 'win.fs.queryRemove');
    if (v.fileObjects.size > 0) {
      const files = v.fileObjects.toArray();
      const reason = `${v.driver} fails IRP_MN_QUERY_REMOVE_DEVICE: files are open on volume ${v.name} (${files.join(', ')})`;
      tx.emit('queryRemoveVetoed', 'win.fs.queryRemove', {
        device: v.name,
        driver: v.driver,
        blockers: files.map((name) => ({ kind: 'handle' as const, name })),
        reason,
      });
      return { ok: false, vetoedBy: v.driver, reason };
    }
    tx.patchDevice(v.name, { volumeLocked: true });
    tx.emit('devnodeState', 'win.fs.queryRemove', {
      device: v.name,
      reason: `${v.driver} locks volume ${v.name}: no new file can be opened on it`,
    });
  }
  return { ok: true };
}

/** IRP_MN_CANCEL_REMOVE_DEVICE reaches the file system after the storage stack: it unlocks its volume. */
export function fsCancelRemove(tx: WindowsTx, pdo: string): void {
  for (const v of volumesOn(tx, pdo)) {
    pnpIrpAt(tx, v, 'IRP_MN_CANCEL_REMOVE_DEVICE', 'win.fs.cancel');
    if (v.volumeLocked) tx.patchDevice(v.name, { volumeLocked: false });
  }
}

/** IRP_MN_REMOVE_DEVICE or IRP_MN_SURPRISE_REMOVAL reaches the file system first; it passes it down at once. */
export function fsPassDown(tx: WindowsTx, pdo: string, minor: string): DeviceObject[] {
  const volumes = volumesOn(tx, pdo);
  for (const v of volumes) {
    pnpIrpAt(tx, v, minor, 'win.fs.dismount');
  }
  return volumes;
}

/**
 * The completion routine: the file system dismounts each volume (IoDeleteDevice
 * of its VDO). Files still open on it (after a surprise removal) keep the VDO,
 * and with it the reference on the storage device, until they close.
 */
export function fsDismount(
  tx: WindowsTx,
  volumes: readonly DeviceObject[],
  rule: 'win.fs.dismount' | 'win.fs.dismountResumed' = 'win.fs.dismount',
): void {
  for (const v of volumes) {
    if (!tx.device(v.name)) continue;
    tx.emit('devnodeState', rule, {
      device: v.name,
      reason:
        v.fileObjects.size > 0
          ? `${v.driver} dismounts volume ${v.name}; files still open on it keep it until they close`
          : `${v.driver} dismounts volume ${v.name}`,
    });
    deleteDevice(tx, v.name, rule);
  }
}

/**
 * A REMOVE that waited on a remove lock resumes (removeIrp.resumeRemove):
 * the volumes it will dismount once the stack completes it, already sent the
 * IRP by fsPassDown (win.fs.dismountResumed).
 */
export function fsAwaitingDismount(tx: WindowsTx, pdo: string): DeviceObject[] {
  return volumesOn(tx, pdo);
}

/** A volume device object is freed: the file system releases its reference on the storage device. */
export function releaseVolume(tx: WindowsTx, volume: DeviceObject): void {
  const ref = vpbRef(volume.name);
  const r = tx.references.get(ref);
  if (volume.role !== 'volume' || !r) return;
  tx.references = tx.references.delete(ref);
  const d = tx.patchDevice(r.device, { obReferences: tx.dev(r.device).obReferences.delete(ref) });
  tx.emit('referenceReleased', 'win.fs.dismount', { reference: ref, device: r.device, driver: d.driver });
  if (d.unlinked && d.obReferences.size === 0) freeDevice(tx, r.device);
}
