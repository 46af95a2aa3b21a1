import { lazy, Suspense, useEffect, useState } from 'react';
import type { HistoryEntry } from '../store/state';
import { liveChannelName, readTeacherClass, type TeacherClass } from './liveChannel';

// The connection (provider, Yjs) loads only once the projected window says a class is live.
const LiveCounts = lazy(() => import('./LiveCounts'));

/** The presenter console's part of a live class (issue 23): the live counts the projector does not show. */
export function ConsoleLive({
  channel,
  steps,
}: {
  readonly channel: string;
  readonly steps: readonly HistoryEntry[];
}) {
  const [cls, setCls] = useState<TeacherClass | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(liveChannelName(channel));
    ch.onmessage = (e: MessageEvent) => {
      const c = readTeacherClass(e.data);
      if (c) setCls((old) => (old?.code === c.code ? old : c));
    };
    ch.postMessage({ type: 'hello' });
    return () => ch.close();
  }, [channel]);
  if (!cls) return null;
  return (
    <Suspense fallback={<p role="status">Connecting to the live class…</p>}>
      <LiveCounts cls={cls} steps={steps} />
    </Suspense>
  );
}
