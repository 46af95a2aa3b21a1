import type { List, Map as IMap, OrderedSet } from 'immutable';
import type { WindowsOptions } from './actions';

/**
 * The Windows personality's objects (shared/domain/windows.md §2). Values
 * are immutable; collections are persistent (Immutable.js), so a step copies
 * only the path to what it changed and every earlier world stays intact.
 */

/** `DEVICE_OBJECT_EXTENSION.ExtensionFlags`, by the names the debugger prints. */
export const DOE = {
  UNLOAD_PENDING: 0x1,
  DELETE_PENDING: 0x2,
  REMOVE_PENDING: 0x4,
  REMOVE_PROCESSED: 0x8,
  START_PENDING: 0x10,
} as const;
export type DoeFlag = keyof typeof DOE;

/**
 * `DEVICE_OBJECT.Flags` bits the simulator models, by the names `!devobj`
 * prints (separate from the extension's DOE_ flags). IoCreateDevice sets
 * DO_DEVICE_INITIALIZING; it is cleared after a DriverEntry that succeeds (or
 * by the driver at the end of AddDevice), and opens are refused while it is set.
 */
export const DO = {
  EXCLUSIVE: 0x8,
  DEVICE_INITIALIZING: 0x80,
} as const;
export type DoFlag = keyof typeof DO;

/** `DRIVER_OBJECT.Flags` bits the unload path reads. */
export const DRVO = { UNLOAD_INVOKED: 0x1, LEGACY_DRIVER: 0x2 } as const;

/** Devnode states (`!devnode`), with their DNS_ numbers. */
export const DEVNODE_STATES = {
  /** Its drivers are loaded and attached; IRP_MN_START_DEVICE has not succeeded yet. */
  DriversAdded: 0x303,
  Started: 0x308,
  /** IRP_MN_QUERY_STOP_DEVICE succeeded: the drivers hold new I/O. */
  QueryStopped: 0x309,
  /** IRP_MN_STOP_DEVICE: the device is stopped for a resource rebalance and holds its I/O. */
  Stopped: 0x30a,
  QueryRemoved: 0x310,
  RemovePendingCloses: 0x311,
  Removed: 0x312,
  DeletePendingCloses: 0x313,
  Deleted: 0x314,
} as const;
export type DevnodeState = keyof typeof DEVNODE_STATES;

export type DriverState =
  /** DriverEntry succeeded; the driver serves requests. */
  | 'loaded'
  /** "Unload Pending": marked, waiting for the last blocker. */
  | 'unloadPending'
  /** Unload ran (or the driver was freed without it). */
  | 'unloaded'
  /** DriverEntry failed: never loaded, Unload never called. */
  | 'entryFailed';

