/**
 * The projected window's live class, told to its presenter console (another
 * window of the same browser) over a BroadcastChannel named after the
 * presenter bar's own channel id, so the console shows the live counts that
 * the projector must not. Also where a teacher's tab keeps its class across
 * a reload (the tab's own sessionStorage, never shared).
 */
export const liveChannelName = (id: string) => `unload-lens-live:${id}`;

export interface TeacherClass {
  readonly code: string;
  readonly secret: string;
  readonly server: string;
}

/** A teacher's class as a message or a stored value says it; anything else is null. */
export function readTeacherClass(d: unknown): TeacherClass | null {
  if (typeof d !== 'object' || d === null) return null;
  const { code, secret, server } = d as Record<string, unknown>;
  return typeof code === 'string' &&
    typeof secret === 'string' &&
    typeof server === 'string' &&
    /^wss?:\/\//.test(server)
    ? { code, secret, server }
    : null;
}

const KEPT = 'unload-lens-live-teacher';

export function keptClass(): TeacherClass | null {
  try {
    return readTeacherClass(JSON.parse(sessionStorage.getItem(KEPT) ?? 'null'));
  } catch {
    return null;
  }
}

export function keepClass(c: TeacherClass | null): void {
  try {
    if (c) sessionStorage.setItem(KEPT, JSON.stringify(c));
    else sessionStorage.removeItem(KEPT);
  } catch {
    // Storage refused (a private window's quota): a reload then starts without the class.
  }
}
