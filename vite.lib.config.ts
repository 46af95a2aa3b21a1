/**
 * The library build (`npm run build:lib` → dist-lib/, an installable package):
 *
 * - `--mode react`: `unload-lens.js`, the React component and the custom element class,
 *   with React as a peer dependency (not bundled);
 * - `--mode element`: `unload-lens-element.js`, which defines `<unload-visualizer>` when
 *   loaded, React bundled inside, for pages that are not React.
 *
 * Both carry the app's styles as text, adopted into each visualizer's shadow root.
 */
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  const element = mode === 'element';
  return {
    plugins: [react(), tailwindcss()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    build: {
      outDir: 'dist-lib',
      emptyOutDir: !element,
      target: 'es2022',
      // Opt-in, as for the app (vite.config.ts): SOURCEMAP=1 npm run build:lib.
      sourcemap: process.env.SOURCEMAP === '1',
      lib: {
        entry: (element
          ? { 'unload-lens-element': src('./src/lib/element-entry.ts') }
          : { 'unload-lens': src('./src/lib/index.ts') }) as Record<string, string>,
        formats: ['es' as const],
      },
      rolldownOptions: {
        external: element ? [] : [/^react($|\/)/, /^react-dom($|\/)/],
      },
    },
  };
});
