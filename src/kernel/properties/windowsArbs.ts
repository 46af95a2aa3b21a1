import fc from 'fast-check';
import {
  DEVICE_ROLES,
  IRP_MAJORS,
  PNP_MINORS,
  type WindowsAction,
  type WindowsOptions,
} from '../scenario/actions';
import {
  ENTRY_FAILURES,
  device,
  driver,
  handle,
  irp,
  rarely,
  reference,
  registration,
  tag,
  usually,
} from './pools';

/**
 * Random Windows action sequences, with setup prefixes that build deep states
 * (a legacy driver with a control device, a bus/function/filter stack) the
 * random tail then pokes at.
 */

type W<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;

const driverEntry = fc.oneof(
  { weight: 6, arbitrary: fc.constant('success') },
  { weight: 1, arbitrary: fc.constantFrom(...ENTRY_FAILURES) },
);

const loadDriverArb: fc.Arbitrary<W<'loadDriver'>> = fc.record(
  {
    do: fc.constant('loadDriver' as const),
    driver,
    model: fc.constantFrom('pnp' as const, 'legacy' as const),
    unloadRoutine: usually,
    driverEntry,
    controlDevice: device,
    vetoesQueryRemove: rarely,
    vetoesQueryStop: rarely,
    driverEntryLeaksDevice: fc.boolean(),
    removeLock: fc.boolean(),
    forgetsCleanup: fc.boolean(),
    forgetsWaitWake: rarely,
    startFails: fc.constant('STATUS_DEVICE_NOT_READY'),
    framework: fc.constantFrom('wdm' as const, 'kmdf' as const),
    verifier: fc.boolean(),
    leaksPool: rarely,
    leavesTimer: rarely,
    leavesEtwProvider: rarely,
    leavesWmiCallback: rarely,
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
    started: usually,
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
      {
        do: fc.constant('sendIrp' as const),
        handle,
        irp,
        major: fc.constantFrom(...IRP_MAJORS),
        pendsIn: device,
      },
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
        vetoesQueryRemove: rarely,
        keepsHandleOpen: rarely,
        reregisters: fc.boolean(),
        forgetsUnregister: fc.boolean(),
      },
      { requiredKeys: ['do', 'driver', 'registration', 'category'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        do: fc.constant('registerDeviceNotification' as const),
        registration,
        handle,
        deniesQueryRemove: rarely,
        keepsHandleOpen: rarely,
        reopens: fc.boolean(),
      },
      { requiredKeys: ['do', 'registration', 'handle'] },
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
      { do: fc.constant('requestRemove' as const), device, present: fc.boolean(), eject: fc.boolean() },
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
  { weight: 2, arbitrary: fc.record({ do: fc.constant('acquireRemoveLock' as const), device, tag }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('requestWaitWake' as const), device, irp }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        do: fc.constant('deviceUsage' as const),
        device,
        usage: fc.constantFrom('paging' as const, 'dump' as const, 'hibernation' as const),
        inPath: fc.boolean(),
      },
      { requiredKeys: ['do', 'device', 'usage'] },
    ),
  },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('releaseRemoveLock' as const), device, tag }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('stopDriver' as const), driver }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('wdfSetStaticStopRemove' as const),
      device,
      stoppable: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('wdfObjectReference' as const), device, tag }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('wdfObjectDereference' as const), device, tag }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('timerFires' as const), driver }) },
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
    weight: 6,
    // A file system mounts a volume on a device; a file is sometimes opened on it; the device is removed.
    arbitrary: fc
      .tuple(driver, device, device, handle, fc.boolean(), fc.boolean(), fc.boolean())
      .map(([fs, dev, vol, h, open, surprise, stop]): WindowsAction[] => [
        { do: 'loadDriver', driver: fs, model: 'legacy' },
        { do: 'mountVolume', device: dev, fs, volume: vol },
        ...(open ? [{ do: 'openHandle' as const, device: vol, handle: h }] : []),
        // sc stop of the file system while its volume is mounted (win.fs.mountedHolds).
        ...(stop ? [{ do: 'stopDriver' as const, driver: fs }] : []),
        surprise ? { do: 'surpriseRemove', device: dev } : { do: 'requestRemove', device: dev },
      ]),
  },
  {
    weight: 6,
    // An application opens the device and registers its window on the handle.
    arbitrary: fc.tuple(device, handle, registration, rarely).map(([dev, h, r, deny]): WindowsAction[] => [
      { do: 'openHandle', device: dev, handle: h },
      { do: 'registerDeviceNotification', registration: r, handle: h, deniesQueryRemove: deny },
    ]),
  },
  {
    weight: 10,
    // A timer holds the function driver's remove lock while its stack is removed.
    arbitrary: fc
      .tuple(device, tag, fc.boolean(), fc.boolean())
      .map(([dev, t, surprise, release]): WindowsAction[] => [
        { do: 'acquireRemoveLock', device: dev, tag: t },
        surprise ? { do: 'surpriseRemove', device: dev } : { do: 'requestRemove', device: dev },
        ...(release ? [{ do: 'releaseRemoveLock' as const, device: dev, tag: t }] : []),
      ]),
  },
  {
    weight: 8,
    // The stack prefix's timer (t0 on X1) goes off after its stack's removal began.
    arbitrary: fc.constant<WindowsAction[]>([
      { do: 'requestRemove', device: 'X0' },
      { do: 'releaseRemoveLock', device: 'X1', tag: 't0' },
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
  {
    weight: 5,
    // DriverEntry fails and leaves its control device behind; something tries to open it.
    arbitrary: fc.tuple(driver, device, handle).map(([drv, dev, h]): WindowsAction[] => [
      {
        do: 'loadDriver',
        driver: drv,
        model: 'legacy',
        controlDevice: dev,
        driverEntry: 'STATUS_UNSUCCESSFUL',
        driverEntryLeaksDevice: true,
      },
      { do: 'openHandle', device: dev, handle: h },
    ]),
  },
  {
    weight: 6,
    // A device reported unstarted: an open before the start, IRP_MN_START_DEVICE (which its
    // function driver may fail), an open after.
    arbitrary: fc
      .tuple(driver, driver, device, device, handle, fc.boolean())
      .map(([bus, fn, pdo, fdo, h, fails]): WindowsAction[] => [
        { do: 'createDevice', driver: bus, device: pdo, role: 'pdo', started: false },
        fails
          ? { do: 'loadDriver', driver: fn, startFails: 'STATUS_DEVICE_NOT_READY' }
          : { do: 'loadDriver', driver: fn },
        { do: 'createDevice', driver: fn, device: fdo, role: 'fdo', attachTo: pdo },
        { do: 'openHandle', device: fdo, handle: h },
        // A query-remove cancelled before the start: the devnode goes back to DriversAdded.
        { do: 'pnpIrp', device: pdo, minor: 'IRP_MN_QUERY_REMOVE_DEVICE' },
        { do: 'pnpIrp', device: pdo, minor: 'IRP_MN_CANCEL_REMOVE_DEVICE' },
        { do: 'pnpIrp', device: pdo, minor: 'IRP_MN_START_DEVICE' },
        { do: 'openHandle', device: fdo, handle: h },
      ]),
  },
  {
    weight: 6,
    // A rebalance with I/O in flight: a read before the query-stop, one held after it, the stop,
    // an attempt to finish the held read, the restart (or a cancel instead of the stop).
    arbitrary: fc
      .tuple(device, handle, irp, irp, fc.boolean())
      .map(([dev, h, i1, i2, cancel]): WindowsAction[] => [
        { do: 'openHandle', device: dev, handle: h },
        { do: 'sendIrp', handle: h, irp: i1 },
        { do: 'pnpIrp', device: dev, minor: 'IRP_MN_QUERY_STOP_DEVICE' },
        { do: 'sendIrp', handle: h, irp: i2 },
        cancel
          ? { do: 'pnpIrp', device: dev, minor: 'IRP_MN_CANCEL_STOP_DEVICE' }
          : { do: 'pnpIrp', device: dev, minor: 'IRP_MN_STOP_DEVICE' },
        { do: 'completeIrp', irp: i2 },
        { do: 'pnpIrp', device: dev, minor: 'IRP_MN_START_DEVICE' },
      ]),
  },
  {
    weight: 6,
    // A bus device with a child devnode (its driver may veto, keep a remove lock, hold a handle),
    // then the parent's removal, orderly or by surprise.
    arbitrary: fc
      .tuple(
        driver,
        driver,
        driver,
        device,
        device,
        device,
        device,
        handle,
        fc.boolean(),
        rarely,
        fc.boolean(),
      )
      .map(([bus, hub, fn, pdo, hubFdo, child, fdo, h, lock, veto, surprise]): WindowsAction[] => [
        { do: 'loadDriver', driver: bus },
        { do: 'createDevice', driver: bus, device: pdo, role: 'pdo' },
        { do: 'loadDriver', driver: hub, removeLock: lock },
        { do: 'createDevice', driver: hub, device: hubFdo, role: 'fdo', attachTo: pdo },
        { do: 'createDevice', driver: hub, device: child, role: 'pdo', parent: hubFdo },
        { do: 'loadDriver', driver: fn, vetoesQueryRemove: veto ?? false, removeLock: !lock },
        { do: 'createDevice', driver: fn, device: fdo, role: 'fdo', attachTo: child },
        { do: 'openHandle', device: fdo, handle: h },
        { do: 'sendIrp', handle: h, irp: 'i0' },
        surprise ? { do: 'surpriseRemove', device: pdo } : { do: 'requestRemove', device: pdo },
        { do: 'closeHandle', handle: h },
        { do: 'requestRemove', device: hubFdo },
        { do: 'completeIrp', irp: 'i0' },
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
    watch: rarely,
    lock: fc.boolean(),
    timer: fc.boolean(),
  })
  .map(({ busModel, fdoUnload, filterUnload, filter, veto, open, register, watch, lock, timer }) => [
    { do: 'loadDriver' as const, driver: 'D0', model: busModel },
    { do: 'createDevice' as const, driver: 'D0', device: 'X0', role: 'pdo' as const },
    {
      do: 'loadDriver' as const,
      driver: 'D1',
      unloadRoutine: fdoUnload,
      vetoesQueryRemove: veto,
      removeLock: lock,
    },
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
    // The function driver's timer holds its remove lock.
    ...(lock && timer ? [{ do: 'acquireRemoveLock' as const, device: 'X1', tag: 't0' }] : []),
    // A watcher driver with a handle on the FDO, registered for target-device change.
    ...(watch
      ? [
          { do: 'loadDriver' as const, driver: 'D3', model: 'pnp' as const },
          { do: 'openHandle' as const, device: 'X1', handle: 'h3' },
          {
            do: 'registerNotification' as const,
            driver: 'D3',
            registration: 'r1',
            category: 'targetDeviceChange' as const,
            handle: 'h3',
            reregisters: true,
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

const windowsOptionsArb: fc.Arbitrary<Partial<WindowsOptions>> = fc.record(
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
