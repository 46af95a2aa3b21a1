/**
 * The custom element, ready to use from a plain page: this module defines
 * `<unload-visualizer>` when loaded. Built as `unload-lens-element.js`, it carries
 * Preact (through preact/compat) in place of React (scripts/vite-preact.mjs).
 *
 *   <script type="module" src="unload-lens-element.js"></script>
 *   <unload-visualizer scenario="windows-default" step="4"></unload-visualizer>
 */
import { defineUnloadVisualizer } from './element';

export { UnloadVisualizerElement, defineUnloadVisualizer, type UnloadVisualizerEventMap } from './element';

defineUnloadVisualizer();
