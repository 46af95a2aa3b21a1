/**
 * `react-dom/client` for the builds on Preact (the embed and the custom element;
 * scripts/vite-preact.mjs aliases it here): Preact's `createRoot`, with effects run
 * when React runs them after a key or a click.
 *
 * React flushes the effects of an update made in a discrete event (a key press, a
 * click) before the browser paints. Preact runs effects a frame later. React Flow
 * hands its `nodes` prop to its own store in an effect, so on Preact the graph drew a
 * newly selected node hidden for measuring a frame or more after an arrow key had
 * moved focus to it, and focus fell to the page's body (src/graph/useGraphKeyboard.ts
 * holds focus only for the frames React takes). Effects here run right after the
 * render that made them, as a microtask: before the paint, as React does for a key
 * press, for every update.
 */
import { options } from 'preact';

options.requestAnimationFrame = (flush) => queueMicrotask(flush);

export { createRoot, hydrateRoot } from 'preact/compat/client';
