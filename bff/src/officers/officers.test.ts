import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { OfficeSchema, type Office } from '@ecoo/shared/offices/schemas';
import { RegistrationReceiptSchema } from '@ecoo/shared/registrations/schemas';
import {
  AccountAuditListSchema,
  OfficeChoiceListSchema,
  OfficerCountsSchema,
  OfficerListSchema,
  OfficerProfileSchema,
  OfficerSchema,
  PublicOfficeListSchema,
  type Officer,
} from '@ecoo/shared/officers/schemas';
import { SessionSchema } from '@ecoo/shared/accounts/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox, linkIn } from '../testing/smtp-inbox.ts';
import { officeInput } from '../testing/office-input.ts';
import { pdfLetter } from '../testing/letters.ts';
import { approvedOfficer, confirmRequest, confirmationToken, officerFields, officerPassword, requestOfficer, submitRegistration, officerRequestContext } from '../testing/officer-requests.ts';
import { todayInIndia } from '../accounts/index.ts';
import { registrationReference } from '@ecoo/shared/registrations/reference';

let app: TestApp;
let inbox: SmtpInbox;
let agencyId: string;
let otherAgencyId: string;
let admin: TestClient;
let adminUser: { id: string; email: string };
let otherAdmin: TestClient;
let andheri: Office;
let vashi: Office;
let closed: Office;
let foreignOffice: Office;

async function addOffice(client: TestClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/offices', officeInput(overrides));
  expect(response.status).toBe(201);
  return OfficeSchema.parse(await response.json());
}

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
  const agency = await addAgency(app.db, { name: 'Export Inspection Agency, Mumbai', emailDomains: ['eicindia.gov.in'] });
  agencyId = agency.id;
  otherAgencyId = (await addAgency(app.db, { name: 'Export Inspection Agency, Kochi', emailDomains: ['eicindia.gov.in'] })).id;
  const signedIn = await signedInAs(app, 'agency-admin', agencyId);
  admin = signedIn.client;
  adminUser = signedIn.user;
  otherAdmin = (await signedInAs(app, 'agency-admin', otherAgencyId)).client;
  andheri = await addOffice(admin, { name: 'Andheri office' });
  vashi = await addOffice(admin, { name: 'Vashi office' });
  closed = await addOffice(admin, { name: 'Closed office' });
  expect((await admin.put(`/api/offices/${closed.id}/status`, { isActive: false })).status).toBe(200);
  foreignOffice = await addOffice(otherAdmin, { name: 'Kochi office' });
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const ctx = officerRequestContext('eicindia.gov.in', () => ({ app, inbox, agencyId, officeId: andheri.id, admin }));
const uniqueEmail = () => officerFields(ctx).email;
const register = (fields: Record<string, string>, letter?: { bytes: Buffer; name: string }) => submitRegistration(ctx, fields, letter);
const registerOfficer = (overrides: Record<string, string> = {}) => requestOfficer(ctx, overrides);
const activeOfficer = (overrides: Record<string, string> = {}) => approvedOfficer(ctx, overrides);
const officerFieldsFor = (overrides: Record<string, string> = {}) => officerFields(ctx, overrides);

async function expectProblem(response: Response, status: number, code: string, fieldPath?: string) {
  expect(response.status).toBe(status);
  const problem = ProblemSchema.parse(await response.json());
  if (fieldPath) expect(problem.errors?.find((error) => error.path === fieldPath)?.code).toBe(code);
  else expect(problem.code).toBe(code);
  return problem;
}

const tableCounts = async () => {
  const count = async (table: 'users' | 'officers' | 'officer_offices' | 'account_revocations' | 'audit_entries' | 'mails') =>
    Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await count('users'), officers: await count('officers'), mappings: await count('officer_offices'), revocations: await count('account_revocations'), audit: await count('audit_entries'), mails: await count('mails') };
};
const officer = async (id: string, client = admin): Promise<Officer> => OfficerSchema.parse(await (await client.get(`/api/officers/${id}`)).json());

