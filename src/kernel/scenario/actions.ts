import * as z from 'zod/mini';
import { bool, name, oneOf, seconds, show } from './fields';

/**
 * The actions of the scenario format (shared/design/scenario-format.md), one
 * schema each. These schemas are the single source of the action types: the
 * kernel, the parser and the app all use what they infer.
 */

// ── Windows ───────────────────────────────────────────────────────────────

export const NTSTATUS_RE = /^STATUS_[A-Z0-9_]+$/;

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
  },
  createDevice: {
    driver: name(),
    device: name(),
    role: oneOf(DEVICE_ROLES),
    attachTo: z.optional(name()),
    /** Ours: an exclusive device admits one open at a time. */
    exclusive: bool(),
  },
  attachDevice: { device: name(), to: name() },
  detachDevice: { device: name() },
  deleteDevice: { device: name() },
  openHandle: { device: name(), handle: name() },
  closeHandle: { handle: name() },
  sendIrp: { handle: name(), irp: name(), major: z.optional(oneOf(IRP_MAJORS)) },
  completeIrp: { irp: name() },
  referenceObject: { device: name(), reference: name() },
  dereferenceObject: { reference: name() },
  registerNotification: {
    driver: name(),
    registration: name(),
    category: oneOf(['deviceInterfaceChange', 'targetDeviceChange', 'hardwareProfileChange']),
    handle: z.optional(name()),
  },
  unregisterNotification: { registration: name() },
  registerShutdown: { device: name(), lastChance: bool() },
  requestRemove: { device: name(), present: bool() },
  surpriseRemove: { device: name() },
  pnpIrp: { device: name(), minor: oneOf(PNP_MINORS) },
  stopDriver: { driver: name() },
  updateDriver: { driver: name() },
  shutdown: {},
} satisfies Record<string, z.core.$ZodShape>;

// ── SVR5 ──────────────────────────────────────────────────────────────────

export const DDI_VERSIONS = ['4', '5', '5mp', '6', '6mp', '7', '7mp', '7.1', '7.1mp', '8', '8mp'] as const;

/** errnos(D5): the ones a driver commonly returns. */
export const ERRNOS = [
  'EBUSY',
  'EINVAL',
  'EIO',
  'ENOMEM',
  'EAGAIN',
  'ENXIO',
  'ENODEV',
  'EPERM',
  'EEXIST',
  'EFAULT',
  'EINTR',
  'EACCES',
  'EOPNOTSUPP',
] as const;

const errnoOrZero = z.union([z.literal(0), z.literal('0'), z.enum(ERRNOS)], {
  error: (iss) => `expected 0 or an errno name (${ERRNOS.join(', ')}), got ${show(iss.input)}`,
});

export const svr5Actions = {
  registerModule: {
    module: name(),
    ddi: oneOf(DDI_VERSIONS),
    devices: z.optional(
      z.array(name(), { error: (iss) => `expected a list of device names, got ${show(iss.input)}` }),
    ),
    unloadRoutine: bool(),
    loadReturns: z.optional(errnoOrZero),
    unloadReturns: z.optional(errnoOrZero),
    dependsOn: z.optional(
      z.array(name(), { error: (iss) => `expected a list of module names, got ${show(iss.input)}` }),
    ),
    hba: bool(),
    hot: bool(),
    unloadDelay: z.optional(seconds(0, 3600)),
    copyoutInUnload: bool(),
  },
  loadModule: { module: name() },
  open: { device: name(), channel: name() },
  close: { channel: name() },
  unloadModule: { module: name() },
  advanceTime: { seconds: seconds(0, 86_400) },
  hotRemove: { device: name() },
  shutdown: {},
} satisfies Record<string, z.core.$ZodShape>;

type Infer<Shapes extends Record<string, z.core.$ZodShape>> = {
  [K in keyof Shapes & string]: [keyof Shapes[K]] extends [never]
    ? { do: K }
    : { do: K } & z.infer<z.ZodMiniObject<Shapes[K]>>;
}[keyof Shapes & string];

export type WindowsAction = Infer<typeof windowsActions>;
export type Svr5Action = Infer<typeof svr5Actions>;
export type Action = WindowsAction | Svr5Action;
export type WindowsActionName = WindowsAction['do'];
export type Svr5ActionName = Svr5Action['do'];

export const WINDOWS_ACTION_NAMES = Object.keys(windowsActions) as WindowsActionName[];
export const SVR5_ACTION_NAMES = Object.keys(svr5Actions) as Svr5ActionName[];

/** Options per OS (the scenario's `options`). */
export const windowsOptions = {
  deferredStopStatus: z.optional(oneOf(['STATUS_SUCCESS', 'STATUS_INVALID_DEVICE_REQUEST'])),
};
export const svr5Options = {
  defUnloadDelay: z.optional(seconds(0, 3600)),
  unloadWake: z.optional(seconds(1, 3600)),
  profiling: bool(),
};
export type WindowsOptions = Required<z.infer<z.ZodMiniObject<typeof windowsOptions>>>;
export type Svr5Options = Required<z.infer<z.ZodMiniObject<typeof svr5Options>>>;

export const DEFAULT_WINDOWS_OPTIONS: WindowsOptions = { deferredStopStatus: 'STATUS_SUCCESS' };
export const DEFAULT_SVR5_OPTIONS: Svr5Options = { defUnloadDelay: 60, unloadWake: 60, profiling: false };
