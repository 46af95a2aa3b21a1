/**
 * The built-in lessons, one scenario file each, in teaching order: the 16
 * Windows situations of shared/domain/windows.md §6, then the 10 SVR5 ones
 * of svr5.md §6, each OS's followed by the lessons of mechanisms added since
 * (issue 19: a failed IRP_MN_START_DEVICE, a resource rebalance, a hub and
 * its child devnodes, a cancelled removal, an ejected device's
 * PDO, the order of a REMOVE held by a
 * remove lock, a wait-wake IRP pending at a removal, KMDF's cleanup and
 * removal, a reference held at a KMDF driver's unload, Driver Verifier, an application's and a driver's notifications, a mounted volume's dismount, a paging file on a disk; drv_detach's order; config's CFG_MODIFY and
 * CFG_VERIFY; static modules and modadmin -u 0; STREAMS modules pushed and
 * popped). Plain data,
 * so the app, the CLI and the tests read the same files (no bundler-only
 * import).
 */
import type { LessonId } from './ids';
import cleanStop from './clean-stop.json';
import noUnloadRoutine from './no-unload-routine.json';
import leakedHandle from './leaked-handle.json';
import outstandingIrp from './outstanding-irp.json';
import filterAttached from './filter-attached.json';
import attachWhilePending from './attach-while-pending.json';
import forgottenNotification from './forgotten-notification.json';
import orderlyRemoval from './orderly-removal.json';
import queryRemoveVeto from './query-remove-veto.json';
import surpriseRemoval from './surprise-removal.json';
import driverentryFails from './driverentry-fails.json';
import shutdown from './shutdown.json';
import leakedReference from './leaked-reference.json';
import updateBlocked from './update-blocked.json';
import pnpNoUnload from './pnp-no-unload.json';
import hybridDriver from './hybrid-driver.json';
import startFails from './start-fails.json';
import rebalance from './rebalance.json';
import childDevnodes from './child-devnodes.json';
import cancelRestores from './cancel-restores.json';
import ejectPdo from './eject-pdo.json';
import kmdfCleanup from './kmdf-cleanup.json';
import kmdfRemoval from './kmdf-removal.json';
import kmdfDestroy from './kmdf-destroy.json';
import kmdfReferenceAtUnload from './kmdf-reference-at-unload.json';
import verifierPoolLeak from './verifier-pool-leak.json';
import timerAfterUnload from './timer-after-unload.json';
import removeLockOrder from './remove-lock-order.json';
import waitWakeRemove from './wait-wake-remove.json';
import appNotification from './app-notification.json';
import volumeDismount from './volume-dismount.json';
import pagingFile from './paging-file.json';
import svr5BusyWhileOpen from './svr5-busy-while-open.json';
import svr5UnloadErrno from './svr5-unload-errno.json';
import svr5LoadFails from './svr5-load-fails.json';
import svr5NoUnloadRoutine from './svr5-no-unload-routine.json';
import svr5AutoUnload from './svr5-auto-unload.json';
import svr5DemandLoaded from './svr5-demand-loaded.json';
import svr5Dependencies from './svr5-dependencies.json';
import svr5OneOfTwoOpen from './svr5-one-of-two-open.json';
import svr5Copyout from './svr5-copyout.json';
import svr5HotRemoval from './svr5-hot-removal.json';
import svr5DetachOrder from './svr5-detach-order.json';
import svr5ModifyVerify from './svr5-modify-verify.json';
import svr5UnloadAll from './svr5-unload-all.json';
import svr5StreamsPush from './svr5-streams-push.json';

export const LESSON_SCENARIOS = {
  'clean-stop': cleanStop,
  'no-unload-routine': noUnloadRoutine,
  'leaked-handle': leakedHandle,
  'outstanding-irp': outstandingIrp,
  'filter-attached': filterAttached,
  'attach-while-pending': attachWhilePending,
  'forgotten-notification': forgottenNotification,
  'orderly-removal': orderlyRemoval,
  'query-remove-veto': queryRemoveVeto,
  'surprise-removal': surpriseRemoval,
  'driverentry-fails': driverentryFails,
  shutdown: shutdown,
  'leaked-reference': leakedReference,
  'update-blocked': updateBlocked,
  'pnp-no-unload': pnpNoUnload,
  'hybrid-driver': hybridDriver,
  'start-fails': startFails,
  rebalance: rebalance,
  'child-devnodes': childDevnodes,
  'cancel-restores': cancelRestores,
  'eject-pdo': ejectPdo,
  'kmdf-cleanup': kmdfCleanup,
  'kmdf-removal': kmdfRemoval,
  'kmdf-destroy': kmdfDestroy,
  'kmdf-reference-at-unload': kmdfReferenceAtUnload,
  'verifier-pool-leak': verifierPoolLeak,
  'timer-after-unload': timerAfterUnload,
  'remove-lock-order': removeLockOrder,
  'wait-wake-remove': waitWakeRemove,
  'app-notification': appNotification,
  'volume-dismount': volumeDismount,
  'paging-file': pagingFile,
  'svr5-busy-while-open': svr5BusyWhileOpen,
  'svr5-unload-errno': svr5UnloadErrno,
  'svr5-load-fails': svr5LoadFails,
  'svr5-no-unload-routine': svr5NoUnloadRoutine,
  'svr5-auto-unload': svr5AutoUnload,
  'svr5-demand-loaded': svr5DemandLoaded,
  'svr5-dependencies': svr5Dependencies,
  'svr5-one-of-two-open': svr5OneOfTwoOpen,
  'svr5-copyout': svr5Copyout,
  'svr5-hot-removal': svr5HotRemoval,
  'svr5-detach-order': svr5DetachOrder,
  'svr5-modify-verify': svr5ModifyVerify,
  'svr5-unload-all': svr5UnloadAll,
  'svr5-streams-push': svr5StreamsPush,
} as const satisfies { readonly [K in LessonId]: unknown };

export { LESSON_IDS, isLessonId, type LessonId } from './ids';
