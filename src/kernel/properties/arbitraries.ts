import fc from 'fast-check';
import {
  DDI_VERSIONS,
  DEVICE_ROLES,
  ERRNOS,
  IRP_MAJORS,
  PNP_MINORS,
  type Svr5Action,
  type Svr5Options,
  type WindowsAction,
  type WindowsOptions,
} from '../scenario/actions';

/**
 * Arbitraries for the property tests: random action sequences over a small
 * pool of names, so that actions keep hitting objects that exist, plus a few
 * setup prefixes that build deep states (a legacy driver with a control
 * device, a bus/function/filter stack, dependent modules) the random tail
 * then pokes at.
 */

// ── Name pools ────────────────────────────────────────────────────────────

export const DRIVERS = ['D0', 'D1', 'D2', 'D3'] as const;
export const DEVICES = ['X0', 'X1', 'X2', 'X3', 'X4', 'X5'] as const;
export const HANDLES = ['h0', 'h1', 'h2', 'h3'] as const;
export const IRPS = ['i0', 'i1', 'i2', 'i3'] as const;
export const REGISTRATIONS = ['r0', 'r1', 'r2'] as const;
export const REFERENCES = ['o0', 'o1', 'o2'] as const;

export const MODULES = ['M0', 'M1', 'M2', 'M3'] as const;
export const CHANNELS = ['c0', 'c1', 'c2', 'c3'] as const;
/** Instance names: `M0d0`, `M0d1`, … plus the default `M00` a module gets without `devices`. */
export const INSTANCES = MODULES.flatMap((m) => [`${m}d0`, `${m}d1`, `${m}0`]);

/** DriverEntry failures a scenario may give (NTSTATUS names). */
export const ENTRY_FAILURES = [
  'STATUS_INSUFFICIENT_RESOURCES',
  'STATUS_UNSUCCESSFUL',
  'STATUS_DEVICE_CONFIGURATION_ERROR',
  'STATUS_NO_SUCH_DEVICE',
] as const;

/** One of `names`, the first ones more often (so actions keep meeting the objects earlier ones made). */
function biased(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(...names.map((n, i) => ({ weight: names.length - i + 1, arbitrary: fc.constant(n) })));
}

const driver = biased(DRIVERS);
const device = biased(DEVICES);
const handle = biased(HANDLES);
const irp = biased(IRPS);
const registration = biased(REGISTRATIONS);
const reference = biased(REFERENCES);
/** Mostly false: a flag that would otherwise make too many runs degenerate. */
const rarely = fc.oneof(
  { weight: 4, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);
/** Mostly true. */
const usually = rarely.map((b) => !b);

// ── Windows ───────────────────────────────────────────────────────────────

type W<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;

const driverEntry = fc.oneof(
  { weight: 6, arbitrary: fc.constant('success') },
  { weight: 1, arbitrary: fc.constantFrom(...ENTRY_FAILURES) },
);

export const loadDriverArb: fc.Arbitrary<W<'loadDriver'>> = fc.record(
  {
    do: fc.constant('loadDriver' as const),
    driver,
    model: fc.constantFrom('pnp' as const, 'legacy' as const),
    unloadRoutine: usually,
    driverEntry,
    controlDevice: device,
    vetoesQueryRemove: rarely,
    driverEntryLeaksDevice: fc.boolean(),
  },
  { requiredKeys: ['do', 'driver'] },
);

const createDeviceArb: fc.Arbitrary<W<'createDevice'>> = fc.record(
  {
    do: fc.constant('createDevice' as const),
    driver,
    device,
    role: fc.constantFrom(...DEVICE_ROLES),
    attachTo: device,
    exclusive: rarely,
  },
  { requiredKeys: ['do', 'driver', 'device', 'role'] },
);

const windowsActionArb: fc.Arbitrary<WindowsAction> = fc.oneof(
  { weight: 4, arbitrary: loadDriverArb },
  { weight: 5, arbitrary: createDeviceArb },
  {
    weight: 2,
    arbitrary: fc.record({ do: fc.constant('attachDevice' as const), device, to: device }),
  },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('detachDevice' as const), device }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('deleteDevice' as const), device }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('openHandle' as const), device, handle }) },
  { weight: 9, arbitrary: fc.record({ do: fc.constant('closeHandle' as const), handle }) },
  {
    weight: 4,
    arbitrary: fc.record(
      { do: fc.constant('sendIrp' as const), handle, irp, major: fc.constantFrom(...IRP_MAJORS) },
      { requiredKeys: ['do', 'handle', 'irp'] },
    ),
  },
  { weight: 9, arbitrary: fc.record({ do: fc.constant('completeIrp' as const), irp }) },
  {
    weight: 2,
    arbitrary: fc.record({ do: fc.constant('referenceObject' as const), device, reference }),
  },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('dereferenceObject' as const), reference }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        do: fc.constant('registerNotification' as const),
        driver,
        registration,
        category: fc.constantFrom(
          'deviceInterfaceChange' as const,
          'targetDeviceChange' as const,
          'hardwareProfileChange' as const,
        ),
        handle,
      },
      { requiredKeys: ['do', 'driver', 'registration', 'category'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({ do: fc.constant('unregisterNotification' as const), registration }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { do: fc.constant('registerShutdown' as const), device, lastChance: fc.boolean() },
      { requiredKeys: ['do', 'device'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      { do: fc.constant('requestRemove' as const), device, present: fc.boolean() },
      { requiredKeys: ['do', 'device'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('surpriseRemove' as const), device }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('pnpIrp' as const),
      device,
      minor: fc.constantFrom(...PNP_MINORS),
    }),
  },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('stopDriver' as const), driver }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('updateDriver' as const), driver }) },
);

