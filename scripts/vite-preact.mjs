/**
 * The embed (embed.html) and the custom element (unload-lens-element.js) carry their own UI
 * library: Preact through `preact/compat`, not React (issue 18, "Lighter embeds": react-dom alone
 * was 63 KB gzip of each, Preact with its compat layer is 8). These aliases point React's module
 * names at Preact's in those two builds only (vite.config.ts, vite.lib.config.ts); the app and the
 * React component for React hosts keep React. React Flow and zustand use the same React API, which
 * compat provides (`useSyncExternalStore` included). Types: vite-preact.d.mts.
 */
import { fileURLToPath } from 'node:url';

/**
 * React Flow's zustand imports this helper, which npm ships as CommonJS calling `require("react")`:
 * an ES module of our own instead (src/lib/withSelector.ts; no `require` in any chunk).
 */
export const WITH_SELECTOR = {
  find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
  replacement: fileURLToPath(new URL('../src/lib/withSelector.ts', import.meta.url)),
};

/**
 * React's module names → Preact's: exact names only. `react-dom/client` is Preact's, with effects
 * run when React runs them (src/lib/preactClient.ts).
 */
export const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  {
    find: /^react-dom\/client$/,
    replacement: fileURLToPath(new URL('../src/lib/preactClient.ts', import.meta.url)),
  },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  WITH_SELECTOR,
];
