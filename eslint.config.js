// One linter config for the whole project (run by `npm run lint` and CI).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-bench',
      'dist-lib',
      'coverage',
      'playwright-report',
      'test-results',
      // `npm run size`'s builds with source maps.
      '.size',
      '.size-*',
      // Host apps of the package, checked by their own tsc against the installed tarball (e2e/hosts/prepare.ts).
      'e2e/hosts/react',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    // Pages import the kernel without its debugger reader (src/kernel/core.ts): the barrel would put the
    // reader in every page's first load. The reader's own UI, the CLI, the library and tests may use it.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/kernel/**',
      'src/debugger/**',
      'src/cli/**',
      'src/lib/**',
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+kernel$|^\\./kernel$',
              message: "Import from 'kernel/core' (the kernel without the debugger reader), not the barrel.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The kernel is pure: no clock, no randomness, no DOM, no UI libraries.
    files: ['src/kernel/**/*.ts'],
    ignores: ['src/kernel/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The kernel is deterministic.' },
        { object: 'Date', property: 'now', message: 'The kernel has no clock; time is an action.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', '@xyflow/*'] }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Vite's documented way to type the test block.
  {
    files: ['vitest.config.ts', 'vite.config.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
);
