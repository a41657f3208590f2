import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { currentConsole, expectAccessiblePage, label, signIn, t } from '../support/actions.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const demoOfficer = { name: 'Priya Sawant', email: 'officer.mumbai@eicindia.gov.in', password: 'Officer-demo-2026' };
const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };

test('the demo officer signs a challenge with npm run demo-sign, uploads it and sees the DSC registered with its expiry; the administrator sees it in User Management', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, demoOfficer.email, demoOfficer.password);
  await page.getByRole('link', { name: t('nav.registerDsc') }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: t('nav.registerDsc') })).toBeVisible();
  await expect(page.getByText(t('dsc.current.none'))).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByRole('button', { name: t('dsc.challenge.get') }).click();
  const box = page.getByLabel(t('dsc.challenge.label'));
  await expect(box).toHaveValue(/^eCoO-DSC-challenge:[A-Za-z0-9_-]{43}$/);
  const challenge = await box.inputValue();
  // The download holds exactly the challenge's bytes: no line break for the signer to sign too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('dsc.challenge.download') }).click()]);
  expect(download.suggestedFilename()).toBe('challenge.txt');
  expect(fs.readFileSync(await download.path(), 'ascii')).toBe(challenge);
  await expectAccessiblePage(page);

  // What the page tells a demo officer to run, run for real against the console's data folder.
  const { dataDir } = currentConsole();
  const out = path.join(dataDir, 'challenge.p7s');
  await run('npm', ['run', '--silent', 'demo-sign', '--', '--out', out, challenge], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'true' } });
  await page.getByLabel(label('dsc.upload.signature')).setInputFiles(out);
  await page.getByRole('button', { name: t('dsc.upload.submit') }).click();

  await expect(page.getByText(t('dsc.registered'), { exact: true })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText(demoOfficer.name).first()).toBeVisible();
  await expect(main.getByText(t('dsc.demo')).first()).toBeVisible();
  // Valid for two years from the demo CA's first start: the year shows in the expiry.
  const expiryYear = String(new Date().getFullYear() + 2);
  await expect(main.getByText(new RegExp(expiryYear)).first()).toBeVisible();
  await expectAccessiblePage(page);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoAdmin.email, demoAdmin.password);
  await admin.getByRole('link', { name: t('nav.userManagement') }).first().click();
  await admin.getByRole('link', { name: demoOfficer.name }).click();
  await expect(admin.getByRole('heading', { level: 1, name: demoOfficer.name })).toBeVisible();
  const dscSection = admin.getByRole('region', { name: t('officers.dsc') });
  await expect(dscSection.getByText(demoOfficer.name).first()).toBeVisible();
  await expect(dscSection.getByText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)).toBeVisible();
  await expect(dscSection.getByText(new RegExp(expiryYear)).first()).toBeVisible();
  await expectAccessiblePage(admin);
});
