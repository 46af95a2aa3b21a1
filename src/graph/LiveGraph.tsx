import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { AnimationLayer } from '../animation/AnimationLayer';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Graph } from './Graph';

/**
 * The interactive graph with its animation, as every page draws it; what a
 * page adds inside React Flow (the app's presenter zoom, the embed's focus
 * on each step) comes as children. Pages load it apart (with React Flow):
 * their first view draws the graph still meanwhile (GraphPreview.tsx).
 */
export function LiveGraph({
  children,
  panKey,
}: {
  readonly children?: ReactNode;
  readonly panKey?: string | null;
}) {
  return (
    <ReactFlowProvider>
      <Graph panKey={panKey}>
        <ErrorBoundary area="animation">
          <AnimationLayer />
        </ErrorBoundary>
        {children}
      </Graph>
    </ReactFlowProvider>
  );
}
