import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BASELINE=1: the same host without unload-lens, to measure what the package adds.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.BASELINE ? 'dist-baseline' : 'dist',
    rolldownOptions: {
      input: process.env.BASELINE
        ? { baseline: 'baseline.html' }
        : { index: 'index.html', hostile: 'hostile.html', snippets: 'snippets.html' },
    },
  },
});
