import type { Row } from './rule';

const DDI = 'https://learn.microsoft.com/windows-hardware/drivers/ddi/';
const WDF = 'https://learn.microsoft.com/windows-hardware/drivers/wdf/';
const DBG = 'https://learn.microsoft.com/windows-hardware/drivers/debugger/';
const DEVTEST = 'https://learn.microsoft.com/windows-hardware/drivers/devtest/';
/** Microsoft's open-source KMDF: the framework's own code, for what the pages leave out. */
const KMDF = 'https://github.com/microsoft/Windows-Driver-Frameworks/blob/master/src/framework/shared/';

/**
 * Windows rules of the Kernel-Mode Driver Framework (kmdf/) and of Driver
 * Verifier (verifier.ts). Where a fact comes from the framework's published
 * source rather than a page, the note says so.
 */
export const windowsKmdf = {
  'win.kmdf.cleanupFlushes': [
    'DOC',
    'KMDF answers IRP_MJ_CLEANUP for the driver: the framework cancels every request of the closing file object still waiting in the device’s queues, so a KMDF driver has no DispatchCleanup to get wrong.',
    `${KMDF}irphandlers/general/fxpkggeneral.cpp`,
    'From the framework’s source (FxPkgGeneral::OnCleanup calls FlushAllQueuesByFileObject), not from a documentation page.',
  ],
  'win.kmdf.targetCloses': [
    'DOC',
    'When a remote I/O target’s device is removed and the driver supplies no EvtIoTargetRemoveComplete, the framework permanently closes the target (and with it the driver’s notification on that device).',
    `${DDI}wdfiotarget/nc-wdfiotarget-evt_wdf_io_target_remove_complete`,
  ],
  'win.kmdf.unloadRoutine': [
    'DOC',
    'WdfDriverCreate gives every KMDF PnP driver the framework’s own DriverUnload, whether or not the driver supplies EvtDriverUnload; a non-PnP KMDF driver can be stopped only if it supplies EvtDriverUnload.',
    `${KMDF}core/fxdriver.cpp`,
    'From the framework’s source (FxDriver::Initialize), not from a documentation page; EVT_WDF_DRIVER_UNLOAD only says the callback is optional.',
  ],
  'win.kmdf.driverUnload': [
    'DOC',
    'At unload the framework calls the driver’s EvtDriverUnload (if any), then deletes the WDFDRIVER object: its EvtCleanupCallback, then its EvtDestroyCallback.',
    `${DDI}wdfdriver/nc-wdfdriver-evt_wdf_driver_unload`,
    'The order (EvtDriverUnload before the driver object’s cleanup) is in the framework’s source, FxDriver::Unload.',
  ],
  'win.kmdf.selfManagedIoCleanup': [
    'DOC',
    'When its device is removed, the framework calls the driver’s EvtDeviceSelfManagedIoCleanup before it deletes the framework device object.',
    `${DDI}wdfdevice/nc-wdfdevice-evt_wdf_device_self_managed_io_cleanup`,
  ],
  'win.kmdf.cleanupOrder': [
    'DOC',
    'Deleting a framework object deletes its children: the framework calls the children’s EvtCleanupCallback before the parent’s, then each EvtDestroyCallback once its references are gone.',
    `${DDI}wdfobject/nc-wdfobject-evt_wdf_object_context_destroy`,
  ],
  'win.kmdf.destroyAtZero': [
    'DOC',
    'The framework calls an object’s EvtCleanupCallback when it deletes the object, but its EvtDestroyCallback only after the object’s reference count reaches zero: a WdfObjectReference the driver still holds puts the destroy callback off until the matching WdfObjectDereference.',
    `${DDI}wdfobject/nc-wdfobject-evt_wdf_object_context_destroy`,
  ],
  'win.kmdf.refLeakedAtUnload': [
    'MODEL',
    'A KMDF driver that unloads while it still holds a WdfObjectReference on a WDFDEVICE the framework has deleted leaves that object behind: its reference count never reaches zero, so its EvtDestroyCallback never runs, and its memory is not freed.',
    `${DDI}wdfobject/nc-wdfobject-evt_wdf_object_context_destroy`,
    'Choice: no page says what happens to a reference held across the unload. The destroy callback page says it runs only at reference zero, and the framework’s source does not free what is still referenced when a driver unloads (FxPoolDestroy: "we don’t know … who is still referencing them"); the simulator follows that source.',
  ],
  'win.kmdf.verifierLeakAtUnload': [
    'MODEL',
    'With Driver Verifier on a KMDF driver, the framework’s own verifier is on too; a WDFDEVICE still referenced when the driver unloads is reported as a leak and the framework breaks into the kernel debugger. With no debugger attached, that break stops the system: the simulator shows bug check 0x1E KMODE_EXCEPTION_NOT_HANDLED, parameter 1 = 0x80000003 (STATUS_BREAKPOINT).',
    `${DDI}wdfverifier/nf-wdfverifier-wdfverifierdbgbreakpoint`,
    'Choice: the WdfVerifierDbgBreakPoint page says the framework breaks in when Driver Verifier is on (framework 1.9 or later), and "Breaking Into the Debugger" that a kernel break with no debugger present is treated as a bug check. That the leak is found at unload comes from the framework’s source (FxPoolDestroy → FxPoolDump → FxVerifierDbgBreakPoint); no page names the bug check code, so 0x1E with STATUS_BREAKPOINT is the simulator’s.',
  ],
  'win.kmdf.frameworkDeletes': [
    'DOC',
    'A KMDF driver does not call IoDetachDevice or IoDeleteDevice: when the device is removed the framework completes the queued requests, detaches and deletes the device object for it.',
    `${WDF}a-user-unplugs-a-device`,
  ],
  'win.kmdf.queuesPurged': [
    'DOC',
    'When a KMDF driver’s device is removed, by request or by surprise, the framework purges the device’s queues: each request still waiting in them is cancelled (STATUS_CANCELLED) for the driver.',
    `${KMDF}irphandlers/pnp/pnpstatemachine.cpp`,
    'From the framework’s source (the PnP state machine stops its queues with FxIoStopProcessingForPowerPurgeManaged and PurgeNonManaged); WdfIoQueuePurge’s page says a purge cancels the requests not yet delivered.',
  ],
  'win.kmdf.removeLock': [
    'DOC',
    'The remove lock of a KMDF driver’s device is the framework’s: by default it is acquired only for PnP, power and WMI IRPs; after WdfDeviceInitSetRemoveLockOptions(WDF_REMOVE_LOCK_OPTION_ACQUIRE_FOR_IO) the framework acquires it before delivering any IRP and releases it when the IRP completes, and on IRP_MN_REMOVE_DEVICE it calls IoReleaseRemoveLockAndWait, so the removal waits for every request still holding it.',
    `${DDI}wdfdevice/nf-wdfdevice-wdfdeviceinitsetremovelockoptions`,
  ],
  'win.kmdf.removeLockNotExposed': [
    'MODEL',
    'A KMDF driver does not acquire the framework’s remove lock itself: the framework takes and releases it around the IRPs it delivers. The simulator refuses IoAcquireRemoveLock on a KMDF driver’s device.',
    `${DDI}wdfdevice/nf-wdfdevice-wdfdeviceinitsetremovelockoptions`,
    'Choice: the WDF pages offer no method that acquires the framework’s lock and do not forbid a driver its own IO_REMOVE_LOCK; the simulator models only the framework’s.',
  ],
  'win.kmdf.staticStopRemove': [
    'DOC',
    'While WdfDeviceSetStaticStopRemove(FALSE) calls outnumber the TRUE calls, the framework fails IRP_MN_QUERY_REMOVE_DEVICE and IRP_MN_QUERY_STOP_DEVICE (STATUS_INVALID_DEVICE_STATE); a surprise removal still happens.',
    `${DDI}wdfdevice/nf-wdfdevice-wdfdevicesetstaticstopremove`,
    'The status is from the framework’s source (pnpstatemachine.cpp), which counts the calls; the page says every FALSE must be matched by a TRUE.',
  ],
  'win.kmdf.staticStopRemove.unmatched': [
    'MODEL',
    'WdfDeviceSetStaticStopRemove(TRUE) with no FALSE call to match, or on a device that is not a KMDF driver’s, is refused here; in Windows the framework would stop the machine for the invalid call.',
    `${DDI}wdfdevice/nf-wdfdevice-wdfdevicesetstaticstopremove`,
  ],
  'win.verifier.poolLeak': [
    'DOC',
    'With Driver Verifier’s pool tracking, a driver that unloads without freeing all its pool allocations stops the system with bug check 0xC4, parameter 1 = 0x62.',
    `${DEVTEST}pool-tracking`,
  ],
  'win.verifier.poolLeakUnseen': [
    'DOC',
    'Without Driver Verifier nothing checks a driver’s allocations at unload: the leaked pool is simply lost until reboot.',
    `${DEVTEST}pool-tracking`,
  ],
  'win.verifier.etwAtUnload': [
    'DOC',
    'Driver Verifier stops the system with bug check 0xC4, parameter 1 = 0xDD, when a driver is unloaded without calling EtwUnregister for a provider it registered.',
    `${DBG}bug-check-0xc4--driver-verifier-detected-violation`,
    'When a verified driver makes several unload mistakes at once, the simulator reports the first of pool (0x62), ETW (0xDD), WMI (0xDA), timer (0xC7); the pages do not say in which order Driver Verifier checks them.',
  ],
  'win.etw.leftRegistered': [
    'DOC',
    'Every EtwRegister needs its EtwUnregister, typically in the driver’s Unload: a provider left registered keeps callbacks into code that is no longer there. Without Driver Verifier nothing checks this at unload.',
    `${DDI}wdm/nf-wdm-etwunregister`,
  ],
  'win.verifier.wmiAtUnload': [
    'DOC',
    'Driver Verifier stops the system with bug check 0xC4, parameter 1 = 0xDA, when a driver is unloaded without deregistering its WMI callback function.',
    `${DBG}bug-check-0xc4--driver-verifier-detected-violation`,
  ],
  'win.wmi.leftRegistered': [
    'MODEL',
    'Without Driver Verifier nothing checks a WMI callback left registered at unload: the driver unloads, and WMI keeps a callback into code that is no longer there.',
    `${DBG}bug-check-0xc4--driver-verifier-detected-violation`,
    'Choice: the 0xC4 page documents only Driver Verifier’s check (0xDA) and the IoWMIRegistrationControl page says nothing of unload; that an unverified unload goes through unseen is the simulator’s reading, as for ETW providers, whose page says so.',
  ],
  'win.verifier.timerAtUnload': [
    'MODEL',
    'When a verified driver unloads, Driver Verifier checks that it released its resources; a kernel timer still queued in the unloading image stops the system with bug check 0xC7 TIMER_OR_DPC_INVALID (parameter 1 = 0x0).',
    `${DEVTEST}driver-verifier-options`,
    'The Driver Verifier page says it checks a driver’s resources at unload and that freeing memory that holds a timer is caught; the 0xC7 page describes a timer found in a memory range being checked. No page ties the two in one sentence: the simulator chooses 0xC7 at unload.',
  ],
  'win.timer.firesIntoUnloaded': [
    'DOC',
    'A timer or DPC left queued by a driver that has unloaded runs code that is no longer there: bug check 0xCE DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS.',
    `${DBG}bug-check-0xce--driver-unloaded-without-cancelling-pending-operations`,
  ],
  'win.timer.leftQueued': [
    'DOC',
    'A driver must cancel its timers and DPCs before Unload returns: the image is freed after it, and nothing cancels them for it.',
    `${DBG}bug-check-0xce--driver-unloaded-without-cancelling-pending-operations`,
  ],
  'win.timer.none': [
    'MODEL',
    'Only a timer left queued by an unloaded driver (leavesTimer) can fire into freed memory; the simulator refuses timerFires otherwise.',
    `${DBG}bug-check-0xce--driver-unloaded-without-cancelling-pending-operations`,
  ],
  'win.bugcheck.halted': [
    'DOC',
    'A bug check stops the computer: nothing runs after it until a reboot.',
    `${DEVTEST}debugging-bug-check-0xc4--driver-verifier-detected-violation`,
  ],
} satisfies Record<string, Row>;
