import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Visualizer } from './create';
import type { VisualizerState } from './state';

/**
 * The thin React layer over a visualizer (zustand's `useStore` over its
 * vanilla store, as React Flow does with its provider): each subtree reads
 * and acts on the visualizer its provider names.
 */
const VisualizerContext = createContext<Visualizer | null>(null);

export function VisualizerProvider({
  visualizer,
  children,
}: {
  visualizer: Visualizer;
  children: ReactNode;
}) {
  return <VisualizerContext.Provider value={visualizer}>{children}</VisualizerContext.Provider>;
}

/** The visualizer this component belongs to: its door (`execute`, `run`) and its store. */
export function useVisualizerApi(): Visualizer {
  const v = useContext(VisualizerContext);
  if (!v) throw new Error('useVisualizer: no <VisualizerProvider> above this component');
  return v;
}

/** Subscribes to one slice of this visualizer's state (selectors at module scope: see selectors.ts). */
export function useVisualizer<T>(selector: (s: VisualizerState) => T): T {
  return useStore(useVisualizerApi().store, selector);
}

/**
 * One state held still, for drawing the app's components outside a visualizer
 * (the Node renderer, src/render): readers see `state`; the door answers that
 * nothing can be done here.
 */
export function StillProvider({ state, children }: { state: VisualizerState; children?: ReactNode }) {
  const refused = () => ({ ok: false as const, error: 'a still picture: nothing can be done here' });
  const still: Visualizer = {
    store: createStore<VisualizerState>(() => state),
    execute: refused,
    run: refused,
    getState: () => state,
    onFault: () => () => {},
  };
  return <VisualizerContext.Provider value={still}>{children}</VisualizerContext.Provider>;
}
