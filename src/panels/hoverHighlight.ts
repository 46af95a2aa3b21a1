import { useMemo, type FocusEvent, type MouseEvent } from 'react';
import type { ObjectRef } from '../kernel/core';
import { useVisualizerApi } from '../store';

type Handlers = {
  onMouseEnter: (e: MouseEvent) => void;
  onMouseLeave: (e: MouseEvent) => void;
  onFocus: (e: FocusEvent) => void;
  onBlur: (e: FocusEvent) => void;
};

/**
 * Transient highlighting for hover and focus, over a pinned one, through
 * this visualizer's door (`highlight`): hovering or focusing an event line
 * or a blocker outlines its objects in the graph; leaving puts back what was
 * outlined before (the store remembers it, per visualizer). Nothing here
 * subscribes.
 */
export function useHighlight(): {
  /** Props that outline `refs` while the element is hovered or holds focus (focus bubbles from children). */
  hoverProps: (refs: () => readonly ObjectRef[]) => Handlers;
  /** Outlines `refs` and keeps them outlined after the pointer or focus leaves. */
  pin: (refs: readonly ObjectRef[]) => void;
} {
  const { execute } = useVisualizerApi();
  return useMemo(() => {
    const show = (refs: readonly ObjectRef[]) => execute('highlight', { refs: [...refs], mode: 'hover' });
    const end = () => execute('highlight', { refs: [], mode: 'end' });
    return {
      hoverProps: (refs) => ({
        onMouseEnter: () => show(refs()),
        onMouseLeave: end,
        onFocus: () => show(refs()),
        onBlur: end,
      }),
      pin: (refs) => execute('highlight', { refs: [...refs], mode: 'pin' }),
    };
  }, [execute]);
}
