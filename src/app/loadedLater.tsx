import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component from a chunk whose fetch has already started (at module load,
 * not at first render), drawn as soon as it is there and `Fallback` until
 * then. Not React.lazy: a Suspense boundary that showed its fallback holds
 * the content back up to 300 ms after it arrives, and the graph and the
 * inspector are what the user waits for. A chunk that fails to load throws
 * in render, so the error boundary around says so.
 */
export function loadedLater<P extends object>(
  fetching: Promise<{ default: ComponentType<P> }>,
  Fallback: ComponentType<P>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let failed: { error: unknown } | null = null;
  const ready = fetching.then(
    (m) => void (loaded = m.default),
    (error: unknown) => void (failed = { error }),
  );
  return function LoadedLater(props: P) {
    const [, arrived] = useState(0);
    const Loaded = loaded;
    // Drawn without it: wait for it (it may have come between this render and this effect).
    useEffect(() => {
      if (!Loaded) void ready.then(() => arrived((n) => n + 1));
    }, [Loaded]);
    if (failed) throw failed.error;
    return Loaded ? <Loaded {...props} /> : <Fallback {...props} />;
  };
}
