import { describe, expect, it } from 'vitest';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';

/**
 * Issue 19: a file system mounted on a volume of a storage device that is
 * removed. WDK "IRP_MJ_PNP (FS and filter drivers)": if a file system is
 * mounted on the device the PnP manager sends it the query-remove first; with
 * open handles it fails it, else it locks the volume; on REMOVE and
 * SURPRISE_REMOVAL it passes the IRP down at once and dismounts the volume in
 * its completion routine. Microsoft's FASTFAT sample references the target
 * device while the volume is mounted.
 */

const win = () => kernel('windows');

const disk: WindowsAction[] = [
  { do: 'loadDriver', driver: 'UsbStor', model: 'pnp' },
  { do: 'createDevice', driver: 'UsbStor', device: 'StickPdo', role: 'pdo' },
  { do: 'loadDriver', driver: 'Disk', model: 'pnp' },
  { do: 'createDevice', driver: 'Disk', device: 'StickDisk', role: 'fdo', attachTo: 'StickPdo' },
  { do: 'loadDriver', driver: 'Fastfat', model: 'legacy' },
];
const mounted: WindowsAction[] = [
  ...disk,
  { do: 'mountVolume', device: 'StickDisk', fs: 'Fastfat', volume: 'StickVol' },
];

describe('when a file system mounts a volume on a storage device', () => {
  it('creates its volume device object and references the storage device', () => {
    const run = win().setup(...disk);
    run
      .do({ do: 'mountVolume', device: 'StickDisk', fs: 'Fastfat', volume: 'StickVol' })
      .expectStatus('STATUS_SUCCESS')
      .expectEvents('deviceCreated', 'referenceAdded');
    expect(run.world.devices.get('StickVol')).toMatchObject({
      role: 'volume',
      driver: 'Fastfat',
      realDevice: 'StickDisk',
    });
    expect(run.world.devices.get('StickDisk')?.obReferences.toArray()).toEqual(['StickVol']);
    expect(run.world.drivers.get('Fastfat')?.devices.has('StickVol')).toBe(true);
  });

  it('mounts one volume per device, only with a loaded file system', () => {
    win()
      .setup(...mounted)
      .do({ do: 'mountVolume', device: 'StickDisk', fs: 'Fastfat', volume: 'V2' })
      .expectStatus('STATUS_INVALID_DEVICE_REQUEST');
    win()
      .setup(...disk)
      .do({ do: 'mountVolume', device: 'StickDisk', fs: 'Ntfs', volume: 'V2' })
      .expectStatus('STATUS_OBJECT_NAME_NOT_FOUND');
  });
});

