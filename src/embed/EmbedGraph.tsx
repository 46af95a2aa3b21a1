import { useState, type FocusEvent } from 'react';
import { LiveGraph } from '../graph/LiveGraph';
import { FocusOnStep } from './FocusOnStep';

/**
 * The embed's graph: loaded apart, so the embed's first paint does not wait for React Flow.
 * Space pans it only while focus is inside it: React Flow listens for its pan key on the whole
 * document and keeps it from the page, and a host's Space must go on scrolling the host.
 */
export default function EmbedGraph() {
  const [focused, setFocused] = useState(false);
  const leave = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
  };
  return (
    <div className="contents" onFocus={() => setFocused(true)} onBlur={leave}>
      <LiveGraph panKey={focused ? 'Space' : null}>
        <FocusOnStep />
      </LiveGraph>
    </div>
  );
}
