import { LiveGraph } from '../graph/LiveGraph';
import { PresenterZoom } from '../lessons/PresenterZoom';

/** The app's graph: loaded apart, so the first view does not wait for React Flow. */
export default function AppGraph() {
  return (
    <LiveGraph>
      <PresenterZoom />
    </LiveGraph>
  );
}