export interface Driver {
  readonly name: string;
  readonly model: 'pnp' | 'legacy';
  readonly hasUnload: boolean;
  readonly vetoesQueryRemove: boolean;
  /** It fails IRP_MN_QUERY_STOP_DEVICE (it cannot stop for a rebalance). */
  readonly vetoesQueryStop: boolean;
  /** Its devices keep an IO_REMOVE_LOCK: IoAcquireRemoveLock per I/O, IoReleaseRemoveLockAndWait in IRP_MN_REMOVE_DEVICE. */
  readonly usesRemoveLock: boolean;
  /** It fails IRP_MN_START_DEVICE with this status (null: it starts). */
  readonly startFails: string | null;
  /** A driver bug: its DispatchCleanup leaves the file object's queued IRPs pending (IRP_MJ_CLEANUP says to cancel them). */
  readonly forgetsCleanup: boolean;
  /** A driver bug: in IRP_MN_REMOVE_DEVICE it does not cancel the IRP_MN_WAIT_WAKE it requested. */
  readonly forgetsWaitWake: boolean;
  readonly state: DriverState;
  /** DRVO_UNLOAD_INVOKED: Unload has been called for this load. */
  readonly unloadInvoked: boolean;
  /** The image is mapped: from load until the driver object's last reference goes. */
  readonly imageInMemory: boolean;
  /** `DriverObject->DeviceObject` list, oldest first. */
  readonly devices: OrderedSet<string>;
  /** Device objects off the list but still allocated (a leaked reference): each pins the image. */
  readonly lingering: OrderedSet<string>;
  readonly registrations: OrderedSet<string>;
  /** How many times this driver has been loaded (1 for the first load). */
  readonly generation: number;
  /** A PnP driver with no Unload routine whose last device went: it can never unload. */
  readonly stuck: boolean;
  /** An update was vetoed: the old image stays until a reboot. */
  readonly rebootRequired: boolean;
  /** What DriverEntry returned, when it failed. */
  readonly entryStatus?: string;
  /** The control device DriverEntry creates (kept so an update can re-create it). */
  readonly controlDevice?: string;
  /** Written with KMDF (kmdf/framework.ts): the framework answers IRPs and cleans up for it. Absent: WDM. */
  readonly framework?: 'kmdf';
  /** KMDF only: the driver registered an EvtDriverUnload callback in WdfDriverCreate. */
  readonly evtDriverUnload?: boolean;
  /** KMDF only: WdfObjectReferenceWithTag references the driver holds on its WDFDEVICEs, by device and tag. */
  readonly wdfRefs?: readonly { readonly device: string; readonly tag: string }[];
  /** `verifier /driver x.sys` was set before this load: Driver Verifier checks it (verifier.ts). */
  readonly verified?: boolean;
  /** A driver bug: Unload returns with pool allocations not freed. */
  readonly leaksPool?: boolean;
  /** A driver bug: Unload returns with its ETW provider still registered (EtwRegister, no EtwUnregister). */
  readonly leavesEtwProvider?: boolean;
  /** A driver bug: Unload returns with its WMI callback still registered (IoWMIRegistrationControl, no deregistration). */
  readonly leavesWmiCallback?: boolean;
  /** A driver bug: Unload returns with a kernel timer (and its DPC) still queued. */
  readonly leavesTimer?: boolean;
  /** The timer left queued by an unloaded image: it fires into freed memory (`timerFires`). */
  readonly danglingTimer?: boolean;
}

/** 'volume': a file system's volume device object, made when it mounts a volume on a storage device. */
export type DeviceRole = 'pdo' | 'fdo' | 'filter' | 'control' | 'volume';

/**
 * An IO_REMOVE_LOCK in a device extension (kernel/using-remove-locks). Its
 * acquisitions are the IRPs outstanding through the device (one per I/O, see
 * `removeLockHolders`) plus the `tags` the driver acquired for its own code
 * (a timer, a DPC, a work item).
 */
export interface RemoveLock {
  /**
   * Acquisitions outside an I/O request, by tag, oldest first. A tag may
   * appear more than once: "the Tag does not have to be unique"
   * (IoAcquireRemoveLock); each release drops one acquisition with that tag.
   */
  readonly tags: List<string>;
  /** IoReleaseRemoveLockAndWait was called (in IRP_MN_REMOVE_DEVICE): every later acquire fails with STATUS_DELETE_PENDING. */
  readonly removed: boolean;
  /** IRP_MN_REMOVE_DEVICE is waiting in IoReleaseRemoveLockAndWait for the last acquisition to be released. */
  readonly waiting: boolean;
}

