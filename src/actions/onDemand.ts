/**
 * Code or data a command needs but the first view does not: loaded once,
 * the first time someone asks (later calls share the first load), and read
 * synchronously afterwards, because the door is synchronous. Whoever sends
 * such a command awaits `load()` first; a command run before that refuses
 * in words (see the lessons' `openLesson` and the debugger's
 * `importDebugger`).
 */
export interface OnDemand<T> {
  readonly load: () => Promise<T>;
  /** What loaded, or null before. */
  readonly loaded: () => T | null;
}

export function onDemand<T>(fetch: () => Promise<T>): OnDemand<T> {
  let loading: Promise<T> | null = null;
  let value: T | null = null;
  return {
    load: () => {
      loading ??= fetch().then((v) => (value = v));
      return loading;
    },
    loaded: () => value,
  };
}
