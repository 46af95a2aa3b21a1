import type { Row } from './rule';

/** SVR5 (UnixWare/OpenServer DDI) rules: shared/domain/svr5.md. */
const HDK = 'SCO/Novell SVR5 HDK manual page ';
const DLKM = 'http://uw713doc.sco.com/en/SM_perform/_Automatic_Unloading.html';
const DLKM_STATIC = 'http://uw713doc.sco.com/en/SM_perform/_Static_Modules.html';
const HOTPLUG = 'http://uw714doc.xinuos.com/en/man/html.D3mdi/mdi_hw_resumed.D3mdi.html';

export const svr5 = {
  'svr5.seed.cleanup': [
    'DOC',
    '_unload does the cleanup a loadable driver needs before it is unloaded; it undoes _load.',
    `${HDK}_unload(D2)`,
  ],
  'svr5.seed.errno': [
    'DOC',
    '_unload returns 0 or an errno; if it returns an error the module is not unloaded.',
    `${HDK}_unload(D2)`,
  ],
  'svr5.seed.requiredDdi8': [
    'DOC',
    'From DDI 8, _unload is required for all drivers (a global symbol named _unload).',
    `${HDK}_unload(D2)`,
  ],
  'svr5.seed.notWhileOpen': [
    'DOC',
    '_unload is called only when none of the devices the driver controls are open.',
    `${HDK}_unload(D2)`,
  ],
  'svr5.seed.cfgRemove': [
    'DOC',
    'A DDI 8 _unload calls drv_detach, which sends CFG_REMOVE for each device instance.',
    `${HDK}_unload(D2), drv_detach(D3)`,
  ],
  'svr5.seed.blockable': [
    'DOC',
    '_unload runs in blockable context without the requester’s address space: copyout/copyin are illegal.',
    `${HDK}_unload(D2)`,
  ],
  'svr5.seed.optionalBefore8': [
    'DOC',
    'Before DDI 8 _unload is optional; a driver without one is never unloaded once loaded.',
    `${HDK}_unload(D2)`,
  ],
  'svr5.load.entry': [
    'DOC',
    '_load runs before any other entry point; a DDI 8 _load calls drv_attach, which sends CFG_ADD per instance.',
    `${HDK}_load(D2)`,
  ],
  'svr5.load.fails': [
    'MODEL',
    'If _load fails the module is not loaded and _unload is never called.',
    `${HDK}_load(D2), modload(2)`,
    '_load(D2) and modload(2) say a failing _load makes the load fail with its errno; that the module is then freed without a call to _unload is how historical SVR4-derived DLKM implementations behave (and what Windows documents for DriverEntry), not something those pages state.',
  ],
  'svr5.load.addFails': [
    'MODEL',
    'When config(CFG_ADD) fails for one instance (ENODEV), the simulator still loads the module: that instance is left unconfigured (opens answer ENODEV, drv_detach skips it) and the others work.',
    `${HDK}config(D2), drv_attach(D3)`,
    'config(D2) lets CFG_ADD return an errno; the pages do not say whether drv_attach then fails the whole load.',
  ],
  'svr5.load.alreadyLoaded': [
    'MODEL',
    'modadmin -l on a module that is already loaded answers 0 and does not load it again; an autoloaded module is demand-loaded from then on, so auto-unload no longer touches it. modload(2) lists no error for this case.',
    `${HDK}modload(2), modadmin(1M)`,
  ],
  'svr5.load.autoload': [
    'DOC',
    'The first open of a configured device of a registered, unloaded driver loads it automatically.',
    `${HDK}DLKM (performance guide)`,
  ],
  'svr5.load.hbaNoAutoload': [
    'DOC',
    'HBA drivers are never loaded automatically.',
    `${HDK}DLKM (performance guide)`,
  ],
  'svr5.load.dependencies': [
    'DOC',
    'Loading a module first loads the modules it depends on; each then has a dependent keeping it loaded.',
    `${HDK}modload(2), moduload(2)`,
  ],
  'svr5.register': [
    'DOC',
    'idbuild -M registers a loadable module and its device instances with the kernel.',
    `${HDK}DLKM (HDK Technical Reference)`,
  ],
  'svr5.register.invalid': [
    'MODEL',
    'A registration that names an unknown dependency or a taken name is refused with EINVAL or EEXIST.',
    'shared/domain/svr5.md §2',
  ],
  'svr5.open': ['DOC', 'open(D2) is called for each open of a device.', `${HDK}open(D2)`],
  'svr5.open.noDevice': [
    'MODEL',
    'Opening a device that is not configured, or was hot-removed, fails (ENXIO / ENODEV).',
    'shared/domain/svr5.md §4',
  ],
  'svr5.close.last': ['DOC', 'close(D2) is called on the last close of a device.', `${HDK}close(D2)`],
  'svr5.channel.invalid': [
    'MODEL',
    'A channel name that is already open is refused with EEXIST; closing one that is not open fails with EBADF.',
    'shared/domain/svr5.md',
  ],
  'svr5.busy.dependents': [
    'DOC',
    'A module that another loaded module depends on is busy: EBUSY.',
    `${HDK}moduload(2)`,
  ],
  'svr5.busy.profiling': ['DOC', 'A module with profiling enabled is busy: EBUSY.', `${HDK}moduload(2)`],
  'svr5.busy.inTransition': [
    'DOC',
    'A module in the middle of an unload is busy: a demand unload gets EBUSY and _unload is not called again.',
    `${HDK}moduload(2)`,
  ],
  'svr5.never.hba': ['DOC', 'HBA drivers are never unloaded.', `${HDK}DLKM (performance guide)`],
  'svr5.never.status': [
    'MODEL',
    'A demand unload of a module that can never be unloaded returns EBUSY.',
    'shared/domain/svr5.md §3',
  ],
  'svr5.unload.notLoaded': [
    'DOC',
    'Unloading a module that is not loaded fails with EINVAL.',
    `${HDK}moduload(2)`,
  ],
  'svr5.unload.failedBecomesCandidate': [
    'DOC',
    'A demand unload that fails turns a demand-loaded module into a candidate for auto-unload.',
    `${HDK}moduload(2)`,
  ],
  'svr5.unload.preDdi8Detach': [
    'DOC',
    'Before DDI 8, _unload removes its interrupts with mod_drvdetach.',
    `${HDK}mod_drvdetach(D3)`,
  ],
  'svr5.unload.freed': ['DOC', 'When _unload returns 0 the module’s memory is freed.', `${HDK}moduload(2)`],
  'svr5.unload.waitsForUnload': [
    'MODEL',
    'An open (or modadmin -l) that arrives while _unload is running sleeps until _unload returns; if the module was freed, the open loads it again. The manuals do not say what such a call does.',
    `${HDK}_unload(D2), moduload(2)`,
  ],
  'svr5.auto.daemon': [
    'DOC',
    'Every UNLOAD_WAKE seconds a daemon unloads autoloaded modules that are inactive, have no dependents and have been idle DEF_UNLOAD_DELAY seconds.',
    DLKM,
  ],
  'svr5.auto.retry': [
    'MODEL',
    'At every wake the daemon calls _unload of every candidate that qualifies, however the clock was advanced: a module whose _unload refused is tried again at the next wake. The manuals describe no back-off; the daemon does not wait for a _unload that sleeps before it tries the next.',
    DLKM,
  ],
  'svr5.auto.demandNever': [
    'DOC',
    'A demand-loaded module is never removed by auto-unload (unless a demand unload of it failed).',
    `${HDK}DLKM (performance guide)`,
  ],
  'svr5.auto.delay': [
    'DOC',
    'Before DDI 8 a module may set its own unload delay; DDI 8 drivers always use DEF_UNLOAD_DELAY.',
    `${HDK}DLKM (performance guide)`,
  ],
  'svr5.auto.idleRestart': [
    'DOC',
    'An open in between makes the module active again; its idle time starts over at the last close.',
    `${HDK}DLKM (performance guide)`,
  ],
  'svr5.detach.suspendFirst': [
    'MODEL',
    'drv_detach sends each instance CFG_SUSPEND, then CFG_REMOVE; the simulator sends CFG_SUSPEND to the instances of a D_HOT driver that are not suspended already.',
    `${HDK}drv_detach(D3), config(D2)`,
    'drv_detach(D3) says it causes CFG_SUSPEND "maybe" and does not say when; config(D2) ties CFG_SUSPEND to hot-plug (D_HOT) drivers.',
  ],
  'svr5.detach.globalsAfter': [
    'DOC',
    'A DDI 8 _unload frees the driver’s global resources after drv_detach returns, having removed every instance; then the module’s memory is freed.',
    `${HDK}_unload(D2), drv_detach(D3)`,
  ],
  'svr5.detach.cannotRefuse': [
    'DOC',
    'drv_detach returns nothing and cannot refuse: a driver that wants to refuse the unload must return its errno before it calls drv_detach. One that fails after it is left loaded with its instances removed (a driver bug).',
    `${HDK}drv_detach(D3), _unload(D2)`,
  ],
  'svr5.hot.openRefused': [
    'MODEL',
    'The simulator refuses to hot-remove an instance that is open (EBUSY); the HDK pages describe no such check.',
    `${HDK}config(D2)`,
    'The project’s research found no check of open channels before CFG_REMOVE in a hot removal. What it found: mdi_hw_resumed(D3mdi)’s example has an instance suspended while open and closed while suspended (so CFG_SUSPEND does not wait for the last close); Solaris’s hot-plug guide (another system) says taking an open instance offline may fail. Neither says what SVR5 does at CFG_REMOVE, so the refusal stays a choice; what a driver does with I/O on a card that has gone is not modelled.',
  ],
  'svr5.hot.add': [
    'DOC',
    'A D_HOT driver gets config(CFG_ADD) for a device inserted while it is loaded, as drv_attach sends it for each instance at load; the module is not reloaded.',
    `${HDK}config(D2)`,
  ],
  'svr5.hot.remove': [
    'DOC',
    'Hot removal sends config(CFG_REMOVE) for that instance while the module stays loaded.',
    `${HDK}config(D2)`,
  ],
  'svr5.hot.notHot': [
    'MODEL',
    'Only D_HOT drivers support hot removal; others refuse with EOPNOTSUPP, and an open instance with EBUSY.',
    'shared/domain/svr5.md §4',
  ],
  'svr5.hot.suspend': [
    'DOC',
    'Before a hot-plug slot powers off, config(CFG_SUSPEND) suspends the instance in it; config(CFG_RESUME) resumes it once the slot is back.',
    `${HDK}config(D2); ${HOTPLUG}`,
  ],
  'svr5.hot.suspendedIo': [
    'MODEL',
    'A suspended instance gets no I/O: the simulator refuses a new open with EAGAIN until CFG_RESUME (a close still runs close(D2)).',
    HOTPLUG,
  ],
  'svr5.hot.invalid': [
    'MODEL',
    'Suspending or resuming needs a loaded DDI 8 D_HOT driver and an instance in the other state; the simulator refuses otherwise (EOPNOTSUPP, EINVAL).',
    'shared/domain/svr5.md §4',
  ],
  'svr5.static.linked': [
    'DOC',
    'A static module is nonloadable: it is linked into the kernel and always present (the boot disk driver, the terminal driver), never loaded or unloaded as a DLKM.',
    `${DLKM_STATIC}`,
  ],
  'svr5.static.notLoadable': [
    'DOC',
    'A demand unload of a static module fails with EINVAL: it is not a loadable module (moduload(2): EINVAL when modid is not a valid loadable module identifier). _unload is not called.',
    `${HDK}moduload(2); ${DLKM_STATIC}`,
    'moduload(2) gives EINVAL for a module id that is not a loadable module’s; the simulator answers the same for modadmin -U with a static module’s name (the project found no modadmin(1M) text for that case).',
  ],
  'svr5.static.noLoad': [
    'MODEL',
    'A demand load of a static module is refused with EINVAL: it is linked into the kernel already, and there is no loadable module to load.',
    `${HDK}modload(2); ${DLKM_STATIC}`,
  ],
  'svr5.unload.all': [
    'DOC',
    'moduload(2) with modid 0 (modadmin -u 0) tries to unload every loadable module; each that cannot be unloaded (in use, with dependents, profiling, in transition) is flagged as a candidate for auto-unload.',
    `${HDK}moduload(2)`,
  ],
  'svr5.unload.allStatus': [
    'MODEL',
    'modadmin -u 0 unloads the modules nothing holds first, repeatedly (so a dependent that goes frees what it depended on), then refuses each module still held once; it answers 0 when every loadable module went, else the first errno met. Static modules are not loadable and are left alone.',
    `${HDK}moduload(2)`,
    'moduload(2) says modid 0 unloads all loadable modules and that a busy one becomes an auto-unload candidate; it does not give the order, nor what the call returns when some stay. The modadmin(1M) page itself was not found by the project.',
  ],
  'svr5.streams.push': [
    'DOC',
    'I_PUSH puts a STREAMS module on a stream; the first push of a loadable STREAMS module that is not loaded loads it automatically, and while it is pushed it is in use.',
    DLKM,
  ],
  'svr5.streams.pushed': [
    'DOC',
    'A STREAMS module pushed on a stream is in use (an outstanding reference): a demand unload gets EBUSY and _unload is not called.',
    `${HDK}moduload(2); ${DLKM}`,
  ],
  'svr5.streams.pop': [
    'DOC',
    'I_POP takes the topmost module off a stream; a loadable STREAMS module becomes a candidate for auto-unloading on its last I_POP.',
    DLKM,
  ],
  'svr5.streams.closePops': [
    'MODEL',
    'Closing a stream dismantles it: the simulator pops every module still pushed on it, top first, each as an I_POP would.',
    DLKM,
    'That a close pops the pushed modules is how STREAMS stream heads work; the DLKM pages say only that the last I_POP makes the module a candidate.',
  ],
  'svr5.streams.invalid': [
    'MODEL',
    'I_PUSH and I_POP need an open stream (EBADF), a STREAMS module (EINVAL) and, for I_POP, a module on the stream (EINVAL); the simulator refuses a second push of the same module on one stream (EEXIST).',
    'shared/domain/svr5.md §2',
  ],
  'svr5.mdi.suspended': [
    'DOC',
    'A hotplug-aware MDI network driver calls mdi_hw_suspended in its CFG_SUSPEND to tell the dlpi module that the hardware is suspended; while suspended it drops frames (a STREAMS driver cannot queue them).',
    `${HDK}mdi_hw_suspended(D3mdi), config(D2mdi)`,
    'The page says the function is not supported in MDI on SCO OpenServer: this is UnixWare behaviour.',
  ],
  'svr5.mdi.resumed': [
    'DOC',
    'A hotplug-aware MDI network driver calls mdi_hw_resumed in its CFG_RESUME to tell the dlpi module that the hardware is back.',
    `${HDK}mdi_hw_resumed(D3mdi), config(D2mdi)`,
  ],
  'svr5.config.modify': [
    'DOC',
    'config(CFG_MODIFY) gives an instance new hardware parameters: from then on the driver reads the new resource manager key and never the old one. It replaces one card with another, or corrects a parameter.',
    `${HDK}config(D2)`,
  ],
  'svr5.config.modifySuspended': [
    'MODEL',
    'The simulator sends CFG_MODIFY only to a suspended instance (between CFG_SUSPEND and CFG_RESUME) and refuses it with EBUSY while the instance runs; the instance stays suspended until CFG_RESUME.',
    `${HDK}config(D2)`,
    'config(D2), as far as the project could read it, says what CFG_MODIFY does, not when the kernel sends it; the issue reads it as allowed only while the instance is suspended (the hardware is quiet while its parameters change). The simulator follows that reading; EBUSY is its choice of errno.',
  ],
  'svr5.config.verify': [
    'DOC',
    'config(CFG_VERIFY), which replaces _verify(D2) in DDI 8, asks the driver whether the hardware a resource manager key describes is one it can manage: 0, or an errno. It configures nothing: the instance is as it was.',
    `${HDK}config(D2), _verify(D2), _verify(D2mdi)`,
  ],
  'svr5.config.invalid': [
    'MODEL',
    'CFG_MODIFY and CFG_VERIFY go to the config(D2) entry point of a loaded DDI 8 driver: the simulator refuses them for an older driver (EOPNOTSUPP), a driver not loaded or an instance removed (EINVAL, ENODEV).',
    `${HDK}config(D2), _verify(D2)`,
    '_verify(D2) is run by the dcu before it maps a board to a driver, so a real system may bring the driver in for the call; the pages do not say how a loadable driver is loaded for CFG_VERIFY. The simulator asks only a loaded driver.',
  ],
  'svr5.shutdown': [
    'DOC',
    'At shutdown DDI 8 instances get CFG_SUSPEND (older drivers their halt routine); _unload is not called.',
    `${HDK}config(D2)`,
  ],
  'svr5.shutdown.halted': [
    'MODEL',
    'After shutdown the simulated system accepts no more requests (ENXIO).',
    'shared/domain/svr5.md §4',
  ],
} satisfies Record<string, Row>;
