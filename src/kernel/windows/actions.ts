import * as z from 'zod/mini';
import { bool, name, oneOf, show } from '../scenario/fields';
import type { Infer } from '../scenario/infer';

/**
 * The Windows actions of the scenario format (shared/design/scenario-format.md),
 * one schema each: the single source of the action types. The kernel, the
 * parser and the app's forms all derive from them.
 */

const NTSTATUS_RE = /^STATUS_[A-Z0-9_]+$/;

export const IRP_MAJORS = [
  'IRP_MJ_READ',
  'IRP_MJ_WRITE',
  'IRP_MJ_DEVICE_CONTROL',
  'IRP_MJ_INTERNAL_DEVICE_CONTROL',
  'IRP_MJ_FLUSH_BUFFERS',
  'IRP_MJ_QUERY_INFORMATION',
  'IRP_MJ_SET_INFORMATION',
] as const;

export const PNP_MINORS = [
  'IRP_MN_QUERY_REMOVE_DEVICE',
  'IRP_MN_REMOVE_DEVICE',
  'IRP_MN_CANCEL_REMOVE_DEVICE',
  'IRP_MN_SURPRISE_REMOVAL',
  'IRP_MN_EJECT',
  'IRP_MN_START_DEVICE',
  'IRP_MN_QUERY_STOP_DEVICE',
  'IRP_MN_STOP_DEVICE',
  'IRP_MN_CANCEL_STOP_DEVICE',
] as const;

export const DEVICE_ROLES = ['pdo', 'fdo', 'filter', 'control'] as const;

const ntstatus = z
  .string({ error: (iss) => `expected "success" or an NTSTATUS name, got ${show(iss.input)}` })
  .check(
    z.refine((s) => s === 'success' || NTSTATUS_RE.test(s), {
      error: (iss) =>
        `expected "success" or an NTSTATUS name like "STATUS_INSUFFICIENT_RESOURCES", got ${show(iss.input)}`,
    }),
  );

const failure = z.string({ error: (iss) => `expected an NTSTATUS name, got ${show(iss.input)}` }).check(
  z.refine((s) => NTSTATUS_RE.test(s) && s !== 'STATUS_SUCCESS', {
    error: (iss) => `expected a failing NTSTATUS name like "STATUS_DEVICE_NOT_READY", got ${show(iss.input)}`,
  }),
);