export interface DeviceObject {
  readonly name: string;
  readonly driver: string;
  readonly role: DeviceRole;
  /** The device attached directly above (AttachedDevice, "Upper"). */
  readonly attachedDevice: string | null;
  /** The device this one is attached to (AttachedTo, "Lower"). */
  readonly attachedTo: string | null;
  /** File objects opened on this device: their count is `ReferenceCount`. */
  readonly fileObjects: OrderedSet<string>;
  /** IRPs outstanding that have passed through this device. */
  readonly irps: OrderedSet<string>;
  /** ObReferenceObject references held on this device object. */
  readonly obReferences: OrderedSet<string>;
  /** ExtensionFlags, DOE_ bits. */
  readonly flags: number;
  /** `DEVICE_OBJECT.Flags`, DO_ bits (DO_EXCLUSIVE, DO_DEVICE_INITIALIZING). */
  readonly doFlags: number;
  /** Its driver's remove lock, when the driver keeps one. */
  readonly removeLock: RemoveLock | null;
  /** Off the driver's device list, kept alive only by object references. */
  readonly unlinked: boolean;
  readonly exclusive: boolean;
  readonly shutdown: 'none' | 'normal' | 'lastChance';
  /** A symbolic link (\DosDevices\X) a legacy driver made for its control device. */
  readonly symbolicLink: string | null;
  /** PDOs only: the devnode and whether the hardware is still there. */
  readonly devnode: DevnodeState | null;
  readonly present: boolean;
  readonly surpriseRemoved: boolean;
  /**
   * PDOs only: the PDO of the parent devnode, whose bus driver enumerated this
   * child (its BusRelations); null for a root-enumerated device.
   */
  readonly parent: string | null;
  /** PDOs only, while QueryRemoved: the devnode state before the query, which a cancel puts back. */
  readonly beforeQuery: DevnodeState | null;
  /** PDOs only: the special files (IRP_MN_DEVICE_USAGE_NOTIFICATION, InPath) on the device, one entry per file. */
  readonly specialFiles?: readonly ('paging' | 'dump' | 'hibernation')[];
  /** PDOs only: IRP_MN_REMOVE_DEVICE for this devnode waits for a child's removal to finish first (its `present` then). */
  readonly removeAfterChildren: { readonly present: boolean } | null;
  /** Volume device objects only: the storage device the volume is mounted on (`VPB->RealDevice`). */
  readonly realDevice?: string;
  /** Volume device objects only: the file system locked the volume for a query-remove; creates on it fail. */
  readonly volumeLocked?: boolean;
  /** KMDF: WdfDeviceSetStaticStopRemove(FALSE) calls not yet matched by a TRUE (absent: 0). */
  readonly wdfStopCount?: number;
  /** KMDF: the framework has deleted its WDFDEVICE (the cleanup callbacks ran). */
  readonly wdfDeleted?: boolean;
}

export interface FileObject {
  readonly name: string;
  /** The device opened by name; IRPs go to the top of its stack. */
  readonly device: string;
  /** `open` while the application holds the handle; `closing` after cleanup, until its IRPs complete. */
  readonly state: 'open' | 'closing';
  readonly irps: OrderedSet<string>;
}

export interface Irp {
  readonly name: string;
  /** The file object it was sent on; null for an IRP a driver sent itself (IRP_MN_WAIT_WAKE by PoRequestPowerIrp). */
  readonly handle: string | null;
  readonly major: string;
  /** A power IRP's minor function (IRP_MN_WAIT_WAKE). */
  readonly minor?: string;
  /** IRP_MN_WAIT_WAKE: the driver that requested it (the power policy owner), the only one that may cancel it. */
  readonly requester?: string;
  /** Devices it passed, top of stack first; it is pending at the last. */
  readonly path: readonly string[];
  /** Held in the function driver's queue while its device is query-stopped or stopped (not started on the hardware). */
  readonly held?: boolean;
}

export type NotificationCategory = 'deviceInterfaceChange' | 'targetDeviceChange' | 'hardwareProfileChange';

export interface Registration {
  readonly name: string;
  /** The registering driver (IoRegisterPlugPlayNotification); '' for an application's registration. */
  readonly driver: string;
  /**
   * 'user': an application's RegisterDeviceNotification on a handle (DBT_DEVTYP_HANDLE). It is told by
   * WM_DEVICECHANGE (DBT_DEVICEQUERYREMOVE, DBT_DEVICEQUERYREMOVEFAILED, DBT_DEVICEREMOVEPENDING,
   * DBT_DEVICEREMOVECOMPLETE) and references no driver. Absent: a driver's (kernel mode).
   */
  readonly mode?: 'user';
  /** mode 'user': the application that registered. */
  readonly app?: string;
  readonly category: NotificationCategory;
  /** targetDeviceChange: the registrant's handle on the target device. */
  readonly handle: string | null;
  /** targetDeviceChange: the device that handle was opened on. */
  readonly target: string | null;
  /** targetDeviceChange: the callback answers GUID_TARGET_DEVICE_QUERY_REMOVE with STATUS_UNSUCCESSFUL. */
  readonly vetoesQueryRemove: boolean;
  /** targetDeviceChange: the callback does not close its handle on a query-remove (so the query fails). */
  readonly keepsHandleOpen: boolean;
  /** targetDeviceChange: on GUID_TARGET_DEVICE_REMOVE_CANCELLED it reopens its handle and registers again. */
  readonly reregisters: boolean;
  /** targetDeviceChange, a driver bug: on GUID_TARGET_DEVICE_REMOVE_COMPLETE it closes its handle but keeps the registration. */
  readonly forgetsUnregister: boolean;
}

