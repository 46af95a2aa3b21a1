/**
 * The library build (`npm run build:lib` → dist-lib/, an installable package):
 *
 * - `--mode react`: `unload-lens.js`, the React component and the custom element class,
 *   with React as a peer dependency (not bundled);
 * - `--mode element`: `unload-lens-element.js`, which defines `<unload-visualizer>` when
 *   loaded, with Preact bundled inside in place of React (scripts/vite-preact.mjs), for pages
 *   that are not React;
 * - `--mode site`: the same element script into the static site (`npm run build`), at
 *   `dist/unload-lens-element.js`, a stable address beside `embed.html`;
 * - `--mode sdk`: `unload-lens-sdk.js`, the promise SDK for frames (src/sdk/index.ts;
 *   scripts/build-lib.mjs runs it only once that file exists).
 *
 * Both carry the app's styles as text, adopted into each visualizer's shadow root.
 */
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { PREACT_ALIASES, WITH_SELECTOR } from './scripts/vite-preact.mjs';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  // `site`: the element for the static site, `dist/unload-lens-element.js` (after `vite build`).
  const site = mode === 'site';
  const element = mode === 'element' || site;
  const sdk = mode === 'sdk';
  return {
    plugins: [react(), tailwindcss()],
    resolve: {
      // The element bundles Preact (through preact/compat) as its React; the React entry leaves
      // React to the host. Both take React Flow's `with-selector` helper as an ES module.
      alias: element ? PREACT_ALIASES : [WITH_SELECTOR],
    },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    build: {
      outDir: site ? 'dist' : 'dist-lib',
      emptyOutDir: mode === 'react',
      target: 'es2022',
      // Opt-in, as for the app (vite.config.ts): SOURCEMAP=1 npm run build:lib.
      sourcemap: process.env.SOURCEMAP === '1',
      lib: {
        entry: (element
          ? { 'unload-lens-element': src('./src/lib/element-entry.ts') }
          : sdk
            ? { 'unload-lens-sdk': src('./src/sdk/index.ts') }
            : { 'unload-lens': src('./src/lib/index.ts') }) as Record<string, string>,
        formats: ['es' as const],
      },
      rolldownOptions: {
        // In the site, the element's chunks go with the site's assets, under names of their own.
        // The element is a page's script, not a module for a bundler: minified whole, without the
        // annotations a bundler would read (Vite keeps an ES library's whitespace and comments).
        // The React entry stays as it is for hosts' bundlers.
        output: {
          ...(site ? { chunkFileNames: 'assets/element-[name]-[hash].js' } : {}),
          ...(element ? { minify: true, comments: false } : {}),
        },
        // The React entry leaves to the host: React (a peer), and the plain ES modules its
        // types name (declared dependencies, so a host's `tsc` finds them and bundles one copy).
        // React Flow's own zustand 4 stays inside (its version differs from ours).
        external: element
          ? []
          : (id: string, importer: string | undefined) =>
              /^react(-dom)?($|\/)/.test(id) ||
              /^(zod|immutable)($|\/)/.test(id) ||
              (/^zustand($|\/vanilla$)/.test(id) && !/node_modules/.test(importer ?? '')),
      },
    },
  };
});
