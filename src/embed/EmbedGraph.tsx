import { LiveGraph } from '../graph/LiveGraph';
import { FocusOnStep } from './FocusOnStep';

/** The embed's graph: loaded apart, so the embed's first paint does not wait for React Flow. */
export default function EmbedGraph() {
  return (
    <LiveGraph>
      <FocusOnStep />
    </LiveGraph>
  );
}
