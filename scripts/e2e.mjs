#!/usr/bin/env node
// Runs the Playwright end-to-end tests against the built app (`npm run build` first).
// Finds a Chromium (see find-chromium.mjs), then runs `npx playwright test` with
// CHROMIUM_PATH set; extra arguments are passed on, e.g.
//   node scripts/e2e.mjs --project=phone e2e/smoke.spec.ts
// Exits with Playwright's exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

// `vite preview` happily serves a missing dist/ (every page a 404), and Playwright would then
// wait a minute for it; say what is wrong at once instead.
const builtPage = fileURLToPath(new URL('../dist/index.html', import.meta.url));
if (!existsSync(builtPage)) {
  console.error(`e2e: ${builtPage} not found. Build the app first: npm run build (or run npm run test:e2e).`);
  process.exit(1);
}

let chromiumPath;
try {
  chromiumPath = await findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.error(`e2e: using Chromium at ${chromiumPath}`);

// --no: never let npx download a `playwright` package; use the project's own.
const args = ['--no', 'playwright', 'test', ...process.argv.slice(2)];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromiumPath },
  shell: process.platform === 'win32',
});

// Ctrl-C already reaches the child through the terminal's process group: wait for it to
// clean up. A SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));

child.on('error', (error) => {
  console.error(`e2e: could not start npx playwright: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`e2e: playwright was stopped by ${signal}`);
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
