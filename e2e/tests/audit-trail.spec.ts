import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addOfficeThroughApi, expectAccessiblePage, label, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
// Early in the alphabet: My Dashboard lists the offices with gaps by name, 20 a page.
const officeName = `Agartala regional office ${Date.now()}`;
const officeCode = `EIA-AGT-${Date.now() % 100000}`;
const stampScan = path.resolve(import.meta.dirname, '../../../shared/bg-dev/d009-round-scan.jpg');

/** The office is set up through the API; the journey under test is the gap, the stamp and the trail. */
const officeDetails = {
  name: officeName, code: officeCode, addressLine1: 'Palace Compound', city: 'Agartala', state: 'Tripura', pinCode: '799001', phone: '0381 2323456',
  email: 'agartala@eicindia.gov.in', gstin: '16AAPFU0939F1ZY', merchantId: 'EIAAGT2024', checksumKey: 'vT4#mQ9!zL2w',
};

const readinessRow = (page: Page) =>
  page.getByRole('region', { name: t('readiness.title') }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('dashboard.profile.office', { name: officeName, code: officeCode }) }) });

test("an administrator's office without a stamp shows the gap on My Dashboard; the stamp accepted clears it and the audit trail lists it", async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  await addOfficeThroughApi(page, officeDetails);

  await page.reload();
  const gap = readinessRow(page).getByRole('link', { name: t('readiness.gap.stamp') });
  await expect(gap).toBeVisible();
  await expectAccessiblePage(page);

  await gap.click();
  await expect(page.getByRole('heading', { level: 1, name: t('images.stamp.title', { name: officeName }) })).toBeVisible();
  await page.getByLabel(label('images.upload.file')).setInputFiles(stampScan);
  await page.getByRole('button', { name: t('images.upload.submit') }).click();
  await expect(page.getByText(t('images.job.done'))).toBeVisible({ timeout: 60_000 });
  await page.getByRole('region', { name: t('images.review.title') }).getByRole('button', { name: t('images.review.accept') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('images.review.accepted', { version: 1 }) })).toBeFocused();

  await page.goto('/dashboard');
  // The office still lacks an officer, so its row stays, without the stamp.
  await expect(readinessRow(page).getByRole('link', { name: t('readiness.gap.officer') })).toBeVisible();
  await expect(readinessRow(page).getByRole('link', { name: t('readiness.gap.stamp') })).toHaveCount(0);

  await page.getByRole('main').getByRole('link', { name: t('nav.audit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('audit.title') })).toBeVisible();
  await page.getByRole('searchbox', { name: t('audit.filter.office') }).fill(officeCode);
  await page.getByRole('button', { name: t('audit.filter.apply') }).click();
  await expect(page.getByText(t('audit.total', { total: 3 }))).toBeVisible();
  const office = t('dashboard.profile.office', { name: officeName, code: officeCode });
  for (const action of ['audit.action.office.stamp-accepted', 'audit.action.office.stamp-uploaded', 'audit.action.office.created'] as const) {
    await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t(action) }) }).filter({ hasText: office })).toBeVisible();
  }
  await expect(page.getByRole('rowheader').first()).toHaveText(t('audit.action.office.stamp-accepted'));
  await expectAccessiblePage(page);
});