describe('officer registration through the public Register route', () => {
  it('lists only the active offices of the agency for applicants, signed out', async () => {
    const response = await app.client().get(`/api/agencies/${agencyId}/registration-offices`);
    expect(response.status).toBe(200);
    const { items } = PublicOfficeListSchema.parse(await response.json());
    expect(items.map((office) => office.name)).toEqual(['Andheri office', 'Vashi office']);
    expect(JSON.stringify(items)).not.toMatch(/merchant|checksum|gstin/i);
    await expectProblem(await app.client().get(`/api/agencies/00000000-0000-4000-8000-000000000000/registration-offices`), 404, 'problem.agencyNotFound');
  });

  it('makes a pending officer of the chosen office, no password, and mails the agency administrator', async () => {
    const { id, email } = await registerOfficer({ name: 'Anita Desai' });
    const account = await app.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email, role: 'issuing-officer', agency_id: agencyId, status: 'pending', password_hash: null });
    const record = await officer(id);
    expect(record).toMatchObject({ status: 'pending', designation: 'Deputy Director', requestedOffice: { id: andheri.id }, offices: [] });
    const mail = await inbox.waitFor(adminUser.email, /asks to join/);
    expect(mail.text).toContain('Anita Desai (Deputy Director');
    expect(mail.text).toContain('Andheri office');
  });

  it.each([
    ['an email outside the agency domains', { email: 'ravi@gmail.com' }, 400, 'problem.emailDomainNotOnRecord', 'email'],
    ['an inactive office', { officeId: 'closed' }, 400, 'problem.officeNotOpenForRegistration', 'officeId'],
    ["another agency's office", { officeId: 'foreign' }, 400, 'problem.officeNotOpenForRegistration', 'officeId'],
    ['no office', { officeId: '' }, 400, 'validation.office', 'officeId'],
    ['no designation', { designation: '' }, 400, 'validation.designation', 'designation'],
    ['a bad mobile', { mobile: '12345' }, 400, 'validation.mobile', 'mobile'],
    ['an unknown role', { role: 'reviewer' }, 400, 'validation.role', 'role'],
  ])('refuses %s with its own message and stores nothing', async (_, overrides, status, code, fieldPath) => {
    const before = await tableCounts();
    const resolved = { ...overrides } as Record<string, string>;
    if (resolved.officeId === 'closed') resolved.officeId = closed.id;
    if (resolved.officeId === 'foreign') resolved.officeId = foreignOffice.id;
    await expectProblem(await register(officerFieldsFor(resolved)), status, code, fieldPath);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a letter attached to an officer request; a second request for a taken email answers 201 like a new one and changes nothing but a mail to the owner', async () => {
    const before = await tableCounts();
    await expectProblem(await register(officerFieldsFor(), { bytes: await pdfLetter(), name: 'letter.pdf' }), 400, 'problem.officerNoLetter');
    expect(await tableCounts()).toEqual(before);
    const { fields } = await registerOfficer();
    const afterFirst = await tableCounts();
    // Issue 13, fault 3: a 409 here told anyone that the address has an account or a request.
    expect((await register({ ...fields, name: 'Someone Else' })).status).toBe(201);
    const existing = await addUser(app.db, 'agency-admin', { agencyId, email: uniqueEmail() });
    expect((await register(officerFieldsFor({ email: existing.email }))).status).toBe(201);
    const now = await tableCounts();
    expect(now).toEqual({ ...afterFirst, users: afterFirst.users + 1, mails: afterFirst.mails + 2 });
  });

  it('two requests at once for one email leave one request, whose link is the one that works', async () => {
    const fields = officerFieldsFor();
    const answers = await Promise.all([register(fields), register(fields)]);
    expect(answers.map((response) => response.status)).toEqual([201, 201]);
    const rows = await app.db.selectFrom('users').select('id').where('email', '=', fields.email).execute();
    expect(rows.length).toBe(1);
    const tokens = await app.db.selectFrom('password_tokens').select('purpose').where('user_id', '=', rows[0]!.id).where('used_at', 'is', null).execute();
    expect(tokens).toEqual([{ purpose: 'confirm-email' }]);
  });

  it('DGFT activating an administrator takes the address from an officer request nobody confirmed', async () => {
    const { id, fields } = await requestOfficer(ctx, { name: 'Squatted Address' }, { confirm: false });
    const letter = { bytes: await pdfLetter(), name: 'letter.pdf' };
    const submitted = await register({ registerAs: 'coo-authorized-agency', agencyId, role: 'administrator', name: 'Rightful Owner', mobile: '9820012345', email: fields.email }, letter);
    expect(submitted.status).toBe(201);
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    expect((await reviewer.post(`/api/registrations/${RegistrationReceiptSchema.parse(await submitted.json()).id}/activation`)).status).toBe(200);
    const account = await app.db.selectFrom('users').select(['id', 'role', 'name']).where('email', '=', fields.email).executeTakeFirstOrThrow();
    expect([account.role, account.name, account.id === id]).toEqual(['agency-admin', 'Rightful Owner', false]);
    expect(await app.db.selectFrom('officers').select('user_id').where('user_id', '=', id).execute()).toEqual([]);
  });

  it("reaches the administrator only once the email is confirmed from the mailed link; anyone's unconfirmed request holds nothing", async () => {
    const { id, fields } = await requestOfficer(ctx, { name: 'Unconfirmed Applicant' }, { confirm: false });
    await expectProblem(await admin.get(`/api/officers/${id}`), 404, 'problem.officerNotFound');
    expect((await admin.get('/api/officers?q=unconfirmed%20applicant')).ok).toBe(true);
    expect(OfficerListSchema.parse(await (await admin.get('/api/officers?q=unconfirmed%20applicant')).json()).total).toBe(0);
    expect(inbox.mails.filter((mail) => mail.text.includes('Unconfirmed Applicant'))).toEqual([]);
    // The real owner of the address registers as the agency's administrator: the unconfirmed request does not stand in the way.
    const letter = { bytes: await pdfLetter(), name: 'letter.pdf' };
    const asAdministrator = await register({ registerAs: 'coo-authorized-agency', agencyId, role: 'administrator', name: 'Real Owner', mobile: '9820012345', email: fields.email }, letter);
    expect(asAdministrator.status).toBe(201);
    // A made-up token confirms nothing; the mailed one confirms once.
    const confirm = (token: string) => app.client().post('/api/registrations/officer-confirmations', { token });
    await expectProblem(await confirm('x'.repeat(43)), 400, 'problem.confirmationInvalid');
    const token = await confirmationToken(ctx, fields.email);
    expect((await confirm(token)).status).toBe(200);
    await expectProblem(await confirm(token), 400, 'problem.confirmationInvalid');
    expect((await admin.get(`/api/officers/${id}`)).status).toBe(200);
    await expect.poll(() => inbox.mails.some((mail) => mail.to.includes(adminUser.email) && mail.text.includes('Unconfirmed Applicant')), { timeout: 10_000 }).toBe(true);
  });

  it("mails an address at most 3 confirmation links an hour, however often its request is made again; later requests change nothing and the last link still confirms", async () => {
    const fields = officerFields(ctx);
    const links = () => inbox.mails.filter((mail) => mail.to.includes(fields.email) && mail.subject.startsWith('Confirm your request')).length;
    for (const [round, name] of ['Asha One', 'Asha Two', 'Asha Three'].entries()) {
      expect((await register({ ...fields, name })).status).toBe(201);
      await confirmationToken(ctx, fields.email, round);
    }
    const before = await tableCounts();
    const refusedAlike = [];
    for (const name of ['Intruder Four', 'Intruder Five', 'Intruder Six']) {
      const response = await register({ ...fields, name });
      refusedAlike.push([response.status, Object.keys(RegistrationReceiptSchema.parse(await response.json())).sort()]);
    }
    // Answered as a new request is, with nothing stored and nothing mailed.
    expect(refusedAlike).toEqual(Array(3).fill([201, ['email', 'id', 'status', 'submittedAt']]));
    expect(await tableCounts()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(links()).toBe(3);
    // The third link confirms the third request, as its owner made it.
    const token = await confirmationToken(ctx, fields.email, 2);
    expect((await app.client().post('/api/registrations/officer-confirmations', { token })).status).toBe(200);
    const account = await app.db.selectFrom('users').select(['name', 'status']).where('email', '=', fields.email).executeTakeFirstOrThrow();
    expect(account).toEqual({ name: 'Asha Three', status: 'pending' });
  });

  it('a pending officer who tries to sign in is told the request awaits the administrator', async () => {
    const { email } = await registerOfficer();
    await expectProblem(await app.client().post('/api/session', { email, password: 'anything at all' }), 403, 'problem.accountPending');
  });
});