describe('when the device is removed in order with a file open on the volume', () => {
  it('has the file system fail the query first: no storage driver is asked, nothing is removed', () => {
    const run = win()
      .setup(...mounted, { do: 'openHandle', device: 'StickVol', handle: 'report.txt' })
      .do({ do: 'requestRemove', device: 'StickPdo' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    const queries = run.last.events
      .filter((e) => e.minor === 'IRP_MN_QUERY_REMOVE_DEVICE')
      .map((e) => e.device);
    expect(queries).toEqual(['StickVol']);
    const veto = run.last.events.find((e) => e.type === 'queryRemoveVetoed');
    expect(veto).toMatchObject({ rule: 'win.fs.queryRemove', driver: 'Fastfat' });
    expect(veto?.reason).toMatch(/files are open on volume StickVol \(report\.txt\)/);
    expect(run.world.devices.get('StickPdo')?.devnode).toBe('Started');
    expect(run.world.devices.get('StickVol')?.volumeLocked).toBeFalsy();
  });
});

describe('when the device is removed in order with no file open', () => {
  it('locks the volume, queries the storage stack, and dismounts after the REMOVE; the disk is released and its drivers unload', () => {
    const run = win()
      .setup(...mounted)
      .do({ do: 'requestRemove', device: 'StickPdo' })
      .expectStatus('STATUS_SUCCESS');
    const ev = run.last.events;
    const order = ev.filter((e) => e.type === 'pnpIrp').map((e) => `${e.minor}@${e.device}`);
    expect(order).toEqual([
      'IRP_MN_QUERY_REMOVE_DEVICE@StickVol',
      'IRP_MN_QUERY_REMOVE_DEVICE@StickDisk',
      'IRP_MN_QUERY_REMOVE_DEVICE@StickPdo',
      'IRP_MN_REMOVE_DEVICE@StickVol',
      'IRP_MN_REMOVE_DEVICE@StickDisk',
      'IRP_MN_REMOVE_DEVICE@StickPdo',
    ]);
    // The dismount comes after the storage stack handled the REMOVE (the completion routine).
    const dismount = ev.findIndex((e) => e.rule === 'win.fs.dismount' && e.type === 'deleteRequested');
    const pdoRemove = ev.findIndex((e) => e.minor === 'IRP_MN_REMOVE_DEVICE' && e.device === 'StickPdo');
    expect(dismount).toBeGreaterThan(pdoRemove);
    expect(ev.some((e) => e.type === 'referenceReleased' && e.reference === 'StickVol')).toBe(true);
    expect(run.world.devices.has('StickVol')).toBe(false);
    expect(run.world.devices.has('StickDisk')).toBe(false);
    expect(run.world.references.size).toBe(0);
    expect(run.world.drivers.get('Disk')?.state).toBe('unloaded');
    expect(run.world.drivers.get('Disk')?.imageInMemory).toBe(false);
    // The file system stays loaded: it serves other volumes.
    expect(run.world.drivers.get('Fastfat')?.state).toBe('loaded');
  });

  it('refuses a new file on the locked volume while another driver holds the query, and unlocks on the cancel', () => {
    // A registrant that keeps its handle on the disk makes the storage query fail after the FS locked.
    const run = win()
      .setup(...mounted, { do: 'openHandle', device: 'StickDisk', handle: 'raw' })
      .do({ do: 'requestRemove', device: 'StickPdo' })
      .expectStatus('STATUS_UNSUCCESSFUL');
    const ev = run.last.events;
    expect(ev.some((e) => e.rule === 'win.fs.queryRemove' && e.type === 'devnodeState')).toBe(true);
    const cancels = ev.filter((e) => e.minor === 'IRP_MN_CANCEL_REMOVE_DEVICE').map((e) => e.device);
    // Bottom-up, the file system last.
    expect(cancels).toEqual(['StickPdo', 'StickDisk', 'StickVol']);
    expect(run.world.devices.get('StickVol')?.volumeLocked).toBe(false);
    run.do({ do: 'openHandle', device: 'StickVol', handle: 'f1' }).expectStatus('STATUS_SUCCESS');
  });
});

describe('when the device is pulled out with a file open on the volume', () => {
  it('dismounts at once, but the open file keeps the volume object and its reference on the disk until it closes', () => {
    const run = win()
      .setup(...mounted, { do: 'openHandle', device: 'StickVol', handle: 'report.txt' })
      .do({ do: 'surpriseRemove', device: 'StickPdo' })
      .expectStatus('STATUS_SUCCESS');
    const first = run.last.events.find((e) => e.minor === 'IRP_MN_SURPRISE_REMOVAL');
    expect(first?.device).toBe('StickVol');
    // The disk stack is removed (no file is open on it), but its device object lingers: the volume references it.
    expect(run.world.devices.get('StickDisk')?.unlinked).toBe(true);
    expect(run.world.drivers.get('Disk')?.imageInMemory).toBe(true);
    run.do({ do: 'closeHandle', handle: 'report.txt' }).expectStatus('STATUS_SUCCESS');
    expect(run.last.events.some((e) => e.type === 'referenceReleased' && e.reference === 'StickVol')).toBe(
      true,
    );
    expect(run.world.devices.has('StickVol')).toBe(false);
    expect(run.world.devices.has('StickDisk')).toBe(false);
    expect(run.world.drivers.get('Disk')?.imageInMemory).toBe(false);
  });
});

describe('when the file system is stopped while its volume is mounted', () => {
  it('stays loaded, Unload Pending, the volume untouched; the removal dismounts it and Unload runs then', () => {
    const run = win()
      .setup(...mounted)
      .do({ do: 'stopDriver', driver: 'Fastfat' });
    const deferred = run.last.events.find((e) => e.type === 'unloadDeferred');
    expect(deferred).toMatchObject({ rule: 'win.fs.mountedHolds', driver: 'Fastfat' });
    expect(deferred?.reason).toMatch(/StickVol is mounted/);
    expect(run.last.events.some((e) => e.type === 'unloadCalled')).toBe(false);
    expect(run.world.drivers.get('Fastfat')?.state).toBe('unloadPending');
    expect(run.world.devices.get('StickVol')?.unlinked).toBeFalsy();
    expect(run.world.devices.get('StickDisk')?.obReferences.toArray()).toEqual(['StickVol']);
    expect(run.condition('Fastfat', 'noMountedVolumes')).toMatchObject({
      met: false,
      rule: 'win.fs.mountedHolds',
    });
    run.do({ do: 'requestRemove', device: 'StickPdo' }).expectStatus('STATUS_SUCCESS');
    const ev = run.last.events;
    const dismount = ev.findIndex((e) => e.rule === 'win.fs.dismount' && e.type === 'deleteRequested');
    const unload = ev.findIndex((e) => e.type === 'unloadCalled' && e.driver === 'Fastfat');
    expect(dismount).toBeGreaterThanOrEqual(0);
    expect(unload).toBeGreaterThan(dismount);
    expect(run.world.drivers.get('Fastfat')?.state).toBe('unloaded');
  });

  it('unloads at once when no volume is mounted', () => {
    const run = win()
      .setup(...disk)
      .do({ do: 'stopDriver', driver: 'Fastfat' });
    expect(run.last.events.some((e) => e.type === 'unloadCalled' && e.driver === 'Fastfat')).toBe(true);
  });
});

describe('when the storage REMOVE waits on a remove lock', () => {
  it('keeps the volume mounted while it waits, and dismounts it when the last release lets the REMOVE finish', () => {
    const locked = mounted.map((a) =>
      a.do === 'loadDriver' && a.driver === 'Disk' ? { ...a, removeLock: true } : a,
    );
    const run = win()
      .setup(...locked, { do: 'acquireRemoveLock', device: 'StickDisk', tag: 'timer' })
      .do({ do: 'requestRemove', device: 'StickPdo' });
    expect(run.last.events.some((e) => e.type === 'deleteRequested' && e.device === 'StickVol')).toBe(false);
    expect(run.world.devices.get('StickVol')).toBeDefined();
    run.do({ do: 'releaseRemoveLock', device: 'StickDisk', tag: 'timer' }).expectStatus('STATUS_SUCCESS');
    const ev = run.last.events;
    const dismount = ev.findIndex((e) => e.rule === 'win.fs.dismountResumed' && e.type === 'deleteRequested');
    const pdoRemove = ev.findIndex((e) => e.minor === 'IRP_MN_REMOVE_DEVICE' && e.device === 'StickPdo');
    expect(pdoRemove).toBeGreaterThanOrEqual(0);
    expect(dismount).toBeGreaterThan(pdoRemove);
    expect(run.world.devices.has('StickVol')).toBe(false);
    expect(run.world.references.size).toBe(0);
    expect(run.world.drivers.get('Disk')?.imageInMemory).toBe(false);
  });
});

describe('when the device is pulled out with a read pending on a file of the volume', () => {
  // "Handling an IRP_MN_SURPRISE_REMOVAL Request": a driver fails outstanding I/O; the file system has the IRP first.
  it('has the file system fail the read before the storage stack sees the IRP', () => {
    const run = win()
      .setup(
        ...mounted,
        { do: 'openHandle', device: 'StickVol', handle: 'report.txt' },
        { do: 'sendIrp', handle: 'report.txt', irp: 'read1' },
      )
      .do({ do: 'surpriseRemove', device: 'StickPdo' })
      .expectStatus('STATUS_SUCCESS');
    const ev = run.last.events;
    const failed = ev.findIndex((e) => e.type === 'irpCompleted' && e.irp === 'read1');
    expect(ev[failed]).toMatchObject({ status: 'STATUS_NO_SUCH_DEVICE', rule: 'win.fs.surpriseFailsIo' });
    const diskTold = ev.findIndex((e) => e.minor === 'IRP_MN_SURPRISE_REMOVAL' && e.device === 'StickDisk');
    expect(failed).toBeLessThan(diskTold);
    expect(run.world.irps.has('read1')).toBe(false);
    // The open file still keeps the dismounted volume until it closes.
    expect(run.world.devices.get('StickVol')?.fileObjects.toArray()).toEqual(['report.txt']);
  });
});
