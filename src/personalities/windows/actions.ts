import type { FieldUi, KernelActionUi } from '../types';
import {
  loadedDrivers,
  namedDevices,
  openHandles,
  outstandingIrps,
  references,
  registrations,
} from './candidates';

/**
 * The Windows actions of the scenario format as the UI offers them: labels,
 * help and which objects fit each field. Each field's type, options, whether
 * it is optional and its default come from the kernel's schema
 * (`src/kernel/windows/actions.ts`), never restated here.
 */

type Field = FieldUi<'windows'>;
const driver: Field = { label: 'Driver', ref: { of: 'driver', candidates: loadedDrivers } };
const device: Field = { label: 'Device', ref: { of: 'device', candidates: namedDevices } };
const handle: Field = { label: 'Handle', ref: { of: 'handle', candidates: openHandles } };
/** A remove-lock acquisition outside an IRP, named by the driver's tag. */
const tag: Field = { label: 'Tag', start: 'timer', placeholder: 'timer' };

export const WINDOWS_ACTIONS: readonly KernelActionUi<'windows'>[] = [
  {
    id: 'loadDriver',
    label: 'Load driver',
    help: 'Start a service or load a PnP driver: the I/O manager maps the image and calls DriverEntry.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    // Reloading a known driver keeps what it was.
    prefill(world, subject) {
      const d = subject ? world.drivers.get(subject.name) : undefined;
      return d
        ? {
            model: d.model,
            unloadRoutine: d.hasUnload,
            vetoesQueryRemove: d.vetoesQueryRemove,
            vetoesQueryStop: d.vetoesQueryStop,
            removeLock: d.usesRemoveLock,
            forgetsCleanup: d.forgetsCleanup,
            framework: d.framework ?? 'wdm',
            ...(d.verified ? { verifier: true } : {}),
            ...(d.leaksPool ? { leaksPool: true } : {}),
            ...(d.leavesTimer ? { leavesTimer: true } : {}),
            ...(d.leavesEtwProvider ? { leavesEtwProvider: true } : {}),
            ...(d.leavesWmiCallback ? { leavesWmiCallback: true } : {}),
            forgetsWaitWake: d.forgetsWaitWake,
            ...(d.startFails === null ? {} : { startFails: d.startFails }),
            ...(d.controlDevice === undefined ? {} : { controlDevice: d.controlDevice }),
          }
        : {};
    },
    fields: {
      driver: { label: 'Driver', new: { of: 'driver', prefix: 'Driver' } },
      model: { label: 'Model' },
      controlDevice: { label: 'Control device', new: { of: 'device', prefix: 'Ctl' } },
      unloadRoutine: { label: 'Has an Unload routine' },
      driverEntry: { label: 'DriverEntry returns', placeholder: 'success or STATUS_…' },
      vetoesQueryRemove: { label: 'Fails IRP_MN_QUERY_REMOVE_DEVICE' },
      vetoesQueryStop: {
        label: 'Fails IRP_MN_QUERY_STOP_DEVICE',
        help: 'It cannot stop for a resource rebalance',
      },
      removeLock: {
        label: 'Keeps a remove lock',
        help: 'IoAcquireRemoveLock per I/O; IRP_MN_REMOVE_DEVICE waits for every release. KMDF: WdfDeviceInitSetRemoveLockOptions(ACQUIRE_FOR_IO), the framework’s lock around each IRP it delivers',
      },
      startFails: {
        label: 'IRP_MN_START_DEVICE fails with',
        placeholder: 'STATUS_… (empty: it starts)',
        help: 'The PnP manager then removes the stack',
      },
      forgetsCleanup: {
        label: 'IRP_MJ_CLEANUP leaves queued IRPs pending (a bug)',
        help: 'A rule-following driver cancels and completes the closing file object’s queued IRPs',
      },
      forgetsWaitWake: {
        label: 'REMOVE leaves its IRP_MN_WAIT_WAKE pending (a bug)',
        help: 'A rule-following driver cancels the wait-wake IRP it sent before it waits on its remove lock',
      },
      driverEntryLeaksDevice: {
        label: 'A failing DriverEntry leaves its control device (a bug)',
        help: 'Only when DriverEntry fails and there is a control device',
      },
      framework: {
        label: 'Written with',
        help: 'kmdf: the framework answers PnP IRPs, cancels a closing file’s requests, detaches and deletes its devices, and gives a PnP driver its DriverUnload',
      },
      verifier: {
        label: 'Checked by Driver Verifier',
        help: 'As after verifier /standard /driver x.sys: unload mistakes become bug checks',
      },
      leaksPool: {
        label: 'Unload leaves pool allocated (a bug)',
        help: 'Unseen without Driver Verifier; with it, bug check 0xC4 (0x62) at unload',
      },
      leavesTimer: {
        label: 'Unload leaves a timer queued (a bug)',
        help: 'When it fires into the freed image: bug check 0xCE; Driver Verifier stops at the unload',
      },
      leavesEtwProvider: {
        label: 'Unload leaves its ETW provider registered (a bug)',
        help: 'EtwRegister in DriverEntry, no EtwUnregister in Unload: its enable callback points into the freed image; with Driver Verifier, bug check 0xC4 (0xDD) at unload',
      },
      leavesWmiCallback: {
        label: 'Unload leaves its WMI callback registered (a bug)',
        help: 'WMI keeps calling into the freed image; with Driver Verifier, bug check 0xC4 (0xDA) at unload',
      },
    },
  },
  {
    id: 'stopDriver',
    label: 'Stop (sc stop)',
    help: 'NtUnloadDriver: marks a legacy driver Unload Pending; Unload runs when nothing holds it.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    fields: { driver },
  },
  {
    id: 'updateDriver',
    label: 'Update driver',
    help: 'Replace the driver: remove its devices, unload the old image, load the new one.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    fields: { driver },
  },
  {
    id: 'createDevice',
    label: 'Create device',
    help: 'IoCreateDevice (and IoAttachDeviceToDeviceStack, as AddDevice does).',
    group: 'Devices',
    subject: { kind: 'driver', field: 'driver' },
    fields: {
      driver,
      device: { label: 'New device', new: { of: 'device', prefix: 'Dev' } },
      role: { label: 'Role', start: 'fdo' },
      attachTo: { label: 'Attach on top of', ref: { of: 'device', candidates: namedDevices } },
      exclusive: { label: 'Exclusive' },
      parent: {
        label: 'Child of (a started bus PDO)',
        help: 'A PDO only: the bus device that reported it; removing the parent removes this child first',
        ref: { of: 'device', candidates: namedDevices },
      },
      started: {
        label: 'Started at once (PDO)',
        help: 'Off: the stack waits for IRP_MN_START_DEVICE (Send a PnP IRP) and refuses opens until then',
      },
    },
  },
  {
    id: 'attachDevice',
    label: 'Attach to a stack',
    help: 'IoAttachDeviceToDeviceStack: attach on top of the stack that holds the target.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: { device, to: { label: 'On top of', ref: { of: 'device', candidates: namedDevices } } },
  },
  {
    id: 'detachDevice',
    label: 'Detach',
    help: 'IoDetachDevice: detach from the device below; the lower driver may now unload.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'deleteDevice',
    label: 'Delete device',
    help: 'IoDeleteDevice: marks DOE_DELETE_PENDING; the object goes when nothing references it.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'openHandle',
    label: 'Open a handle',
    help: 'CreateFile: IRP_MJ_CREATE to the top of the stack; ReferenceCount goes up.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device, handle: { label: 'New handle', new: { of: 'handle', prefix: 'h' } } },
  },
  {
    id: 'closeHandle',
    label: 'Close handle',
    help: 'CloseHandle: IRP_MJ_CLEANUP, then IRP_MJ_CLOSE when the file object’s last reference goes.',
    group: 'I/O',
    subject: { kind: 'handle', field: 'handle' },
    fields: { handle },
  },
  {
    id: 'sendIrp',
    label: 'Send an IRP',
    help: 'An I/O request that travels down the stack and stays pending until completed.',
    group: 'I/O',
    subject: { kind: 'handle', field: 'handle' },
    fields: {
      handle,
      irp: { label: 'New IRP', new: { of: 'irp', prefix: 'irp' } },
      major: { label: 'Major function' },
      pendsIn: {
        label: 'Pending in (a lower driver)',
        help: 'Leave empty for the function driver; name a lower device (the PDO, a lower filter) and the drivers above pass it down with IoCallDriver, holding their remove locks until it completes',
        ref: { of: 'device', candidates: namedDevices },
      },
    },
  },
  {
    id: 'completeIrp',
    label: 'Complete IRP',
    help: 'IoCompleteRequest: the IRP climbs back up; allowed even while Unload Pending.',
    group: 'I/O',
    subject: { kind: 'irp', field: 'irp' },
    fields: { irp: { label: 'IRP', ref: { of: 'irp', candidates: outstandingIrps } } },
  },
  {
    id: 'referenceObject',
    label: 'Reference object',
    help: 'ObReferenceObject: keeps the device object’s memory (and the image) alive.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: { device, reference: { label: 'New reference', new: { of: 'reference', prefix: 'ref' } } },
  },
  {
    id: 'dereferenceObject',
    label: 'Dereference',
    help: 'ObDereferenceObject: drops the reference; a deleted device’s memory goes with the last.',
    group: 'Devices',
    subject: { kind: 'reference', field: 'reference' },
    fields: { reference: { label: 'Reference', ref: { of: 'reference', candidates: references } } },
  },
  {
    id: 'registerNotification',
    label: 'Register PnP notification',
    help: 'IoRegisterPlugPlayNotification: references the driver until it unregisters (Unload condition c).',
    group: 'Notifications',
    subject: { kind: 'driver', field: 'driver' },
    fields: {
      driver,
      registration: { label: 'New registration', new: { of: 'registration', prefix: 'reg' } },
      category: { label: 'Category' },
      handle: { ...handle, label: 'Target handle', help: 'targetDeviceChange only' },
      vetoesQueryRemove: { label: 'Fails GUID_TARGET_DEVICE_QUERY_REMOVE', help: 'targetDeviceChange only' },
      keepsHandleOpen: { label: 'Keeps its handle open on a query-remove', help: 'targetDeviceChange only' },
      reregisters: { label: 'Reopens and registers again after a cancel', help: 'targetDeviceChange only' },
      forgetsUnregister: {
        label: 'Keeps its registration after remove-complete (a bug)',
        help: 'targetDeviceChange only: a rule-following callback calls IoUnregisterPlugPlayNotification',
      },
    },
  },
  {
    id: 'registerDeviceNotification',
    label: 'Application: RegisterDeviceNotification',
    help: 'An application registers its window on a handle it holds (DBT_DEVTYP_HANDLE): it hears DBT_DEVICEQUERYREMOVE and friends by WM_DEVICECHANGE. No driver is referenced, unlike IoRegisterPlugPlayNotification.',
    group: 'Notifications',
    subject: { kind: 'handle', field: 'handle' },
    fields: {
      handle: { ...handle, label: 'Application’s handle' },
      registration: { label: 'New registration', new: { of: 'registration', prefix: 'app' } },
      app: { label: 'Application', placeholder: 'App' },
      deniesQueryRemove: {
        label: 'Answers DBT_DEVICEQUERYREMOVE with BROADCAST_QUERY_DENY',
        help: 'Any application may deny a removal',
      },
      keepsHandleOpen: {
        label: 'Keeps its handle open on DBT_DEVICEQUERYREMOVE',
        help: 'A well-behaved application closes it; an open handle makes the removal fail',
      },
      reopens: { label: 'Reopens its handle on DBT_DEVICEQUERYREMOVEFAILED' },
    },
  },
  {
    id: 'unregisterNotification',
    label: 'Unregister',
    help: 'IoUnregisterPlugPlayNotification (a driver’s), or UnregisterDeviceNotification (an application’s).',
    group: 'Notifications',
    subject: { kind: 'registration', field: 'registration' },
    fields: {
      registration: { label: 'Registration', ref: { of: 'registration', candidates: registrations } },
    },
  },
  {
    id: 'registerShutdown',
    label: 'Register for shutdown',
    help: 'IoRegisterShutdownNotification (or the LastChance variant).',
    group: 'Notifications',
    subject: { kind: 'device', field: 'device' },
    fields: { device, lastChance: { label: 'Last chance' } },
  },
  {
    id: 'requestRemove',
    label: 'Request removal',
    help: 'Orderly PnP removal: IRP_MN_QUERY_REMOVE_DEVICE, then REMOVE or CANCEL.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: {
      device,
      present: { label: 'Hardware stays present' },
      eject: {
        label: 'Eject it',
        help: 'After the removal: IRP_MN_EJECT to the bus driver, then a second REMOVE deletes the PDO',
      },
    },
  },
  {
    id: 'surpriseRemove',
    label: 'Pull it out',
    help: 'Surprise removal: IRP_MN_SURPRISE_REMOVAL; REMOVE only after the last handle closes.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'pnpIrp',
    label: 'Send a PnP IRP',
    help: 'One PnP IRP sent to the stack by hand, as the PnP manager would.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, minor: { label: 'Minor function', start: 'IRP_MN_REMOVE_DEVICE' } },
  },
  {
    id: 'deviceUsage',
    label: 'Paging, dump or hibernation file',
    help: 'IRP_MN_DEVICE_USAGE_NOTIFICATION: the system creates (or deletes) a special file on the device; while one is there its drivers fail a query-remove or query-stop.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: {
      device,
      usage: { label: 'Special file' },
      inPath: { label: 'Created (unticked: deleted)' },
    },
  },
  {
    id: 'mountVolume',
    label: 'Mount a volume (file system)',
    help: 'A file system mounts a volume on a storage device: its volume device object takes the files opened on the volume, and it references the storage device while the volume exists. A removal asks it first: open files fail the query; REMOVE dismounts.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: {
      device: { ...device, label: 'Storage device' },
      fs: { ...driver, label: 'File system driver' },
      volume: { label: 'New volume device', new: { of: 'device', prefix: 'Volume' } },
    },
  },
  {
    id: 'requestWaitWake',
    label: 'Arm wake-up (IRP_MN_WAIT_WAKE)',
    help: 'PoRequestPowerIrp by the function driver: the bus driver keeps the IRP pending until the device signals wake (Complete IRP) or its sender cancels it.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, irp: { label: 'New IRP', new: { of: 'irp', prefix: 'wake' } } },
  },
  {
    id: 'acquireRemoveLock',
    label: 'Acquire remove lock',
    help: 'IoAcquireRemoveLock for the driver’s own code (a timer, a DPC); fails once REMOVE has begun.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, tag },
  },
  {
    id: 'releaseRemoveLock',
    label: 'Release remove lock',
    help: 'IoReleaseRemoveLock: the last release lets a waiting IRP_MN_REMOVE_DEVICE go on.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, tag },
  },
  {
    id: 'wdfSetStaticStopRemove',
    label: 'WdfDeviceSetStaticStopRemove',
    help: 'A KMDF driver says whether its device can be stopped and removed; while not, the framework fails query-remove and query-stop.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: {
      device,
      stoppable: { label: 'Stoppable', help: 'Each FALSE must be matched by a TRUE' },
    },
  },
  {
    id: 'wdfObjectReference',
    label: 'KMDF: reference the WDFDEVICE',
    help: 'WdfObjectReferenceWithTag: while the reference is held, the framework still calls EvtCleanupCallback when it deletes the device, but EvtDestroyCallback only at the last dereference.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, tag },
  },
  {
    id: 'wdfObjectDereference',
    label: 'KMDF: dereference the WDFDEVICE',
    help: 'WdfObjectDereferenceWithTag: at zero, a WDFDEVICE the framework already deleted gets its EvtDestroyCallback.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: { device, tag },
  },
  {
    id: 'timerFires',
    label: 'Timer fires',
    help: 'The timer an unloaded driver left queued comes due: its DPC routine is no longer in memory.',
    group: 'System',
    subject: { kind: 'driver', field: 'driver' },
    fields: {
      driver: { label: 'Driver', ref: { of: 'driver', candidates: (w) => w.drivers.keySeq().toArray() } },
    },
  },
  {
    id: 'shutdown',
    label: 'Shut down',
    help: 'System shutdown: IRP_MJ_SHUTDOWN to registrants; no Unload anywhere.',
    group: 'System',
    fields: {},
  },
];
