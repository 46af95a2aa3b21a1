import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/**
 * Each node type behind its own error boundary: a node whose data its
 * component cannot draw shows what went wrong in its place, with a reset,
 * and every other node, the edges and the panels stay. Its next data (a step
 * later or earlier) tries again by itself.
 */
export function guardNodeTypes(types: NodeTypes): NodeTypes {
  return Object.fromEntries(
    Object.entries(types).map(([type, Node]) => {
      const Inner = Node as ComponentType<NodeProps>;
      const Guarded = (props: NodeProps) => (
        <ErrorBoundary area={props.id.replace(':', ' ')} compact resetKey={props.data}>
          <Inner {...props} />
        </ErrorBoundary>
      );
      Guarded.displayName = `Guarded(${type})`;
      return [type, Guarded];
    }),
  );
}
