import { DEVICE_ROLES, IRP_MAJORS, PNP_MINORS } from '../kernel';
import {
  loadedDrivers,
  openHandles,
  outstandingIrps,
  references,
  registrations,
  visibleDevices,
} from './candidates';
import type { FieldSpec, KernelActionDef } from './types';

/** The Windows actions of the scenario format, as the UI offers them. */

const driver: FieldSpec = {
  name: 'driver',
  label: 'Driver',
  kind: { type: 'ref', of: 'driver', candidates: loadedDrivers },
};
const device: FieldSpec = {
  name: 'device',
  label: 'Device',
  kind: { type: 'ref', of: 'device', candidates: visibleDevices },
};

/** A remove-lock acquisition outside an IRP, named by the driver's tag. */
const tag: FieldSpec = {
  name: 'tag',
  label: 'Tag',
  kind: { type: 'text', placeholder: 'timer' },
  default: 'timer',
};

function def(d: Omit<KernelActionDef, 'kind' | 'os'>): KernelActionDef {
  return { kind: 'kernel', os: 'windows', ...d };
}

export const WINDOWS_ACTIONS: readonly KernelActionDef[] = [
  def({
    id: 'loadDriver',
    label: 'Load driver',
    help: 'Start a service or load a PnP driver: the I/O manager maps the image and calls DriverEntry.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    // Reloading a known driver keeps what it was.
    prefill: (world, subject) => {
      const d = world.os === 'windows' && subject ? world.drivers.get(subject.name) : undefined;
      return d
        ? {
            model: d.model,
            unloadRoutine: d.hasUnload,
            vetoesQueryRemove: d.vetoesQueryRemove,
            removeLock: d.usesRemoveLock,
            ...(d.controlDevice === undefined ? {} : { controlDevice: d.controlDevice }),
          }
        : {};
    },
    fields: [
      { name: 'driver', label: 'Driver', kind: { type: 'new', of: 'driver', prefix: 'Driver' } },
      { name: 'model', label: 'Model', kind: { type: 'enum', options: ['pnp', 'legacy'] }, default: 'pnp' },
      {
        name: 'controlDevice',
        label: 'Control device',
        kind: { type: 'new', of: 'device', prefix: 'Ctl' },
        optional: true,
      },
      { name: 'unloadRoutine', label: 'Has an Unload routine', kind: { type: 'bool' }, default: true },
      {
        name: 'driverEntry',
        label: 'DriverEntry returns',
        kind: { type: 'text', placeholder: 'success or STATUS_…' },
        default: 'success',
      },
      {
        name: 'vetoesQueryRemove',
        label: 'Fails IRP_MN_QUERY_REMOVE_DEVICE',
        kind: { type: 'bool' },
        default: false,
      },
      {
        name: 'removeLock',
        label: 'Keeps a remove lock',
        kind: { type: 'bool' },
        default: false,
        help: 'IoAcquireRemoveLock per I/O; IRP_MN_REMOVE_DEVICE waits for every release',
      },
    ],
  }),
  def({
    id: 'stopDriver',
    label: 'Stop (sc stop)',
    help: 'NtUnloadDriver: marks a legacy driver Unload Pending; Unload runs when nothing holds it.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    fields: [driver],
  }),
  def({
    id: 'updateDriver',
    label: 'Update driver',
    help: 'Replace the driver: remove its devices, unload the old image, load the new one.',
    group: 'Drivers',
    subject: { kind: 'driver', field: 'driver' },
    fields: [driver],
  }),
  def({
    id: 'createDevice',
    label: 'Create device',
    help: 'IoCreateDevice (and IoAttachDeviceToDeviceStack, as AddDevice does).',
    group: 'Devices',
    subject: { kind: 'driver', field: 'driver' },
    fields: [
      driver,
      { name: 'device', label: 'New device', kind: { type: 'new', of: 'device', prefix: 'Dev' } },
      { name: 'role', label: 'Role', kind: { type: 'enum', options: DEVICE_ROLES }, default: 'fdo' },
      {
        name: 'attachTo',
        label: 'Attach on top of',
        kind: { type: 'ref', of: 'device', candidates: visibleDevices },
        optional: true,
      },
      { name: 'exclusive', label: 'Exclusive', kind: { type: 'bool' }, default: false },
    ],
  }),
  def({
    id: 'attachDevice',
    label: 'Attach to a stack',
    help: 'IoAttachDeviceToDeviceStack: attach on top of the stack that holds the target.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      { name: 'to', label: 'On top of', kind: { type: 'ref', of: 'device', candidates: visibleDevices } },
    ],
  }),
  def({
    id: 'detachDevice',
    label: 'Detach',
    help: 'IoDetachDevice: detach from the device below; the lower driver may now unload.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'deleteDevice',
    label: 'Delete device',
    help: 'IoDeleteDevice: marks DOE_DELETE_PENDING; the object goes when nothing references it.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'openHandle',
    label: 'Open a handle',
    help: 'CreateFile: IRP_MJ_CREATE to the top of the stack; ReferenceCount goes up.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      { name: 'handle', label: 'New handle', kind: { type: 'new', of: 'handle', prefix: 'h' } },
    ],
  }),
  def({
    id: 'closeHandle',
    label: 'Close handle',
    help: 'CloseHandle: IRP_MJ_CLEANUP, then IRP_MJ_CLOSE when the file object’s last reference goes.',
    group: 'I/O',
    subject: { kind: 'handle', field: 'handle' },
    fields: [
      { name: 'handle', label: 'Handle', kind: { type: 'ref', of: 'handle', candidates: openHandles } },
    ],
  }),
  def({
    id: 'sendIrp',
    label: 'Send an IRP',
    help: 'An I/O request that travels down the stack and stays pending until completed.',
    group: 'I/O',
    subject: { kind: 'handle', field: 'handle' },
    fields: [
      { name: 'handle', label: 'Handle', kind: { type: 'ref', of: 'handle', candidates: openHandles } },
      { name: 'irp', label: 'New IRP', kind: { type: 'new', of: 'irp', prefix: 'irp' } },
      {
        name: 'major',
        label: 'Major function',
        kind: { type: 'enum', options: IRP_MAJORS },
        default: 'IRP_MJ_READ',
      },
    ],
  }),
  def({
    id: 'completeIrp',
    label: 'Complete IRP',
    help: 'IoCompleteRequest: the IRP climbs back up; allowed even while Unload Pending.',
    group: 'I/O',
    subject: { kind: 'irp', field: 'irp' },
    fields: [{ name: 'irp', label: 'IRP', kind: { type: 'ref', of: 'irp', candidates: outstandingIrps } }],
  }),
  def({
    id: 'referenceObject',
    label: 'Reference object',
    help: 'ObReferenceObject: keeps the device object’s memory (and the image) alive.',
    group: 'Devices',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      { name: 'reference', label: 'New reference', kind: { type: 'new', of: 'reference', prefix: 'ref' } },
    ],
  }),
  def({
    id: 'dereferenceObject',
    label: 'Dereference',
    help: 'ObDereferenceObject: drops the reference; a deleted device’s memory goes with the last.',
    group: 'Devices',
    subject: { kind: 'reference', field: 'reference' },
    fields: [
      {
        name: 'reference',
        label: 'Reference',
        kind: { type: 'ref', of: 'reference', candidates: references },
      },
    ],
  }),
  def({
    id: 'registerNotification',
    label: 'Register PnP notification',
    help: 'IoRegisterPlugPlayNotification: references the driver until it unregisters (Unload condition c).',
    group: 'Notifications',
    subject: { kind: 'driver', field: 'driver' },
    fields: [
      driver,
      {
        name: 'registration',
        label: 'New registration',
        kind: { type: 'new', of: 'registration', prefix: 'reg' },
      },
      {
        name: 'category',
        label: 'Category',
        kind: {
          type: 'enum',
          options: ['deviceInterfaceChange', 'targetDeviceChange', 'hardwareProfileChange'],
        },
        default: 'deviceInterfaceChange',
      },
      {
        name: 'handle',
        label: 'Target handle',
        kind: { type: 'ref', of: 'handle', candidates: openHandles },
        optional: true,
        help: 'targetDeviceChange only',
      },
      {
        name: 'vetoesQueryRemove',
        label: 'Fails GUID_TARGET_DEVICE_QUERY_REMOVE',
        kind: { type: 'bool' },
        default: false,
        help: 'targetDeviceChange only',
      },
      {
        name: 'keepsHandleOpen',
        label: 'Keeps its handle open on a query-remove',
        kind: { type: 'bool' },
        default: false,
        help: 'targetDeviceChange only',
      },
      {
        name: 'reregisters',
        label: 'Reopens and registers again after a cancel',
        kind: { type: 'bool' },
        default: false,
        help: 'targetDeviceChange only',
      },
    ],
  }),
  def({
    id: 'unregisterNotification',
    label: 'Unregister',
    help: 'IoUnregisterPlugPlayNotification.',
    group: 'Notifications',
    subject: { kind: 'registration', field: 'registration' },
    fields: [
      {
        name: 'registration',
        label: 'Registration',
        kind: { type: 'ref', of: 'registration', candidates: registrations },
      },
    ],
  }),
  def({
    id: 'registerShutdown',
    label: 'Register for shutdown',
    help: 'IoRegisterShutdownNotification (or the LastChance variant).',
    group: 'Notifications',
    subject: { kind: 'device', field: 'device' },
    fields: [device, { name: 'lastChance', label: 'Last chance', kind: { type: 'bool' }, default: false }],
  }),
  def({
    id: 'requestRemove',
    label: 'Request removal',
    help: 'Orderly PnP removal: IRP_MN_QUERY_REMOVE_DEVICE, then REMOVE or CANCEL.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      { name: 'present', label: 'Hardware stays present', kind: { type: 'bool' }, default: false },
    ],
  }),
  def({
    id: 'surpriseRemove',
    label: 'Pull it out',
    help: 'Surprise removal: IRP_MN_SURPRISE_REMOVAL; REMOVE only after the last handle closes.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'pnpIrp',
    label: 'Send a PnP IRP',
    help: 'One PnP IRP sent to the stack by hand, as the PnP manager would.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      {
        name: 'minor',
        label: 'Minor function',
        kind: { type: 'enum', options: PNP_MINORS },
        default: 'IRP_MN_REMOVE_DEVICE',
      },
    ],
  }),
  def({
    id: 'acquireRemoveLock',
    label: 'Acquire remove lock',
    help: 'IoAcquireRemoveLock for the driver’s own code (a timer, a DPC); fails once REMOVE has begun.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: [device, tag],
  }),
  def({
    id: 'releaseRemoveLock',
    label: 'Release remove lock',
    help: 'IoReleaseRemoveLock: the last release lets a waiting IRP_MN_REMOVE_DEVICE go on.',
    group: 'PnP',
    subject: { kind: 'device', field: 'device' },
    fields: [device, tag],
  }),
  def({
    id: 'shutdown',
    label: 'Shut down',
    help: 'System shutdown: IRP_MJ_SHUTDOWN to registrants; no Unload anywhere.',
    group: 'System',
    fields: [],
  }),
];
