import { expect, test } from '@playwright/test';
import { mailTo } from '../support/mail.ts';
import { attachLetter, escapeRegExp, expectAccessiblePage, expectFieldError, fillRegistration, openPendingRegistration, pattern, signIn, submitRegistration, t, type Applicant } from '../support/actions.ts';

const applicant: Applicant = {
  agency: 'Spices Board India',
  name: 'Joseph Kurian',
  mobile: '9447055502',
  email: `joseph.kurian.${Date.now()}@spicesboard.gov.in`,
};

test('DGFT rejects a registration with a reason; the applicant is told why by mail and cannot sign in', async ({ browser }) => {
  const applicantPage = await (await browser.newContext()).newPage();
  await fillRegistration(applicantPage, applicant);
  await attachLetter(applicantPage, applicant);
  await submitRegistration(applicantPage);

  const reviewerPage = await (await browser.newContext()).newPage();
  await openPendingRegistration(reviewerPage, applicant.name);
  await reviewerPage.getByRole('button', { name: t('registration.reject') }).click();
  // The reason is required: a rejection without one is refused beside the field.
  await expectFieldError(reviewerPage.getByLabel(t('registration.reason')), t('validation.reason'));
  const reason = 'The authorisation letter is not on the Spices Board letterhead.';
  await reviewerPage.getByLabel(t('registration.reason')).fill(reason);
  await reviewerPage.getByRole('button', { name: t('registration.reject') }).click();
  await expect(reviewerPage.getByText(pattern('registration.decided.rejected', { reason: escapeRegExp(reason) }))).toBeVisible();
  await expectAccessiblePage(reviewerPage);

  const mail = await mailTo(applicant.email, pattern('mail.rejection.subject', { agency: 'Spices Board India' }));
  expect(mail.text).toContain(reason);

  await signIn(applicantPage, applicant.email, 'any password at all');
  await expect(applicantPage.getByText(t('problem.signInFailed'))).toBeVisible();
  await expectAccessiblePage(applicantPage);
});
