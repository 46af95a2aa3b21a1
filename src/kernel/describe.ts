import type { EventType, KernelEvent } from './events';

/**
 * One plain sentence per event, for the event log, narration and the CLI.
 * Only reads the event: the engine's decisions are already in it.
 */
type Describe = (e: KernelEvent) => string;

const by = (e: KernelEvent) => (e.by ? ` (${e.by})` : '');
const at = (e: KernelEvent) => (e.time === undefined ? '' : ` at t=${e.time} s`);
const why = (e: KernelEvent) => (e.reason ? `: ${e.reason}` : '');
const holder = (e: KernelEvent) => (e.irp ? `IRP ${e.irp}` : `tag ${e.tag ?? '?'}`);

const SENTENCES: Record<EventType, Describe> = {
  // Windows
  driverLoaded: (e) =>
    `${e.driver}: DriverEntry returned ${e.status ?? 'STATUS_SUCCESS'}; the driver is loaded`,
  driverEntryFailed: (e) => `${e.driver}: DriverEntry failed with ${e.status}; Unload will not be called`,
  unloadPending: (e) => `${e.driver} and its device objects are marked Unload Pending`,
  unloadDeferred: (e) => `${e.driver}: Unload is deferred${why(e)}`,
  unloadCalled: (e) =>
    e.module ? `${e.module}: _unload is called${by(e)}${at(e)}${why(e)}` : `${e.driver}: Unload runs`,
  unloadNeverCalled: (e) => `${e.driver}: Unload is never called${why(e)}`,
  imageFreed: (e) => `${e.driver}: the driver image is freed`,
  imageRetained: (e) => `${e.driver}: the image stays in memory${why(e)}`,
  rebootRequired: (e) => `${e.driver}: reboot required${why(e)}`,
  driverBug: (e) => `driver bug in ${e.driver}${why(e)}`,
  deviceCreated: (e) => `${e.driver} creates ${e.state ?? ''} device ${e.device}`.replace('  ', ' '),
  deviceAttached: (e) => `${e.device} attaches on top of ${e.to}`,
  deviceDetached: (e) => `${e.device} detaches from ${e.to}`,
  deleteRequested: (e) => `IoDeleteDevice(${e.device}): DOE_DELETE_PENDING, its name is gone`,
  deviceDeleted: (e) => `${e.device} leaves ${e.driver}'s device list`,
  deviceFreed: (e) => `${e.device}: the device object's memory is freed`,
  irpDispatched: (e) => `${e.major}${e.irp ? ` ${e.irp}` : ''} reaches ${e.device} (${e.driver})`,
  irpPending: (e) => `${e.irp} is pending at ${e.device}${why(e)}`,
  irpCompleted: (e) =>
    `${e.irp} completes back through ${e.device}${e.status ? ` with ${e.status}` : ''}${why(e)}`,
  handleOpened: (e) => `handle ${e.handle} is open on ${e.device}`,
  handleClosed: (e) => `handle ${e.handle} is closed (IRP_MJ_CLEANUP sent)`,
  fileObjectClosed: (e) =>
    `the file object of ${e.handle} goes: IRP_MJ_CLOSE, ${e.device}'s ReferenceCount drops`,
  referenceAdded: (e) => `ObReferenceObject(${e.device}) as ${e.reference}`,
  referenceReleased: (e) => `ObDereferenceObject(${e.device}) releases ${e.reference}`,
  // An application's registration (RegisterDeviceNotification) names no driver: its reason names the application.
  notificationRegistered: (e) =>
    e.driver
      ? `${e.driver} registers PnP notification ${e.registration} (${e.state})`
      : `notification ${e.registration} is registered (${e.state})${why(e)}`,
  notificationUnregistered: (e) =>
    e.driver
      ? `${e.driver} unregisters PnP notification ${e.registration}`
      : `notification ${e.registration} is unregistered${why(e)}`,
  notificationSent: (e) =>
    e.driver
      ? `${e.driver} is told ${e.state} through ${e.registration}`
      : `${e.state} is sent through ${e.registration}${why(e)}`,
  shutdownRegistered: (e) => `${e.device} registers for IRP_MJ_SHUTDOWN (${e.state})`,
  pnpIrp: (e) =>
    `${e.minor} reaches ${e.device} (${e.driver})${e.status ? `: it fails with ${e.status}` : ''}${why(e)}`,
  queryRemoveVetoed: (e) =>
    `the ${e.minor === 'IRP_MN_QUERY_STOP_DEVICE' ? 'query-stop' : 'query-remove'} fails${why(e)}`,
  // A volume device object has no devnode: its events (locked, dismounted) carry no state.
  devnodeState: (e) =>
    e.state === undefined ? `${e.device}${why(e)}` : `devnode of ${e.device} is now ${e.state}${why(e)}`,
  shutdownIrp: (e) =>
    `IRP_MJ_SHUTDOWN reaches ${e.device}${e.state === 'lastChance' ? ' (last chance)' : ''}`,
  fileSystemFlush: () => 'the file systems are flushed',
  systemShutdown: (e) => `the system shuts down${why(e)}`,
  shutdownSkipped: (e) => `no IRP_MJ_SHUTDOWN for ${e.device}${why(e)}`,
  removeLockAcquired: (e) => `IoAcquireRemoveLock on ${e.device} for ${holder(e)}`,
  removeLockReleased: (e) => `IoReleaseRemoveLock on ${e.device} for ${holder(e)}`,
  removeLockWait: (e) => `IoReleaseRemoveLockAndWait on ${e.device} waits${why(e)}`,
  wdfCallback: (e) =>
    e.state?.startsWith('Evt')
      ? `the framework calls ${e.driver}'s ${e.state} for ${e.wdfObject}${why(e)}`
      : `${e.driver} calls ${e.state} on ${e.wdfObject}${why(e)}`,
  bugCheck: (e) => `bug check ${e.status} ${e.state}${why(e)}: the system stops`,
  refused: (e) => `refused with ${e.status}${why(e)}`,
  // SVR5
  moduleRegistered: (e) => `${e.module} is configured${e.state ? ` (${e.state})` : ''}${why(e)}`,
  loadCalled: (e) => `${e.module}: _load is called${by(e)}`,
  moduleLoaded: (e) => `${e.module} is loaded${by(e)}${at(e)}${why(e)}`,
  loadFailed: (e) => `${e.module}: load failed with ${e.status}${why(e)}`,
  cfgAdd: (e) => `${e.module}: config(CFG_ADD) for ${e.device}`,
  cfgRemove: (e) => `${e.module}: config(CFG_REMOVE) for ${e.device}`,
  cfgSuspend: (e) => `${e.module}: config(CFG_SUSPEND) for ${e.device}${why(e)}`,
  cfgResume: (e) => `${e.module}: config(CFG_RESUME) for ${e.device}`,
  mdiNotified: (e) =>
    `${e.module}: ${e.state}(D3mdi) for ${e.device}: the dlpi module above hears that the hardware is ${e.state === 'mdi_hw_resumed' ? 'back' : 'suspended (frames are dropped)'}`,
  modulePushed: (e) => `${e.module} is pushed on the stream ${e.channel} (I_PUSH)`,
  modulePopped: (e) => `${e.module} is popped off the stream ${e.channel} (I_POP)${why(e)}`,
  unloadAllDone: (e) => `modadmin -u 0 answers ${e.status ?? '0'}${why(e)}`,
  cfgModify: (e) => `${e.module}: config(CFG_MODIFY) for ${e.device}${why(e)}`,
  cfgVerify: (e) => `${e.module}: config(CFG_VERIFY) for ${e.device} answers ${e.status ?? '0'}${why(e)}`,
  interruptsAttached: (e) => `${e.module}: interrupts attached (${e.reason})`,
  interruptsDetached: (e) => `${e.module}: interrupts detached (${e.reason})`,
  unloadFailed: (e) => `${e.module}: _unload returned ${e.status}${why(e)}`,
  moduleFreed: (e) => `${e.module}: the module's memory is freed${at(e)}${e.reason ? `, ${e.reason}` : ''}`,
  contextViolation: (e) => `${e.module}: context violation${why(e)}`,
  autoUnloadCandidate: (e) => `${e.module} becomes a candidate for auto-unload`,
  openCalled: (e) => `${e.module}: open(D2) on ${e.device} as ${e.channel}`,
  closeCalled: (e) => `${e.module}: close(D2) on ${e.device} (last close)`,
  channelOpened: (e) => `channel ${e.channel} is open on ${e.device}`,
  channelClosed: (e) => `channel ${e.channel} is closed`,
  clockAdvanced: (e) => `the clock is now t=${e.time} s${why(e)}`,
  daemonWake: (e) => `the auto-unload daemon wakes${at(e)}`,
  instanceRemoved: (e) => `${e.device} is removed from ${e.module}'s configuration`,
  halt: (e) => `${e.module}: halt routine`,
};

export function describeEvent(e: KernelEvent): string {
  return SENTENCES[e.type](e);
}
