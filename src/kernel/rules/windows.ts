import type { Row } from './rule';
import { windowsKmdf } from './windowsKmdf';
import { windowsPnp } from './windowsPnp';
import { windowsFs } from './windowsFs';

/** Windows (WDM/PnP) rules: shared/domain/windows.md. */
const MS = 'https://learn.microsoft.com/windows-hardware/drivers/';
const SEED_WIN = `${MS}kernel/unload-routine-environment`;
const ROS = 'https://github.com/reactos/reactos/blob/master/ntoskrnl/io/';
const DO_INIT = 'https://learn.microsoft.com/previous-versions/windows/hardware/design/dn614010(v=vs.85)';

export const windows = {
  'seed.1.whenUnloaded': [
    'DOC',
    'The OS unloads a driver when it is being replaced or when all devices it services have been removed.',
    SEED_WIN,
  ],
  'seed.2.pnpLastDevice': [
    'DOC',
    'The PnP manager calls a PnP driver’s Unload if it has no more device objects after IRP_MN_REMOVE_DEVICE.',
    SEED_WIN,
  ],
  'seed.3.unloadPending': [
    'DOC',
    'At the start of unloading, the driver object and its device objects are marked "Unload Pending".',
    SEED_WIN,
  ],
  'seed.3.noAttach': ['DOC', 'No driver can attach to an "Unload Pending" driver.', SEED_WIN],
  'seed.3.noNewReferences': [
    'DOC',
    'No new references can be made to the device objects of an "Unload Pending" driver.',
    SEED_WIN,
  ],
  'seed.3.completeOutstanding': [
    'DOC',
    'An "Unload Pending" driver may still complete its outstanding IRPs.',
    SEED_WIN,
  ],
  'seed.3.noNewIrps': ['DOC', 'The system sends no new IRPs to an "Unload Pending" driver.', SEED_WIN],
  'seed.4.allConditions': [
    'DOC',
    'Unload is called when no references remain, no driver is attached, and every PnP notification is unregistered.',
    SEED_WIN,
  ],
  'seed.4a.noReferences': [
    'DOC',
    'Condition (a): no open file may remain on any of the driver’s device objects.',
    SEED_WIN,
  ],
  'seed.4a.noIrps': [
    'DOC',
    'Condition (a): no IRP may be outstanding on any of the driver’s device objects.',
    SEED_WIN,
  ],
  'seed.4b.noAttached': [
    'DOC',
    'Condition (b): no other driver may remain attached to this driver.',
    SEED_WIN,
  ],
  'seed.4c.unregistered': [
    'DOC',
    'Condition (c): the driver must have called IoUnregisterPlugPlayNotification for every registration.',
    SEED_WIN,
  ],
  'seed.5.driverEntryFailed': [
    'DOC',
    'Unload is not called if DriverEntry fails; the I/O manager just frees the image.',
    SEED_WIN,
  ],
  'seed.6.noUnloadAtShutdown': [
    'DOC',
    'Neither the PnP manager nor the I/O manager calls Unload at shutdown; drivers get IRP_MJ_SHUTDOWN instead.',
    SEED_WIN,
  ],
  'win.load.alreadyLoaded': [
    'ROS',
    'Loading a driver that is already loaded fails with STATUS_IMAGE_ALREADY_LOADED.',
    `${ROS}iomgr/driver.c`,
  ],
  'win.load.entry': [
    'DOC',
    'Loading a driver runs its DriverEntry routine.',
    `${MS}ddi/wdm/nc-wdm-driver_initialize`,
  ],
  'win.load.leak': [
    'ROS',
    'A device object that a failing DriverEntry leaves behind (a driver bug) still references the driver object, so the image stays in memory.',
    `${ROS}iomgr/driver.c`,
    'The WDK says only that Unload is not called when DriverEntry fails, so DriverEntry must free what it allocated; that the leaked device then pins the image comes from ReactOS (IopInitializeDriverModule, and IoCreateDevice referencing the driver object).',
  ],
  'win.image.code38': [
    'DOC',
    'A previous instance still in memory blocks the reinstall of a PnP driver: Device Manager Code 38 on the device’s devnode.',
    `${MS}install/cm-prob-driver-failed-prior-unload`,
  ],
  'win.image.lingers': [
    'ROS',
    'The image is freed only when the driver object’s last reference goes; each allocated device object holds one.',
    `${ROS}iomgr/device.c`,
  ],
  'win.device.create': [
    'ROS',
    'IoCreateDevice links the new device into the driver’s device list and references the driver object.',
    `${MS}ddi/wdm/nf-wdm-iocreatedevice`,
  ],
  'win.device.nameCollision': [
    'DOC',
    'IoCreateDevice fails with STATUS_OBJECT_NAME_COLLISION when the name is taken.',
    `${MS}ddi/wdm/nf-wdm-iocreatedevice`,
  ],
  'win.device.createWhilePending': [
    'MODEL',
    'A driver that is unloading creates no new device objects.',
    'shared/domain/windows.md §3',
  ],
  'win.attach.top': [
    'DOC',
    'IoAttachDeviceToDeviceStack attaches to the highest device in the target stack.',
    `${MS}ddi/wdm/nf-wdm-ioattachdevicetodevicestack`,
  ],
  'win.attach.refused': [
    'ROS',
    'Attaching onto a device that is unload-, delete- or remove-pending fails (NULL, or STATUS_NO_SUCH_DEVICE).',
    `${ROS}iomgr/device.c`,
  ],
  'win.attach.invalid': [
    'MODEL',
    'A device already in a stack, or one that would attach to its own stack, cannot be attached.',
    'shared/domain/windows.md §3',
  ],
  'win.detach': [
    'DOC',
    'IoDetachDevice releases the lower device and re-checks whether its driver can now unload.',
    `${MS}ddi/wdm/nf-wdm-iodetachdevice`,
  ],
  'win.delete.pending': [
    'DOC',
    'IoDeleteDevice with references outstanding marks DOE_DELETE_PENDING and removes the name; the object goes when the last reference goes.',
    `${MS}ddi/wdm/nf-wdm-iodeletedevice`,
  ],
  'win.delete.unlink': [
    'ROS',
    'A delete-pending device leaves its driver’s device list once no file is open on it and nothing is attached above it.',
    `${ROS}iomgr/device.c`,
  ],
  'win.delete.freed': [
    'ROS',
    'The device object’s memory is freed when its last object reference is released.',
    `${ROS}iomgr/device.c`,
  ],
  'win.delete.twice': [
    'DOC',
    'Deleting the same device object twice is a driver bug.',
    `${MS}ddi/wdm/nf-wdm-iodeletedevice`,
  ],
  'win.delete.twiceStatus': [
    'MODEL',
    'IoDeleteDevice returns nothing; the simulator answers a second call with STATUS_DELETE_PENDING and changes nothing, so the bug shows as a failed step.',
    `${MS}ddi/wdm/nf-wdm-iodeletedevice`,
  ],
  'win.delete.detachFirst': [
    'MODEL',
    'A driver detaches a device from the device below before deleting it; the simulator does that step for it.',
    `${MS}kernel/removing-a-device-in-a-function-driver`,
  ],
  'win.open.create': [
    'DOC',
    'Opening a device sends IRP_MJ_CREATE to the top of its stack and adds a reference to the opened device.',
    `${MS}kernel/irp-mj-create`,
  ],
  'win.open.pendingFlags': [
    'ROS',
    'An open fails with STATUS_NO_SUCH_DEVICE while the device opened by name is unload-, delete- or remove-pending.',
    `${ROS}iomgr/file.c`,
  ],
  'win.open.stackPending': [
    'MODEL',
    'The simulator also refuses an open (STATUS_NO_SUCH_DEVICE) when another device of the stack is unload-, delete- or remove-pending; ReactOS checks only the device opened by name.',
    `${ROS}iomgr/file.c`,
  ],
  'win.open.initializing': [
    'DOC',
    'While DO_DEVICE_INITIALIZING is set the I/O manager refuses opens by name and attaching on top of the device. It clears the flag on the devices DriverEntry created once DriverEntry succeeds; a driver clears it itself at the end of AddDevice.',
    DO_INIT,
    'ReactOS agrees: IopCheckDeviceAndDriver fails the open with STATUS_NO_SUCH_DEVICE, and IopReadyDeviceObjects clears the flag only after a DriverEntry that succeeds.',
  ],
  'win.open.passDown': [
    'MODEL',
    'Each driver passes IRP_MJ_CREATE, IRP_MJ_CLEANUP and IRP_MJ_CLOSE down to the next; the simulator shows every device of the stack receiving them (a real driver may complete them itself).',
    `${MS}kernel/irp-mj-create`,
  ],
  'win.open.exclusive': [
    'ROS',
    'An exclusive device that is already open refuses another open with STATUS_ACCESS_DENIED.',
    `${ROS}iomgr/file.c`,
  ],
  'win.object.notFound': [
    'DOC',
    'A name that no object holds (or no longer holds) gives STATUS_OBJECT_NAME_NOT_FOUND.',
    `${MS}ddi/wdm/nf-wdm-iodeletedevice`,
  ],
  'win.object.invalid': [
    'MODEL',
    'A step that names a handle, IRP or registration that does not exist is refused with the status the call would return.',
    'shared/design/scenario-format.md',
  ],
  'win.close.cleanupCancels': [
    'DOC',
    'In IRP_MJ_CLEANUP the driver must cancel and complete the queued IRPs of the file object whose last handle closed (STATUS_CANCELLED); a driver that forgets leaves them pending, and the file object with them.',
    `${MS}kernel/irp-mj-cleanup`,
    'Also DispatchCleanup Routines (kernel/dispatchcleanup-routines). The simulator has the driver where each IRP is queued cancel it; a driver loaded with forgetsCleanup does not (a marked driver bug).',
  ],
  'win.close.cleanupClose': [
    'DOC',
    'Closing the last handle sends IRP_MJ_CLEANUP; IRP_MJ_CLOSE follows when the file object’s last reference goes.',
    `${MS}kernel/irp-mj-close`,
  ],
  'win.io.pendsAtFunction': [
    'MODEL',
    'An I/O request travels down the stack and stays pending at the function driver (the lowest non-PDO device).',
    'shared/domain/windows.md §2',
  ],
  'win.io.passDown': [
    'DOC',
    'A driver passes an IRP to the next-lower driver with IoCallDriver; one that keeps a remove lock acquires it first and releases it in its IoCompletion routine, so an IRP pending in a lower driver holds the remove lock of every driver above it.',
    `${MS}ddi/wdm/nf-wdm-ioreleaseremovelock`,
  ],
  'win.io.complete': [
    'DOC',
    'IoCompleteRequest returns the IRP up through every device it passed on its way down.',
    `${MS}kernel/completing-irps`,
  ],
  'win.io.removedFailsIo': [
    'DOC',
    'After a surprise removal, drivers fail every new request except cleanup, close, power and PnP IRPs.',
    `${MS}kernel/handling-an-irp-mn-surprise-removal-request`,
  ],
  'win.io.deletedDevice': [
    'MODEL',
    'An IRP on a handle opened before IoDeleteDevice still reaches the driver (the I/O manager does not check); the simulator has the driver fail it with STATUS_DELETE_PENDING.',
    `${MS}ddi/wdm/nf-wdm-iodeletedevice`,
  ],
  'win.reference': [
    'DOC',
    'An object reference on a device object keeps its memory, and the driver image, after Unload ran: calling Unload and freeing the image are two separate steps.',
    'https://blogs.msdn.microsoft.com/usbcoreblog/2009/10/06/why-doesnt-my-driver-unload/',
    'From Microsoft’s USB core team blog ("Why doesn’t my driver unload?", Eliyas Yakub); the debugger docs’ "Debugging a Failed Driver Unload" says a leaked reference to a device or driver object is a common cause of failed unloads. The ObfReferenceObject page says neither.',
  ],
  'win.notify.register': [
    'DOC',
    'IoRegisterPlugPlayNotification references the registering driver’s object until it unregisters.',
    `${MS}ddi/wdm/nf-wdm-ioregisterplugplaynotification`,
  ],
  'win.notify.unregister': [
    'DOC',
    'IoUnregisterPlugPlayNotification drops the registration and its reference on the driver.',
    `${MS}ddi/wdm/nf-wdm-iounregisterplugplaynotification`,
  ],
  'win.shutdown.register': [
    'DOC',
    'IoRegisterShutdownNotification asks for IRP_MJ_SHUTDOWN; the LastChance variant gets it after the file-system flush.',
    `${MS}ddi/wdm/nf-wdm-ioregistershutdownnotification`,
  ],
  'win.shutdown.order': [
    'DOC',
    'At shutdown normal registrants get IRP_MJ_SHUTDOWN before the file-system flush, last-chance ones after it.',
    `${MS}ddi/wdm/nf-wdm-ioregisterlastchanceshutdownnotification`,
  ],
  'win.shutdown.skipPending': [
    'MODEL',
    'The simulator sends no IRP_MJ_SHUTDOWN to a registered device whose driver is Unload Pending (seed rule 3: no new IRPs).',
    SEED_WIN,
    'ReactOS’s IoShutdownSystem sends IRP_MJ_SHUTDOWN to every registered device, Unload Pending or not.',
  ],
  'win.shutdown.halted': [
    'MODEL',
    'After shutdown the simulated system accepts no more requests (STATUS_SYSTEM_SHUTDOWN).',
    'shared/domain/windows.md §3',
  ],
  'win.stop.notLoaded': [
    'ROS',
    'Stopping a driver that is not loaded returns STATUS_OBJECT_NAME_NOT_FOUND.',
    `${ROS}iomgr/driver.c`,
  ],
  'win.stop.notLegacy': [
    'DOC',
    'A PnP driver is not unloaded by ZwUnloadDriver (sc stop): it unloads when its devices are removed. The simulator answers STATUS_INVALID_DEVICE_REQUEST.',
    `${MS}ddi/wdm/nf-wdm-zwunloaddriver`,
    'The ZwUnloadDriver page covers PnP drivers only; the status is ReactOS’s (IopUnloadDriver).',
  ],
  'win.stop.noUnloadRoutine': [
    'ROS',
    'Stopping a driver that has no Unload routine is refused with STATUS_INVALID_DEVICE_REQUEST, and nothing changes.',
    `${ROS}iomgr/driver.c`,
    'ReactOS’s IopUnloadDriver checks DriverUnload before it marks anything; the ZwUnloadDriver page does not cover this case.',
  ],
  'win.stop.nameGone': [
    'ROS',
    'Once Unload has run, the driver object’s name is gone (IopUnloadDriver makes it temporary), so stopping it again finds nothing: STATUS_OBJECT_NAME_NOT_FOUND, even while a leaked reference keeps the image in memory.',
    `${ROS}iomgr/driver.c`,
    'ReactOS answers STATUS_DELETE_PENDING only to a stop that still finds the name with DRVO_UNLOAD_INVOKED set, which never happens in the simulator: its Unload runs to the end in one step.',
  ],
  'win.stop.deferred': [
    'ROS',
    'While any device still has a reference or an attached device, the unload is deferred; sc stop returns at once.',
    `${ROS}iomgr/driver.c`,
  ],
  'win.unload.deletesDevices': [
    'DOC',
    'A legacy driver’s Unload deletes its control device objects and symbolic links.',
    `${MS}kernel/unload-routine-functionality`,
  ],
  'win.unload.noRoutine': [
    'ROS',
    'A PnP driver without an Unload routine is never unloaded, even after its last device is removed.',
    `${ROS}iomgr/device.c`,
  ],
  // PnP removal and remove locks: windowsPnp.ts.
  ...windowsPnp,
  // A file system mounted on a removed storage device: windowsFs.ts.
  ...windowsFs,
  // KMDF and Driver Verifier: windowsKmdf.ts.
  ...windowsKmdf,
  'win.update.replace': [
    'DOC',
    'A driver update removes every device of the old driver, unloads it, loads the new image and re-adds the devices.',
    `${MS}install/avoiding-system-restarts-during-device-installations`,
  ],
  'win.update.reboot': [
    'DOC',
    'If a removal is vetoed the old image stays loaded and a reboot is required.',
    `${MS}install/avoiding-system-restarts-during-device-installations`,
  ],
} satisfies Record<string, Row>;
