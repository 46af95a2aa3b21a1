/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * What a page shows before its program has started, written once for the
 * app (index.html) and the embed (embed.html), where they say
 * `<!-- boot:head -->`, `<!-- boot:wait -->` and `<!-- boot:failure -->`:
 *
 * - a placeholder in the page's root (React replaces it when it draws),
 *   which after a while asks whether scripts are blocked (public/boot.css);
 * - a message public/boot.js reveals when a script did not load or the
 *   browser cannot run it, so the page is never blank;
 * - a noscript message.
 *
 * No inline script and no inline style: all of it works under the strict
 * Content-Security-Policy of the README.
 */
const HEAD = `<meta name="theme-color" content="#2563eb" />
    <link rel="manifest" href="/manifest.webmanifest" />
    <link rel="stylesheet" href="/boot.css" />
    <script src="/boot.js"></script>`;

const WAIT = `<p class="boot-wait">
        Loading Unload Lens…
        <span class="boot-slow">Still nothing? This browser may be blocking the page’s scripts: allow JavaScript for this site, then reload.</span>
      </p>`;

const FAILURE = `<div id="boot-failure" class="boot-failure" role="alert" hidden>
      <p><strong>Unload Lens could not start.</strong> <span id="boot-failure-detail"></span></p>
      <p>Reload the page to try again. If it keeps failing, the site may be updating: try again in a minute.</p>
    </div>
    <noscript>
      <p class="boot-failure">Unload Lens needs JavaScript to run its simulated kernel: allow JavaScript for this site, then reload.</p>
    </noscript>`;

function bootPages(): Plugin {
  return {
    name: 'unload-lens:boot-pages',
    transformIndexHtml: (html) =>
      html
        .replace('<!-- boot:head -->', HEAD)
        .replace('<!-- boot:wait -->', WAIT)
        .replace('<!-- boot:failure -->', FAILURE),
  };
}

/**
 * Source maps are opt-in (`SOURCEMAP=1 npm run build`): a default build ships
 * none, so a host publishes no source it did not mean to (README, hosting).
 */
const sourcemap = process.env.SOURCEMAP === '1';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // What index.html and embed.html show before their program starts, or if it cannot.
    bootPages(),
    // The service worker (src/app/offline.ts registers it, in a production build only): every page
    // of the build precached, so the app, the lessons and the embed open offline once loaded. The
    // manifest and icons are files of public/ (manifest: false: the plugin writes none of its own).
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // `/?lesson=…`, `/embed.html?scenario=…`: the query is the view, not another file.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        sourcemap: false,
      },
    }),
  ],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    sourcemap,
    // Every page: the app, the embed (docs/embed.md) and the example documentation page.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
        examples: fileURLToPath(new URL('./examples/index.html', import.meta.url)),
        'examples-elements': fileURLToPath(new URL('./examples/elements.html', import.meta.url)),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
  },
});
