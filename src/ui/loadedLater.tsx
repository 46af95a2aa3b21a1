import { useSyncExternalStore, type ComponentType } from 'react';

/**
 * A component from a chunk whose fetch has already started (at module load,
 * not at first render), drawn as soon as it is there and `Fallback` until
 * then. Not React.lazy: a Suspense boundary that showed its fallback holds
 * the content back up to 300 ms after it arrives, and the graph and the
 * inspector are what the user waits for. Its arrival is an external store's
 * change, drawn at once (not sliced among other work). A chunk that fails
 * to load throws in render, so the error boundary around says so.
 */
export function loadedLater<P extends object>(
  fetching: Promise<{ default: ComponentType<P> }>,
  Fallback: ComponentType<P>,
): ComponentType<P> {
  let state: { Loaded: ComponentType<P> | null; error?: { error: unknown } } = { Loaded: null };
  const listeners = new Set<() => void>();
  const settle = (next: typeof state) => {
    state = next;
    listeners.forEach((l) => l());
  };
  fetching.then(
    (m) => settle({ Loaded: m.default }),
    (error: unknown) => settle({ Loaded: null, error: { error } }),
  );
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  const read = () => state;
  return function LoadedLater(props: P) {
    const { Loaded, error } = useSyncExternalStore(subscribe, read, read);
    if (error) throw error.error;
    return Loaded ? <Loaded {...props} /> : <Fallback {...props} />;
  };
}