export const windowsActions = {
  loadDriver: {
    driver: name(),
    model: z.optional(oneOf(['pnp', 'legacy'])),
    unloadRoutine: bool(),
    driverEntry: z.optional(ntstatus),
    controlDevice: z.optional(name()),
    vetoesQueryRemove: bool(),
    /** Ours: DriverEntry fails without deleting the control device it created (a driver bug). */
    driverEntryLeaksDevice: bool(),
    /** Ours: its devices keep a remove lock (IoAcquireRemoveLock per I/O, IoReleaseRemoveLockAndWait in REMOVE). Default false. */
    removeLock: bool(),
    /** Ours: its DispatchCleanup forgets to cancel the file object's queued IRPs (a driver bug). Default false. */
    forgetsCleanup: bool(),
    /** Ours: in IRP_MN_REMOVE_DEVICE it does not cancel the IRP_MN_WAIT_WAKE it requested (a driver bug). Default false. */
    forgetsWaitWake: bool(),
    /** Ours: it fails IRP_MN_QUERY_STOP_DEVICE (no resource rebalance). Default false. */
    vetoesQueryStop: bool(),
    /** Ours: it fails IRP_MN_START_DEVICE with this NTSTATUS. Default: it starts. */
    startFails: z.optional(failure),
    /** Ours: written with KMDF (the framework answers PnP IRPs, cleans up and unloads for it). Default wdm. */
    framework: z.optional(oneOf(['wdm', 'kmdf'])),
    /** Ours: Driver Verifier checks it (`verifier /standard /driver x.sys` before the load). Default false. */
    verifier: bool(),
    /** Ours: its Unload returns with pool allocations not freed (a driver bug). Default false. */
    leaksPool: bool(),
    /** Ours: its Unload returns with a kernel timer and its DPC still queued (a driver bug). Default false. */
    leavesTimer: bool(),
    /** Ours: its Unload returns without EtwUnregister for the provider its DriverEntry registered (a driver bug). Default false. */
    leavesEtwProvider: bool(),
    /** Ours: its Unload returns without deregistering the WMI callback it registered (a driver bug). Default false. */
    leavesWmiCallback: bool(),
  },
  createDevice: {
    driver: name(),
    device: name(),
    role: oneOf(DEVICE_ROLES),
    attachTo: z.optional(name()),
    /** Ours: an exclusive device admits one open at a time. */
    exclusive: bool(),
    /** Ours (pdo): false = its stack waits for IRP_MN_START_DEVICE (pnpIrp) before it opens. Default true. */
    started: bool(),
    /** Ours (pdo): the device (any device of the parent's stack) whose bus driver enumerated this child; its devnode is the parent. */
    parent: z.optional(name()),
  },
  attachDevice: { device: name(), to: name() },
  detachDevice: { device: name() },
  deleteDevice: { device: name() },
  openHandle: { device: name(), handle: name() },
  closeHandle: { handle: name() },
  sendIrp: {
    handle: name(),
    irp: name(),
    major: z.optional(oneOf(IRP_MAJORS)),
    /** Ours: the device whose driver keeps the IRP pending. Default: the function driver; a lower one (the PDO, a lower filter): the drivers above passed it down with IoCallDriver. */
    pendsIn: z.optional(name()),
  },
  completeIrp: { irp: name() },
  referenceObject: { device: name(), reference: name() },
  dereferenceObject: { reference: name() },
  registerNotification: {
    driver: name(),
    registration: name(),
    category: oneOf(['deviceInterfaceChange', 'targetDeviceChange', 'hardwareProfileChange']),
    handle: z.optional(name()),
    /** Ours (targetDeviceChange): the callback fails GUID_TARGET_DEVICE_QUERY_REMOVE. Default false. */
    vetoesQueryRemove: bool(),
    /** Ours (targetDeviceChange): the callback keeps its handle open on a query-remove. Default false: it closes it. */
    keepsHandleOpen: bool(),
    /** Ours (targetDeviceChange): on GUID_TARGET_DEVICE_REMOVE_CANCELLED it reopens its handle and registers again. Default false. */
    reregisters: bool(),
    /** Ours (targetDeviceChange): on GUID_TARGET_DEVICE_REMOVE_COMPLETE the callback forgets IoUnregisterPlugPlayNotification (a driver bug). Default false. */
    forgetsUnregister: bool(),
  },
  /**
   * Ours: an application's RegisterDeviceNotification with a DBT_DEVTYP_HANDLE filter on its open handle:
   * its window gets WM_DEVICECHANGE (DBT_DEVICEQUERYREMOVE…). No driver is referenced by it.
   */
  registerDeviceNotification: {
    registration: name(),
    handle: name(),
    /** The application's name (default "App"). */
    app: z.optional(name()),
    /** Ours: it answers DBT_DEVICEQUERYREMOVE with BROADCAST_QUERY_DENY. Default false. */
    deniesQueryRemove: bool(),
    /** Ours: it keeps its handle open on DBT_DEVICEQUERYREMOVE (so the removal fails). Default false: it closes it. */
    keepsHandleOpen: bool(),
    /** Ours: on DBT_DEVICEQUERYREMOVEFAILED it reopens its handle. Default false. */
    reopens: bool(),
  },
  /** IoUnregisterPlugPlayNotification, or an application's UnregisterDeviceNotification. */
  unregisterNotification: { registration: name() },
  registerShutdown: { device: name(), lastChance: bool() },
  /** `eject` (ours): after the removal, IRP_MN_EJECT and the retained PDO's second REMOVE. Default false. */
  requestRemove: { device: name(), present: bool(), eject: bool() },
  surpriseRemove: { device: name() },
  pnpIrp: { device: name(), minor: oneOf(PNP_MINORS) },
  /** Ours: the function driver (power policy owner) sends IRP_MN_WAIT_WAKE with PoRequestPowerIrp; the bus driver keeps it pending. */
  requestWaitWake: { device: name(), irp: name() },
  /** Ours: IRP_MN_DEVICE_USAGE_NOTIFICATION: the system creates (inPath, default) or deletes a paging, dump or hibernation file on the device. */
  deviceUsage: { device: name(), usage: oneOf(['paging', 'dump', 'hibernation']), inPath: bool() },
  /**
   * Ours: a file system (a loaded driver, `fs`) mounts a volume on a storage device: it creates its volume
   * device object `volume` (files on the volume are opened there) and references the storage device.
   */
  mountVolume: { device: name(), fs: name(), volume: name() },
  /** Ours: IoAcquireRemoveLock outside an I/O request (a timer, a DPC, a work item), named by its tag. */
  acquireRemoveLock: { device: name(), tag: name() },
  /** Ours: IoReleaseRemoveLock of such an acquisition. */
  releaseRemoveLock: { device: name(), tag: name() },
  /** Ours (KMDF): WdfDeviceSetStaticStopRemove; `stoppable: false` makes the framework fail query-remove and query-stop. */
  wdfSetStaticStopRemove: { device: name(), stoppable: bool() },
  /** Ours (KMDF): WdfObjectReferenceWithTag on a device's WDFDEVICE: its EvtDestroyCallback waits for the dereference. */
  wdfObjectReference: { device: name(), tag: name() },
  /** Ours (KMDF): WdfObjectDereferenceWithTag: the last one of a deleted WDFDEVICE runs its EvtDestroyCallback. */
  wdfObjectDereference: { device: name(), tag: name() },
  /** Ours: the timer an unloaded driver left queued comes due, and its DPC runs. */
  timerFires: { driver: name() },
  stopDriver: { driver: name() },
  updateDriver: { driver: name() },
  shutdown: {},
} satisfies Record<string, z.core.$ZodShape>;

