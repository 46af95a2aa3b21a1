import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useVisualizer } from '../store';
import { selectLayout } from '../store/selectors';
import { selectPresenter } from './selectors';

const PRESENTER_FIT = { padding: 0.06, maxZoom: 2 } as const;

/** Inside the graph: in presenter mode the drawing is zoomed so the stack fills the screen. */
export function PresenterZoom() {
  const presenter = useVisualizer(selectPresenter);
  const layout = useVisualizer(selectLayout);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!presenter) return;
    // After React Flow has measured (and after the graph's own refit, which this one follows).
    const frames = [0, 0];
    frames[0] = requestAnimationFrame(() => {
      frames[1] = requestAnimationFrame(() => void fitView(PRESENTER_FIT));
    });
    return () => frames.forEach(cancelAnimationFrame);
  }, [presenter, layout, fitView]);
  return null;
}
