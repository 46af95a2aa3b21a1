import { ReactFlowProvider } from '@xyflow/react';
import { AnimationLayer } from '../animation/AnimationLayer';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { Graph } from '../graph/Graph';
import { FocusOnStep } from './FocusOnStep';

/** The interactive graph: loaded apart, so the embed's first paint does not wait for React Flow. */
export default function EmbedGraph() {
  return (
    <ReactFlowProvider>
      <Graph>
        <ErrorBoundary area="animation">
          <AnimationLayer />
        </ErrorBoundary>
        <FocusOnStep />
      </Graph>
    </ReactFlowProvider>
  );
}
