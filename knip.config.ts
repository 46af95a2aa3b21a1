import { defineConfig } from 'knip/config';

/**
 * Unused files, exports, types and dependencies (`npm run lint` fails on any). Knip follows the imports from
 * every way into the code; its plugins add what package.json's scripts and the Vite, Vitest, Playwright and
 * ESLint configs name. A test's import counts as a use: a helper only tests use belongs in a testing file.
 */
export default defineConfig({
  // The pages (index.html, embed.html, examples/, bench/bare/), the library's React entry and the scripts of
  // package.json come from the Vite and npm plugins; these are the rest.
  entry: [
    // The example pages' stylesheet (a <link>: the Vite plugin follows only their scripts).
    'examples/docs.css',
    // The embed page: built on its own, on Preact, by vite.config.ts's embedOnPreact plugin (Vite's input no
    // longer names embed.html, so knip's Vite plugin does not see it).
    'src/embed/main.tsx',
    // The debugger reader's worker (`?worker&url` in src/debugger/readInBackground.ts).
    'src/debugger/reader.worker.ts',
    // The package (vite.lib.config.ts, tsconfig.lib.json): its exports are its public API, as are the kernel's.
    'src/lib/element-entry.ts',
    'src/lib/withSelector.ts',
    'src/sdk/index.ts',
    'src/kernel/index.ts',
    // The Linux personality: registered in issue 24's app side.
    'src/kernel/linux/personality.ts',
    // The Linux paste reader: drawn in issue 24's app side.
    'src/kernel/linux/reader/index.ts',
    // Command-line tools, scripts, benchmarks and tests.
    'src/cli/*.ts',
    'scripts/*.{ts,mjs}',
    'bench/*.bench.ts',
    'e2e/**/*.spec.ts',
    'src/**/*.test.{ts,tsx}',
    'src/test/*.ts',
  ],
  project: [
    'src/**/*.{ts,tsx}',
    'e2e/**/*.ts',
    'bench/**/*.{ts,tsx}',
    'scripts/**/*.{ts,mjs}',
    'examples/**/*.{ts,tsx}',
    '{src,examples}/**/*.css',
  ],
  // Host apps of the package, built against the packed tarball by their own config (e2e/hosts/prepare.ts).
  ignore: ['e2e/hosts/react/**'],
});
