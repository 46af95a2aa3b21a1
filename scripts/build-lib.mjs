#!/usr/bin/env node
// Builds the library package in dist-lib/ (see vite.lib.config.ts): the React entry, the
// self-defining element bundle, the type declarations, and the package's own package.json,
// so `npm pack dist-lib` (or a path install) gives an installable `unload-lens`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--mode', 'react']);
run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--mode', 'element']);
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
  },
  sideEffects: ['./unload-lens-element.js'],
  peerDependencies: { react: app.dependencies.react, 'react-dom': app.dependencies['react-dom'] },
  // Everything else (the kernel, React Flow, zustand…) is bundled; React is the page's own.
  peerDependenciesMeta: { react: { optional: true }, 'react-dom': { optional: true } },
  license: app.license ?? 'UNLICENSED',
};
writeFileSync('dist-lib/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  'dist-lib/README.md',
  `# unload-lens\n\nThe Unload Lens visualizer as a React component and a custom element. See docs/embed.md in the Unload Lens repository.\n`,
);
console.error('build-lib: dist-lib/ is ready (npm pack dist-lib to make a tarball)');