describe('approval and rejection (User Management)', () => {
  it('approval opens the account, maps the requested office, mails the set-password link; the officer signs in and sees their offices', async () => {
    const { id, email } = await registerOfficer();
    const response = await admin.post(`/api/officers/${id}/approval`);
    expect(response.status).toBe(200);
    expect(OfficerSchema.parse(await response.json())).toMatchObject({ status: 'active', decidedBy: 'Test agency-admin', offices: [{ id: andheri.id }] });
    const mail = await inbox.waitFor(email, /is approved/);
    // The short reference the officer was given on registering.
    expect(mail.text).toContain(`(request ${registrationReference(id)})`);
    const token = linkIn(mail).split('#token=')[1];
    const client = app.client();
    expect((await client.put('/api/password', { token, password: officerPassword })).status).toBe(204);
    expect((await client.signIn(email, officerPassword)).status).toBe(200);
    const profile = OfficerProfileSchema.parse(await (await client.get('/api/me/officer-profile')).json());
    expect(profile).toMatchObject({ id, agency: { id: agencyId }, offices: [{ name: 'Andheri office' }], signature: { versionId: null } });
    await expectProblem(await admin.post(`/api/officers/${id}/approval`), 409, 'problem.officerDecided');
    await expectProblem(await admin.post(`/api/officers/${id}/rejection`, { reason: 'Not one of our officers.' }), 409, 'problem.officerDecided');
  });

  it('rejection needs a reason, is mailed, cannot be repeated, and the applicant may ask again', async () => {
    const { id, email, fields } = await registerOfficer();
    await expectProblem(await admin.post(`/api/officers/${id}/rejection`, { reason: 'no' }), 400, 'validation.reason.short', 'reason');
    const response = await admin.post(`/api/officers/${id}/rejection`, { reason: 'Not posted at the Andheri office.' });
    expect(OfficerSchema.parse(await response.json())).toMatchObject({ status: 'rejected', rejectionReason: 'Not posted at the Andheri office.' });
    const mail = await inbox.waitFor(email, /not approved/);
    expect(mail.text).toContain('Not posted at the Andheri office.');
    expect(mail.text).toContain(`request ${registrationReference(id)} to join`);
    await expectProblem(await admin.post(`/api/officers/${id}/rejection`, { reason: 'Not posted at the Andheri office.' }), 409, 'problem.officerDecided');
    await expectProblem(await admin.post(`/api/officers/${id}/approval`), 409, 'problem.officerDecided');
    await expectProblem(await app.client().post('/api/session', { email, password: 'anything at all' }), 401, 'problem.signInFailed');
    const again = await register({ ...fields, officeId: vashi.id });
    expect(again.status).toBe(201);
    await confirmRequest(ctx, email, 1);
    expect(RegistrationReceiptSchema.parse(await again.json()).id).toBe(id);
    expect(await officer(id)).toMatchObject({ status: 'pending', requestedOffice: { id: vashi.id }, rejectionReason: null });
    const history = AccountAuditListSchema.parse(await (await admin.get(`/api/officers/${id}/audit`)).json());
    expect(history.entries.map((entry) => entry.action).sort()).toEqual(['officer.email-confirmed', 'officer.email-confirmed', 'officer.rejected', 'officer.requested', 'officer.requested-again']);
  });

  // The Register form is public: anyone who knows a refused officer's address can submit it.
  it("a request made again after a rejection changes nothing until its link is opened; a later one replaces it, and only the last link reopens the record", async () => {
    const { id, email, fields } = await registerOfficer({ name: 'Ravi Kulkarni', mobile: '9820012345' });
    await admin.post(`/api/officers/${id}/rejection`, { reason: 'Not posted at the Andheri office.' });
    const refused = await officer(id);
    const countsBefore = OfficerListSchema.parse(await (await admin.get('/api/officers')).json()).counts;
    const seen = 1; // the first request's link, opened by registerOfficer
    expect((await register({ ...fields, name: 'Someone Else', mobile: '9000000001', officeId: vashi.id })).status).toBe(201);
    const firstLink = await confirmationToken(ctx, email, seen);
    expect(await officer(id)).toEqual(refused);
    expect(OfficerListSchema.parse(await (await admin.get('/api/officers')).json()).counts).toEqual(countsBefore);
    expect((await register({ ...fields, name: 'Ravi Kulkarni', mobile: '9820099999', officeId: vashi.id })).status).toBe(201);
    const lastLink = await confirmationToken(ctx, email, seen + 1);
    expect(await officer(id)).toEqual(refused);
    expect((await app.client().post('/api/registrations/officer-confirmations', { token: firstLink })).status).toBe(400);
    expect(await officer(id)).toEqual(refused);
    expect((await app.client().post('/api/registrations/officer-confirmations', { token: lastLink })).status).toBe(200);
    expect(await officer(id)).toMatchObject({ status: 'pending', name: 'Ravi Kulkarni', mobile: '9820099999', requestedOffice: { id: vashi.id }, rejectionReason: null });
  });

  // A reason is mailed to the officer and kept on record: lines of visible text, nothing else.
  it.each([
    ['a lone surrogate', 'Not posted at Andheri.\uD800', 'U+D800 lone surrogate (half of a character) at position 23'],
    ['a low surrogate alone', '\uDC00Not posted at Andheri.', 'U+DC00 lone surrogate (half of a character) at position 1'],
    ['a line separator', 'Not posted\u2028at Andheri.', 'U+2028 line separator at position 11'],
    ['a right-to-left override', 'Not posted at \u202EirehdnA.', 'U+202E right-to-left override at position 15'],
  ])('a rejection reason holding %s answers 400 naming it, and changes nothing', async (_, reason, expected) => {
    const { id } = await registerOfficer();
    const [before, record] = [await tableCounts(), await officer(id)];
    const problem = await expectProblem(await admin.post(`/api/officers/${id}/rejection`, { reason }), 400, 'validation.text.multiLineChars', 'reason');
    expect(problem.errors?.[0]?.message).toContain(expected);
    expect(await tableCounts()).toEqual(before);
    expect(await officer(id)).toEqual(record);
  });

  it('a rejection reason on several lines keeps its lines', async () => {
    const { id } = await registerOfficer();
    const reason = 'Not posted at the Andheri office.\r\nAsk for the Vashi office instead.';
    const response = await admin.post(`/api/officers/${id}/rejection`, { reason });
    expect(response.status).toBe(200);
    expect(OfficerSchema.parse(await response.json()).rejectionReason).toBe(reason);
  });

  it('two approvals at once: one succeeds, the other answers 409, and one set-password mail is sent', async () => {
    const { id } = await registerOfficer();
    const answers = await Promise.all([admin.post(`/api/officers/${id}/approval`), admin.post(`/api/officers/${id}/approval`)]);
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
    expect((await app.db.selectFrom('password_tokens').select('id_hash').where('user_id', '=', id).where('purpose', '=', 'activation').execute()).length).toBe(1);
  });
});

