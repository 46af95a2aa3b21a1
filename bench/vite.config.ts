import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The benchmark's baseline page (bare React Flow), built apart from the app into dist-bench/. */
export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  preview: { host: '127.0.0.1', strictPort: true },
});
