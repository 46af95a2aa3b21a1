/**
 * The custom element, ready to use from a plain page: this module defines
 * `<unload-visualizer>` when loaded (React comes bundled inside).
 *
 *   <script type="module" src="unload-lens-element.js"></script>
 *   <unload-visualizer scenario="windows-default" step="4"></unload-visualizer>
 */
import { defineUnloadVisualizer } from './element';

export { UnloadVisualizerElement, defineUnloadVisualizer, type UnloadVisualizerEventMap } from './element';

defineUnloadVisualizer();
