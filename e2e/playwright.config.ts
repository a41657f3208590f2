import { defineConfig } from '@playwright/test';
import { e2eMailDir, e2ePort } from './support/run-settings.ts';

// Real Chromium from Debian against the real console (the built SPA served by the BFF), on a fresh
// data folder, delivering mail over SMTP to a local receiver that the tests read.
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${e2ePort}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx e2e/support/start-console.ts',
    cwd: '..',
    url: `http://localhost:${e2ePort}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: { E2E_MAIL_DIR: e2eMailDir, E2E_PORT: String(e2ePort) },
  },
});
