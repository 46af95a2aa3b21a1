// End-to-end tests: Playwright drives a local Chromium against `vite preview` (the built app in dist/).
// Run them with `npm run test:e2e` (builds first) or `node scripts/e2e.mjs [playwright args]`,
// which finds a browser and sets CHROMIUM_PATH. Browsers are never downloaded.
import { defineConfig } from '@playwright/test';

// A port of the tests' own, so a preview a person left running on 4173 never collides with CI.
const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The machine is slow (2 cores, software rendering): be generous.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    baseURL,
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // The build registers a service worker (src/app/offline.ts); it would answer requests a test
    // routes. Blocked for every test but those of offline (e2e/offline.spec.ts: 'allow').
    serviceWorkers: 'block',
    trace: 'on-first-retry', // or pass --trace=on
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: '**/*.phone.spec.ts',
      use: { viewport: { width: 1280, height: 720 } },
    },
    {
      name: 'phone',
      testMatch: '**/*.phone.spec.ts',
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
