import { expect, test, type Page } from '@playwright/test';
import { mailTo, setPasswordPathIn } from '../support/mail.ts';
import { attachLetter, expectAccessiblePage, fillRegistration, openPendingRegistration, pattern, setPasswordAt, signIn, submitRegistration, t, type Applicant } from '../support/actions.ts';

// Runs in the English project only (playwright.config.ts): the browser says en-IN throughout.
const applicant: Applicant = {
  agency: 'Coir Board',
  name: 'Nandini Pillai',
  mobile: '9847055503',
  email: `nandini.pillai.${Date.now()}@coirboard.gov.in`,
};
const password = 'nandini strong password';

async function expectDashboardIn(page: Page, locale: 'en' | 'hi'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title', undefined, locale) })).toBeVisible();
  await expect(page.getByRole('navigation', { name: t('nav.main', undefined, locale) }).getByRole('link', { name: t('nav.officeManagement', undefined, locale) })).toBeVisible();
  await expectAccessiblePage(page, locale);
}

test('an administrator on an English browser chooses हिन्दी on the sign-in page, signs in and sees Hindi; from a new browser with no cookie she signs in and still sees Hindi', async ({ browser }) => {
  // Her account, registered and activated in English.
  const applicantPage = await (await browser.newContext({ locale: 'en-IN' })).newPage();
  await fillRegistration(applicantPage, applicant);
  await attachLetter(applicantPage, applicant);
  await submitRegistration(applicantPage);
  const reviewerPage = await (await browser.newContext({ locale: 'en-IN' })).newPage();
  await openPendingRegistration(reviewerPage, applicant.name);
  await reviewerPage.getByRole('button', { name: t('registration.activate') }).click();
  await reviewerPage.getByRole('button', { name: t('registration.activate.yes') }).click();
  await expect(reviewerPage.getByText(pattern('registration.decided.activated'))).toBeVisible();
  await setPasswordAt(applicantPage, setPasswordPathIn(await mailTo(applicant.email, pattern('mail.activation.subject'))), password);

  // A first visit from an English browser: the sign-in page is in English, and she switches.
  const context = await browser.newContext({ locale: 'en-IN' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title', undefined, 'en') })).toBeVisible();
  await expectAccessiblePage(page, 'en');
  const switcher = page.getByRole('group', { name: t('app.language.switch', undefined, 'en') });
  await switcher.getByRole('button', { name: t('app.language.hi') }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title', undefined, 'hi') })).toBeVisible();
  await expect(page.getByRole('group', { name: t('app.language.switch', undefined, 'hi') }).getByRole('button', { name: t('app.language.hi') })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessiblePage(page, 'hi');
  expect((await context.cookies()).find((cookie) => cookie.name === 'ecoo_lang')?.value).toBe('hi');

  // Signing in (the page opened again: the browser remembers the choice) lands in Hindi.
  await signIn(page, applicant.email, password, 'hi');
  await expectDashboardIn(page, 'hi');

  await page.getByRole('button', { name: t('nav.signOut', undefined, 'hi') }).click();
  await expect(page.getByRole('button', { name: t('nav.signOut', undefined, 'hi') })).toHaveCount(0);

  // Another browser, English and without the cookie: the sign-in page is English, her account is Hindi.
  const elsewhere = await (await browser.newContext({ locale: 'en-IN', extraHTTPHeaders: { 'Accept-Language': 'en' } })).newPage();
  await elsewhere.goto('/sign-in');
  await expect(elsewhere.getByRole('heading', { level: 1, name: t('signIn.title', undefined, 'en') })).toBeVisible();
  await signIn(elsewhere, applicant.email, password, 'en');
  await expectDashboardIn(elsewhere, 'hi');
});
