import { expect, test } from '@playwright/test';
import { officeCsvColumns } from '../../shared/src/offices/import.ts';
import { expectAccessiblePage, label, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
const stamp = Date.now().toString(36).toUpperCase();

function officeRow(code: string, overrides: Partial<Record<(typeof officeCsvColumns)[number], string>> = {}): string {
  const values: Record<string, string> = {
    name: `Import office ${code}`, code, addressLine1: '"Plot 7, Sector 3"', addressLine2: '', city: 'Navi Mumbai', state: 'Maharashtra', pinCode: '400703',
    phone: '022 27570000', email: 'imports@eicindia.gov.in', gstin: '27AAPFU0939F1ZV', merchantId: `MID${code.replace(/\W/g, '')}`, checksumKey: 'kR9!xQ2#pL7v', isEWalletEnabled: 'no',
    ...overrides,
  };
  return officeCsvColumns.map((column) => values[column]).join(',');
}

test('a CSV with one bad row is refused by the dry run, nothing is imported; the corrected file imports all rows', async ({ page }) => {
  const good = [officeRow(`IMP-${stamp}-1`), officeRow(`IMP-${stamp}-3`)];
  const withBadRow = [officeRow(`IMP-${stamp}-1`), officeRow(`IMP-${stamp}-2`, { merchantId: "MID\u200B2" }), officeRow(`IMP-${stamp}-3`)];
  const csv = (rows: string[]) => Buffer.from(`${officeCsvColumns.join(',')}\r\n${rows.join('\r\n')}\r\n`);

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/dashboard/offices');
  await page.getByRole('link', { name: t('offices.import.link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('offices.import.title') })).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByLabel(label('offices.import.file')).setInputFiles({ name: 'offices.csv', mimeType: 'text/csv', buffer: csv(withBadRow) });
  await page.getByRole('button', { name: t('offices.import.check') }).click();
  await expect(page.getByText(t('offices.import.refused'))).toBeVisible();
  const badRow = page.getByRole('row').filter({ hasText: `IMP-${stamp}-2` });
  // Written out from its code and position in the page's language: no English sentence on a Hindi page.
  await expect(badRow.getByText(t('chars.offence', { codePoint: 'U+200B', name: 'zero-width space', position: 4, kind: 'invisible', looksLike: '', generic: 'named' }))).toBeVisible();
  await expect(page.getByRole('button', { name: t('offices.import.run', { count: 2 }) })).toBeDisabled();
  await expectAccessiblePage(page);

  await page.goto('/dashboard/offices?search=IMP-');
  await expect(page.getByRole('row').filter({ hasText: `IMP-${stamp}` })).toHaveCount(0);

  await page.goto('/dashboard/offices/import');
  await page.getByLabel(label('offices.import.file')).setInputFiles({ name: 'offices.csv', mimeType: 'text/csv', buffer: csv(good) });
  await page.getByRole('button', { name: t('offices.import.check') }).click();
  await page.getByRole('button', { name: t('offices.import.run', { count: 2 }) }).click();
  await expect(page.getByText(t('offices.import.done', { new: 2, unchanged: 0 }))).toBeVisible();
  await expectAccessiblePage(page);
  await page.goto(`/dashboard/offices?search=IMP-${stamp}`);
  await expect(page.getByRole('row').filter({ hasText: `IMP-${stamp}` })).toHaveCount(2);
});
