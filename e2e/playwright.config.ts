import { defineConfig } from '@playwright/test';
import { consoles } from './support/run-settings.ts';

// Real Chromium from Debian against the real console (the built SPA served by the BFF), on a fresh
// data folder, delivering mail over SMTP to a local receiver that the tests read. Every journey
// runs twice, once per language: the browser's locale (so Accept-Language) is en-IN or hi-IN, each
// against a console of its own, and the tests find controls and read text through the catalogue
// of that language (support/actions.ts). The language switch is one journey of its own, in English.
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A journey's budget, not a check: each one visits several pages and runs axe on each, on 2 cores
  // that the rest of the suite may share.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: consoles.map((settings) => ({
    name: settings.locale,
    use: { locale: settings.browserLocale, baseURL: `http://localhost:${settings.port}` },
    metadata: { locale: settings.locale },
    ...(settings.locale === 'en' ? {} : { testIgnore: /language-switch/ }),
  })),
  webServer: consoles.map((settings) => ({
    command: 'npx tsx e2e/support/start-console.ts',
    cwd: '..',
    url: `http://localhost:${settings.port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    env: { E2E_PORT: String(settings.port), E2E_MAIL_DIR: settings.mailDir, E2E_DATA_DIR: settings.dataDir, E2E_WEB_DIR: settings.webDir },
  })),
});
