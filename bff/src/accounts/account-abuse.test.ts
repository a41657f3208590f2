import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrationReceiptSchema } from '@ecoo/shared/registrations/schemas';
import { addAgency, addUser, startTestApp, type TestApp } from '../testing/test-app.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { letterForm, pdfLetter } from '../testing/letters.ts';

// The attacks of issue 13 on accounts, each from its own client address: the app trusts the
// loopback proxy, so X-Forwarded-For names the address a request comes from.
let app: TestApp;
let inbox: SmtpInbox;
let addressSequence = 0;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: { TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const newAddress = () => `203.0.113.${++addressSequence}`;
const from = (address: string) => ({ 'x-forwarded-for': address });
const mailsTo = (email: string) => inbox.mails.filter((mail) => mail.to.includes(email));

describe('POST /api/password-reset-requests (issue 13, fault 3: alike whether or not the account exists)', () => {
  it('answers a real and an unknown address with the same status and body, records both, and mails only the real one', async () => {
    const user = await addUser(app.db, 'agency-admin');
    const address = newAddress();
    const client = app.client();
    const real = await client.request('POST', '/api/password-reset-requests', { json: { email: user.email }, headers: from(address) });
    const unknown = await client.request('POST', '/api/password-reset-requests', { json: { email: 'ghost.1@agency.gov.in' }, headers: from(address) });
    expect([real.status, unknown.status]).toEqual([202, 202]);
    expect(await real.text()).toBe(await unknown.text());
    const rows = await app.db.selectFrom('password_reset_requests').select(['email', 'address']).where('address', '=', address).orderBy('id').execute();
    expect(rows).toEqual([
      { email: user.email, address },
      { email: 'ghost.1@agency.gov.in', address },
    ]);
    await inbox.waitFor(user.email, /new password/);
    expect(mailsTo('ghost.1@agency.gov.in')).toEqual([]);
  });

  it('does the same work on the request path for a real account as for an unknown address: the link is issued after the answer', async () => {
    // What made the timing differ (4.1 ms against 1.2 ms on main) was issuing the token and queueing
    // the mail inside the request. Now the answer comes before either, for every address alike, so a
    // stopwatch has nothing to tell apart; the figure itself belongs in a benchmark, not a test.
    const user = await addUser(app.db, 'agency-admin');
    const tokensOf = () => app.db.selectFrom('password_tokens').select('user_id').where('user_id', '=', user.id).execute();
    const response = await app.client().request('POST', '/api/password-reset-requests', { json: { email: user.email }, headers: from(newAddress()) });
    expect(response.status).toBe(202);
    expect(await tokensOf()).toEqual([]);
    expect(mailsTo(user.email)).toEqual([]);
    await inbox.waitFor(user.email, /new password/);
    expect(await tokensOf()).toHaveLength(1);
  });
});

describe('POST /api/password-reset-requests (issue 13, fault 7: limited per account and per address)', () => {
  it('mails one account at most 3 links an hour, from wherever asked; beyond, answers the same 202 and sends nothing', async () => {
    const user = await addUser(app.db, 'agency-admin');
    const answers = [];
    for (let request = 0; request < 6; request++) {
      const response = await app.client().request('POST', '/api/password-reset-requests', { json: { email: user.email }, headers: from(newAddress()) });
      answers.push([response.status, await response.text()]);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(202);
    await expect.poll(() => mailsTo(user.email).length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsTo(user.email)).toHaveLength(3);
  });

  it('takes at most 20 requests an hour from one address; beyond, answers 429 with Retry-After and mails nothing', async () => {
    const address = newAddress();
    const user = await addUser(app.db, 'agency-admin');
    const client = app.client();
    for (let request = 0; request < 20; request++) {
      expect((await client.request('POST', '/api/password-reset-requests', { json: { email: `ghost.spray${request}@agency.gov.in` }, headers: from(address) })).status).toBe(202);
    }
    const refused = await client.request('POST', '/api/password-reset-requests', { json: { email: user.email }, headers: from(address) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(((await refused.json()) as { code: string }).code).toBe('problem.resetThrottled');
    // Another address is not held back by this one.
    expect((await client.request('POST', '/api/password-reset-requests', { json: { email: 'ghost.other@agency.gov.in' }, headers: from(newAddress()) })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsTo(user.email)).toEqual([]);
  });
});

describe('POST /api/registrations with an address that has an account (a mail flood to its owner)', () => {
  const attemptMailsTo = (email: string) => mailsTo(email).filter((mail) => /tried to register/.test(mail.subject));

  it('mails the owner at most once an hour, however many client addresses try, while every attempt is answered as a new address is', async () => {
    const agency = await addAgency(app.db, { emailDomains: ['flood.gov.in'] });
    const [owner, other] = [await addUser(app.db, 'agency-admin', { agencyId: agency.id, email: 'owner.1@flood.gov.in' }), await addUser(app.db, 'agency-admin', { agencyId: agency.id, email: 'other.1@flood.gov.in' })];
    const letter = await pdfLetter();
    const fields = (email: string) => ({ registerAs: 'coo-authorized-agency', agencyId: agency.id, role: 'administrator', name: 'Meera Nair', mobile: '9847012345', email });
    const register = async (email: string) => {
      const response = await app.client().request('POST', '/api/registrations', { form: letterForm(fields(email), { bytes: letter, name: 'letter.pdf' }), headers: from(newAddress()) });
      return { status: response.status, type: response.headers.get('content-type'), receipt: RegistrationReceiptSchema.parse(await response.json()) };
    };
    const answerOf = ({ status, type, receipt }: Awaited<ReturnType<typeof register>>) => ({ status, type, keys: Object.keys(receipt).sort(), receipt: { status: receipt.status, email: receipt.email } });

    const fresh = await register('new.1@flood.gov.in');
    // Parallel first (two instances could race), then one after another.
    const attempts = await Promise.all([1, 2, 3].map(() => register(owner.email)));
    for (let attempt = 0; attempt < 4; attempt++) attempts.push(await register(owner.email));
    for (const attempt of attempts) expect(answerOf(attempt)).toEqual({ ...answerOf(fresh), receipt: { status: 'pending', email: owner.email } });

    // Another owner's address has its own allowance.
    expect((await register(other.email)).status).toBe(201);
    await expect.poll(() => attemptMailsTo(other.email).length).toBe(1);
    await expect.poll(() => attemptMailsTo(owner.email).length).toBe(1);

    // An hour after the last mail, the owner hears of the next attempt.
    await app.db.updateTable('registration_attempt_mails').set({ mailed_at: new Date(Date.now() - 61 * 60_000).toISOString() }).where('email', '=', owner.email).execute();
    expect((await register(owner.email)).status).toBe(201);
    await expect.poll(() => attemptMailsTo(owner.email).length).toBe(2);
    expect((await register(owner.email)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(attemptMailsTo(owner.email)).toHaveLength(2);
  });
});

describe('POST /api/session from one office at once', () => {
  it('signs in twenty people behind one address at the same moment, none refused (on PostgreSQL they once refused each other with 409, then 429)', async () => {
    const office = newAddress();
    const users = await Promise.all(Array.from({ length: 20 }, () => addUser(app.db, 'agency-admin')));
    const statuses = await Promise.all(users.map((user) => app.client().request('POST', '/api/session', { json: { email: user.email, password: user.password }, headers: from(office) }).then((response) => response.status)));
    expect(statuses).toEqual(Array(20).fill(200));
    // Nothing of it counts as guessing: the address is not slowed afterwards.
    expect((await app.client().request('POST', '/api/session', { json: { email: users[0]!.email, password: users[0]!.password }, headers: from(office) })).status).toBe(200);
  });
});

describe('POST /api/session under guessing (issue 13, fault 2: no lock-out for the owner)', () => {
  const signInFrom = (email: string, password: string, address: string) => app.client().request('POST', '/api/session', { json: { email, password }, headers: from(address) });

  it('an attacker guessing from one address is refused there, while the owner signs in from their usual address at once', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const [usual, attacker] = [newAddress(), newAddress()];
    expect((await signInFrom(user.email, user.password, usual)).status).toBe(200);
    const guesses = [];
    for (let guess = 0; guess < 12; guess++) guesses.push((await signInFrom(user.email, `wrong guess ${guess}`, attacker)).status);
    expect(guesses.filter((status) => status === 401)).toHaveLength(5);
    expect(guesses.slice(5)).toEqual(Array(7).fill(429));
    // On main: 429 for 15 minutes, whoever asked.
    expect((await signInFrom(user.email, user.password, usual)).status).toBe(200);
    expect((await signInFrom(user.email, user.password, attacker)).status).toBe(429);
  });

  it('from an address new to the account, guesses elsewhere slow the right password with a growing delay but never keep it out', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    for (let guess = 0; guess < 6; guess++) await signInFrom(user.email, `wrong guess ${guess}`, newAddress());
    const traveller = newAddress();
    const slowed = await signInFrom(user.email, user.password, traveller);
    expect(slowed.status).toBe(429);
    const wait = Number(slowed.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
    expect((await signInFrom(user.email, user.password, traveller)).status).toBe(200);
  });

  it('mails the owner once a link that sets a new password and lifts every pause on the account', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const attacker = newAddress();
    for (let guess = 0; guess < 8; guess++) await signInFrom(user.email, `wrong guess ${guess}`, attacker);
    const mail = await inbox.waitFor(user.email, /Failed sign-ins/);
    const token = mail.text.match(/#token=([\w-]+)/)?.[1] ?? '';
    expect((await app.client().put('/api/password', { token, password: 'a fresh password 26' })).status).toBe(204);
    expect((await signInFrom(user.email, 'a fresh password 26', attacker)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(user.email).filter((received) => /Failed sign-ins/.test(received.subject))).toHaveLength(1);
  });
});