export interface ObReference {
  readonly name: string;
  readonly device: string;
}

export interface WindowsWorld {
  readonly os: 'windows';
  readonly options: WindowsOptions;
  readonly drivers: IMap<string, Driver>;
  readonly devices: IMap<string, DeviceObject>;
  readonly handles: IMap<string, FileObject>;
  readonly irps: IMap<string, Irp>;
  readonly registrations: IMap<string, Registration>;
  readonly references: IMap<string, ObReference>;
  readonly shutDown: boolean;
  /** The system stopped with a bug check (verifier.ts): every later step is refused. */
  readonly bugCheck?: BugCheck;
}

/** A bug check ("blue screen"): its code, name and first parameter as `!analyze` prints them. */
export interface BugCheck {
  readonly code: string;
  readonly name: string;
  /** Parameter 1 (for 0xC4, the subcode), when it says which violation. */
  readonly parameter1?: string;
  readonly driver: string;
  readonly reason: string;
}

/** Who registered: the driver, or for an application's registration the application. */
export function registrant(r: Registration): string {
  return r.mode === 'user' ? (r.app ?? 'App') : r.driver;
}

export function hasFlag(d: DeviceObject, flag: DoeFlag): boolean {
  return (d.flags & DOE[flag]) !== 0;
}

/** ExtensionFlags as `!devobj` prints them: "DOE_UNLOAD_PENDING, DOE_DELETE_PENDING". */
export function doeNames(flags: number): string[] {
  return (Object.keys(DOE) as DoeFlag[]).filter((k) => (flags & DOE[k]) !== 0).map((k) => `DOE_${k}`);
}

export function hasDoFlag(d: DeviceObject, flag: DoFlag): boolean {
  return (d.doFlags & DO[flag]) !== 0;
}

/** Flags as `!devobj` prints them: "DO_EXCLUSIVE, DO_DEVICE_INITIALIZING". */
export function doNames(flags: number): string[] {
  return (Object.keys(DO) as DoFlag[]).filter((k) => (flags & DO[k]) !== 0).map((k) => `DO_${k}`);
}

/**
 * What holds a device's remove lock: one acquisition per IRP outstanding
 * through it, and the driver's own tags. Empty when it keeps no remove lock.
 */
export function removeLockHolders(d: DeviceObject): { irps: string[]; tags: string[] } {
  if (!d.removeLock) return { irps: [], tags: [] };
  return { irps: d.irps.toArray(), tags: d.removeLock.tags.toArray() };
}

/** The remove lock's count of outstanding acquisitions (what the inspector shows). */
export function removeLockCount(d: DeviceObject): number {
  return d.removeLock ? d.irps.size + d.removeLock.tags.size : 0;
}

/** `ReferenceCount` as the debugger shows it: open file objects on this device. */
export function referenceCount(d: DeviceObject): number {
  return d.fileObjects.size;
}

/**
 * Whether a device can still be found by its name: IoDeleteDevice removes the
 * name at once (DOE_DELETE_PENDING), and an unlinked device is off its
 * driver's list. Opens, attaches and forms only see named devices.
 */
export function isNamed(d: DeviceObject): boolean {
  return !hasFlag(d, 'DELETE_PENDING') && !d.unlinked;
}
