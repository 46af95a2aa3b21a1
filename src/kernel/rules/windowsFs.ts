import type { Row } from './rule';

const MS = 'https://learn.microsoft.com/windows-hardware/drivers/';
const FASTFAT = 'https://github.com/microsoft/Windows-driver-samples/tree/main/filesys/fastfat';

/** Windows rules of a file system mounted on a storage device that is removed (fileSystem.ts). */
export const windowsFs = {
  'win.fs.mount': [
    'DOC',
    'A file system mounts a volume on a started storage device: it creates its volume device object, where files on the volume are opened, and references the storage device object for as long as the volume exists.',
    FASTFAT,
    'The reference is what Microsoft’s FASTFAT, CDFS and UDFS samples do (ObReferenceObject on the target device when the volume is mounted, released when it is torn down); the WDK pages do not state it as a rule.',
  ],
  'win.fs.queryRemove': [
    'DOC',
    'If a file system is mounted on the device, the PnP manager sends it IRP_MN_QUERY_REMOVE_DEVICE first: with files open on the volume it fails the query; otherwise it locks the volume so that no new create succeeds.',
    `${MS}ifs/irp-mj-pnp`,
  ],
  'win.fs.locked': [
    'DOC',
    'A volume the file system locked for a query-remove refuses new creates until the removal is cancelled.',
    `${MS}ifs/irp-mj-pnp`,
    'The status is the file system’s choice; the simulator answers STATUS_ACCESS_DENIED, as a locked volume does (FSCTL_LOCK_VOLUME).',
  ],
  'win.fs.cancel': [
    'DOC',
    'IRP_MN_CANCEL_REMOVE_DEVICE reaches the mounted file system too, so it can undo the query (unlock its volume).',
    `${MS}ifs/irp-mj-pnp`,
  ],
  'win.fs.dismount': [
    'DOC',
    'IRP_MN_REMOVE_DEVICE and IRP_MN_SURPRISE_REMOVAL reach the mounted file system first: it passes them to the storage driver at once and dismounts the volume in its completion routine. Files still open on a dismounted volume keep its device object, and the reference on the storage device, until they close.',
    `${MS}ifs/irp-mj-pnp`,
  ],
  'win.fs.mountedHolds': [
    'MODEL',
    'A file system is not unloaded while a volume of its is mounted: `sc stop` leaves it Unload Pending, and its Unload runs only once the volume is dismounted (the device removed) and its files are closed.',
    FASTFAT,
    'Choice: the WDK pages do not say what NtUnloadDriver does to a file system with a mounted volume. A mounted FASTFAT volume keeps its own stream file objects open on the volume (the virtual volume file FatMountVolume creates), which rule 4(a) counts as references, so the I/O manager would not call Unload; the simulator holds the unload pending rather than letting Unload tear down a mounted volume.',
  ],
  'win.fs.surpriseFailsIo': [
    'MODEL',
    'On IRP_MN_SURPRISE_REMOVAL the mounted file system, which has the IRP first, fails the requests still pending on its volume: the device under it is gone.',
    `${MS}kernel/handling-an-irp-mn-surprise-removal-request`,
    'Choice: “Handling an IRP_MN_SURPRISE_REMOVAL Request” tells every driver that receives the IRP to fail outstanding I/O; the file-system page (IRP_MJ_PNP for FS drivers) says the IRP reaches the file system but not what it does with pending requests. The simulator applies the general rule to the file system.',
  ],
  'win.fs.dismountResumed': [
    'DOC',
    'A REMOVE that waited on a remove lock in the storage stack completes later; the file system’s completion routine runs then, and only then is the volume dismounted.',
    `${MS}ifs/irp-mj-pnp`,
  ],
} satisfies Record<string, Row>;
