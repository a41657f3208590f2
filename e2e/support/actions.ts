import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { translate, type MessageParams } from '../../shared/src/i18n/translate.ts';
import type { MessageKey } from '../../shared/src/i18n/en.ts';
import { makeAuthorisationLetterPdf } from '../../bff/src/demo/letter-pdf.ts';

/** The English text of a catalogue key: the tests find controls by the words users see. */
export const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label that starts with the key's text: required fields add "(required)" after it. */
export const label = (key: MessageKey) => new RegExp(`^${escapeRegExp(t(key))}`);

export const demoReviewer = { email: 'reviewer@dgft.gov.in', password: 'Reviewer-demo-2026' };

export interface Applicant {
  agency: string;
  name: string;
  mobile: string;
  email: string;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Fills the registration form up to, not including, submit. */
export async function fillRegistration(page: Page, applicant: Applicant): Promise<void> {
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: t('register.title') })).toBeVisible();
  await page.getByLabel(t('register.registerAs')).selectOption({ label: t('register.registerAs.agency') });
  await page.getByLabel(t('register.agency')).selectOption({ label: applicant.agency });
  await page.getByRole('radio', { name: t('registrationRole.administrator') }).check();
  await page.getByLabel(t('register.name')).fill(applicant.name);
  await page.getByLabel(t('register.mobile')).fill(applicant.mobile);
  await page.getByLabel(t('register.email')).fill(applicant.email);
}

export async function attachLetter(page: Page, applicant: Applicant): Promise<void> {
  const buffer = await makeAuthorisationLetterPdf(applicant.agency, applicant.name);
  await page.getByLabel(t('register.letter')).setInputFiles({ name: 'authorisation-letter.pdf', mimeType: 'application/pdf', buffer });
  await expect(page.getByText('authorisation-letter.pdf')).toBeVisible();
}

export async function submitRegistration(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('register.submit') }).click();
  await expect(page.getByRole('heading', { name: t('register.done.title') })).toBeVisible();
}

/** Fills and sends the sign-in form, and waits for the BFF's answer (success or refusal), so a following goto cannot cancel it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(t('signIn.email')).fill(email);
  await page.getByLabel(label('signIn.password')).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/session');
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await answered;
}

/** As the demo DGFT reviewer, opens the pending registration of `name`. */
export async function openPendingRegistration(page: Page, name: string): Promise<void> {
  await signIn(page, demoReviewer.email, demoReviewer.password);
  await expect(page.getByRole('heading', { level: 1, name: t('registrations.title') })).toBeVisible();
  await page.getByRole('link', { name: t('registrations.open', { name }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('registration.title', { name }) })).toBeVisible();
}
