import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { loadReader } from '../debugger/reader';
import { loadLessons } from '../lessons/catalogue';
import { selectEditorOpen, selectGalleryOpen } from '../lessons/selectors';
import { useVisualizer } from '../store';
import type { VisualizerState } from '../store/state';

/**
 * The parts of a visualizer its first view does not show, each loaded the
 * first time it is wanted: the lesson gallery (with every lesson's file),
 * the lesson recorder, the action palette and its forms, the debugger
 * reader's findings and paste dialog. The first view downloads only what
 * it draws (docs/benchmarks.md gives the sizes). While a part loads it
 * shows nothing; a part that fails to load says so in its error boundary.
 */
function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Part = lazy(() => load().then((c) => ({ default: c })));
  return function Later(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}

/** A part drawn only while `shown` holds, loaded the first time it does. */
function whenShown(
  shown: (s: VisualizerState) => boolean,
  load: () => Promise<ComponentType>,
): () => ReactNode {
  const Part = later(load);
  return function WhenShown() {
    return useVisualizer(shown) ? <Part /> : null;
  };
}

export const Gallery = whenShown(selectGalleryOpen, async () => {
  await loadLessons();
  return (await import('../lessons/Gallery')).Gallery;
});

export const LessonEditor = whenShown(
  selectEditorOpen,
  async () => (await import('../lessons/LessonEditor')).LessonEditor,
);

export const ImportPanel = whenShown(
  (s) => s.imported !== null,
  async () => (await import('../debugger/ImportPanel')).ImportPanel,
);

export const ActionPalette = later(async () => (await import('../panels/ActionPalette')).ActionPalette);

export const PasteDialog = later(async () => {
  await loadReader();
  return (await import('../debugger/PasteDialog')).PasteDialog;
});