/**
 * A few actions that belong together (names shared), so that random runs
 * often get an open handle with a pending IRP, a driver with a device, a
 * registration on a handle. Shutdown, which ends a run, is rare.
 */
const windowsChunkArb: fc.Arbitrary<WindowsAction[]> = fc.oneof(
  { weight: 200, arbitrary: windowsActionArb.map((a) => [a]) },
  {
    weight: 30,
    arbitrary: fc
      .tuple(device, handle, irp, fc.option(fc.constantFrom(...IRP_MAJORS), { nil: undefined }))
      .map(([dev, h, i, major]): WindowsAction[] => [
        { do: 'openHandle', device: dev, handle: h },
        major === undefined
          ? { do: 'sendIrp', handle: h, irp: i }
          : { do: 'sendIrp', handle: h, irp: i, major },
      ]),
  },
  {
    weight: 10,
    arbitrary: fc.tuple(driver, device, handle, registration).map(([drv, dev, h, r]): WindowsAction[] => [
      { do: 'openHandle', device: dev, handle: h },
      { do: 'registerNotification', driver: drv, registration: r, category: 'targetDeviceChange', handle: h },
    ]),
  },
  {
    weight: 25,
    arbitrary: fc
      .tuple(loadDriverArb, createDeviceArb)
      .map(([load, create]): WindowsAction[] => [load, { ...create, driver: load.driver }]),
  },
  {
    weight: 15,
    arbitrary: fc.tuple(driver, device, usually).map(([drv, dev, unloadRoutine]): WindowsAction[] => [
      { do: 'loadDriver', driver: drv, model: 'legacy', unloadRoutine, controlDevice: dev },
      { do: 'stopDriver', driver: drv },
    ]),
  },
  {
    weight: 10,
    arbitrary: fc.tuple(driver, device, handle).map(([drv, dev, h]): WindowsAction[] => [
      { do: 'loadDriver', driver: drv, model: 'legacy', controlDevice: dev },
      { do: 'openHandle', device: dev, handle: h },
      { do: 'stopDriver', driver: drv },
    ]),
  },
  { weight: 1, arbitrary: fc.constant<WindowsAction[]>([{ do: 'shutdown' }]) },
);

/** A legacy driver D3 whose DriverEntry creates control device X3 (and maybe opens it). */
const legacyPrefix: fc.Arbitrary<WindowsAction[]> = fc
  .record({ unloadRoutine: usually, open: rarely, pnp: rarely })
  .map(({ unloadRoutine, open, pnp }) => [
    {
      do: 'loadDriver' as const,
      driver: 'D3',
      model: pnp ? ('pnp' as const) : ('legacy' as const),
      unloadRoutine,
      controlDevice: 'X3',
    },
    ...(open ? [{ do: 'openHandle' as const, device: 'X3', handle: 'h3' }] : []),
  ]);

