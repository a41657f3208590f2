import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { en, type MessageKey } from '../../shared/src/i18n/en.ts';
import { addOfficeThroughApi, escapeRegExp, expectAccessiblePage, label, signIn, t } from '../support/actions.ts';

const demoAdmin = { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026' };
const officeName = `Kolkata regional office ${Date.now()}`;
// A phone photo of a round stamp: uneven light, a colour cast and JPEG noise.
const stampPhoto = path.resolve(import.meta.dirname, '../../../shared/bg-dev/d027-round-photo.jpg');

/** The office is set up through the API; the journey under test is the stamp. */
const addOffice = (page: Page) =>
  addOfficeThroughApi(page, {
    name: officeName, code: `EIA-KOL-${Date.now() % 100000}`, addressLine1: '14 Brabourne Road', city: 'Kolkata', state: 'West Bengal',
    pinCode: '700001', phone: '033 22425035', email: 'kolkata@eicindia.gov.in', gstin: '19AAPFU0939F1ZS', merchantId: 'EIAKOL2024', checksumKey: 'kR9!xQ2#pL7v',
  });

/** The steps of background removal the page reports while the job runs. */
const jobSteps = Object.keys(en).filter((key): key is MessageKey => key.startsWith('images.job.step.'));

/** Opaque pixels the canvas shows, read back from the page: the preview really drew the ink. */
const opaquePixels = (page: Page, name: string) =>
  page.getByRole('img', { name }).evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index]! >= 128) count += 1;
    return count;
  });

test('an administrator uploads a stamp photo, watches the background go, reviews it at another sensitivity, accepts it and sees it in the office list', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  const officeId = await addOffice(page);

  await page.goto(`/dashboard/offices/${officeId}`);
  await expect(page.getByText(t('offices.stamp.none'))).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole('link', { name: t('offices.stamp.manage') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('images.stamp.title', { name: officeName }) })).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByLabel(label('images.upload.file')).setInputFiles(stampPhoto);
  await page.getByRole('button', { name: t('images.upload.submit') }).click();
  // The answer comes at once, before any pixel is touched: the job is queued or already running.
  const progress = [t('images.job.queued'), ...[1, 2, 3].map((count) => t('images.job.queuedAhead', { count })), ...jobSteps.map((key) => t(key))];
  await expect(page.getByText(new RegExp(`^(${progress.map(escapeRegExp).join('|')})`))).toBeVisible();
  await expect(page.getByText(t('images.job.done'))).toBeVisible({ timeout: 60_000 });

  const review = page.getByRole('region', { name: t('images.review.title') });
  await expect(review.getByRole('img', { name: t('images.review.original') })).toBeVisible();
  const method = t('images.review.method.ink');
  const onCheckerboard = t('images.review.preview', { method, value: 50, background: t('images.review.background.checkerboard') });
  await expect(review.getByRole('img', { name: onCheckerboard })).toHaveAttribute('data-ready', 'true');
  const inkAt50 = await opaquePixels(page, onCheckerboard);
  expect(inkAt50).toBeGreaterThan(1000);
  await page.screenshot({ path: `test-results/stamp-review-${test.info().project.name}.png`, fullPage: true });

  // The one control, by keyboard: ten steps up keeps fainter ink, live, with no request.
  const slider = review.getByRole('slider', { name: t('images.review.sensitivity') });
  await slider.focus();
  for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
  const at60 = t('images.review.preview', { method, value: 60, background: t('images.review.background.checkerboard') });
  await expect(review.getByRole('img', { name: at60 })).toBeVisible();
  await expect.poll(() => opaquePixels(page, at60)).toBeGreaterThan(inkAt50);
  await expectAccessiblePage(page);

  await review.getByRole('button', { name: t('images.review.accept') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('images.review.accepted', { version: 1 }) })).toBeFocused();
  const versions = page.getByRole('table', { name: t('images.versions.caption') });
  await expect(versions.getByRole('img', { name: t('images.versions.alt', { version: 1 }) })).toBeVisible();

  await page.goto('/dashboard/offices');
  const row = page.getByRole('row').filter({ hasText: officeName });
  await expect(row.getByText(t('offices.badge.stampUploaded'))).toBeVisible();
  const thumbnail = row.getByRole('img', { name: t('offices.stamp.thumbnail', { name: officeName }) });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
  await expectAccessiblePage(page);
  await page.screenshot({ path: `test-results/office-list-with-stamp-${test.info().project.name}.png`, fullPage: true });
});
