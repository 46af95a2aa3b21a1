/**
 * The built-in lessons' ids, in teaching order, without their files: a page
 * can list, check and name lessons before it loads them (index.ts has the
 * files; the compiler keeps the two lists the same).
 */
export const LESSON_IDS = [
  'clean-stop',
  'no-unload-routine',
  'leaked-handle',
  'outstanding-irp',
  'filter-attached',
  'attach-while-pending',
  'forgotten-notification',
  'orderly-removal',
  'query-remove-veto',
  'surprise-removal',
  'driverentry-fails',
  'shutdown',
  'leaked-reference',
  'update-blocked',
  'pnp-no-unload',
  'hybrid-driver',
  'start-fails',
  'rebalance',
  'child-devnodes',
  'cancel-restores',
  'eject-pdo',
  'kmdf-cleanup',
  'kmdf-removal',
  'kmdf-destroy',
  'kmdf-reference-at-unload',
  'verifier-pool-leak',
  'timer-after-unload',
  'remove-lock-order',
  'wait-wake-remove',
  'app-notification',
  'volume-dismount',
  'paging-file',
  'svr5-busy-while-open',
  'svr5-unload-errno',
  'svr5-load-fails',
  'svr5-no-unload-routine',
  'svr5-auto-unload',
  'svr5-demand-loaded',
  'svr5-dependencies',
  'svr5-one-of-two-open',
  'svr5-copyout',
  'svr5-hot-removal',
  'svr5-detach-order',
  'svr5-modify-verify',
  'svr5-unload-all',
  'svr5-streams-push',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

export function isLessonId(id: unknown): id is LessonId {
  return typeof id === 'string' && (LESSON_IDS as readonly string[]).includes(id);
}