describe('office mapping', () => {
  it('maps an active officer to two active offices, audits and mails it', async () => {
    const { id, email } = await activeOfficer();
    const response = await admin.put(`/api/officers/${id}/offices`, { officeIds: [vashi.id, andheri.id] });
    expect(response.status).toBe(200);
    expect(OfficerSchema.parse(await response.json()).offices.map((office) => office.name)).toEqual(['Andheri office', 'Vashi office']);
    await inbox.waitFor(email, /offices .* changed/i);
    const history = AccountAuditListSchema.parse(await (await admin.get(`/api/officers/${id}/audit`)).json());
    expect(history.entries[0]).toMatchObject({ action: 'officer.offices-mapped', actor: 'Test agency-admin' });
    expect(history.entries[0]?.changes[0]).toEqual({ field: 'offices', before: [andheri.code], after: [andheri.code, vashi.code].sort() });
  });

  it.each([
    ['an inactive office', () => [andheri.id, closed.id], 400, 'problem.officeNotMappable'],
    ["another agency's office", () => [foreignOffice.id], 400, 'problem.officeNotMappable'],
    ['an unknown office', () => ['00000000-0000-4000-8000-000000000000'], 400, 'problem.officeNotMappable'],
    ['no office', () => [], 400, 'validation.officeMapping.empty'],
    ['the same office twice', () => [andheri.id, andheri.id], 400, 'validation.officeMapping.duplicate'],
  ])('refuses %s and changes nothing', async (_, officeIds, status, code) => {
    const { id } = await activeOfficer();
    const before = await tableCounts();
    const problem = await expectProblem(await admin.put(`/api/officers/${id}/offices`, { officeIds: officeIds() }), status, 'problem.badRequest');
    expect(problem.errors?.map((error) => error.code)).toContain(code);
    expect(await tableCounts()).toEqual(before);
    expect((await officer(id)).offices.map((office) => office.id)).toEqual([andheri.id]);
  });

  it('refuses mapping a pending officer (409)', async () => {
    const { id } = await registerOfficer();
    await expectProblem(await admin.put(`/api/officers/${id}/offices`, { officeIds: [andheri.id] }), 409, 'problem.officerNotActive');
  });
});

