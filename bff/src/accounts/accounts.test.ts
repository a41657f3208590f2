import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { SessionSchema } from '@ecoo/shared/accounts/schemas';
import { addAgency, addUser, startTestApp, testPassword, type TestApp } from '../testing/test-app.ts';
import { SmtpInbox, linkIn } from '../testing/smtp-inbox.ts';
import { createReviewer } from './service.ts';
import { hashToken } from './secret-tokens.ts';
import { Mailer } from '../mail/mailer.ts';
import pino from 'pino';

let app: TestApp;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const problemOf = async (response: Response) => ProblemSchema.parse(await response.json());
const sessionCount = async (userId: string) =>
  Number((await app.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

describe('GET /api/session', () => {
  it('signed out, answers no user and a CSRF token, and sets the token cookie httpOnly and SameSite=Strict', async () => {
    const response = await fetch(`${app.baseUrl}/api/session`);
    const session = SessionSchema.parse(await response.json());
    expect(session.user).toBeNull();
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ecoo_csrf='));
    expect(cookie).toContain(`ecoo_csrf=${session.csrfToken}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });
});

describe('POST /api/session (sign in)', () => {
  it('with the right password, answers the user, sets an httpOnly session cookie, stores only the hash, and rotates the CSRF token', async () => {
    const agency = await addAgency(app.db);
    const user = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    const client = app.client();
    const before = SessionSchema.parse(await (await client.get('/api/session')).json()).csrfToken;
    const response = await client.signIn(user.email, user.password);
    expect(response.status).toBe(200);
    const session = SessionSchema.parse(await response.json());
    expect(session.user).toMatchObject({ id: user.id, role: 'agency-admin', agency: { id: agency.id, name: agency.name } });
    expect(session.csrfToken).not.toBe(before);
    const token = client.cookie('ecoo_session') ?? '';
    expect(token.length).toBeGreaterThan(30);
    const rows = await app.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows.map((row) => row.id_hash)).toEqual([hashToken(token)]);
    expect(SessionSchema.parse(await (await client.get('/api/session')).json()).user?.id).toBe(user.id);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const row = await app.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('with a wrong password or an unknown email, answers the same 401, records the failure, and creates no session', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const wrong = await app.client().signIn(user.email, 'not the password at all');
    const unknown = await app.client().signIn('nobody@agency.gov.in', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await problemOf(wrong), await problemOf(unknown)];
    expect(a.code).toBe('problem.signInFailed');
    expect(a.detail).toBe(b.detail);
    expect(await sessionCount(user.id)).toBe(0);
    const failures = await app.db.selectFrom('sign_in_failures').select('email').where('email', 'in', [user.email, 'nobody@agency.gov.in']).execute();
    expect(failures).toHaveLength(2);
  });

  it('a disabled account or one with no password yet cannot sign in', async () => {
    const disabled = await addUser(app.db, 'agency-admin', { status: 'disabled' });
    expect((await app.client().signIn(disabled.email, disabled.password)).status).toBe(401);
    const unset = await addUser(app.db, 'agency-admin');
    await app.db.updateTable('users').set({ password_hash: null }).where('id', '=', unset.id).execute();
    expect((await app.client().signIn(unset.email, unset.password)).status).toBe(401);
    expect((await app.client().signIn(unset.email, '')).status).toBe(400);
  });

  it('parallel wrong guesses cannot pass the limit of 5 per account', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const statuses = await Promise.all(Array.from({ length: 12 }, () => app.client().signIn(user.email, 'a wrong guess here').then((r) => r.status)));
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('signing in again from the same browser ends its previous session', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const client = app.client();
    await client.signIn(user.email, user.password);
    await client.signIn(user.email, user.password);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it('after 5 failures for one account from one address, answers 429 with Retry-After there, even for the right password', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    for (let attempt = 0; attempt < 5; attempt++) expect((await app.client().signIn(user.email, 'wrong password!')).status).toBe(401);
    const locked = await app.client().signIn(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await problemOf(locked)).code).toBe('problem.signInThrottled');
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('after 30 failures from one address across accounts, answers 429 for any account from it', async () => {
    await app.db.deleteFrom('sign_in_failures').execute();
    for (let attempt = 0; attempt < 30; attempt++) await app.client().signIn(`spray${attempt}@agency.gov.in`, 'guess guess guess');
    const user = await addUser(app.db, 'dgft-reviewer');
    expect((await app.client().signIn(user.email, user.password)).status).toBe(429);
    await app.db.deleteFrom('sign_in_failures').execute();
    expect((await app.client().signIn(user.email, user.password)).status).toBe(200);
  });

  it('with a malformed body, answers 400 naming the fields', async () => {
    const problem = await problemOf(await app.client().post('/api/session', { email: 'x', password: '' }));
    expect(problem.errors?.map((error) => [error.path, error.code])).toEqual([
      ['email', 'validation.email'],
      ['password', 'validation.required'],
    ]);
  });

  it('without the CSRF header, answers 403 and signs nobody in', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const response = await app.client().request('POST', '/api/session', { json: { email: user.email, password: user.password }, skipCsrf: true });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('problem.csrf');
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('with a CSRF token from another browser, answers 403', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const other = SessionSchema.parse(await (await app.client().get('/api/session')).json()).csrfToken;
    const client = app.client();
    await client.get('/api/session');
    const response = await client.request('POST', '/api/session', { json: { email: user.email, password: user.password }, headers: { 'x-csrf-token': other } });
    expect(response.status).toBe(403);
  });

  it('from a foreign Origin, answers 403 even with a matching token', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const client = app.client();
    const response = await client.request('POST', '/api/session', { json: { email: user.email, password: user.password }, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });
});

describe('DELETE /api/session (sign out)', () => {
  it('deletes the server-side session, so the old cookie no longer works', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const client = app.client();
    await client.signIn(user.email, user.password);
    const stolen = client.cookieHeader;
    expect((await client.delete('/api/session')).status).toBe(204);
    expect(await sessionCount(user.id)).toBe(0);
    const replay = await fetch(`${app.baseUrl}/api/registrations`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('an idle session (over 30 minutes) is refused and deleted', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const client = app.client();
    await client.signIn(user.email, user.password);
    await app.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('user_id', '=', user.id).execute();
    expect((await client.get('/api/registrations')).status).toBe(401);
    expect(await sessionCount(user.id)).toBe(0);
  });
});

describe('password reset and set', () => {
  it('POST /api/password-reset-requests emails a link over SMTP; PUT /api/password with it sets the password once and ends other sessions', async () => {
    const user = await addUser(app.db, 'agency-admin');
    const other = app.client();
    await other.signIn(user.email, user.password);
    expect((await app.client().post('/api/password-reset-requests', { email: user.email.toUpperCase() })).status).toBe(202);
    const mail = await inbox.waitFor(user.email, /new password/);
    const token = linkIn(mail).split('#token=')[1];
    const client = app.client();
    expect((await client.put('/api/password', { token, password: 'brand new password 1' })).status).toBe(204);
    expect(await sessionCount(user.id)).toBe(0);
    expect((await client.signIn(user.email, testPassword)).status).toBe(401);
    expect((await client.signIn(user.email, 'brand new password 1')).status).toBe(200);
    const reused = await app.client().put('/api/password', { token, password: 'third password here' });
    expect(reused.status).toBe(400);
    expect((await problemOf(reused)).code).toBe('problem.tokenInvalid');
  });

  it('for an unknown email, answers 202 alike and sends nothing', async () => {
    const before = inbox.mails.length;
    expect((await app.client().post('/api/password-reset-requests', { email: 'ghost@agency.gov.in' })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(inbox.mails.length).toBe(before);
  });

  it('a newer link voids the older one', async () => {
    const user = await addUser(app.db, 'agency-admin');
    await app.client().post('/api/password-reset-requests', { email: user.email });
    const first = linkIn(await inbox.waitFor(user.email)).split('#token=')[1];
    await app.client().post('/api/password-reset-requests', { email: user.email });
    await expect.poll(() => inbox.mails.filter((mail) => mail.to.includes(user.email)).length).toBe(2);
    expect((await app.client().put('/api/password', { token: first, password: 'some new password' })).status).toBe(400);
  });

  it('an expired link answers 400 and changes nothing', async () => {
    const user = await addUser(app.db, 'agency-admin');
    await app.client().post('/api/password-reset-requests', { email: user.email });
    const token = linkIn(await inbox.waitFor(user.email)).split('#token=')[1] ?? '';
    await app.db.updateTable('password_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', hashToken(token)).execute();
    expect((await app.client().put('/api/password', { token, password: 'some new password' })).status).toBe(400);
    expect((await app.client().signIn(user.email, user.password)).status).toBe(200);
  });

  it('a short password answers 400 on password and spends no token', async () => {
    const user = await addUser(app.db, 'agency-admin');
    await app.client().post('/api/password-reset-requests', { email: user.email });
    const token = linkIn(await inbox.waitFor(user.email)).split('#token=')[1];
    const problem = await problemOf(await app.client().put('/api/password', { token, password: 'short' }));
    expect(problem.errors?.[0]).toMatchObject({ path: 'password', code: 'validation.password.short' });
    expect((await app.client().put('/api/password', { token, password: 'long enough password' })).status).toBe(204);
  });
});

describe('createReviewer (the CLI command)', () => {
  it('creates an active DGFT reviewer with no password and answers a working set-password link; a second time answers 409', async () => {
    const mailer = new Mailer(app.db, pino({ level: 'silent' }), { smtpUrl: null, from: 'x <x@y.z>' });
    const deps = { db: app.db, mailer, publicUrl: app.baseUrl };
    const link = await createReviewer(deps, { email: 'first.reviewer@dgft.gov.in', name: 'First Reviewer' });
    const token = link.split('#token=')[1];
    const client = app.client();
    expect((await client.put('/api/password', { token, password: 'reviewer password 1' })).status).toBe(204);
    const session = SessionSchema.parse(await (await client.signIn('first.reviewer@dgft.gov.in', 'reviewer password 1')).json());
    expect(session.user?.role).toBe('dgft-reviewer');
    await expect(createReviewer(deps, { email: 'first.reviewer@dgft.gov.in', name: 'Again' })).rejects.toMatchObject({ status: 409 });
  });
});
