/**
 * Issue 14: the console's language — Accept-Language on a first visit, a visitor's choice in a
 * cookie, a signed-in user's choice on the account (any device), mail in the recipient's language,
 * and problems that carry their catalogue code and params so the SPA can say them in Hindi.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema } from '@ecoo/shared/accounts/schemas';
import { ProblemSchema } from '@ecoo/shared/problem';
import { translate } from '@ecoo/shared/i18n/translate';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { officeInput } from '../testing/office-input.ts';
import { officerFields, officerRequestContext } from '../testing/officer-requests.ts';
import { letterForm, pdfLetter } from '../testing/letters.ts';

let app: TestApp;
let inbox: SmtpInbox;
let agency: { id: string; name: string };
let admin: TestClient;
let officeId: string;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
  agency = await addAgency(app.db, { name: 'Bhasha Agency', emailDomains: ['bhasha.gov.in'] });
  admin = (await signedInAs(app, 'agency-admin', agency.id)).client;
  const office = await admin.post('/api/offices', officeInput({ name: 'Bhasha Pune' }));
  officeId = OfficeSchema.parse(await office.json()).id;
}, 60_000);
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const ctx = officerRequestContext('bhasha.gov.in', () => ({ app, inbox, agencyId: agency.id, officeId, admin }));
const sessionOf = async (client: TestClient, headers: Record<string, string> = {}) =>
  SessionSchema.parse(await (await client.request('GET', '/api/session', { headers })).json());
const storedLocale = async (userId: string) => (await app.db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow()).locale;

describe('the language a visitor is answered in', () => {
  it.each([
    ['hi-IN,hi;q=0.9,en;q=0.8', 'hi'],
    ['hi', 'hi'],
    ['en-GB,en;q=0.9', 'en'],
    ['ta-IN,en;q=0.5', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('Accept-Language %j on a first visit gives %s', async (header, locale) => {
    expect((await sessionOf(app.client(), header ? { 'accept-language': header } : {})).locale).toBe(locale);
  });

  it('a choice is kept in a cookie and outweighs the browser’s language', async () => {
    const visitor = app.client();
    const response = await visitor.put('/api/session/language', { locale: 'hi' });
    expect(response.status).toBe(204);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ecoo_lang='));
    expect(cookie).toMatch(/^ecoo_lang=hi;/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=31536000/i);
    expect((await sessionOf(visitor, { 'accept-language': 'en-GB' })).locale).toBe('hi');
    expect((await visitor.put('/api/session/language', { locale: 'en' })).status).toBe(204);
    expect((await sessionOf(visitor, { 'accept-language': 'hi-IN' })).locale).toBe('en');
  });

  it('refuses a language the console does not have, with the field named, and changes nothing', async () => {
    const visitor = app.client();
    await visitor.put('/api/session/language', { locale: 'hi' });
    for (const body of [{ locale: 'fr' }, { locale: 'HI' }, { locale: 'hi', extra: 1 }, {}]) {
      const response = await visitor.put('/api/session/language', body);
      expect(response.status).toBe(400);
      expect(response.headers.getSetCookie().some((line) => line.startsWith('ecoo_lang='))).toBe(false);
    }
    const problem = ProblemSchema.parse(await (await visitor.put('/api/session/language', { locale: 'fr' })).json());
    expect(problem.errors).toEqual([{ path: 'locale', code: 'validation.locale', message: translate('en', 'validation.locale') }]);
    expect((await sessionOf(visitor)).locale).toBe('hi');
  });

  it('a cookie that is not a language is ignored, not trusted', async () => {
    const session = await sessionOf(app.client(), { cookie: 'ecoo_lang=<script>', 'accept-language': 'hi' });
    expect(session.locale).toBe('hi');
  });
});

describe('a signed-in user’s language', () => {
  it('is kept with the account, so another browser opens in it', async () => {
    const { client, user } = await signedInAs(app, 'agency-admin', agency.id);
    expect((await client.put('/api/session/language', { locale: 'hi' })).status).toBe(204);
    expect(await storedLocale(user.id)).toBe('hi');
    const elsewhere = app.client();
    const signIn = await elsewhere.request('POST', '/api/session', { json: { email: user.email, password: user.password }, headers: { 'accept-language': 'en-GB' } });
    expect(SessionSchema.parse(await signIn.json()).locale).toBe('hi');
    expect((await sessionOf(elsewhere, { 'accept-language': 'en-GB' })).locale).toBe('hi');
  });

  it('the language chosen on the sign-in page becomes the account’s; a browser that chose nothing leaves the account’s', async () => {
    const never = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    const browser = app.client();
    await browser.put('/api/session/language', { locale: 'hi' });
    expect((await browser.signIn(never.email, never.password)).status).toBe(200);
    expect(await storedLocale(never.id)).toBe('hi');

    // Registered from an English browser, then pressed हिन्दी on the sign-in page: Hindi.
    const chose = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    await app.db.updateTable('users').set({ locale: 'en' }).where('id', '=', chose.id).execute();
    const other = app.client();
    await other.put('/api/session/language', { locale: 'hi' });
    const signIn = await other.signIn(chose.email, chose.password);
    expect(SessionSchema.parse(await signIn.json()).locale).toBe('hi');
    expect(await storedLocale(chose.id)).toBe('hi');

    // A browser with no choice of its own, whatever it accepts, opens in the account's language.
    const fresh = app.client();
    const again = await fresh.request('POST', '/api/session', { json: { email: chose.email, password: chose.password }, headers: { 'accept-language': 'en-GB' } });
    expect(SessionSchema.parse(await again.json()).locale).toBe('hi');
  });
});

describe('mail in the recipient’s language', () => {
  it('a password reset for an account that chose Hindi is written in Hindi; for one that did not, in English', async () => {
    const hindi = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    await app.db.updateTable('users').set({ locale: 'hi' }).where('id', '=', hindi.id).execute();
    const english = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    expect((await app.client().post('/api/password-reset-requests', { email: hindi.email })).status).toBe(202);
    expect((await app.client().post('/api/password-reset-requests', { email: english.email })).status).toBe(202);
    const inHindi = await inbox.waitFor(hindi.email);
    expect(inHindi.subject).toBe(translate('hi', 'mail.reset.subject'));
    // The body's second paragraph, which holds no placeholder: the same words as the catalogue's.
    expect(inHindi.text).toContain(translate('hi', 'mail.reset.body', { name: '', link: '' }).split('\n')[2]);
    expect(inHindi.text).toMatch(/[\u0900-\u097F]/);
    const inEnglish = await inbox.waitFor(english.email);
    expect(inEnglish.subject).toBe(translate('en', 'mail.reset.subject'));
  });

  it('an officer who registers with a Hindi browser gets the confirmation in Hindi, and their account keeps Hindi', async () => {
    const fields = officerFields(ctx);
    const response = await app.client().request('POST', '/api/registrations', { form: letterForm(fields), headers: { 'accept-language': 'hi-IN,hi;q=0.9' } });
    expect(response.status).toBe(201);
    const mail = await inbox.waitFor(fields.email);
    expect(mail.subject).toBe(translate('hi', 'mail.officerConfirm.subject', { agency: agency.name }));
    const user = await app.db.selectFrom('users').select('locale').where('email', '=', fields.email).executeTakeFirstOrThrow();
    expect(user.locale).toBe('hi');
  });

  it('an administrator who registers from a Hindi browser and is rejected reads the rejection in Hindi (no account is ever made)', async () => {
    const email = `aavedak.${Date.now()}@bhasha.gov.in`;
    const fields = { registerAs: 'coo-authorized-agency', agencyId: agency.id, role: 'administrator', name: 'Kavita Joshi', mobile: '9820012399', email };
    const form = letterForm(fields, { bytes: Buffer.from(await pdfLetter()), name: 'letter.pdf', type: 'application/pdf' });
    const submitted = await app.client().request('POST', '/api/registrations', { form, headers: { 'accept-language': 'hi-IN' } });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    expect((await reviewer.post(`/api/registrations/${id}/rejection`, { reason: 'The letter is not signed by the head of the agency.' })).status).toBe(200);
    const mail = await inbox.waitFor(email);
    expect(mail.subject).toBe(translate('hi', 'mail.rejection.subject', { agency: agency.name }));
  });
});

describe('problems say what went wrong by code and params, not only in English words', () => {
  it('a refused field carries its catalogue code and the values of its placeholders', async () => {
    const response = await admin.post('/api/offices', officeInput({ name: 'X' }));
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    const name = problem.errors?.find((error) => error.path === 'name');
    expect(name).toMatchObject({ code: 'validation.tooShort', params: { minimum: expect.any(Number) } });
    expect(translate('hi', 'validation.tooShort', name?.params)).toMatch(new RegExp(String(name?.params?.minimum)));
  });

  it('a refusal with placeholders carries them too, and its English detail for logs', async () => {
    const code = `LANG-${Date.now() % 100000}`;
    expect((await admin.post('/api/offices', officeInput({ code }))).status).toBe(201);
    const response = await admin.post('/api/offices', officeInput({ code }));
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({ status: 409, code: 'problem.officeCodeTaken', params: { code } });
    expect(problem.detail).toBe(translate('en', 'problem.officeCodeTaken', { code }));
    expect(problem.errors).toEqual([{ path: 'code', code: 'problem.officeCodeTaken', params: { code }, message: translate('en', 'problem.officeCodeTaken', { code }) }]);
  });
});
