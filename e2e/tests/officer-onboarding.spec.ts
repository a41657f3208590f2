import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mailTo, setPasswordPathIn } from '../support/mail.ts';
import { escapeRegExp, expectAccessiblePage, label, pattern, setPasswordAt, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
const agency = 'Export Inspection Agency, Mumbai (Export Inspection Council)';
const headOffice = { name: 'EIA Mumbai Head Office', code: 'EIA-MUM-01' };
const vashiOffice = { name: 'EIA Mumbai, Vashi sub-office', code: 'EIA-MUM-02' };
const officer = { name: 'Sunita Gokhale', designation: 'Technical Officer', mobile: '9820077001', email: `sunita.gokhale.${Date.now()}@eicindia.gov.in`, password: 'sunita strong password' };
// A phone photo of a signature on paper: the administrator uploads what the officer sent.
const signaturePhoto = path.resolve(import.meta.dirname, '../../../shared/bg-dev/d005-signature-photo.jpg');

async function registerAsOfficer(page: Page): Promise<void> {
  await page.goto('/register');
  await page.getByLabel(t('register.registerAs')).selectOption({ label: t('register.registerAs.agency') });
  await page.getByLabel(t('register.agency')).selectOption({ label: agency });
  await page.getByRole('radio', { name: t('registrationRole.officer') }).check();
  // No authorisation letter for officers; the agency's active offices to choose from instead.
  await expect(page.getByLabel(label('register.letter'))).toHaveCount(0);
  await page.getByLabel(label('register.office')).selectOption({ label: t('register.office.option', { ...headOffice, city: 'Mumbai' }) });
  await page.getByLabel(label('register.designation')).fill(officer.designation);
  await page.getByLabel(label('register.name')).fill(officer.name);
  await page.getByLabel(label('register.mobile')).fill(officer.mobile);
  await page.getByLabel(label('register.email')).fill(officer.email);
  await expectAccessiblePage(page);
  await page.getByRole('button', { name: t('register.submit') }).click();
  await expect(page.getByRole('heading', { name: t('register.done.title') })).toBeVisible();
  await expect(page.getByText(officer.email)).toBeVisible();
}

test('an officer registers for an office; the administrator approves, maps two offices, uploads the signature; the officer signs in, sees the offices, and is signed out when deactivated', async ({ browser }) => {
  const officerPage = await (await browser.newContext()).newPage();
  await registerAsOfficer(officerPage);

  // Nothing reaches the administrator until the officer opens the link mailed to the address.
  const confirmation = await mailTo(officer.email, pattern('mail.officerConfirm.subject'));
  const confirmPath = /https?:\/\/[^/\s]+(\/register\/confirm#token=[A-Za-z0-9_-]+)/.exec(confirmation.text)?.[1];
  expect(confirmPath).toBeTruthy();
  await officerPage.goto(confirmPath!);
  await expect(officerPage.getByRole('heading', { name: t('registerConfirm.done.title') })).toBeVisible();
  await expect(officerPage).toHaveURL(/\/register\/confirm$/);
  await expectAccessiblePage(officerPage);

  // A pending officer is told what they wait for.
  await signIn(officerPage, officer.email, 'anything at all here');
  await expect(officerPage.getByText(t('problem.accountPending'))).toBeVisible();
  await expectAccessiblePage(officerPage);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, demoAdmin.email, demoAdmin.password);
  await adminPage.getByRole('link', { name: pattern('dashboard.officers.pending', { count: '[1-9][0-9]*' }) }).click();
  await expect(adminPage.getByRole('heading', { level: 1, name: t('nav.userManagement') })).toBeVisible();
  await expectAccessiblePage(adminPage);
  await adminPage.getByRole('link', { name: officer.name }).click();
  await expect(adminPage.getByRole('heading', { level: 1, name: officer.name })).toBeVisible();
  await expectAccessiblePage(adminPage);
  await adminPage.getByRole('button', { name: t('officers.approve') }).click();
  await expect(adminPage.getByText(pattern('officers.decided.approved'))).toBeVisible();

  // Mapped to two offices: the one asked for and the Vashi sub-office.
  const mapping = adminPage.getByRole('group', { name: t('officers.mapping.legend') });
  await expect(mapping.getByRole('checkbox', { name: t('officers.mapping.office', headOffice) })).toBeChecked();
  await mapping.getByRole('checkbox', { name: t('officers.mapping.office', vashiOffice) }).check();
  await adminPage.getByRole('button', { name: t('officers.mapping.save') }).click();
  await expect(adminPage.getByText(t('officers.mapping.saved'))).toBeVisible();

  // The signature photo, through the same background removal as stamps.
  await adminPage.getByRole('link', { name: t('officers.signature.manage') }).click();
  await expect(adminPage.getByRole('heading', { level: 1, name: t('officers.signature.title', { name: officer.name }) })).toBeVisible();
  await adminPage.getByLabel(label('officers.signature.file')).setInputFiles(signaturePhoto);
  await adminPage.getByRole('button', { name: t('images.upload.submit') }).click();
  await expect(adminPage.getByText(t('images.job.done'))).toBeVisible({ timeout: 90_000 });
  await expectAccessiblePage(adminPage);
  await adminPage.getByRole('button', { name: t('officers.signature.accept') }).click();
  await expect(adminPage.getByText(t('officers.signature.accepted', { version: 1 }))).toBeVisible();
  await adminPage.screenshot({ path: `test-results/officer-signature-${test.info().project.name}.png`, fullPage: true });

  await adminPage.goto('/dashboard/users?status=active');
  const row = adminPage.getByRole('row').filter({ hasText: officer.email });
  await expect(row.getByText(t('officers.signature.inUse', { version: 1 }))).toBeVisible();
  await expect(row.getByText(headOffice.name)).toBeVisible();
  await expect(row.getByText(vashiOffice.name)).toBeVisible();
  await expectAccessiblePage(adminPage);
  await adminPage.screenshot({ path: `test-results/user-management-${test.info().project.name}.png`, fullPage: true });

  // The officer sets a password from the mail, signs in and sees their offices, and no administrator pages.
  const approval = await mailTo(officer.email, pattern('mail.officerApproved.subject'));
  await setPasswordAt(officerPage, setPasswordPathIn(approval), officer.password);
  await signIn(officerPage, officer.email, officer.password);
  await expect(officerPage.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  await expect(officerPage.getByText(t('dashboard.profile.office', headOffice))).toBeVisible();
  await expect(officerPage.getByText(t('dashboard.profile.office', vashiOffice))).toBeVisible();
  await expect(officerPage.getByText(t('dashboard.profile.signature.inUse', { version: 1 }))).toBeVisible();
  const nav = officerPage.getByRole('navigation', { name: t('nav.main') });
  await expect(nav.getByRole('link', { name: t('nav.registerDsc') })).toBeVisible();
  await expect(nav.getByRole('link', { name: t('nav.userManagement') })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: t('nav.officeManagement') })).toHaveCount(0);
  await expectAccessiblePage(officerPage);
  await officerPage.screenshot({ path: `test-results/officer-dashboard-${test.info().project.name}.png`, fullPage: true });

  // Deactivated with a reason: the officer's open page is signed out on its next request.
  await adminPage.goto('/dashboard/users?status=active');
  await adminPage.getByRole('link', { name: officer.name }).click();
  await adminPage.getByLabel(label('deactivation.reason')).fill('Transferred to the Chennai agency on 30 November.');
  await adminPage.getByRole('button', { name: t('officers.deactivate') }).click();
  // Deactivation ends sessions at once, so the console asks first, naming the officer and the date.
  await expect(adminPage.getByText(pattern('deactivation.confirm', { name: escapeRegExp(officer.name) }))).toBeVisible();
  await expectAccessiblePage(adminPage);
  await adminPage.getByRole('button', { name: t('deactivation.confirm.yes') }).click();
  await expect(adminPage.getByText(t('officers.deactivate.done', { name: officer.name }))).toBeVisible();

  // The page is still open: moving within it (no reload) asks the BFF again, which answers 401, and the
  // console takes the officer to the sign-in page saying the session has ended.
  await nav.getByRole('link', { name: t('nav.registerDsc') }).click();
  await expect(officerPage.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await expect(officerPage.getByText(t('signIn.sessionExpired'))).toBeVisible();
  await expect(officerPage.getByText(t('dashboard.profile.office', headOffice))).toHaveCount(0);
  expect((await officerPage.request.get('/api/me/officer-profile')).status()).toBe(401);
  const notice = await mailTo(officer.email, pattern('mail.accountDeactivated.subject'));
  expect(notice.text).toContain('Transferred to the Chennai agency on 30 November.');
});