export type WindowsAction = Infer<typeof windowsActions>;
export type WindowsActionName = WindowsAction['do'];
export const WINDOWS_ACTION_NAMES = Object.keys(windowsActions) as WindowsActionName[];

/** The scenario's `options` for Windows. */
export const windowsOptions = {
  deferredStopStatus: z.optional(oneOf(['STATUS_SUCCESS', 'STATUS_INVALID_DEVICE_REQUEST'])),
};
export type WindowsOptions = Required<z.infer<z.ZodMiniObject<typeof windowsOptions>>>;
export const DEFAULT_WINDOWS_OPTIONS: WindowsOptions = { deferredStopStatus: 'STATUS_SUCCESS' };

/**
 * What an optional field means when a step leaves it out: the one source for
 * the kernel (which reads it) and the app's forms (which start from it).
 */
export const WINDOWS_ACTION_DEFAULTS = {
  loadDriver: {
    model: 'pnp',
    unloadRoutine: true,
    driverEntry: 'success',
    vetoesQueryRemove: false,
    vetoesQueryStop: false,
    driverEntryLeaksDevice: false,
    removeLock: false,
    forgetsCleanup: false,
    framework: 'wdm',
    verifier: false,
    leaksPool: false,
    leavesTimer: false,
    leavesEtwProvider: false,
    leavesWmiCallback: false,
    forgetsWaitWake: false,
  },
  wdfSetStaticStopRemove: { stoppable: false },
  createDevice: { exclusive: false, started: true },
  registerNotification: {
    vetoesQueryRemove: false,
    keepsHandleOpen: false,
    reregisters: false,
    forgetsUnregister: false,
  },
  registerDeviceNotification: {
    app: 'App',
    deniesQueryRemove: false,
    keepsHandleOpen: false,
    reopens: false,
  },
  sendIrp: { major: 'IRP_MJ_READ' },
  registerShutdown: { lastChance: false },
  requestRemove: { present: false, eject: false },
  deviceUsage: { inPath: true },
} as const satisfies { [K in WindowsActionName]?: Partial<Extract<WindowsAction, { do: K }>> };
