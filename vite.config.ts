/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { PREACT_ALIASES } from './scripts/vite-preact.mjs';

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
    <link rel="icon" type="image/svg+xml" href="%ROOT%icon.svg" />
    <link rel="manifest" href="%ROOT%manifest.webmanifest" />
    <link rel="stylesheet" href="%ROOT%boot.css" />
    <script src="%ROOT%boot.js"></script>`;

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

/**
 * From a page of the build to the build's root, as a relative path (`./`,
 * `../`): every address in the pages is relative, so `dist/` works from a
 * site's root or from any folder (README, Hosting).
 */
const rootFrom = (page: string) => {
  const depth = relative(fileURLToPath(new URL('.', import.meta.url)), page).split(/[\\/]/).length - 1;
  return depth > 0 ? '../'.repeat(depth) : './';
};

/** A page of the project, by its path from here. */
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function bootPages(): Plugin {
  return {
    name: 'unload-lens:boot-pages',
    transformIndexHtml: (html, ctx) =>
      html
        .replace('<!-- boot:head -->', HEAD.replaceAll('%ROOT%', rootFrom(ctx.filename)))
        .replace('<!-- boot:wait -->', WAIT)
        .replace('<!-- boot:failure -->', FAILURE),
  };
}

/**
 * What a page draws right after its first view, fetched at low priority
 * while the first view loads: `<link rel="prefetch">` for the chunks of
 * these modules (and what they import that the first load does not). Their
 * `import()` runs only once the first load's modules are evaluated; the
 * prefetch has them in the cache by then, without taking bandwidth from the
 * first view (a modulepreload would).
 */
const SOON = [/\/AppGraph\.tsx$/, /\/EmbedGraph\.tsx$/, /\/InspectorFields\.tsx$/];

function prefetchSoon(): Plugin {
  return {
    name: 'unload-lens:prefetch-soon',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.chunk) return html;
        const chunkOf = (file: string) => {
          const c = bundle[file];
          return c?.type === 'chunk' ? c : null;
        };
        const initial = new Set<string>();
        const walk = (file: string, into: Set<string>, skip: Set<string>) => {
          if (into.has(file) || skip.has(file)) return;
          into.add(file);
          for (const i of chunkOf(file)?.imports ?? []) walk(i, into, skip);
        };
        walk(ctx.chunk.fileName, initial, new Set());
        const soon = new Set<string>();
        for (const file of initial)
          for (const d of chunkOf(file)?.dynamicImports ?? []) {
            const c = chunkOf(d);
            if (c?.facadeModuleId && SOON.some((re) => re.test(c.facadeModuleId ?? '')))
              walk(d, soon, initial);
          }
        const root = rootFrom(ctx.filename);
        const links = [...soon]
          .map((f) => `<link rel="prefetch" href="${root}${f}" crossorigin />`)
          .join('\n    ');
        return links ? html.replace('</head>', `    ${links}\n  </head>`) : html;
      },
    },
  };
}

/**
 * The SDK (src/sdk/index.ts) as `dist/unload-lens-sdk.js`: one self-contained module at a stable
 * name, with its exports, for pages that `import { connect } from '…/unload-lens-sdk.js'`. Built
 * on its own (as a library), so it shares no chunk with the app.
 */
function emitSdk(): Plugin {
  return {
    name: 'unload-lens:sdk',
    apply: 'build',
    async generateBundle() {
      const out = await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          target: 'es2022',
          write: false,
          minify: true,
          lib: {
            entry: fileURLToPath(new URL('./src/sdk/index.ts', import.meta.url)),
            formats: ['es'],
            fileName: () => 'unload-lens-sdk.js',
          },
        },
      });
      const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []))[0];
      if (chunk?.type !== 'chunk') throw new Error('the SDK did not build');
      this.emitFile({ type: 'asset', fileName: 'unload-lens-sdk.js', source: chunk.code });
    },
  };
}

/**
 * The embed (embed.html) on Preact (scripts/vite-preact.mjs; issue 18, "Lighter embeds"): built on
 * its own, with React's module names aliased to preact/compat, and its files added to the site's
 * build (so the service worker precaches them as the app's). The app keeps React; `vite` in
 * development serves embed.html with React too (same API, and the e2e tests run on the build).
 * Its files are named `assets/embed-…`, apart from the app's (as the element's are `element-…`).
 */
function embedOnPreact(): Plugin {
  return {
    name: 'unload-lens:embed-on-preact',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        base: './',
        plugins: [react(), tailwindcss(), bootPages(), prefetchSoon()],
        resolve: { alias: PREACT_ALIASES },
        worker: { format: 'es' },
        build: {
          target: 'es2022',
          sourcemap,
          write: false,
          rolldownOptions: {
            input: { embed: page('./embed.html') },
            output: {
              chunkFileNames: 'assets/embed-[name]-[hash].js',
              assetFileNames: 'assets/embed-[name]-[hash][extname]',
            },
          },
        },
      });
      const files = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
      if (!files.some((f) => f.fileName === 'embed.html')) throw new Error('the embed did not build');
      for (const f of files) {
        if (bundle[f.fileName]) throw new Error(`the embed's ${f.fileName} would overwrite the app's file`);
        this.emitFile({
          type: 'asset',
          fileName: f.fileName,
          source: f.type === 'chunk' ? f.code : f.source,
        });
      }
    },
  };
}

/**
 * Source maps are opt-in (`SOURCEMAP=1 npm run build`): a default build ships
 * none, so a host publishes no source it did not mean to (README, hosting).
 */
const sourcemap = process.env.SOURCEMAP === '1';

/**
 * The security headers of the README's Hosting section, sent by `npm run preview` so the
 * built site runs locally as it will be hosted, with one difference: `frame-ancestors *`, so
 * any local page (the examples, a docs site under development, the tests' other origins) can
 * frame the embed; a real host names its documentation sites instead (README).
 */
const PREVIEW_HEADERS = {
  // The README's policy (e2e/hosting.ts has the same for the tests' servers).
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)',
};

/** Fuzz and property tests: slow by design, so out of `npm test`'s fast loop and in `npm run test:fuzz`. */
const FUZZ = ['src/**/*.fuzz.test.ts', 'src/**/*.property.test.ts'];

export default defineConfig({
  // Relative addresses throughout: the build works from a site's root or any folder under it.
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    // What index.html and embed.html show before their program starts, or if it cannot.
    bootPages(),
    // The live graph and the inspector's rows, fetched while the first view loads (not part of it).
    prefetchSoon(),
    // The SDK for host pages, as dist/unload-lens-sdk.js (docs/embed.md).
    emitSdk(),
    // embed.html and its scripts, on Preact.
    embedOnPreact(),
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
        // One file, no importScripts(): a string script URL is refused in a worker under Trusted
        // Types (`require-trusted-types-for 'script'`), and the worker would precache nothing.
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  // The debugger reader's worker (src/debugger/reader.worker.ts) is an ES module worker, as in dev.
  worker: { format: 'es' },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true, headers: PREVIEW_HEADERS },
  build: {
    target: 'es2022',
    sourcemap,
    // Every page: the app and the example documentation pages; the embed (docs/embed.md) is built
    // beside them, on Preact (embedOnPreact).
    rolldownOptions: {
      input: {
        index: page('./index.html'),
        examples: page('./examples/index.html'),
        'examples-elements': page('./examples/elements.html'),
      },
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    projects: [
      {
        // `npm test`: every unit test, in one module graph per worker (the setup's lessons and reader load
        // once per worker, not once per file; the tests share no module state and mock no module).
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: FUZZ,
          isolate: false,
        },
      },
      {
        // `npm run test:fuzz` (CI runs it after `npm test`): fuzz and property files, thousands of random
        // runs each, seeded by one printed seed (src/test/fuzzSeed.ts) so a failure replays.
        extends: true,
        test: {
          name: 'fuzz',
          include: FUZZ,
          globalSetup: ['src/test/fuzzSeed.global.ts'],
          setupFiles: ['src/test/fuzzSeed.ts'],
        },
      },
    ],
  },
});
