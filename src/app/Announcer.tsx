import { useEffect, useRef, useState } from 'react';
import { describeEvent } from '../kernel/core';
import { useVisualizer } from '../store';
import type { HistoryEntry } from '../store/state';
import { selectCursor, selectEntries } from '../store/selectors';

/** What a step did, in words: the step, its action and status, each event's sentence (kernel/describe.ts), its narration. */
export function stepAnnouncement(cursor: number, entries: readonly HistoryEntry[]): string {
  const head = `Step ${cursor} of ${entries.length}`;
  const entry = entries[cursor - 1];
  if (!entry) return `${head}: the start, before any step.`;
  const events = entry.events.map((e) => `${describeEvent(e)}.`).join(' ');
  return [`${head}: ${entry.action.do}, ${entry.status}.`, events, entry.say ?? ''].filter(Boolean).join(' ');
}

/**
 * The visualizer's voice for screen readers: each time the step changes
 * (a key, a button, a lesson playing, a host page), its events are said in
 * words in one polite live region. Silent on the first draw: the page's
 * own content is read then.
 */
export function Announcer() {
  const cursor = useVisualizer(selectCursor);
  const entries = useVisualizer(selectEntries);
  const [text, setText] = useState('');
  const last = useRef<{ cursor: number; entries: readonly HistoryEntry[] } | null>(null);
  useEffect(() => {
    const before = last.current;
    last.current = { cursor, entries };
    if (!before || (before.cursor === cursor && before.entries === entries)) return;
    setText(stepAnnouncement(cursor, entries));
  }, [cursor, entries]);
  return (
    <p className="sr-only" role="status" data-testid="announcer">
      {text}
    </p>
  );
}
