/**
 * Attacks on issuing officers and User Management, from a review made as an attacker would: the
 * weaknesses it found (now refused) and the attacks that were tried and held, kept as regressions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeSchema, type Office } from '@ecoo/shared/offices/schemas';
import { OfficerListSchema, OfficerSchema, type Officer } from '@ecoo/shared/officers/schemas';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { RegisterLinkSchema, SpecimenRegisterSchema } from '@ecoo/shared/specimen-register/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox, linkIn } from '../testing/smtp-inbox.ts';
import { officeInput } from '../testing/office-input.ts';
import { approvedOfficer, confirmRequest, officerFields, officerPassword, requestOfficer, submitRegistration, officerRequestContext } from '../testing/officer-requests.ts';
import { devPicture } from '../testing/pictures.ts';
import { uploadSignature, waitForJob } from '../testing/image-jobs.ts';
import { todayInIndia } from '../accounts/index.ts';

let app: TestApp;
let inbox: SmtpInbox;
// Two agencies that share one email domain (as officers.test.ts sets up: EIC Mumbai and EIC Kochi).
let agencyA: { id: string; name: string };
let agencyB: { id: string; name: string };
let adminA: TestClient;
let adminAUser: { id: string; email: string };
let adminB: TestClient;
let reviewer: TestClient;
let officeA: Office;
let officeA2: Office;
let officeB: Office;

async function addOffice(client: TestClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/offices', officeInput(overrides));
  expect(response.status).toBe(201);
  return OfficeSchema.parse(await response.json());
}

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: { IMAGE_WORKERS: '1' } });
  agencyA = await addAgency(app.db, { name: 'Probe Agency Mumbai', emailDomains: ['probe.gov.in'] });
  agencyB = await addAgency(app.db, { name: 'Probe Agency Kochi', emailDomains: ['probe.gov.in'] });
  const a = await signedInAs(app, 'agency-admin', agencyA.id);
  adminA = a.client;
  adminAUser = a.user;
  adminB = (await signedInAs(app, 'agency-admin', agencyB.id)).client;
  reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
  officeA = await addOffice(adminA, { name: 'Probe Andheri' });
  officeA2 = await addOffice(adminA, { name: 'Probe Vashi' });
  officeB = await addOffice(adminB, { name: 'Probe Kochi' });
}, 60_000);
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const ctx = officerRequestContext('probe.gov.in', () => ({ app, inbox, agencyId: agencyA.id, officeId: officeA.id, admin: adminA }));
const uniqueEmail = () => officerFields(ctx).email;
const register = (fields: Record<string, string>, letter?: { bytes: Buffer; name: string }) => submitRegistration(ctx, fields, letter);
const registerOfficer = (overrides: Record<string, string> = {}) => requestOfficer(ctx, overrides);
const activeOfficer = (overrides: Record<string, string> = {}) => approvedOfficer(ctx, overrides);


const deactivation = () => ({ effectiveDate: todayInIndia(), reason: 'Has left the agency for good.' });
const mailsTo = (address: string) => inbox.mails.filter((mail) => mail.to.includes(address));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('found in review, now refused: registration and account lifecycle', () => {
  it('P2 a rejected officer cannot be re-registered under another agency: the first agency keeps its record and history', async () => {
    const { id, fields } = await registerOfficer({ name: 'Kiran Rao' });
    const secret = 'Under vigilance inquiry at Mumbai, file VIG-2026-17.';
    expect((await adminA.post(`/api/officers/${id}/rejection`, { reason: secret })).status).toBe(200);
    // The same email (or anyone typing it) asks again, this time for agency B, which shares the domain.
    const again = await register({ ...fields, agencyId: agencyB.id, officeId: officeB.id });
    // Answered like a new address (issue 13, fault 3), but nothing moves to agency B.
    expect(again.status).toBe(201);
    expect((await adminA.get(`/api/officers/${id}`)).status).toBe(200);
    expect((await adminB.get(`/api/officers/${id}/audit`)).status).toBe(404);
  });

  it('P3 a signature accepted for a pending officer does not follow the request once it is rejected and made again', async () => {
    const { id, fields } = await registerOfficer({ name: 'Sunil Menon' });
    // A's administrator prepares the signature while the request is pending (allowed: only rejected officers are refused).
    const uploaded = await uploadSignature(adminA, id, devPicture('d006-signature-scan'));
    expect(uploaded.status).toBe(202);
    const job = await waitForJob(adminA, BackgroundJobSchema.parse(await uploaded.json()).id);
    expect(job.state).toBe('done');
    const version = ImageVersionSchema.parse(await (await adminA.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).json());
    expect(OfficerSchema.parse(await (await adminA.get(`/api/officers/${id}`)).json()).signature.versionId).toBe(version.id);
    expect((await adminA.post(`/api/officers/${id}/rejection`, { reason: 'Not one of our officers.' })).status).toBe(200);
    expect((await register({ ...fields, agencyId: agencyB.id, officeId: officeB.id })).status).toBe(201);
    expect((await register(fields)).status).toBe(201);
    await confirmRequest(ctx, fields.email, 1);
    expect(OfficerSchema.parse(await (await adminA.get(`/api/officers/${id}`)).json()).signature.versionId).toBeNull();
    // Its period of use ended with the request made again, so once approved the specimen register lists no signature of theirs.
    expect(await app.db.selectFrom('image_use_periods').select('version_id').where('subject_id', '=', id).where('ended_at', 'is', null).execute()).toEqual([]);
    expect((await adminA.post(`/api/officers/${id}/approval`)).status).toBe(200);
    const link = await adminA.post('/api/specimen-register/links');
    const token = RegisterLinkSchema.parse(await link.json()).token;
    const listed = SpecimenRegisterSchema.parse(await (await app.client().get(`/api/register/${token}?date=${todayInIndia()}`)).json());
    expect(listed.officers.filter((officer) => officer.id === id).flatMap((officer) => officer.signatures)).toEqual([]);
  }, 120_000);

  it('P4 a sign-in racing a deactivation leaves no session, and none comes back with reactivation', async () => {
    const { id, email } = await activeOfficer({ name: 'Race Sharma' });
    let survivor: TestClient | undefined;
    const signInStatuses = new Set<number>();
    for (let attempt = 0; attempt < 10 && !survivor; attempt++) {
      await app.db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
      const victim = app.client();
      await victim.get('/api/session'); // CSRF token first, so the sign-in POST is one request
      const failuresBefore = (await app.db.selectFrom('sign_in_failures').select('at').where('email', '=', email).execute()).length;
      const signingIn = victim.signIn(email, officerPassword);
      // The sign-in records its attempt first; once that row is there it is reading the account and hashing.
      for (let i = 0; i < 200; i++) {
        if ((await app.db.selectFrom('sign_in_failures').select('at').where('email', '=', email).execute()).length > failuresBefore) break;
        await sleep(1);
      }
      await sleep(attempt * 3);
      const deactivated = await adminA.post(`/api/officers/${id}/deactivation`, deactivation());
      expect(deactivated.status).toBe(200);
      signInStatuses.add((await signingIn).status);
      const sessions = await app.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute();
      if (sessions.length > 0) survivor = victim;
      expect((await adminA.post(`/api/officers/${id}/reactivation`)).status).toBe(200);
    }
    // The officer was deactivated after (or while) signing in: every session of theirs is gone, and
    // the racing sign-in answered as a sign-in does (it had answered 500 with a cookie set).
    const alive = survivor ? (await survivor.get('/api/me/officer-profile')).status : 401;
    expect({ sessionSurvivedDeactivation: Boolean(survivor), revivedAfterReactivation: alive }).toEqual({ sessionSurvivedDeactivation: false, revivedAfterReactivation: 401 });
    expect([...signInStatuses].filter((status) => status !== 200 && status !== 401)).toEqual([]);
  }, 60_000);

  it('P5 a set-password link issued before deactivation opens nothing afterwards', async () => {
    const { id, email } = await activeOfficer({ name: 'Link Keeper' });
    expect((await app.client().post('/api/password-reset-requests', { email })).status).toBe(202);
    const token = linkIn(await inbox.waitFor(email, /new password/)).split('#token=')[1]!;
    expect((await adminA.post(`/api/officers/${id}/deactivation`, deactivation())).status).toBe(200);
    const used = await app.client().put('/api/password', { token, password: 'chosen after leaving 2026' });
    // Expected: 400 problem.tokenInvalid; deactivation should void the account's open password links.
    expect(used.status).toBe(400);
  });

  it('P5b an administrator\'s set-password link issued before DGFT deactivates them opens nothing afterwards', async () => {
    const leaving = await addUser(app.db, 'agency-admin', { agencyId: agencyA.id, email: uniqueEmail(), name: 'Leaving Admin' });
    expect((await app.client().post('/api/password-reset-requests', { email: leaving.email })).status).toBe(202);
    const token = linkIn(await inbox.waitFor(leaving.email, /new password/)).split('#token=')[1]!;
    expect((await reviewer.post(`/api/administrators/${leaving.id}/deactivation`, deactivation())).status).toBe(200);
    const used = await app.client().put('/api/password', { token, password: 'chosen after leaving 2026' });
    expect(used.status).toBe(400);
  });
});

describe('found in review, now refused: content of the public officer request', () => {
  it('P6 a designation with line breaks (a phishing line in the administrators\' mail) is refused', async () => {
    const marker = `Phish${Date.now()}`;
    const designation = `${marker})\n\nURGENT: re-verify at https://evil.example/dgft\n\n(`;
    const response = await register(officerFields(ctx, { designation, name: 'Phish Kumar' }));
    let injected = false;
    if (response.status === 201) {
      for (let i = 0; i < 50 && !injected; i++) {
        injected = inbox.mails.some((m) => m.to.includes(adminAUser.email) && m.text.includes(marker) && m.text.includes('\nURGENT: re-verify at https://evil.example/dgft\n'));
        if (!injected) await sleep(200);
      }
    }
    // Expected: 400 on designation (one line of ordinary text), so nothing reaches the administrators.
    expect({ status: response.status, injectedLineInAdminMail: injected }).toEqual({ status: 400, injectedLineInAdminMail: false });
  });

  it.each([
    ['a right-to-left override', 'Director\u202Eetaerc\u202C'],
    ['zero-width characters', 'Dep\u200Buty\u200D Director'],
    ['control characters (NUL, ESC)', 'Deputy\u0000\u001b[2J Director'],
  ])('P7 a designation with %s is refused', async (_, designation) => {
    const response = await register(officerFields(ctx, { designation }));
    expect(response.status).toBe(400);
  });

  it('P9 a rejection reason with control characters is refused', async () => {
    const { id, email } = await registerOfficer();
    const reason = 'Not ours.\u0000\u001b[31m\u0007 forged line';
    const response = await adminA.post(`/api/officers/${id}/rejection`, { reason });
    expect(response.status).toBe(400);
    void email;
  });
});

describe('held in review: authorisation', () => {
  it('H1 an administrator cannot act on another administrator or a reviewer through officer routes (404), nor reach admin routes of DGFT', async () => {
    const otherAdmin = await addUser(app.db, 'agency-admin', { agencyId: agencyA.id, email: uniqueEmail() });
    const reviewerUser = await addUser(app.db, 'dgft-reviewer', { email: uniqueEmail() });
    for (const target of [otherAdmin.id, reviewerUser.id]) {
      expect((await adminA.post(`/api/officers/${target}/deactivation`, deactivation())).status).toBe(404);
      expect((await adminA.post(`/api/officers/${target}/approval`)).status).toBe(404);
      expect((await adminA.get(`/api/officers/${target}/audit`)).status).toBe(404);
      expect((await adminA.put(`/api/officers/${target}/offices`, { officeIds: [officeA.id] })).status).toBe(404);
    }
    expect((await adminA.get('/api/administrators')).status).toBe(403);
    expect((await adminA.post(`/api/administrators/${otherAdmin.id}/deactivation`, deactivation())).status).toBe(403);
    const { client: officerClient } = await activeOfficer();
    expect((await officerClient.post(`/api/administrators/${otherAdmin.id}/deactivation`, deactivation())).status).toBe(403);
    expect((await officerClient.get('/api/administrators')).status).toBe(403);
    // The reviewer's route works only on administrators.
    const anOfficer = await registerOfficer();
    expect((await reviewer.post(`/api/administrators/${anOfficer.id}/deactivation`, deactivation())).status).toBe(404);
  });

  it("H2 another agency's office is refused in mapping and registration; another agency's officer in every path", async () => {
    const { id } = await activeOfficer();
    expect((await adminA.put(`/api/officers/${id}/offices`, { officeIds: [officeA.id, officeB.id] })).status).toBe(400);
    expect((await register(officerFields(ctx, { officeId: officeB.id }))).status).toBe(400);
    expect((await adminB.get(`/api/officers/${id}/signature`)).status).toBe(404);
    expect((await uploadSignature(adminB, id, devPicture('d006-signature-scan'))).status).toBe(404);
    const list = OfficerListSchema.parse(await (await adminB.get(`/api/officers?officeId=${officeA.id}`)).json());
    expect(list.items.map((item) => item.id)).not.toContain(id);
  });

  it('H3 a deactivated administrator\'s live session is refused on the very next request', async () => {
    const leaving = await signedInAs(app, 'agency-admin', agencyA.id);
    expect((await leaving.client.get('/api/officers')).status).toBe(200);
    expect((await reviewer.post(`/api/administrators/${leaving.user.id}/deactivation`, deactivation())).status).toBe(200);
    expect((await leaving.client.get('/api/officers')).status).toBe(401);
    expect((await app.client().signIn(leaving.user.email, leaving.user.password)).status).toBe(401);
  });
});

describe('held in review: races', () => {
  it('H4 approve and reject at once: exactly one wins', async () => {
    const { id } = await registerOfficer();
    const answers = await Promise.all([adminA.post(`/api/officers/${id}/approval`), adminA.post(`/api/officers/${id}/rejection`, { reason: 'Not one of ours at all.' })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('H5 two deactivations (and two reactivations) at once record one revocation', async () => {
    const { id } = await activeOfficer();
    const d = await Promise.all([adminA.post(`/api/officers/${id}/deactivation`, deactivation()), adminA.post(`/api/officers/${id}/deactivation`, deactivation())]);
    expect(d.map((r) => r.status).sort()).toEqual([200, 409]);
    const r = await Promise.all([adminA.post(`/api/officers/${id}/reactivation`), adminA.post(`/api/officers/${id}/reactivation`)]);
    expect(r.map((x) => x.status).sort()).toEqual([200, 409]);
    expect((await app.db.selectFrom('account_revocations').select('id').where('user_id', '=', id).execute()).length).toBe(1);
  });

  it('H6 deactivating the last two administrators of an agency at once leaves one', async () => {
    const agency = await addAgency(app.db, { emailDomains: ['probe.gov.in'] });
    const one = await addUser(app.db, 'agency-admin', { agencyId: agency.id, email: uniqueEmail() });
    const two = await addUser(app.db, 'agency-admin', { agencyId: agency.id, email: uniqueEmail() });
    const answers = await Promise.all([one, two].map((u) => reviewer.post(`/api/administrators/${u.id}/deactivation`, deactivation())));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('H7 two re-registrations of one rejected officer at once: one reopens once its link is opened, the other changes nothing (answered alike)', async () => {
    const { id, fields } = await registerOfficer();
    expect((await adminA.post(`/api/officers/${id}/rejection`, { reason: 'Not one of our officers.' })).status).toBe(200);
    const answers = await Promise.all([register(fields), register({ ...fields, agencyId: agencyB.id, officeId: officeB.id })]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const account = () => app.db.selectFrom('users').select(['agency_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await account()).toEqual({ agency_id: agencyA.id, status: 'rejected' });
    await confirmRequest(ctx, fields.email, 1);
    expect(await account()).toEqual({ agency_id: agencyA.id, status: 'pending' });
  });

  it('H8 re-registering an active or deactivated officer is refused (no hijack of a live account)', async () => {
    const { id, email } = await activeOfficer();
    expect((await register(officerFields(ctx, { email, agencyId: agencyB.id, officeId: officeB.id }))).status).toBe(201);
    expect((await adminA.post(`/api/officers/${id}/deactivation`, deactivation())).status).toBe(200);
    expect((await register(officerFields(ctx, { email }))).status).toBe(201);
    expect((await app.db.selectFrom('users').select('agency_id').where('id', '=', id).executeTakeFirstOrThrow()).agency_id).toBe(agencyA.id);
  });
});

describe('held in review: password links and sign-in by status', () => {
  it('H9 pending, rejected and deactivated officers get no password link and cannot sign in', async () => {
    const pending = await registerOfficer();
    const rejected = await registerOfficer();
    expect((await adminA.post(`/api/officers/${rejected.id}/rejection`, { reason: 'Not one of our officers.' })).status).toBe(200);
    const deactivated = await activeOfficer();
    expect((await adminA.post(`/api/officers/${deactivated.id}/deactivation`, deactivation())).status).toBe(200);
    for (const email of [pending.email, rejected.email, deactivated.email]) {
      expect((await app.client().post('/api/password-reset-requests', { email })).status).toBe(202);
    }
    await sleep(1500);
    for (const email of [pending.email, rejected.email, deactivated.email]) expect(mailsTo(email).filter((m) => /new password/.test(m.subject))).toEqual([]);
    expect((await app.client().signIn(deactivated.email, officerPassword)).status).toBe(401);
    expect((await app.client().signIn(rejected.email, officerPassword)).status).toBe(401);
  });
});

describe('held in review: images', () => {
  it("H10 one officer's signature version cannot be reinstated onto another officer or by another agency", async () => {
    const first = await activeOfficer();
    const second = await activeOfficer();
    const job = await waitForJob(adminA, BackgroundJobSchema.parse(await (await uploadSignature(adminA, first.id, devPicture('d006-signature-scan'))).json()).id);
    const v = ImageVersionSchema.parse(await (await adminA.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).json());
    expect((await adminB.post(`/api/image-versions/${v.id}/reinstatement`)).status).toBe(404);
    expect((await adminB.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).status).toBe(404);
    expect((await adminA.post(`/api/image-versions/${v.id}/reinstatement`)).status).toBe(409);
    const sig = async (uid: string) => (await app.db.selectFrom('officers').select('signature_version_id').where('user_id', '=', uid).executeTakeFirstOrThrow()).signature_version_id;
    expect([await sig(first.id), await sig(second.id)]).toEqual([v.id, null]);
  }, 120_000);
});

describe('held in review: input edge cases and mass assignment', () => {
  it('H11 impossible dates, 201 offices, unknown body fields and an unknown multipart field are refused', async () => {
    const { id } = await activeOfficer();
    expect((await adminA.post(`/api/officers/${id}/deactivation`, { effectiveDate: '2026-02-30', reason: 'Left the agency, yes.' })).status).toBe(400);
    expect((await adminA.post(`/api/officers/${id}/deactivation`, { ...deactivation(), status: 'active' })).status).toBe(400);
    expect((await adminA.post(`/api/officers/${id}/rejection`, { reason: 'A reason long enough.', agencyId: agencyB.id })).status).toBe(400);
    expect((await adminA.put(`/api/officers/${id}/offices`, { officeIds: [officeA.id], agencyId: agencyB.id })).status).toBe(400);
    const ids201 = Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await adminA.put(`/api/officers/${id}/offices`, { officeIds: ids201 })).status).toBe(400);
    // 200 ids of which most are unknown: refused with field errors, no 500.
    const mixed = [officeA.id, officeA2.id, ...ids201.slice(0, 198)];
    const response = await adminA.put(`/api/officers/${id}/offices`, { officeIds: mixed });
    expect(response.status).toBe(400);
    expect((await register({ ...officerFields(ctx), status: 'active' })).status).toBe(400);
    expect((await register({ ...officerFields(ctx), password_hash: 'x' })).status).toBe(400);
    expect((await register(officerFields(ctx, { name: 'x'.repeat(101) }))).status).toBe(400);
    expect((await register(officerFields(ctx, { name: 'Ravi\u202EKulkarni' }))).status).toBe(400);
    expect((await register(officerFields(ctx, { designation: 'x'.repeat(101) }))).status).toBe(400);
  });

  it('H12 LIKE wildcards in the search are literal', async () => {
    const list = async (q: string) => OfficerListSchema.parse(await (await adminA.get(`/api/officers?q=${encodeURIComponent(q)}`)).json());
    expect((await list('%')).total).toBe(0);
    expect((await list('_')).total).toBe(0);
    expect((await list('\\')).total).toBe(0);
  });

  it('H13 the public office list shows only public facts of active offices', async () => {
    const response = await app.client().get(`/api/agencies/${agencyA.id}/registration-offices`);
    const text = await response.text();
    expect(text).not.toMatch(/merchant|checksum|gstin|EICMUM|kR9/i);
  });
});

const _unused: Officer | undefined = undefined;
void _unused;
