import type { Row } from './rule';

const MS = 'https://learn.microsoft.com/windows-hardware/drivers/';
const WIN32 = 'https://learn.microsoft.com/windows/win32/devio/';

/** Windows rules of PnP removal (query, cancel, remove, surprise removal, notifications) and of remove locks. */
export const windowsPnp = {
  'win.pnp.notify': [
    'DOC',
    'Target-device-change registrants are told of a query-remove, a cancel, and a completed removal; they close their handles.',
    `${MS}kernel/using-pnp-target-device-change-notification`,
  ],
  'win.notify.userRegister': [
    'DOC',
    'An application calls RegisterDeviceNotification with a DBT_DEVTYP_HANDLE filter on a handle it holds: its window gets WM_DEVICECHANGE for that device. The registration references no driver (seed rule 4(c) counts a driver’s own IoRegisterPlugPlayNotification): only the application’s handle can hold the device.',
    `${WIN32}processing-a-request-to-remove-a-device`,
  ],
  'win.notify.userUnregister': [
    'DOC',
    'UnregisterDeviceNotification closes the application’s notification handle; no driver held it, so no Unload waits on it.',
    `${WIN32}processing-a-request-to-remove-a-device`,
  ],
  'win.pnp.userQueryFirst': [
    'DOC',
    'Applications registered on the device are sent DBT_DEVICEQUERYREMOVE (WM_DEVICECHANGE) first: each must close its handles to the device, or the removal fails; any one may answer BROADCAST_QUERY_DENY.',
    `${WIN32}dbt-devicequeryremove`,
    'The order (applications before the kernel-mode registrants and the IRPs) is ReactOS’s: PiProcessQueryRemoveAndEject notifies user mode, then queries the drivers; the Win32 page calls the message the applications’ “last chance”.',
  ],
  'win.pnp.userDeny': [
    'DOC',
    'An application that answers DBT_DEVICEQUERYREMOVE with BROADCAST_QUERY_DENY cancels the removal: no driver is queried.',
    `${WIN32}dbt-devicequeryremove`,
  ],
  'win.pnp.userQueryFailed': [
    'DOC',
    'When a removal is cancelled, applications get DBT_DEVICEQUERYREMOVEFAILED and may reopen the handles they closed; their registration stays.',
    `${WIN32}processing-a-request-to-remove-a-device`,
  ],
  'win.pnp.userRemovePending': [
    'DOC',
    'Once the query succeeded, applications get DBT_DEVICEREMOVEPENDING (it cannot be denied): each unregisters its notification handle and closes any handle still open to the device.',
    `${WIN32}dbt-deviceremovepending`,
    'ReactOS tells user mode GUID_DEVICE_REMOVE_PENDING before it tells the kernel-mode registrants GUID_TARGET_DEVICE_REMOVE_COMPLETE; the simulator follows that order.',
  ],
  'win.pnp.userRemoveComplete': [
    'DOC',
    'After a surprise removal applications get DBT_DEVICEREMOVECOMPLETE with no DBT_DEVICEQUERYREMOVE before it: each closes its handles and unregisters its notification handle.',
    `${WIN32}dbt-deviceremovecomplete`,
  ],
  'win.pnp.queryNotifyFirst': [
    'DOC',
    'Before IRP_MN_QUERY_REMOVE_DEVICE, registrants are told GUID_TARGET_DEVICE_QUERY_REMOVE: each closes its handle and stays registered, or fails the query.',
    `${MS}kernel/handling-a-guid-target-device-query-remove-event`,
    'ReactOS’s IopQueryRemoveDevice sends the IRP first and notifies after, ignoring what the callbacks answer; the simulator follows the WDK.',
  ],
  'win.pnp.registrantVeto': [
    'DOC',
    'A registrant that answers GUID_TARGET_DEVICE_QUERY_REMOVE with STATUS_UNSUCCESSFUL aborts the query-remove: no IRP_MN_QUERY_REMOVE_DEVICE is sent and the device is not removed.',
    `${MS}kernel/handling-a-guid-target-device-query-remove-event`,
  ],
  'win.pnp.vetoCancelled': [
    'MODEL',
    'After a registrant’s veto the simulator tells the registrants already queried GUID_TARGET_DEVICE_REMOVE_CANCELLED, so they can reopen; the WDK only says the query-remove is aborted.',
    `${MS}kernel/handling-a-guid-target-device-query-remove-event`,
  ],
  'win.pnp.reregister': [
    'DOC',
    'On GUID_TARGET_DEVICE_REMOVE_CANCELLED a registrant removes its old registration, opens a new handle and registers again on it.',
    `${MS}kernel/handling-a-guid-target-device-remove-cancelled-event`,
  ],
  'win.pnp.removeCompleteFirst': [
    'DOC',
    'Before IRP_MN_REMOVE_DEVICE, registrants are told GUID_TARGET_DEVICE_REMOVE_COMPLETE (after a surprise removal they were told already); a registrant not queried first closes its handle then.',
    `${MS}kernel/handling-a-guid-target-device-remove-complete-event`,
    'ReactOS’s IopSendRemoveDevice notifies after IRP_MN_REMOVE_DEVICE, once the drivers (and perhaps their Unload) have run; the simulator follows the WDK.',
  ],
  'win.pnp.unregisterOnRemove': [
    'DOC',
    'On GUID_TARGET_DEVICE_REMOVE_COMPLETE the registrant’s callback removes its registration with IoUnregisterPlugPlayNotification; one that forgets keeps its driver from unloading.',
    `${MS}kernel/handling-a-guid-target-device-remove-complete-event`,
  ],
  'win.pnp.removeCompletesQueued': [
    'DOC',
    'In IRP_MN_REMOVE_DEVICE a function driver completes the requests queued in it before it waits on its remove lock, detaches and deletes its device.',
    `${MS}kernel/removing-a-device-in-a-function-driver`,
  ],
  'win.pnp.surpriseFailsIo': [
    'DOC',
    'In IRP_MN_SURPRISE_REMOVAL each driver fails the I/O requests outstanding on the device.',
    `${MS}kernel/handling-an-irp-mn-surprise-removal-request`,
  ],
  'win.pnp.queryTopDown': [
    'DOC',
    'IRP_MN_QUERY_REMOVE_DEVICE goes to the top of the stack first, then down; any driver may fail it.',
    `${MS}kernel/irp-mn-query-remove-device`,
  ],
  'win.pnp.queryOpenHandles': [
    'DOC',
    'The query-remove fails if handles to the device are still open after the IRP completes.',
    `${MS}kernel/irp-mn-query-remove-device`,
  ],
  'win.pnp.cancelBottomUp': [
    'DOC',
    'IRP_MN_CANCEL_REMOVE_DEVICE goes to the bus driver first, then up; it must succeed.',
    `${MS}kernel/irp-mn-cancel-remove-device`,
  ],
  'win.pnp.cancelRestores': [
    'DOC',
    'On IRP_MN_CANCEL_REMOVE_DEVICE the drivers return the device to the state it was in before IRP_MN_QUERY_REMOVE_DEVICE: a device not yet started stays not started, and after a failed query nothing changed.',
    `${MS}kernel/irp-mn-cancel-remove-device`,
  ],
  'win.pnp.removeTopDown': [
    'DOC',
    'IRP_MN_REMOVE_DEVICE goes top first, bus driver last; it cannot fail. Each driver passes it down, detaches and deletes its device.',
    `${MS}kernel/irp-mn-remove-device`,
  ],
  'win.pnp.childVeto': [
    'DOC',
    'Before a devnode is queried, its descendants are: a child whose query-remove fails stops the parent’s removal, and what was queried is cancelled.',
    `${MS}kernel/handling-an-irp-mn-query-remove-device-request`,
    'The WDK tells the registrants of the device and its descendants first, then sends the query to the descendants’ drivers, then to the device’s. It does not say in which order the cancels go; the simulator cancels the descendants it queried, parents before children, then tells the remaining registrants GUID_TARGET_DEVICE_REMOVE_CANCELLED.',
  ],
  'win.pnp.childrenFirst': [
    'DOC',
    'Before IRP_MN_REMOVE_DEVICE goes to a device’s drivers, the PnP manager sends it to the device’s children; a parent is removed only after its children.',
    `${MS}kernel/handling-an-irp-mn-remove-device-request`,
    'The WDK does not say what happens to the child PDOs of a bus device whose FDO is removed; the simulator deletes them (their bus driver’s device is going), and a child REMOVE that waits on a remove lock holds the parent’s REMOVE back until it finishes.',
  ],
  'win.pnp.surpriseChildren': [
    'MODEL',
    'A bus device that disappears takes the devices on it: the simulator surprise-removes its child devnodes, deepest first, before the bus itself (the WDK pages on IRP_MN_SURPRISE_REMOVAL do not speak of children).',
    `${MS}kernel/handling-an-irp-mn-surprise-removal-request`,
  ],
  'win.pnp.childOfStarted': [
    'DOC',
    'A bus driver reports its children (BusRelations in IRP_MN_QUERY_DEVICE_RELATIONS) once its device is started; each child is a PDO with its own devnode under the parent’s.',
    `${MS}kernel/irp-mn-query-device-relations`,
  ],
  'win.pnp.pdoStays': [
    'DOC',
    'The bus driver deletes the PDO only if the device is physically gone; a PDO still present stays.',
    `${MS}kernel/removing-a-device-in-a-bus-driver`,
  ],
  'win.pnp.eject': [
    'DOC',
    'After the removal of an ejectable device the PnP manager sends IRP_MN_EJECT; only the bus driver gets it (function and filter drivers do not), and it completes the IRP once the device is out of its slot.',
    `${MS}kernel/irp-mn-eject`,
  ],
  'win.pnp.secondRemove': [
    'DOC',
    'A bus driver that finds its child physically gone reports it (IoInvalidateDeviceRelations); the PnP manager sends the retained PDO a second IRP_MN_REMOVE_DEVICE, and the bus driver deletes the PDO.',
    `${MS}kernel/removing-a-device-in-a-bus-driver`,
    'Also IRP_MN_REMOVE_DEVICE (kernel/irp-mn-remove-device): the PnP manager sends remove IRPs for any device that has disappeared.',
  ],
  'win.pnp.ejectNotRemoved': [
    'MODEL',
    'The simulator refuses IRP_MN_EJECT (STATUS_INVALID_DEVICE_STATE) to a PDO whose stack has not been removed, or whose device is already gone: the PnP manager sends it only after the removal.',
    `${MS}kernel/irp-mn-eject`,
  ],
  'win.start.bottomUp': [
    'DOC',
    'IRP_MN_START_DEVICE is handled first by the parent bus driver, then by each driver above it; the device is started when every driver has succeeded.',
    `${MS}kernel/irp-mn-start-device`,
  ],
  'win.start.removeAfterFail': [
    'DOC',
    'If a driver of the stack fails IRP_MN_START_DEVICE, the PnP manager sends IRP_MN_REMOVE_DEVICE (with no query first): the drivers delete their devices, and a driver left with none unloads.',
    `${MS}kernel/irp-mn-remove-device`,
    'The same page says drivers may receive a remove IRP before the device is started. The devnode’s problem (Code 10, CM_PROB_FAILED_START) is from the Device Manager error-code pages.',
  ],
  'win.start.opensAfterStart': [
    'MODEL',
    'Until IRP_MN_START_DEVICE succeeds a device is not ready for I/O (its drivers enable its interfaces when they start it): the simulator refuses an open with STATUS_NO_SUCH_DEVICE.',
    `${MS}kernel/starting-a-device`,
  ],
  'win.start.notStartable': [
    'MODEL',
    'IRP_MN_START_DEVICE sent by hand to a device that is not waiting to start (already started, removed, or failed) is refused with STATUS_INVALID_DEVICE_STATE.',
    `${MS}kernel/irp-mn-start-device`,
  ],
  'win.rebalance.queryTopDown': [
    'DOC',
    'IRP_MN_QUERY_STOP_DEVICE (a resource rebalance) goes to the top of the stack first, then down; a driver that cannot stop its device fails it. After it succeeds the drivers hold new requests in their queues.',
    `${MS}kernel/irp-mn-query-stop-device`,
  ],
  'win.rebalance.cancelBottomUp': [
    'DOC',
    'IRP_MN_CANCEL_STOP_DEVICE is handled by the bus driver first, then by each driver above; the device goes back to Started and the drivers take the requests they held.',
    `${MS}kernel/irp-mn-cancel-stop-device`,
  ],
  'win.rebalance.stopTopDown': [
    'DOC',
    'IRP_MN_STOP_DEVICE (top first): the drivers stop the device and release its hardware resources but keep their device objects, and hold requests until the device starts again.',
    `${MS}kernel/irp-mn-stop-device`,
  ],
  'win.rebalance.holdsIo': [
    'DOC',
    'While a device is query-stopped or stopped its drivers hold new requests in their queues: none is failed, none is lost.',
    `${MS}kernel/stopping-a-device`,
  ],
  'win.rebalance.restartReleases': [
    'DOC',
    'After the rebalance the PnP manager sends IRP_MN_START_DEVICE with the new resources; once started, the drivers take the requests they held.',
    `${MS}kernel/stopping-a-device`,
  ],
  'win.rebalance.heldNotStarted': [
    'MODEL',
    'A held request has not been started on the hardware, so its driver cannot finish it until the device starts again: the simulator refuses completeIrp with STATUS_DEVICE_NOT_READY.',
    `${MS}kernel/stopping-a-device`,
  ],
  'win.rebalance.noRemoval': [
    'MODEL',
    'While a device is query-stopped or stopped for a rebalance the simulator refuses an orderly removal of it (STATUS_INVALID_DEVICE_STATE), and a driver update leaves its stack alone; a surprise removal still goes through.',
    `${MS}kernel/stopping-a-device`,
  ],
  'win.rebalance.wrongState': [
    'MODEL',
    'A stop IRP sent by hand out of order (a query-stop to a device not started, a stop or cancel-stop with no query-stop before) is refused with STATUS_INVALID_DEVICE_STATE.',
    `${MS}kernel/stopping-a-device`,
  ],
  'win.pnp.noDevnode': [
    'MODEL',
    'PnP removal needs a devnode: a stack with no PDO (a legacy device) cannot be removed that way.',
    'shared/domain/windows.md §3',
  ],
  'win.pnp.surprise': [
    'DOC',
    'IRP_MN_SURPRISE_REMOVAL: drivers stop the hardware and fail new I/O but must not detach or delete.',
    `${MS}kernel/irp-mn-surprise-removal`,
  ],
  'win.pnp.removeAfterClose': [
    'DOC',
    'After a surprise removal, IRP_MN_REMOVE_DEVICE comes only once the last handle closes.',
    `${MS}kernel/handling-an-irp-mn-surprise-removal-request`,
  ],
  'win.power.waitWake': [
    'DOC',
    'The power policy owner (the function driver) sends IRP_MN_WAIT_WAKE with PoRequestPowerIrp; it goes down to the bus driver, which keeps it pending until the device signals wake or the sender cancels it. One at a time per PDO: another gets STATUS_DEVICE_BUSY.',
    `${MS}kernel/irp-mn-wait-wake`,
    'The page says each driver sets an IoCompletion routine as the IRP goes down; the simulator has it hold the remove lock of its sender and of the drivers below, while a filter above the sender passes it on and releases its lock at once (IoReleaseRemoveLock: a driver that sets no IoCompletion routine releases after passing the IRP down).',
  ],
  'win.power.waitWakeState': [
    'MODEL',
    'The simulator lets a driver arm wake-up (IRP_MN_WAIT_WAKE) only on a started device, answering STATUS_INVALID_DEVICE_STATE otherwise; the WDK says any time the device is in its working state (D0), and the simulator has no power states.',
    `${MS}kernel/irp-mn-wait-wake`,
  ],
  'win.power.cancelOnRemove': [
    'DOC',
    'In IRP_MN_REMOVE_DEVICE a driver that enabled its device for wake-up cancels its IRP_MN_WAIT_WAKE (IoCancelIrp) before it waits on its remove lock; the bus driver’s cancel routine completes it with STATUS_CANCELLED. A driver that forgets waits on its own IRP until the device signals wake.',
    `${MS}kernel/removing-a-device-in-a-function-driver`,
    'Also Canceling a Wait/Wake IRP (kernel/canceling-a-wait-wake-irp): only the sender may cancel it. The IoReleaseRemoveLockAndWait page says that routine waits for the bus driver to cancel such IRPs, which fits a wait placed after REMOVE is passed down; with the function-driver page’s order (win.removeLock.wait) a forgetful sender waits until the device wakes. The page also lists query-remove, stop and surprise removal as times to cancel; the simulator cancels at REMOVE (and a surprise removal fails the IRP with the rest of the outstanding I/O).',
  ],
  'win.pnp.deviceUsage': [
    'DOC',
    'IRP_MN_DEVICE_USAGE_NOTIFICATION tells a device’s drivers, top of the stack first, that the system creates or deletes a paging, crash-dump or hibernation file on it.',
    `${MS}kernel/irp-mn-device-usage-notification`,
  ],
  'win.pnp.deviceUsageVeto': [
    'DOC',
    'While a device holds a paging, crash-dump or hibernation file, its drivers fail IRP_MN_QUERY_REMOVE_DEVICE and IRP_MN_QUERY_STOP_DEVICE: it cannot be removed in order, nor stopped for a rebalance.',
    `${MS}kernel/irp-mn-device-usage-notification`,
    'Also the storage class driver’s RemoveDevice page (storage/storage-class-driver-s-removedevice-routine), which says a dump device only might fail the query; the simulator follows the device-usage page (every special file fails it). A surprise removal still goes through.',
  ],
  'win.removeLock.acquire': [
    'DOC',
    'A driver with a remove lock calls IoAcquireRemoveLock when it starts each I/O (or hands out a reference to its code: a timer, a DPC) and IoReleaseRemoveLock when it finishes.',
    `${MS}kernel/using-remove-locks`,
  ],
  'win.removeLock.wait': [
    'DOC',
    'In IRP_MN_REMOVE_DEVICE each driver waits in IoReleaseRemoveLockAndWait until every acquisition of its remove lock is released, then passes the IRP down; the bus driver handles the PDO last, and each driver detaches and deletes its device after.',
    `${MS}kernel/removing-a-device-in-a-function-driver`,
    'Sources disagree on where the wait goes: “Using Remove Locks” and the IoReleaseRemoveLockAndWait page say after the driver passes the IRP down; “Removing a Device in a Function Driver” (the device is made inactive, step 4, before IoCallDriver, step 8) and the WDK’s toaster-style samples wait before. The simulator waits before passing the IRP down, so the bus driver removes the PDO only after every driver above has finished waiting.',
  ],
  'win.removeLock.deletePending': [
    'DOC',
    'After IoReleaseRemoveLockAndWait, IoAcquireRemoveLock fails with STATUS_DELETE_PENDING: the driver fails the request.',
    `${MS}ddi/wdm/nf-wdm-ioacquireremovelock`,
  ],
  'win.removeLock.none': [
    'MODEL',
    'A driver that keeps no remove lock cannot acquire one: the simulator refuses with STATUS_INVALID_DEVICE_REQUEST.',
    `${MS}kernel/using-remove-locks`,
  ],
} satisfies Record<string, Row>;