describe('deactivation and reactivation', () => {
  it("records a kept revocation, ends the officer's sessions at once, mails them; reactivation keeps the record", async () => {
    const { id, email, client } = await activeOfficer();
    expect((await client.get('/api/me/officer-profile')).status).toBe(200);
    const today = todayInIndia();
    const response = await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: today, reason: 'Transferred to the Kochi agency.' });
    expect(response.status).toBe(200);
    const deactivated = OfficerSchema.parse(await response.json());
    expect(deactivated).toMatchObject({ status: 'deactivated', revocations: [{ effectiveDate: today, reason: 'Transferred to the Kochi agency.', revokedBy: 'Test agency-admin', reactivatedAt: null }] });
    // The officer's open page: its very next request is refused.
    await expectProblem(await client.get('/api/me/officer-profile'), 401, 'problem.unauthenticated');
    expect(SessionSchema.parse(await (await client.get('/api/session')).json()).user).toBeNull();
    expect((await app.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute()).length).toBe(0);
    await expectProblem(await app.client().post('/api/session', { email, password: officerPassword }), 401, 'problem.signInFailed');
    const mail = await inbox.waitFor(email, /deactivated/);
    expect(mail.text).toContain('Transferred to the Kochi agency.');
    await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: today, reason: 'Transferred to the Kochi agency.' }), 409, 'problem.officerNotActive');

    const reactivated = OfficerSchema.parse(await (await admin.post(`/api/officers/${id}/reactivation`)).json());
    expect(reactivated.status).toBe('active');
    expect(reactivated.revocations).toHaveLength(1);
    expect(reactivated.revocations[0]).toMatchObject({ reason: 'Transferred to the Kochi agency.', reactivatedBy: 'Test agency-admin' });
    await inbox.waitFor(email, /active again/);
    expect((await app.client().signIn(email, officerPassword)).status).toBe(200);
    await expectProblem(await admin.post(`/api/officers/${id}/reactivation`), 409, 'problem.officerNotDeactivated');
    expect(inbox.mails.filter((mail) => mail.to.includes(email) && /active again/.test(mail.subject))[0]?.text).not.toContain('/set-password#token=');
    const history = AccountAuditListSchema.parse(await (await admin.get(`/api/officers/${id}/audit`)).json());
    expect(history.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['officer.deactivated', 'officer.reactivated']));
  });

  it('an officer deactivated before setting a password gets a new set-password link when reactivated (the first one was voided)', async () => {
    const { id, email } = await registerOfficer({ name: 'Never Signed In' });
    expect((await admin.post(`/api/officers/${id}/approval`)).status).toBe(200);
    const firstLink = linkIn(await inbox.waitFor(email, /is approved/));
    expect((await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'Approved by mistake, wrong office.' })).status).toBe(200);
    expect((await app.client().put('/api/password', { token: firstLink.split('#token=')[1], password: officerPassword })).status).toBe(400);
    expect((await admin.post(`/api/officers/${id}/reactivation`)).status).toBe(200);
    const newLink = linkIn(await inbox.waitFor(email, /active again/));
    expect(newLink).not.toBe(firstLink);
    expect((await app.client().put('/api/password', { token: newLink.split('#token=')[1], password: officerPassword })).status).toBe(204);
    expect((await app.client().signIn(email, officerPassword)).status).toBe(200);
  });

  it('accepts an earlier effective date, and refuses a future one, one before the account, and a short reason', async () => {
    const { id } = await activeOfficer();
    const before = await tableCounts();
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    const future = await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: tomorrow, reason: 'Retires at the end of the month.' }), 400, 'problem.effectiveDateInFuture', 'effectiveDate');
    // The date as people write it, through the catalogue, in the field's message too.
    const readable = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${tomorrow}T00:00:00Z`));
    expect(future.errors?.[0]?.message).toContain(readable);
    expect(future.detail).not.toContain(tomorrow);
    await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: '2020-01-01', reason: 'Left the agency long ago.' }), 400, 'problem.effectiveDateTooEarly', 'effectiveDate');
    await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: '30/11/2026', reason: 'Left the agency.' }), 400, 'validation.date', 'effectiveDate');
    await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'left' }), 400, 'validation.reason.short', 'reason');
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['a lone surrogate', 'Left the agency.\uD800', 'U+D800 lone surrogate (half of a character) at position 17'],
    ['a paragraph separator', 'Left the agency.\u2029Forged', 'U+2029 paragraph separator at position 17'],
  ])('a deactivation reason holding %s answers 400 naming it, and changes nothing', async (_, reason, expected) => {
    const { id } = await activeOfficer();
    const [before, record] = [await tableCounts(), await officer(id)];
    const problem = await expectProblem(await admin.post(`/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason }), 400, 'validation.text.multiLineChars', 'reason');
    expect(problem.errors?.[0]?.message).toContain(expected);
    expect(await tableCounts()).toEqual(before);
    expect(await officer(id)).toEqual(record);
  });

  it('an administrator cannot deactivate themselves through User Management', async () => {
    await expectProblem(await admin.post(`/api/officers/${adminUser.id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'Leaving the agency now.' }), 409, 'problem.deactivateSelf');
  });
});

describe('the list, counts and access', () => {
  it('pages, filters by status and office, and searches by name or email', async () => {
    const unique = `Zed${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
    const first = await activeOfficer({ name: `${unique} Alpha` });
    await activeOfficer({ name: `${unique} Beta` });
    await registerOfficer({ name: `${unique} Gamma` });
    expect((await admin.put(`/api/officers/${first.id}/offices`, { officeIds: [vashi.id] })).status).toBe(200);
    const list = async (query: string) => OfficerListSchema.parse(await (await admin.get(`/api/officers?${query}`)).json());
    const all = await list(`q=${unique.toLowerCase()}`);
    expect(all.items.map((item) => item.name)).toEqual([`${unique} Gamma`, `${unique} Alpha`, `${unique} Beta`]);
    expect((await list(`q=${unique}&status=active`)).items.map((item) => item.name)).toEqual([`${unique} Alpha`, `${unique} Beta`]);
    expect((await list(`q=${unique}&officeId=${vashi.id}`)).items.map((item) => item.name)).toEqual([`${unique} Alpha`]);
    expect((await list(`q=${encodeURIComponent(first.email)}`)).items.map((item) => item.id)).toEqual([first.id]);
    const page2 = await list(`q=${unique}&page=2&pageSize=2`);
    expect([page2.total, page2.items.length, page2.page]).toEqual([3, 1, 2]);
    expect((await list('q=%25')).total).toBe(0);
    // The tabs' counts follow the search and office filters, so they agree with the list.
    expect(all.counts).toEqual({ pending: 1, active: 2, deactivated: 0, rejected: 0 });
    expect((await list(`q=${unique}&officeId=${vashi.id}`)).counts).toEqual({ pending: 0, active: 1, deactivated: 0, rejected: 0 });
    // A pending request belongs to the office it asks for, and says so.
    const andheriPending = await list(`q=${unique}&status=pending&officeId=${andheri.id}`);
    expect(andheriPending.items.map((item) => [item.name, item.requestedOffice?.name, item.offices])).toEqual([[`${unique} Gamma`, 'Andheri office', []]]);
    const counts = OfficerCountsSchema.parse(await (await admin.get('/api/officers/counts')).json());
    expect(counts.active).toBeGreaterThanOrEqual(2);
    expect(counts.pending).toBeGreaterThanOrEqual(1);
  });

  it("names the agency's offices for the filter and mapping, without addresses or payment details", async () => {
    const response = await admin.get('/api/officers/office-choices');
    expect(response.status).toBe(200);
    const { items } = OfficeChoiceListSchema.parse(await response.json());
    expect(items.map((office) => [office.name, office.isActive])).toEqual([['Andheri office', true], ['Closed office', false], ['Vashi office', true]]);
    expect(JSON.stringify(items)).not.toMatch(/merchant|checksum|gstin|address/i);
    const otherAgency = OfficeChoiceListSchema.parse(await (await otherAdmin.get('/api/officers/office-choices')).json());
    expect(otherAgency.items.map((office) => office.name)).toEqual(['Kochi office']);
    await expectProblem(await app.client().get('/api/officers/office-choices'), 401, 'problem.unauthenticated');
  });

  it('answers the list from its cache until something it shows changes, whoever changed it', async () => {
    const { id } = await registerOfficer({ name: 'Cached Applicant' });
    const pending = async () => OfficerListSchema.parse(await (await admin.get('/api/officers?status=pending&q=cached%20applicant')).json());
    expect((await pending()).items.map((item) => item.id)).toEqual([id]);
    expect((await pending()).items.map((item) => item.id)).toEqual([id]);
    // A write outside the console's services (a script, another instance) is seen too: the triggers count it.
    await app.db.updateTable('officers').set({ designation: 'Joint Director' }).where('user_id', '=', id).execute();
    expect((await pending()).items[0]?.designation).toBe('Joint Director');
    expect((await admin.post(`/api/officers/${id}/approval`)).status).toBe(200);
    expect((await pending()).items).toEqual([]);
  });

  it("another agency's administrator gets the unknown officer's 404 on every officer route and changes nothing", async () => {
    const { id } = await activeOfficer();
    const pending = await registerOfficer();
    const before = await tableCounts();
    const attempts = [
      otherAdmin.get(`/api/officers/${id}`),
      otherAdmin.get(`/api/officers/${id}/audit`),
      otherAdmin.post(`/api/officers/${pending.id}/approval`),
      otherAdmin.post(`/api/officers/${pending.id}/rejection`, { reason: 'Not one of yours at all.' }),
      otherAdmin.put(`/api/officers/${id}/offices`, { officeIds: [foreignOffice.id] }),
      otherAdmin.post(`/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'Not one of yours at all.' }),
      otherAdmin.post(`/api/officers/${id}/reactivation`),
    ];
    // The same answer as an unknown id, so it does not tell that the officer exists (issue 13, fault 13).
    for (const response of await Promise.all(attempts)) await expectProblem(response, 404, 'problem.officerNotFound');
    const foreignList = OfficerListSchema.parse(await (await otherAdmin.get('/api/officers')).json());
    expect(foreignList.items.map((item) => item.id)).not.toContain(id);
    expect(await tableCounts()).toEqual(before);
  });

  it('answers 404 for an unknown officer and for an administrator taken for one', async () => {
    await expectProblem(await admin.get('/api/officers/00000000-0000-4000-8000-000000000000'), 404, 'problem.officerNotFound');
    await expectProblem(await admin.post(`/api/officers/${adminUser.id}/approval`), 404, 'problem.officerNotFound');
  });

  it('refuses the signed out (401), reviewers and officers (403) on administrator routes; officers cannot reach offices either', async () => {
    const { id, client: officerClient } = await activeOfficer();
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/officers'],
      ['GET', '/api/officers/counts'],
      ['GET', '/api/officers/office-choices'],
      ['GET', `/api/officers/${id}`],
      ['GET', `/api/officers/${id}/audit`],
      ['POST', `/api/officers/${id}/approval`],
      ['POST', `/api/officers/${id}/rejection`, { reason: 'A reason long enough.' }],
      ['PUT', `/api/officers/${id}/offices`, { officeIds: [andheri.id] }],
      ['POST', `/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'A reason long enough.' }],
      ['POST', `/api/officers/${id}/reactivation`],
      ['GET', '/api/offices'],
      ['POST', '/api/offices', officeInput()],
      ['GET', `/api/officers/${id}/signature`],
    ];
    for (const [method, path, json] of routes) {
      expect((await app.client().request(method, path, { json })).status, `${method} ${path} signed out`).toBe(401);
      await expectProblem(await reviewer.request(method, path, { json }), 403, 'problem.forbidden');
      await expectProblem(await officerClient.request(method, path, { json }), 403, 'problem.forbidden');
    }
    expect((await admin.get('/api/me/officer-profile')).status).toBe(403);
    expect((await app.client().get('/api/me/officer-profile')).status).toBe(401);
  });
});
