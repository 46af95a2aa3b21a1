export {
  createVisualizer,
  initialState,
  type Visualizer,
  type VisualizerOptions,
  type Fault,
  type ActionId,
} from './create';
export { StillProvider, VisualizerProvider, useVisualizer, useVisualizerApi } from './react';
export {
  worldAt,
  type ActionSource,
  type HistoryEntry,
  type Session,
  type Theme,
  type VisualizerState,
} from './state';
