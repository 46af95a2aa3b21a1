export { createVisualizer, type Visualizer, type VisualizerOptions, type Fault } from './create';
export { StillProvider, VisualizerProvider, useVisualizer, useVisualizerApi } from './react';
export { worldAt, type HistoryEntry, type Session, type Theme, type VisualizerState } from './state';
export { loadFor } from './loadFor';