/** A PnP stack: bus driver D0's PDO X0, function driver D1's FDO X1, filter driver D2's X2 on top. */
const stackPrefix: fc.Arbitrary<WindowsAction[]> = fc
  .record({
    busModel: fc.constantFrom('pnp' as const, 'legacy' as const),
    fdoUnload: usually,
    filterUnload: usually,
    filter: usually,
    veto: rarely,
    open: rarely,
    register: rarely,
  })
  .map(({ busModel, fdoUnload, filterUnload, filter, veto, open, register }) => [
    { do: 'loadDriver' as const, driver: 'D0', model: busModel },
    { do: 'createDevice' as const, driver: 'D0', device: 'X0', role: 'pdo' as const },
    { do: 'loadDriver' as const, driver: 'D1', unloadRoutine: fdoUnload, vetoesQueryRemove: veto },
    { do: 'createDevice' as const, driver: 'D1', device: 'X1', role: 'fdo' as const, attachTo: 'X0' },
    ...(filter
      ? [
          { do: 'loadDriver' as const, driver: 'D2', model: 'pnp' as const, unloadRoutine: filterUnload },
          {
            do: 'createDevice' as const,
            driver: 'D2',
            device: 'X2',
            role: 'filter' as const,
            attachTo: 'X1',
          },
        ]
      : []),
    ...(open
      ? [
          { do: 'openHandle' as const, device: 'X1', handle: 'h0' },
          { do: 'sendIrp' as const, handle: 'h0', irp: 'i0' },
        ]
      : []),
    ...(register
      ? [
          {
            do: 'registerNotification' as const,
            driver: 'D1',
            registration: 'r0',
            category: 'deviceInterfaceChange' as const,
          },
        ]
      : []),
  ]);

const windowsPrefix: fc.Arbitrary<WindowsAction[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<WindowsAction[]>([]) },
  { weight: 2, arbitrary: legacyPrefix },
  { weight: 3, arbitrary: stackPrefix },
  { weight: 2, arbitrary: fc.tuple(stackPrefix, legacyPrefix).map(([a, b]) => [...a, ...b]) },
);

export const windowsOptionsArb: fc.Arbitrary<Partial<WindowsOptions>> = fc.record(
  {
    deferredStopStatus: fc.constantFrom('STATUS_SUCCESS' as const, 'STATUS_INVALID_DEVICE_REQUEST' as const),
  },
  { requiredKeys: [] },
);

/** A Windows run: options, then a setup prefix followed by 5–40 random actions. */
export const windowsRunArb = (maxLength = 40) =>
  fc.record({
    options: windowsOptionsArb,
    actions: fc
      .tuple(
        windowsPrefix,
        fc.array(windowsChunkArb, { minLength: 5, maxLength: Math.ceil(maxLength / 1.3) }),
      )
      .map(([prefix, tail]) => [...prefix, ...tail.flat()].slice(0, Math.max(maxLength, prefix.length + 5))),
  });

// ── SVR5 ──────────────────────────────────────────────────────────────────

type S<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;

const moduleName = biased(MODULES);
/** Instances, the usual ones (`M0d0`, `M1d0`, …) first; `nodev` is never configured. */
const instance = biased([
  ...MODULES.map((m) => `${m}d0`),
  ...MODULES.map((m) => `${m}d1`),
  ...MODULES.map((m) => `${m}0`),
  'nodev',
]);
const channel = biased(CHANNELS);
const errno = fc.constantFrom(...ERRNOS);
/** `_load` / `_unload` results: mostly 0 (as a number or a string), sometimes an errno. */
const returns = (zeroWeight: number) =>
  fc.oneof(
    { weight: zeroWeight, arbitrary: fc.constantFrom(0 as const, '0' as const) },
    { weight: 1, arbitrary: errno },
  );
const seconds = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 30, 60, 120) },
);

export const registerModuleArb: fc.Arbitrary<S<'registerModule'>> = moduleName.chain((module) =>
  fc.record(
    {
      do: fc.constant('registerModule' as const),
      module: fc.constant(module),
      ddi: fc.constantFrom(...DDI_VERSIONS),
      devices: fc.oneof(
        { weight: 3, arbitrary: fc.constant<string[]>([`${module}d0`]) },
        { weight: 3, arbitrary: fc.constant<string[]>([`${module}d0`, `${module}d1`]) },
        { weight: 1, arbitrary: fc.subarray([`${module}d0`, `${module}d1`]) },
        { weight: 1, arbitrary: fc.subarray([`${module}d0`, 'M0d0', `${module}d0`]) },
      ),
      unloadRoutine: usually,
      loadReturns: returns(5),
      unloadReturns: returns(2),
      dependsOn: fc.subarray([...MODULES], { maxLength: 2 }),
      hba: rarely,
      hot: fc.boolean(),
      unloadDelay: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 3600 })),
      copyoutInUnload: rarely,
    },
    { requiredKeys: ['do', 'module', 'ddi'] },
  ),
);

