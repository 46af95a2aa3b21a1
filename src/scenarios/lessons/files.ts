import type { LessonId } from './ids';

/**
 * Each built-in lesson's file, loaded on its own the first time it is
 * wanted: the app opened on one lesson (`?lesson=leaked-handle`) downloads
 * that lesson, not the library (index.ts has them all at once, for the
 * gallery, the CLI and the tests; src/lessons/catalogue.ts's `loadLesson`).
 * Keyed by id: a lesson without a loader is a compile error.
 *
 * As text (`?raw`), so the bundler gives each a chunk of its own beside
 * the library's one chunk of every lesson (the same JSON module imported
 * from both would be split into 40 chunks, and the gallery would fetch
 * them all: 43.7 KB gzip instead of 23.3). Browser and vitest only.
 */
function read(m: { default: string }): unknown {
  return JSON.parse(m.default) as unknown;
}

export const LESSON_FILES: { readonly [K in LessonId]: () => Promise<unknown> } = {
  'clean-stop': () => import('./clean-stop.json?raw').then(read),
  'no-unload-routine': () => import('./no-unload-routine.json?raw').then(read),
  'leaked-handle': () => import('./leaked-handle.json?raw').then(read),
  'outstanding-irp': () => import('./outstanding-irp.json?raw').then(read),
  'filter-attached': () => import('./filter-attached.json?raw').then(read),
  'attach-while-pending': () => import('./attach-while-pending.json?raw').then(read),
  'forgotten-notification': () => import('./forgotten-notification.json?raw').then(read),
  'orderly-removal': () => import('./orderly-removal.json?raw').then(read),
  'query-remove-veto': () => import('./query-remove-veto.json?raw').then(read),
  'surprise-removal': () => import('./surprise-removal.json?raw').then(read),
  'driverentry-fails': () => import('./driverentry-fails.json?raw').then(read),
  shutdown: () => import('./shutdown.json?raw').then(read),
  'leaked-reference': () => import('./leaked-reference.json?raw').then(read),
  'update-blocked': () => import('./update-blocked.json?raw').then(read),
  'pnp-no-unload': () => import('./pnp-no-unload.json?raw').then(read),
  'hybrid-driver': () => import('./hybrid-driver.json?raw').then(read),
  'start-fails': () => import('./start-fails.json?raw').then(read),
  rebalance: () => import('./rebalance.json?raw').then(read),
  'child-devnodes': () => import('./child-devnodes.json?raw').then(read),
  'cancel-restores': () => import('./cancel-restores.json?raw').then(read),
  'eject-pdo': () => import('./eject-pdo.json?raw').then(read),
  'kmdf-cleanup': () => import('./kmdf-cleanup.json?raw').then(read),
  'kmdf-removal': () => import('./kmdf-removal.json?raw').then(read),
  'kmdf-destroy': () => import('./kmdf-destroy.json?raw').then(read),
  'kmdf-reference-at-unload': () => import('./kmdf-reference-at-unload.json?raw').then(read),
  'verifier-pool-leak': () => import('./verifier-pool-leak.json?raw').then(read),
  'timer-after-unload': () => import('./timer-after-unload.json?raw').then(read),
  'remove-lock-order': () => import('./remove-lock-order.json?raw').then(read),
  'wait-wake-remove': () => import('./wait-wake-remove.json?raw').then(read),
  'svr5-busy-while-open': () => import('./svr5-busy-while-open.json?raw').then(read),
  'svr5-unload-errno': () => import('./svr5-unload-errno.json?raw').then(read),
  'svr5-load-fails': () => import('./svr5-load-fails.json?raw').then(read),
  'svr5-no-unload-routine': () => import('./svr5-no-unload-routine.json?raw').then(read),
  'svr5-auto-unload': () => import('./svr5-auto-unload.json?raw').then(read),
  'svr5-demand-loaded': () => import('./svr5-demand-loaded.json?raw').then(read),
  'svr5-dependencies': () => import('./svr5-dependencies.json?raw').then(read),
  'svr5-one-of-two-open': () => import('./svr5-one-of-two-open.json?raw').then(read),
  'svr5-copyout': () => import('./svr5-copyout.json?raw').then(read),
  'svr5-hot-removal': () => import('./svr5-hot-removal.json?raw').then(read),
  'svr5-detach-order': () => import('./svr5-detach-order.json?raw').then(read),
  'svr5-modify-verify': () => import('./svr5-modify-verify.json?raw').then(read),
  'svr5-unload-all': () => import('./svr5-unload-all.json?raw').then(read),
  'svr5-streams-push': () => import('./svr5-streams-push.json?raw').then(read),
  'app-notification': () => import('./app-notification.json?raw').then(read),
  'volume-dismount': () => import('./volume-dismount.json?raw').then(read),
  'paging-file': () => import('./paging-file.json?raw').then(read),
};
