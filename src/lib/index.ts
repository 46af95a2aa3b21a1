/**
 * Unload Lens as a library: a React component and a custom element, each
 * one visualizer with its own store and shadow root (docs/embed.md).
 *
 *   import { UnloadVisualizer } from 'unload-lens';
 *   import { defineUnloadVisualizer } from 'unload-lens';   // then <unload-visualizer …>
 */
export { UnloadVisualizer, type UnloadVisualizerProps } from './UnloadVisualizer';
export { UnloadVisualizerElement, defineUnloadVisualizer, type UnloadVisualizerEventMap } from './element';
export type { ActionArgs, ActionArgsMap, ActionId, BuiltInScenarioId, ScenarioInput } from './types';
// `loadFor(args)`: awaited before `run`, it loads the OS kernel a command names (an SVR5 scenario), so the answer comes at once.
export { createVisualizer, loadFor, type Visualizer } from '../store';
export type { Outcome } from '../actions/types';
export { parseScenario, type Scenario } from '../kernel/core';
export type { Controls } from '../embed/params';
export type {
  AskedQuestion,
  ChecklistLine,
  FrameMessage,
  HostMessage,
  StateReport,
  ThemeChoice,
} from '../embed/protocol';
