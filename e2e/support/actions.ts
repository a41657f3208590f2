import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { registerCatalogue, translate, type Locale, type MessageParams } from '../../shared/src/i18n/translate.ts';
import type { MessageKey } from '../../shared/src/i18n/en.ts';
import { hi } from '../../shared/src/i18n/hi.ts';
import { makeAuthorisationLetterPdf } from '../../bff/src/demo/letter-pdf.ts';
import { consoles, type ConsoleSettings } from './run-settings.ts';

registerCatalogue('hi', hi);

/** The console the running test's project talks to, with its language (playwright.config.ts: a project per language). */
export function currentConsole(): ConsoleSettings {
  const name = test.info().project.name;
  const settings = consoles.find((candidate) => candidate.locale === name);
  if (!settings) throw new Error(`no console for the project ${name}`);
  return settings;
}

export const currentLocale = (): Locale => currentConsole().locale;

/** The text of a catalogue key in the project's language (or the one given): the tests find controls by the words users see. */
export const t = (key: MessageKey, params?: MessageParams, locale: Locale = currentLocale()) => translate(locale, key, params);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label that starts with the key's text: required fields add "(required)" after it. */
export const label = (key: MessageKey, locale: Locale = currentLocale()) => new RegExp(`^${escapeRegExp(t(key, undefined, locale))}`);

/**
 * A message whose placeholders the test cannot know (a date, who decided), as a pattern: each
 * placeholder matches what `sources` gives for it (regular-expression source), else any text.
 * For plain {name} placeholders only, not plurals.
 */
export function pattern(key: MessageKey, sources: Record<string, string> = {}, locale: Locale = currentLocale()): RegExp {
  const marker = (name: string) => `\u0001${name}\u0001`;
  const names = [...t(key, undefined, locale).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const marked = t(key, Object.fromEntries(names.map((name) => [name, marker(name)])), locale);
  return new RegExp(escapeRegExp(marked).replace(/\u0001(\w+)\u0001/g, (_whole, name: string) => `(?:${sources[name] ?? '.+?'})`));
}

export const demoReviewer = { email: 'reviewer@dgft.gov.in', password: 'Reviewer-demo-2026' };

export interface Applicant {
  agency: string;
  name: string;
  mobile: string;
  email: string;
}

/**
 * The page as everyone should get it: in the language the test expects (`<html lang>`, which
 * screen readers and the Devanagari font follow) and with nothing axe finds.
 */
export async function expectAccessiblePage(page: Page, locale: Locale = currentLocale()): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A field's error as the form shows it: its accessible description (aria-describedby), beside it. */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
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

/** Sets a password with the link from a mail (its path), as the set-password page asks. */
export async function setPasswordAt(page: Page, setPasswordPath: string, password: string): Promise<void> {
  await page.goto(setPasswordPath);
  await expect(page.getByRole('heading', { level: 1, name: t('setPassword.title') })).toBeVisible();
  await page.getByLabel(label('setPassword.password')).fill(password);
  await page.getByLabel(label('setPassword.confirm')).fill(password);
  await page.getByRole('button', { name: t('setPassword.submit') }).click();
  await expect(page.getByText(t('setPassword.done'))).toBeVisible();
}

/**
 * Fills and sends the sign-in form, and waits for the BFF's answer (success or refusal), so a
 * following goto cannot cancel it. `locale`: the language the sign-in page is in, where it is not the project's.
 */
export async function signIn(page: Page, email: string, password: string, locale: Locale = currentLocale()): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(t('signIn.email', undefined, locale)).fill(email);
  await page.getByLabel(label('signIn.password', locale)).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/session');
  await page.getByRole('button', { name: t('signIn.submit', undefined, locale) }).click();
  await answered;
}

/** As the demo DGFT reviewer, opens the pending registration of `name`. */
export async function openPendingRegistration(page: Page, name: string): Promise<void> {
  await signIn(page, demoReviewer.email, demoReviewer.password);
  await expect(page.getByRole('heading', { level: 1, name: t('registrations.title') })).toBeVisible();
  await page.getByRole('link', { name: t('registrations.open', { name }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('registration.title', { name }) })).toBeVisible();
}

/** An office of the signed-in administrator's agency, through the API: for journeys that start once it exists. Answers its id. */
export async function addOfficeThroughApi(page: Page, details: Record<string, unknown>): Promise<string> {
  const session = await (await page.request.get('/api/session')).json();
  const response = await page.request.post('/api/offices', { headers: { 'X-CSRF-Token': session.csrfToken }, data: { addressLine2: '', isEWalletEnabled: false, ...details } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}
