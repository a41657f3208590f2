import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { addOfficeThroughApi, escapeRegExp, expectAccessiblePage, label, pattern, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
// Early in the alphabet: My Dashboard lists the offices with gaps by name, 20 a page.
const officeName = `Agartala regional office ${Date.now()}`;
const officeCode = `EIA-AGT-${Date.now() % 100000}`;
const stampScan = path.resolve(import.meta.dirname, '../../../shared/bg-dev/d009-round-scan.jpg');
const signatureScan = path.resolve(import.meta.dirname, '../../../shared/bg-dev/d006-signature-scan.jpg');
/** The demo officer: active, mapped to the head office, no signature until this journey gives one. */
const demoOfficer = { name: 'Priya Sawant', designation: 'Deputy Director' };
/** The day a certificate printed today carries: India Standard Time's. */
const todayInIndia = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());

/** The office is set up through the API; the journey under test is the gap, the stamp and the trail. */
const officeDetails = {
  name: officeName, code: officeCode, addressLine1: 'Palace Compound', city: 'Agartala', state: 'Tripura', pinCode: '799001', phone: '0381 2323456',
  email: 'agartala@eicindia.gov.in', gstin: '16AAPFU0939F1ZY', merchantId: 'EIAAGT2024', checksumKey: 'vT4#mQ9!zL2w',
};

const readinessRow = (page: Page) =>
  page.getByRole('region', { name: t('readiness.title') }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('dashboard.profile.office', { name: officeName, code: officeCode }) }) });

test("an administrator's office without a stamp shows the gap on My Dashboard; the stamp accepted clears it, the audit trail lists it, its specimen certificate downloads and the register opened signed out shows the stamp from today", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  const officeId = await addOfficeThroughApi(page, officeDetails);

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

  // The specimen certificate needs an officer of the office with an accepted signature: the demo
  // officer is mapped to the new office through the API; the signature goes through the page.
  const csrfToken = (await (await page.request.get('/api/session')).json()).csrfToken as string;
  const officers = await (await page.request.get('/api/officers', { params: { q: demoOfficer.name } })).json();
  const officer = officers.items.find((item: { name: string }) => item.name === demoOfficer.name) as { id: string; offices: { id: string }[] };
  const mapped = await page.request.put(`/api/officers/${officer.id}/offices`, { headers: { 'X-CSRF-Token': csrfToken }, data: { officeIds: [officeId, ...officer.offices.map((office) => office.id)] } });
  expect(mapped.status(), await mapped.text()).toBe(200);
  await page.goto(`/dashboard/users/${encodeURIComponent(officer.id)}/signature`);
  await page.getByLabel(label('officers.signature.file')).setInputFiles(signatureScan);
  await page.getByRole('button', { name: t('images.upload.submit') }).click();
  await expect(page.getByText(t('images.job.done'))).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: t('officers.signature.accept') }).click();
  await expect(page.getByText(pattern('officers.signature.accepted', { version: '\\d+' }))).toBeVisible();

  // The register link: the specimen's QR code points into it, so it comes first.
  await page.goto('/dashboard');
  await page.getByRole('main').getByRole('link', { name: t('nav.specimenRegister') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('registerLink.title') })).toBeVisible();
  const create = page.getByRole('button', { name: t('registerLink.create') });
  const linkField = page.getByRole('textbox', { name: t('registerLink.label') });
  await expect(linkField.or(create)).toBeVisible();
  if (await create.isVisible()) await create.click();
  await expect(linkField).toBeVisible();
  const registerLink = await linkField.inputValue();
  expect(registerLink).toMatch(/\/register\/[A-Za-z0-9_-]{22,}$/);
  await expectAccessiblePage(page);

  // The specimen certificate: asked for, drawn in the background, downloaded as a one-page PDF.
  await page.goto('/dashboard');
  await page.getByRole('main').getByRole('link', { name: t('nav.specimens') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('specimens.title') })).toBeVisible();
  const officeOption = t('specimens.officeOption', { name: officeName, code: officeCode });
  // The whole word: "Office" also begins "Officer"; required fields add "(required)" after it.
  const field = (key: 'specimens.office' | 'specimens.officer') => page.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(t(key))}(?=\\s|$)`) });
  await field('specimens.office').selectOption({ label: officeOption });
  await field('specimens.officer').selectOption({ label: t('specimens.officerOption', demoOfficer) });
  await page.getByRole('button', { name: t('specimens.request') }).click();
  await expect(page.getByText(t('specimens.requested'))).toBeVisible();
  const specimenRow = page.getByRole('table', { name: t('specimens.list.caption') }).getByRole('row').filter({ hasText: officeCode }).first();
  await expect(specimenRow.getByText(t('specimens.state.done'))).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    specimenRow.getByRole('link', { name: pattern('specimens.download', { office: escapeRegExp(officeOption) }) }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`specimen-${officeCode}-${todayInIndia()}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  await expectAccessiblePage(page);

  // Customs open the register signed out: today's date shows the stamp accepted above; the QR's
  // address (office, officer, date) opens the certificate's entry with its stamp and signature.
  const customs = await browser.newContext();
  try {
    const customsPage = await customs.newPage();
    await customsPage.goto(registerLink);
    await expect(customsPage.getByRole('heading', { level: 1, name: t('specimenRegister.title') })).toBeVisible();
    await expect(customsPage.getByLabel(label('specimenRegister.date'))).toHaveValue(todayInIndia());
    const onDate = customsPage.getByRole('region', { name: pattern('specimenRegister.onDate') });
    const stamp = onDate.getByRole('img', { name: t('specimenRegister.image.stamp', { office: officeName, version: 1 }) });
    await expect(stamp).toBeVisible();
    await expect.poll(() => stamp.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await expectAccessiblePage(customsPage);

    await customsPage.goto(`${registerLink}?${new URLSearchParams({ office: officeId, officer: officer.id, date: todayInIndia() })}`);
    const entry = customsPage.getByRole('region', { name: t('specimenRegister.entry') });
    await expect(entry.getByRole('img', { name: t('specimenRegister.image.stamp', { office: officeName, version: 1 }) })).toBeVisible();
    await expect(entry.getByRole('img', { name: pattern('specimenRegister.image.signature', { officer: escapeRegExp(demoOfficer.name), version: '\\d+' }) })).toBeVisible();
    await expectAccessiblePage(customsPage);
  } finally {
    await customs.close();
  }
});
