// Runs every level of tests: unit and integration (Vitest: shared, bff on SQLite, bff-pg on a
// throwaway PostgreSQL cluster, web), then end-to-end (Playwright in Chromium). Prints one closing
// line "Tests: N passed, N failed" over both.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgresCluster } from './postgres-cluster.mjs';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-test-reports-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const cluster = await startPostgresCluster();
let vitestStatus;
try {
  vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { ECOO_TEST_POSTGRES_URL: cluster.url });
} finally {
  cluster.stop();
}
const e2eStatus = run('npm', ['run', 'test:e2e', '--', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

let passed = 0;
let failed = 0;
// Names of the failed tests, repeated at the very end: CI keeps only the tail of a long log, and a
// failure scrolled out of it could not be found again.
const failedNames = [];
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const firstLine = String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      failedNames.push(`${path.relative(process.cwd(), file.name)} > ${test.fullName}\n    ${firstLine}`);
    }
  }
} else failed += 1;
if (fs.existsSync(playwrightJson)) {
  const { stats, suites } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') failedNames.push(`${suite.file ?? spec.file} > [${test.projectName}] ${spec.title}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of suites ?? []) walk(suite);
} else failed += 1;

if (failedNames.length > 0) console.log(`\nFailed:\n${failedNames.map((name) => `  ${name}`).join('\n')}`);

console.log(`\nUnit and integration (Vitest): exit ${vitestStatus}; end-to-end (Playwright): exit ${e2eStatus}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(vitestStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
