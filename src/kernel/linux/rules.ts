import type { Row } from '../rules/rule';

/**
 * Linux rules (reference kernel 6.12 LTS): docs/domain/linux.md, each with its evidence.
 * DOC = a manual page or the kernel's Documentation/Kconfig; SRC = the kernel's or kmod's
 * source (file and function named); MODEL = the simulator's choice where they are silent.
 * Same `Row` shape as src/kernel/rules/*.ts. Registering the OS adds `'SRC'` to `Evidence`
 * (src/kernel/rules/index.ts) and `build('linux', linux)` to `RULES`.
 */
const MAIN = 'kernel/module/main.c';
const DD = 'drivers/base/dd.c';
const BUS = 'drivers/base/bus.c';
const DELETE = 'delete_module(2) (man-pages)';
const DOC = 'docs/domain/linux.md';

type LinuxEvidence = Row[0] | 'SRC';
export type LinuxRow = [evidence: LinuxEvidence, text: string, source: string, note?: string];

export const linux = {
  'linux.state.unformed': [
    'SRC',
    'UNFORMED: a module being set up or torn down; find_module skips it, so delete_module answers ENOENT.',
    `${MAIN}: enum module_state, find_module, free_module`,
  ],
  'linux.state.coming': [
    'SRC',
    'COMING: the module’s init is running; delete_module answers EBUSY, try_module_get still succeeds.',
    `${MAIN}: delete_module ("Doing init or already dying?"), try_module_get`,
  ],
  'linux.state.going': [
    'SRC',
    'GOING: the module is being removed; try_module_get refuses every new reference and delete_module answers EBUSY.',
    `${MAIN}: try_stop_module, try_module_get (module_is_live)`,
  ],
  'linux.perm': [
    'SRC',
    'Loading and unloading need CAP_SYS_MODULE, and /proc/sys/kernel/modules_disabled=1 refuses both: EPERM.',
    `${MAIN}: delete_module; ${DELETE}, init_module(2)`,
  ],
  'linux.load.initRef': [
    'SRC',
    'While init runs the loader holds one reference on the module (refcnt reads 1); it is dropped when init returns.',
    `${MAIN}: module_unload_init ("Hold reference count during initialization"), do_init_module`,
  ],
  'linux.load.live': [
    'SRC',
    'init returned 0: the module is LIVE.',
    `${MAIN}: do_init_module; init_module(2)`,
  ],
  'linux.load.initFails': [
    'SRC',
    'init returned an error: the module goes GOING and is freed, init_module returns that errno, and its exit is never called.',
    `${MAIN}: do_init_module (fail_free_freeinit); init_module(2)`,
  ],
  'linux.load.exists': [
    'DOC',
    'A module of that name is already loaded: init_module answers EEXIST; modprobe checks first and answers 0 without loading it again.',
    'init_module(2) (EEXIST), modprobe(8)',
  ],
  'linux.load.file': [
    'DOC',
    'A module file (X.ko) under /lib/modules: modinfo shows what it depends on, modules.dep lists it; nothing runs until it is loaded. depmod refuses dependency cycles.',
    'modinfo(8), modules.dep(5); kmod tools/depmod.c (depmod_report_cycles: "Cycle detected")',
  ],
  'linux.load.notFound': [
    'DOC',
    'No module file of that name: insmod cannot open it and modprobe finds it in no modules.dep (ENOENT).',
    'insmod(8), modprobe(8)',
  ],
  'linux.load.blocked': [
    'MODEL',
    'init sleeps: the insmod process stays inside init_module, the module COMING, until init returns.',
    `${MAIN}: do_init_module`,
    'What init waits for (firmware, a probe) is the driver’s; the scenario says when it returns (finishInit).',
  ],
  'linux.load.duplicate': [
    'SRC',
    'Loading a module whose name is still COMING or GOING answers EBUSY (EEXIST only once it is LIVE): the kernel does not retry a load that is under way.',
    `${MAIN}: module_patient_check_exists, add_unformed_module`,
    'For a COMING module the kernel first waits for its init to finish, then answers EEXIST if it went LIVE; the simulator answers EBUSY at once.',
  ],
  'linux.load.unknownSymbol': [
    'DOC',
    'insmod of a module whose dependency is not loaded fails: its symbols are unknown (ENOENT). modprobe loads the dependencies first.',
    'init_module(2) (ENOENT), insmod(8), modprobe(8)',
  ],
  'linux.load.depComing': [
    'MODEL',
    'A dependency still in its init (COMING) cannot be referenced yet: the load answers EBUSY at once.',
    `${MAIN}: strong_try_module_get, resolve_symbol_wait`,
    'The kernel waits up to 30 s (resolve_symbol_wait) for the dependency to finish its init before it gives up; the simulator does not wait.',
  ],
  'linux.modprobe.deps': [
    'DOC',
    'modprobe loads the modules a module depends on (modules.dep) before the module itself.',
    'modprobe(8), modules.dep(5)',
  ],
  'linux.holders.use': [
    'SRC',
    'A module that uses another’s symbols takes a reference on it and becomes its holder (lsmod’s “Used by”, /sys/module/X/holders).',
    `${MAIN}: ref_module, add_module_usage; lsmod(8)`,
  ],
  'linux.holders.release': [
    'SRC',
    'When a module is freed, the references it held on the modules it used are dropped (module_put) and it stops being their holder.',
    `${MAIN}: module_unload_free`,
  ],
  'linux.ref.get': [
    'SRC',
    'try_module_get takes a reference on a module that is not GOING; module_refcount (/sys/module/X/refcnt) counts them.',
    `${MAIN}: try_module_get, module_refcount, show_refcnt`,
  ],
  'linux.ref.put': ['SRC', 'module_put drops one reference.', `${MAIN}: module_put`],
  'linux.fops.open': [
    'SRC',
    'Opening a character device takes a reference on the module that owns its file operations (fops.owner = THIS_MODULE); if try_module_get fails the open answers ENXIO.',
    'fs/char_dev.c: chrdev_open (fops_get); include/linux/fs.h: fops_get',
  ],
  'linux.fops.release': [
    'SRC',
    'The last close of the file calls the driver’s release and drops the module reference the open took.',
    'fs/file_table.c: __fput (fops_put)',
  ],
  'linux.fops.noNode': [
    'MODEL',
    'A device with no driver bound has no device node to open: the open answers ENXIO.',
    'fs/char_dev.c: chrdev_open (no cdev: -ENXIO)',
    'The node is created by the driver (cdev_add/device_create in probe); the simulator draws one node per bound device.',
  ],
  'linux.fops.afterRemove': [
    'MODEL',
    'After remove() ran for its device, the driver’s file operations on a file still open answer ENODEV; the file still holds its module reference.',
    'drivers/usb/usb-skeleton.c: skel_read ("if (dev->disconnected) … -ENODEV", set by skel_disconnect)',
    'The answer is the driver’s own choice; usb-skeleton’s ENODEV is the convention the simulator follows.',
  ],
  'linux.delete.noent': [
    'SRC',
    'delete_module of a name no (formed) module has: ENOENT.',
    `${MAIN}: delete_module; ${DELETE}`,
  ],
  'linux.delete.holders': [
    'SRC',
    'delete_module refuses a module other modules use: EWOULDBLOCK (“get rid of them first”). Forcing does not bypass this check.',
    `${MAIN}: delete_module (source_list); ${DELETE}`,
  ],
  'linux.delete.notLive': [
    'SRC',
    'delete_module refuses a module that is not LIVE (still in its init, or already going): EBUSY.',
    `${MAIN}: delete_module; ${DELETE}`,
  ],
  'linux.delete.noExit': [
    'SRC',
    'A module with an init function but no exit function cannot be removed: EBUSY, unless forced.',
    `${MAIN}: delete_module ("If it has an init func, it must have an exit func to unload"); ${DELETE}`,
  ],
  'linux.delete.refcnt': [
    'SRC',
    'delete_module refuses a module whose reference count is not zero: EWOULDBLOCK, unless forced. (Kernels before 3.13 could wait instead when O_NONBLOCK was left out.)',
    `${MAIN}: try_stop_module, try_release_module_ref; ${DELETE}`,
  ],
  'linux.delete.waitOld': [
    'SRC',
    'Kernels before 3.13: delete_module without O_NONBLOCK marks the module GOING (no new references) and sleeps until its refcnt is 0, then runs exit; each module_put of a module not live wakes it.',
    'kernel/module.c (2.6.x–3.12): sys_delete_module (mod->waiter, try_stop_module, wait_for_zero_refcount), module_put; delete_module(2)',
  ],
  'linux.delete.force': [
    'SRC',
    'O_TRUNC (rmmod -f) on a kernel built with CONFIG_MODULE_FORCE_UNLOAD bypasses the exit and reference checks and taints the kernel R.',
    `${MAIN}: try_force_unload; ${DELETE}`,
  ],
  'linux.delete.forceIgnored': [
    'DOC',
    'Without CONFIG_MODULE_FORCE_UNLOAD, O_TRUNC is silently ignored.',
    `${DELETE}; ${MAIN}: try_force_unload; kernel/module/Kconfig (MODULE_FORCE_UNLOAD: "If unsure, say N")`,
  ],
  'linux.delete.exit': [
    'SRC',
    'The module is marked GOING, then its exit function runs.',
    `${MAIN}: try_stop_module, delete_module`,
  ],
  'linux.delete.free': [
    'SRC',
    'After exit returns (and the GOING notifiers ran), free_module frees the module’s memory; delete_module returns 0.',
    `${MAIN}: delete_module, free_module`,
  ],
  'linux.rmmod.check': [
    'SRC',
    'rmmod checks before it calls the kernel: not loaded, holders (“is in use by: …”) or a non-zero refcnt (“is in use”) stop it; -f skips the check.',
    'kmod tools/rmmod.c: check_module_inuse, do_rmmod',
  ],
  'linux.modprobe.remove': [
    'SRC',
    'modprobe -r refuses a module in use; otherwise it removes it, then each module it depends on whose refcnt is now zero, recursively.',
    'kmod tools/modprobe.c: rmmod_do_module, rmmod_do_remove_module; modprobe(8)',
  ],
  'linux.driver.register': [
    'SRC',
    'A module’s init registers its driver; the bus then probes it against each present, unbound, matching device.',
    `${DD}: driver_attach, __driver_attach; ${BUS}: bus_add_driver`,
  ],
  'linux.driver.probe': [
    'SRC',
    'A device added while a matching driver is registered is probed and bound to it.',
    `${DD}: __device_attach_driver`,
  ],
  'linux.driver.unregister': [
    'SRC',
    'A module’s exit unregisters its driver: driver_detach releases it from every bound device, the last bound first.',
    `${DD}: driver_detach (klist_devices.k_list.prev); ${BUS}: bus_remove_driver`,
  ],
  'linux.driver.remove': [
    'SRC',
    'Releasing a device from its driver calls the driver’s remove() (or the bus’s).',
    `${DD}: __device_release_driver`,
  ],
  'linux.devres.release': [
    'SRC',
    'Managed resources (devm_*) are freed after remove() returns, then the device has no driver.',
    `${DD}: __device_release_driver (devres_release_all after remove)`,
  ],
  'linux.sysfs.unbind': [
    'SRC',
    'Writing a device to a driver’s sysfs unbind releases it from that driver while the module stays loaded; a device not bound to that driver answers ENODEV.',
    `${BUS}: unbind_store`,
  ],
  'linux.sysfs.bind': [
    'SRC',
    'Writing a device to a driver’s sysfs bind probes it: ENODEV if it does not exist or does not match, EBUSY if it already has a driver.',
    `${BUS}: bind_store; ${DD}: __driver_probe_device`,
  ],
  'linux.hotplug.remove': [
    'SRC',
    'A device unplugged is deleted: its driver is released from it (remove(), devres) and its node goes; open files stay open.',
    'drivers/base/core.c: device_del; drivers/base/bus.c: bus_remove_device',
  ],
  'linux.taint.forced': [
    'DOC',
    'Taint R: a module was force-unloaded.',
    'Documentation/admin-guide/tainted-kernels.rst (TAINT_FORCED_RMMOD)',
  ],
  'linux.taint.die': [
    'DOC',
    'Taint D: the kernel died recently (an oops or BUG).',
    'Documentation/admin-guide/tainted-kernels.rst (TAINT_DIE)',
  ],
  'linux.bug.useAfterFree': [
    'MODEL',
    'Code of a module that was freed is called (a release, a read, a module_put): a use after free. The kernel oopses and the calling task dies.',
    DOC,
    'What running freed memory does is undefined; an oops (taint D) is the common sight and what the simulator shows.',
  ],
  'linux.kobject.release': [
    'DOC',
    'A kobject is freed by its release() when its last reference is put, which may be later than the driver expects: if release() lives in a module already freed, it runs freed code.',
    'Documentation/core-api/kobject.rst; lib/Kconfig.debug: DEBUG_KOBJECT_RELEASE',
  ],
} satisfies Record<string, LinuxRow>;

export type LinuxRuleId = keyof typeof linux;
