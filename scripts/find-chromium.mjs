#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, without downloading one.
//
// Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, then
// Playwright's own bundled Chromium (only if it is already on disk). If none is
// found and we are root on a system with apt-get, installs Debian's `chromium`
// package and looks again.
//
// As a module: `import { findChromium } from './find-chromium.mjs'` — resolves
// to the absolute path, or rejects with an Error whose message says how to get
// a browser. As a CLI: `node scripts/find-chromium.mjs` prints the path
// (stdout) or the explanation (stderr, exit code 1). `--no-install` skips the
// apt-get step.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const HOW_TO_GET_ONE = [
  'How to get one (this project does not download browsers with `npx playwright install`):',
  '  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  '  - or point CHROMIUM_PATH at any Chromium/Chrome executable, e.g.',
  '      CHROMIUM_PATH=/opt/google/chrome/chrome npm run test:e2e',
].join('\n');

/** True if `file` is an existing regular file we may execute. */
export function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright's bundled Chromium path, if a Playwright package is installed (it may not exist on disk). */
async function playwrightBundledPath() {
  for (const pkg of ['playwright-core', '@playwright/test']) {
    try {
      const mod = await import(pkg);
      const chromium = mod.chromium ?? mod.default?.chromium;
      const path = chromium?.executablePath();
      if (path) return path;
    } catch {
      // Package not installed, or no bundled browser registered: try the next one.
    }
  }
  return undefined;
}

/** The first usable browser among the candidates, or undefined. */
async function lookAround(log) {
  for (const path of SYSTEM_PATHS) {
    if (isExecutable(path)) return path;
  }
  const bundled = await playwrightBundledPath();
  if (bundled && isExecutable(bundled)) return bundled;
  log(
    `No Chromium found at ${[...SYSTEM_PATHS, bundled ?? "(Playwright's bundled browser: no Playwright package)"].join(', ')}.`,
  );
  return undefined;
}

function hasCommand(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, name)));
}

function run(command, args, log) {
  log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    // Keep our stdout clean for the CLI's single line of output.
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed with exit code ${result.status ?? result.signal}`,
    );
  }
}

/**
 * Finds a Chromium executable.
 * @param {{ install?: boolean, log?: (message: string) => void }} [options]
 *   install: allow `apt-get install chromium` when root (default true);
 *   log: where progress goes (default: stderr).
 * @returns {Promise<string>} the absolute path of the browser
 */
export async function findChromium({ install = true, log = (message) => console.error(message) } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    const path = resolve(fromEnv);
    if (isExecutable(path)) return path;
    // An explicit choice that does not work is an error, not a hint to silently use another browser.
    throw new Error(
      `CHROMIUM_PATH is set to "${fromEnv}", but that is not an executable file.\n` +
        `Fix it, or unset it to let this script look at ${SYSTEM_PATHS.join(', ')} and Playwright's bundled Chromium.\n` +
        HOW_TO_GET_ONE,
    );
  }

  const found = await lookAround(log);
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && hasCommand('apt-get')) {
    log('Installing Debian\'s "chromium" package with apt-get (running as root):');
    try {
      run('apt-get', ['update'], log);
      run('apt-get', ['install', '-y', 'chromium'], log);
    } catch (error) {
      throw new Error(
        `Installing chromium with apt-get failed: ${error instanceof Error ? error.message : String(error)}\n${HOW_TO_GET_ONE}`,
        { cause: error },
      );
    }
    const afterInstall = await lookAround(log);
    if (afterInstall) return afterInstall;
    throw new Error(`apt-get installed "chromium", but no browser was found afterwards.\n${HOW_TO_GET_ONE}`);
  }

  throw new Error(`No Chromium browser found for the end-to-end tests.\n${HOW_TO_GET_ONE}`);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    const path = await findChromium({ install: !process.argv.includes('--no-install') });
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
