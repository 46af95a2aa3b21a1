#!/usr/bin/env node
// Builds the library package in dist-lib/ (see vite.lib.config.ts): the React entry, the
// self-defining element bundle, the type declarations, and the package's own package.json,
// so `npm pack dist-lib` (or a path install) gives an installable `unload-lens`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const REACT = '^18.3.0 || ^19.0.0';
// The promise SDK for frames (`unload-lens/sdk`), once src/sdk/index.ts exists (issue 18, part B):
// vite.lib.config.ts builds it in `--mode sdk`, tsconfig.lib.json declares it.
const sdk = existsSync('src/sdk/index.ts');
run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--mode', 'react']);
run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--mode', 'element']);
if (sdk) run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--mode', 'sdk']);
run('npx', ['tsc', '-p', 'tsconfig.lib.json']);

const app = JSON.parse(readFileSync('package.json', 'utf8'));
const pkg = {
  name: 'unload-lens',
  version: app.version,
  description: app.description,
  type: 'module',
  main: './unload-lens.js',
  module: './unload-lens.js',
  types: './types/lib/index.d.ts',
  exports: {
    '.': { types: './types/lib/index.d.ts', import: './unload-lens.js' },
    './element': { types: './types/lib/element-entry.d.ts', import: './unload-lens-element.js' },
    ...(sdk ? { './sdk': { types: './types/sdk/index.d.ts', import: './unload-lens-sdk.js' } } : {}),
    './package.json': './package.json',
  },
  sideEffects: ['./unload-lens-element.js'],
  // React is the page's own: any React from 18.3 on (the element bundles Preact in its place and needs none).
  peerDependencies: { react: REACT, 'react-dom': REACT },
  peerDependenciesMeta: { react: { optional: true }, 'react-dom': { optional: true } },
  // Plain ES modules the component imports and its types name (one copy in the host's bundle);
  // everything else (the kernel, React Flow…) is bundled.
  dependencies: Object.fromEntries(['immutable', 'zod', 'zustand'].map((d) => [d, app.dependencies[d]])),
  license: app.license ?? 'UNLICENSED',
};
writeFileSync('dist-lib/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  'dist-lib/README.md',
  `# unload-lens\n\nThe Unload Lens visualizer as a React component and a custom element. See docs/embed.md in the Unload Lens repository.\n`,
);
console.error('build-lib: dist-lib/ is ready (npm pack dist-lib to make a tarball)');