const svr5ActionArb: fc.Arbitrary<Svr5Action> = fc.oneof(
  { weight: 4, arbitrary: registerModuleArb },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('loadModule' as const), module: moduleName }) },
  { weight: 6, arbitrary: fc.record({ do: fc.constant('open' as const), device: instance, channel }) },
  { weight: 6, arbitrary: fc.record({ do: fc.constant('close' as const), channel }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('unloadModule' as const), module: moduleName }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('advanceTime' as const), seconds }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('hotRemove' as const), device: instance }) },
);

/** Actions that belong together (names shared); shutdown, which ends a run, is rare. */
const svr5ChunkArb: fc.Arbitrary<Svr5Action[]> = fc.oneof(
  { weight: 120, arbitrary: svr5ActionArb.map((a) => [a]) },
  {
    weight: 20,
    arbitrary: fc
      .tuple(registerModuleArb, channel)
      .map(([reg, ch]): Svr5Action[] => [
        reg,
        { do: 'open', device: reg.devices?.[0] ?? `${reg.module}0`, channel: ch },
      ]),
  },
  {
    weight: 20,
    arbitrary: fc.tuple(instance, channel, seconds).map(([dev, ch, s]): Svr5Action[] => [
      { do: 'open', device: dev, channel: ch },
      { do: 'close', channel: ch },
      { do: 'advanceTime', seconds: s },
    ]),
  },
  {
    weight: 10,
    arbitrary: fc.tuple(channel, moduleName).map(([ch, m]): Svr5Action[] => [
      { do: 'close', channel: ch },
      { do: 'unloadModule', module: m },
    ]),
  },
  {
    weight: 10,
    arbitrary: moduleName.map((m): Svr5Action[] => [
      { do: 'loadModule', module: m },
      { do: 'unloadModule', module: m },
    ]),
  },
  { weight: 1, arbitrary: fc.constant<Svr5Action[]>([{ do: 'shutdown' }]) },
);

/** Module M0 (DDI 8, two instances), maybe M1 depending on it, maybe an old driver M2. */
const svr5Prefix: fc.Arbitrary<Svr5Action[]> = fc
  .record({
    dependent: fc.boolean(),
    old: fc.boolean(),
    oldUnload: fc.boolean(),
    demand: fc.boolean(),
    open: fc.boolean(),
    hot: fc.boolean(),
    unloadReturns: returns(3),
  })
  .map(({ dependent, old, oldUnload, demand, open, hot, unloadReturns }) => [
    {
      do: 'registerModule' as const,
      module: 'M0',
      ddi: '8' as const,
      devices: ['M0d0', 'M0d1'],
      hot,
      unloadReturns,
    },
    ...(dependent
      ? [
          {
            do: 'registerModule' as const,
            module: 'M1',
            ddi: '8mp' as const,
            devices: ['M1d0'],
            dependsOn: ['M0'],
          },
        ]
      : []),
    ...(old
      ? [
          {
            do: 'registerModule' as const,
            module: 'M2',
            ddi: '7' as const,
            devices: ['M2d0'],
            unloadRoutine: oldUnload,
            unloadDelay: 30,
          },
        ]
      : []),
    ...(demand ? [{ do: 'loadModule' as const, module: dependent ? 'M1' : 'M0' }] : []),
    ...(open ? [{ do: 'open' as const, device: dependent ? 'M1d0' : 'M0d0', channel: 'c0' }] : []),
  ]);

export const svr5OptionsArb: fc.Arbitrary<Partial<Svr5Options>> = fc.record(
  {
    defUnloadDelay: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 150 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 3600 }) },
    ),
    unloadWake: fc.integer({ min: 1, max: 120 }),
    profiling: rarely,
  },
  { requiredKeys: [] },
);

/** An SVR5 run: options, then maybe a setup prefix, then 5–40 random actions. */
export const svr5RunArb = (maxLength = 40) =>
  fc.record({
    options: svr5OptionsArb,
    actions: fc
      .tuple(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant<Svr5Action[]>([]) },
          { weight: 2, arbitrary: svr5Prefix },
        ),
        fc.array(svr5ChunkArb, { minLength: 5, maxLength: Math.ceil(maxLength / 1.4) }),
      )
      .map(([prefix, tail]) => [...prefix, ...tail.flat()].slice(0, Math.max(maxLength, prefix.length + 5))),
  });

// ── Helpers ───────────────────────────────────────────────────────────────

/** A stable text form of a value (Immutable collections serialise through toJSON). */
export function snapshot(v: unknown): string {
  return JSON.stringify(v);
}

/** Throws with a message that names the step, so fast-check's report reads well. */
export function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}
