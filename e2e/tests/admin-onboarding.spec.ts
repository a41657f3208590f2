import { expect, test } from '@playwright/test';
import { mailTo, setPasswordPathIn } from '../support/mail.ts';
import { attachLetter, expectAccessiblePage, fillRegistration, openPendingRegistration, pattern, setPasswordAt, signIn, submitRegistration, t, type Applicant } from '../support/actions.ts';

const applicant: Applicant = {
  agency: 'Coir Board',
  name: 'Lakshmi Menon',
  mobile: '9847055501',
  email: `lakshmi.menon.${Date.now()}@coirboard.gov.in`,
};

test('an administrator registers with a letter, DGFT activates, the mail arrives over SMTP, she sets a password and sees My Dashboard', async ({ browser }) => {
  const applicantPage = await (await browser.newContext()).newPage();
  await fillRegistration(applicantPage, { ...applicant, email: 'lakshmi@gmail.com' });
  await applicantPage.getByLabel(t('register.email')).blur();
  // Refused at once, before any upload, naming the domains DGFT has on record.
  await expect(applicantPage.getByText(/coirboard\.gov\.in/).first()).toBeVisible();
  await applicantPage.getByLabel(t('register.email')).fill(applicant.email);
  await attachLetter(applicantPage, applicant);
  await expectAccessiblePage(applicantPage);
  await submitRegistration(applicantPage);
  await expect(applicantPage.getByText(applicant.email)).toBeVisible();
  await expectAccessiblePage(applicantPage);

  const reviewerPage = await (await browser.newContext()).newPage();
  await openPendingRegistration(reviewerPage, applicant.name);
  const letter = reviewerPage.getByTitle(t('registration.letter.frame', { name: applicant.name }));
  await expect(letter).toBeVisible();
  await expectAccessiblePage(reviewerPage);
  await reviewerPage.getByRole('button', { name: t('registration.activate') }).click();
  await reviewerPage.getByRole('button', { name: t('registration.activate.yes') }).click();
  await expect(reviewerPage.getByText(pattern('registration.decided.activated'))).toBeVisible();

  // Written in the language of the browser she registered from.
  const mail = await mailTo(applicant.email, pattern('mail.activation.subject', { agency: 'Coir Board' }));
  await setPasswordAt(applicantPage, setPasswordPathIn(mail), 'lakshmi strong password');
  await expectAccessiblePage(applicantPage);

  await signIn(applicantPage, applicant.email, 'lakshmi strong password');
  await expect(applicantPage.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
  const nav = applicantPage.getByRole('navigation', { name: t('nav.main') });
  for (const section of ['nav.officeManagement', 'nav.userManagement'] as const) {
    await expect(nav.getByRole('link', { name: t(section) })).toBeVisible();
  }
  // Registering a DSC is the issuing officers' (Trade Notice 23/2024-25 §3.II.iii), not the administrator's.
  await expect(nav.getByRole('link', { name: t('nav.registerDsc') })).toHaveCount(0);
  await expect(applicantPage.getByText('Coir Board').first()).toBeVisible();
  await expectAccessiblePage(applicantPage);
  await applicantPage.screenshot({ path: `test-results/my-dashboard-${test.info().project.name}.png`, fullPage: true });
});
