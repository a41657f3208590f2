import { expect, test } from '@playwright/test';
import { expectAccessiblePage, expectFieldError, label, pattern, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
const officeName = `Andheri office ${Date.now()}`;
// The character's code and standard name, where it is and what it is, in the page's language.
const zeroWidthSpaceAt = (position: number) => t('chars.offence', { codePoint: 'U+200B', name: 'zero-width space', position, kind: 'invisible', looksLike: '', generic: 'named' });

test('an administrator adds an office whose Merchant ID was pasted with a zero-width space, fixes it, is told the code is taken, saves, enables the e-wallet and sees it in the list', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.officeManagement') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('offices.title') })).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole('link', { name: t('offices.add') }).click();

  await page.getByLabel(label('offices.field.name')).fill(officeName);
  // The demo head office's code: only the BFF knows it is taken.
  const code = page.getByLabel(label('offices.field.code'));
  await code.fill('EIA-MUM-01');
  await page.getByLabel(label('offices.field.addressLine1')).fill('Plot 12, MIDC Andheri East');
  await page.getByLabel(label('offices.field.city')).fill('Mumbai');
  await page.getByLabel(label('offices.field.state')).selectOption({ label: 'Maharashtra' });
  await page.getByLabel(label('offices.field.pinCode')).fill('400093');
  await page.getByLabel(label('offices.field.phone')).fill('022 28200000');
  await page.getByLabel(label('offices.field.email')).fill('andheri@eicindia.gov.in');
  await page.getByLabel(label('offices.field.gstin')).fill('27AAPFU0939F1ZV');
  // As pasted from an email: a zero-width space after the sixth character.
  await page.getByLabel(label('offices.field.merchantId')).fill('EIAMUM\u200B2024');
  await page.getByLabel(label('offices.field.checksumKey')).fill('kR9!xQ2#pL7v');
  const offence = zeroWidthSpaceAt(7);

  await expect(page.getByText(offence).first()).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole('button', { name: t('offices.fix.name', { field: t('offices.field.merchantId') }) }).click();
  await expect(page.getByText(t('offices.fix.proposal', { value: 'EIAMUM2024' }))).toBeVisible();
  // The proposal changes nothing until the administrator confirms it.
  await expect(page.getByLabel(label('offices.field.merchantId'))).toHaveValue('EIAMUM\u200B2024');
  await page.getByRole('button', { name: t('offices.fix.applyName', { field: t('offices.field.merchantId') }) }).click();
  await expect(page.getByLabel(label('offices.field.merchantId'))).toHaveValue('EIAMUM2024');
  await expect(page.getByText(offence)).toHaveCount(0);

  // The BFF's 409 (problem.officeCodeTaken, with the code) is written in the reader's language beside the code field.
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/offices');
  await page.getByRole('button', { name: t('offices.save') }).click();
  expect((await answered).status()).toBe(409);
  await expectFieldError(code, t('problem.officeCodeTaken', { code: 'EIA-MUM-01' }));
  await expectAccessiblePage(page);
  await code.fill('EIA-MUM-AND');

  await page.getByRole('button', { name: t('offices.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: officeName })).toBeVisible();
  await expect(page.getByText('kR9!xQ2#pL7v')).toHaveCount(0);
  await page.getByRole('button', { name: t('offices.eWallet.enable') }).click();
  await expect(page.getByRole('button', { name: t('offices.eWallet.disable') })).toBeVisible();
  await expect(page.getByText(pattern('offices.eWallet.changed', { by: 'Rahul Deshmukh' }))).toBeVisible();
  await expectAccessiblePage(page);

  await page.goto('/dashboard/offices');
  const row = page.getByRole('row').filter({ hasText: officeName });
  await expect(row.getByText(t('offices.badge.eWalletOn'))).toBeVisible();
  await expect(row.getByText(t('offices.badge.paymentSet'))).toBeVisible();
  await expect(row.getByText(t('offices.badge.stampMissing'))).toBeVisible();
  await expectAccessiblePage(page);
  await page.screenshot({ path: `test-results/office-list-${test.info().project.name}.png`, fullPage: true });
});
