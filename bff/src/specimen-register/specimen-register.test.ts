/**
 * The specimen register (issue 16): which stamp and signature an agency used on a day, for partner
 * customs through a link the administrator shares and can revoke. Stamps and signatures are
 * accepted, reinstated, and officers deactivated and reactivated through the console's own routes;
 * the periods those wrote are then moved to chosen days, since a test cannot wait for a week.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { ProblemSchema } from '@ecoo/shared/problem';
import { MyRegisterLinkSchema, RegisterLinkSchema, SpecimenRegisterSchema, type SpecimenRegister, type UsePeriod } from '@ecoo/shared/specimen-register/schemas';
import { todayInIndia } from '../accounts/index.ts';
import { secretFingerprint } from '../audit/record.ts';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { newOffice, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { devPicture } from '../testing/pictures.ts';
import { signedInOfficer } from '../testing/test-pki.ts';
import { activeRegisterLink, registerEntryPath } from './index.ts';
import { istDay } from './periods.ts';

let app: TestApp;
let agencyId: string;
let otherAgencyId: string;
let admin: TestClient;
let otherAdmin: TestClient;

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db, { name: 'Register Test Agency', emailDomains: ['register.gov.in'] })).id;
  otherAgencyId = (await addAgency(app.db, { name: 'Other Register Agency', emailDomains: ['other-register.gov.in'] })).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
  otherAdmin = (await signedInAs(app, 'agency-admin', otherAgencyId)).client;
});
afterAll(async () => {
  await app?.stop();
});

async function accept(client: TestClient, upload: Promise<Response>): Promise<string> {
  const job = await waitForJob(client, BackgroundJobSchema.parse(await (await upload).json()).id);
  const response = await client.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  expect(response.status, await response.clone().text()).toBe(201);
  return ImageVersionSchema.parse(await response.json()).id;
}

async function createLink(client: TestClient): Promise<{ id: string; token: string }> {
  const response = await client.post('/api/specimen-register/links');
  expect(response.status, await response.clone().text()).toBe(201);
  return RegisterLinkSchema.parse(await response.json());
}

/** The register as customs see it, signed out. */
async function register(token: string, query = ''): Promise<SpecimenRegister> {
  const response = await app.client().get(`/api/register/${token}${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return SpecimenRegisterSchema.parse(await response.json());
}

/** Which versions the register marks in use on a day, by office or officer id. */
async function inUseOn(token: string, date: string) {
  const answer = await register(token, `?date=${date}`);
  const versions = (periods: UsePeriod[]) => periods.filter((period) => period.isInUseOnDate).map((period) => period.version);
  return {
    stamps: Object.fromEntries(answer.offices.map((office) => [office.id, versions(office.stamps)])),
    signatures: Object.fromEntries(answer.officers.map((officer) => [officer.id, versions(officer.signatures)])),
  };
}

const auditRows = (action: string) => app.db.selectFrom('audit_entries').select(['details', 'actor_id', 'agency_id']).where('action', '=', action).where('agency_id', 'in', [agencyId, otherAgencyId]).execute();
const linkRows = (agency: string) => app.db.selectFrom('specimen_register_links').selectAll().where('agency_id', '=', agency).orderBy('created_at').execute();

/** Moves a version's acceptance and its periods to chosen instants. */
async function moveVersion(versionId: string, acceptedAt: string) {
  await app.db.updateTable('image_versions').set({ accepted_at: acceptedAt }).where('id', '=', versionId).execute();
}
async function setPeriods(subjectId: string, periods: Array<{ versionId: string; from: string; until: string | null }>) {
  const rows = await app.db.selectFrom('image_use_periods').select(['id', 'version_id', 'agency_id', 'purpose']).where('subject_id', '=', subjectId).orderBy('began_at').execute();
  expect(rows.map((row) => row.version_id)).toEqual(periods.map((period) => period.versionId));
  for (const [index, row] of rows.entries()) {
    await app.db.updateTable('image_use_periods').set({ began_at: periods[index]!.from, ended_at: periods[index]!.until }).where('id', '=', row.id).execute();
  }
}

describe('the register link (administrator)', () => {
  it('POST creates one active link with a 256-bit base64url token, shown again by GET, with one audit entry carrying only its fingerprint; a second POST answers 409 and adds nothing', async () => {
    expect(MyRegisterLinkSchema.parse(await (await admin.get('/api/specimen-register/link')).json())).toEqual({ link: null });
    expect(await activeRegisterLink(app.db, agencyId)).toBeUndefined();

    const link = await createLink(admin);

    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(MyRegisterLinkSchema.parse(await (await admin.get('/api/specimen-register/link')).json()).link).toMatchObject({ id: link.id, token: link.token });
    expect(await activeRegisterLink(app.db, agencyId)).toEqual({ id: link.id, token: link.token });
    const created = await auditRows('specimen-register.link-created');
    expect(created.map((row) => JSON.parse(row.details))).toEqual([{ linkId: link.id, tokenFingerprint: secretFingerprint(link.token) }]);
    expect(created[0]!.details).not.toContain(link.token);

    const again = await admin.post('/api/specimen-register/links');
    expect(again.status).toBe(409);
    expect(ProblemSchema.parse(await again.json()).code).toBe('problem.registerLinkActive');
    expect(await linkRows(agencyId)).toHaveLength(1);
    expect(await auditRows('specimen-register.link-created')).toHaveLength(1);
  });

  it('an issuing officer gets 403, another agency\'s administrator 404 on revoking this link, signed out 401: the link stays active and nothing is audited', async () => {
    const before = await linkRows(agencyId);
    const [link] = before;
    const officer = await signedInOfficer(app, agencyId, 'Refused Officer');
    expect((await officer.client.post('/api/specimen-register/links')).status).toBe(403);
    expect((await officer.client.delete(`/api/specimen-register/links/${link!.id}`)).status).toBe(403);
    expect((await officer.client.get('/api/specimen-register/link')).status).toBe(403);
    expect((await app.client().post('/api/specimen-register/links')).status).toBe(401);
    const foreign = await otherAdmin.delete(`/api/specimen-register/links/${link!.id}`);
    expect(foreign.status).toBe(404);
    expect(ProblemSchema.parse(await foreign.json()).code).toBe('problem.registerLinkUnknown');
    expect(MyRegisterLinkSchema.parse(await (await otherAdmin.get('/api/specimen-register/link')).json())).toEqual({ link: null });

    expect(await linkRows(agencyId)).toEqual(before);
    expect(await linkRows(otherAgencyId)).toEqual([]);
    expect(await auditRows('specimen-register.link-revoked')).toEqual([]);
    expect(await auditRows('specimen-register.link-created')).toHaveLength(1);
  });
});

describe('the register by date (signed out)', () => {
  let token: string;
  let officeId: string;
  let officerId: string;
  let stamp1: string;
  let stamp2: string;
  let signature1: string;

  beforeAll(async () => {
    token = (await activeRegisterLink(app.db, agencyId))!.token;
    officeId = await newOffice(admin);
    stamp1 = await accept(admin, uploadStamp(admin, officeId, devPicture('d009-round-scan')));
    stamp2 = await accept(admin, uploadStamp(admin, officeId, devPicture('d009-round-scan')));
    officerId = (await signedInOfficer(app, agencyId, 'Meera Iyer')).id;
    signature1 = await accept(admin, uploadSignature(admin, officerId, devPicture('d006-signature-scan')));
  });

  it('accept, accept again and reinstate write one period each, closing the one before at the same instant; all three were in use today, so today shows both versions', async () => {
    expect((await admin.post(`/api/image-versions/${stamp1}/reinstatement`)).status).toBe(200);
    const periods = await app.db.selectFrom('image_use_periods').select(['version_id', 'began_at', 'ended_at']).where('subject_id', '=', officeId).orderBy('began_at').execute();
    expect(periods.map((row) => row.version_id)).toEqual([stamp1, stamp2, stamp1]);
    expect(periods[0]!.ended_at).toBe(periods[1]!.began_at);
    expect(periods[1]!.ended_at).toBe(periods[2]!.began_at);
    expect(periods[2]!.ended_at).toBeNull();

    const today = await register(token, `?date=${todayInIndia()}`);
    const office = today.offices.find((candidate) => candidate.id === officeId)!;
    expect(office.stamps.map((period) => [period.version, period.began, period.ended, period.isInUseOnDate])).toEqual([
      [1, 'reinstated', null, true],
      [2, 'accepted', 'replaced', true],
      [1, 'accepted', 'replaced', true],
    ]);
  });

  it('answers by India Standard Time day: before the first acceptance nothing, one stamp on a day, both on the day of a replacement (01:30 IST), the reinstated one after', async () => {
    // Version 1 accepted 10 March; replaced by version 2 at 01:30 IST on 15 March (20:00 UTC on the 14th); reinstated 20 March.
    await moveVersion(stamp1, '2026-03-10T05:00:00.000Z');
    await moveVersion(stamp2, '2026-03-14T20:00:00.000Z');
    await setPeriods(officeId, [
      { versionId: stamp1, from: '2026-03-10T05:00:00.000Z', until: '2026-03-14T20:00:00.000Z' },
      { versionId: stamp2, from: '2026-03-14T20:00:00.000Z', until: '2026-03-20T10:00:00.000Z' },
      { versionId: stamp1, from: '2026-03-20T10:00:00.000Z', until: null },
    ]);

    const on = async (date: string) => (await inUseOn(token, date)).stamps[officeId];
    expect(await on('2026-03-09')).toEqual([]);
    expect(await on('2026-03-12')).toEqual([1]);
    // In UTC the replacement is on the 14th; on a certificate dated 14 March (IST) only version 1 was in use.
    expect(await on('2026-03-14')).toEqual([1]);
    expect(await on('2026-03-15')).toEqual([2, 1]);
    expect(await on('2026-03-17')).toEqual([2]);
    expect(await on('2026-03-20')).toEqual([1, 2]);
    expect(await on('2026-03-25')).toEqual([1]);

    const office = (await register(token, '?date=2026-03-15')).offices.find((candidate) => candidate.id === officeId)!;
    expect(office.stamps.filter((period) => period.isInUseOnDate).map((period) => [period.version, period.from, period.until])).toEqual([
      [2, '2026-03-14T20:00:00.000Z', '2026-03-20T10:00:00.000Z'],
      [1, '2026-03-10T05:00:00.000Z', '2026-03-14T20:00:00.000Z'],
    ]);
  });

  it("ends a signature's use at its officer's deactivation and starts it again at the reactivation", async () => {
    const deactivation = { effectiveDate: todayInIndia(), reason: 'On deputation to another department.' };
    const deactivated = await admin.post(`/api/officers/${officerId}/deactivation`, deactivation);
    expect(deactivated.status, await deactivated.clone().text()).toBe(200);
    await moveVersion(signature1, '2026-03-10T05:00:00.000Z');
    await setPeriods(officerId, [{ versionId: signature1, from: '2026-03-10T05:00:00.000Z', until: null }]);
    await app.db.updateTable('officers').set({ decided_at: '2026-03-01T05:00:00.000Z' }).where('user_id', '=', officerId).execute();
    await app.db.updateTable('account_revocations').set({ revoked_at: '2026-03-16T06:00:00.000Z' }).where('user_id', '=', officerId).execute();

    const on = async (date: string) => (await inUseOn(token, date)).signatures[officerId];
    expect(await on('2026-03-12')).toEqual([1]);
    expect(await on('2026-03-16')).toEqual([1]);
    expect(await on('2026-03-17')).toEqual([]);
    expect(await on(todayInIndia())).toEqual([]);

    expect((await admin.post(`/api/officers/${officerId}/reactivation`)).status).toBe(200);
    await app.db.updateTable('account_revocations').set({ reactivated_at: '2026-03-18T06:00:00.000Z' }).where('user_id', '=', officerId).execute();
    expect(await on('2026-03-17')).toEqual([]);
    expect(await on('2026-03-19')).toEqual([1]);
    const officer = (await register(token)).officers.find((candidate) => candidate.id === officerId)!;
    expect(officer.signatures.map((period) => [period.from, period.until, period.began, period.ended])).toEqual([
      ['2026-03-18T06:00:00.000Z', null, 'officer-reactivated', null],
      ['2026-03-10T05:00:00.000Z', '2026-03-16T06:00:00.000Z', 'accepted', 'officer-deactivated'],
    ]);
  });

  it("ends a stamp's use when its office is deactivated and starts it again at the reactivation, both kept in the change's own transaction", async () => {
    const closing = await newOffice(admin);
    const stamp = await accept(admin, uploadStamp(admin, closing, devPicture('d009-round-scan')));
    expect((await admin.put(`/api/offices/${closing}/status`, { isActive: false })).status).toBe(200);
    const closures = () => app.db.selectFrom('office_deactivations').select(['id', 'deactivated_at', 'reactivated_at']).where('office_id', '=', closing).execute();
    expect((await closures()).map((row) => row.reactivated_at)).toEqual([null]);
    expect((await inUseOn(token, todayInIndia())).stamps[closing]).toEqual([1]);
    const later = todayInIndia(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
    expect((await inUseOn(token, later)).stamps[closing]).toEqual([]);

    // Moved to chosen days: accepted 10 March, closed 16 March, reopened 18 March.
    await moveVersion(stamp, '2026-03-10T05:00:00.000Z');
    await setPeriods(closing, [{ versionId: stamp, from: '2026-03-10T05:00:00.000Z', until: null }]);
    await app.db.updateTable('office_deactivations').set({ deactivated_at: '2026-03-16T06:00:00.000Z' }).where('office_id', '=', closing).execute();
    expect((await admin.put(`/api/offices/${closing}/status`, { isActive: true })).status).toBe(200);
    expect((await closures()).map((row) => row.reactivated_at === null)).toEqual([false]);
    await app.db.updateTable('office_deactivations').set({ reactivated_at: '2026-03-18T06:00:00.000Z' }).where('office_id', '=', closing).execute();
    const on = async (date: string) => (await inUseOn(token, date)).stamps[closing];
    expect([await on('2026-03-12'), await on('2026-03-17'), await on('2026-03-19'), await on(later)]).toEqual([[1], [], [1], [1]]);
    const office = (await register(token)).offices.find((candidate) => candidate.id === closing)!;
    expect(office.stamps.map((period) => [period.from, period.until, period.began, period.ended])).toEqual([
      ['2026-03-18T06:00:00.000Z', null, 'office-reactivated', null],
      ['2026-03-10T05:00:00.000Z', '2026-03-16T06:00:00.000Z', 'accepted', 'office-deactivated'],
    ]);
  });

  it('ends a signature\'s use at the start (00:00 IST) of a backdated deactivation\'s effective date, not when it was recorded', async () => {
    const daysAgo = (days: number) => todayInIndia(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
    const leaver = (await signedInOfficer(app, agencyId, 'Backdated Leaver')).id;
    const signature = await accept(admin, uploadSignature(admin, leaver, devPicture('d006-signature-scan')));
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
    await app.db.updateTable('users').set({ created_at: longAgo }).where('id', '=', leaver).execute();
    await app.db.updateTable('officers').set({ decided_at: longAgo }).where('user_id', '=', leaver).execute();
    await moveVersion(signature, longAgo);
    await setPeriods(leaver, [{ versionId: signature, from: longAgo, until: null }]);

    // Left five days ago; the administrator records it today.
    const deactivated = await admin.post(`/api/officers/${leaver}/deactivation`, { effectiveDate: daysAgo(5), reason: 'Left the agency last week.' });
    expect(deactivated.status, await deactivated.clone().text()).toBe(200);
    const on = async (date: string) => (await inUseOn(token, date)).signatures[leaver];
    expect(await on(daysAgo(6))).toEqual([1]);
    expect(await on(daysAgo(5))).toEqual([]);
    expect(await on(daysAgo(3))).toEqual([]);
    expect(await on(todayInIndia())).toEqual([]);
    const officer = (await register(token)).officers.find((candidate) => candidate.id === leaver)!;
    expect(officer.signatures.map((period) => [period.until, period.ended])).toEqual([[istDay(daysAgo(5)).from, 'officer-deactivated']]);
  });

  it("leaves out a signature while its officer's request waits, and starts its use at the approval", async () => {
    const applicant = (await signedInOfficer(app, agencyId, 'Waiting Applicant')).id;
    await app.db.updateTable('users').set({ status: 'pending' }).where('id', '=', applicant).execute();
    await app.db.updateTable('officers').set({ decided_at: null }).where('user_id', '=', applicant).execute();
    const replacedWhileWaiting = await accept(admin, uploadSignature(admin, applicant, devPicture('d006-signature-scan')));
    const signature = await accept(admin, uploadSignature(admin, applicant, devPicture('d006-signature-scan')));
    expect((await register(token)).officers.map((officer) => officer.id)).not.toContain(applicant);
    // The picture route serves only what the register lists: nothing of a waiting officer.
    const picture = (versionId: string) => app.client().get(`/api/register/${token}/images/${versionId}/list`);
    expect((await picture(signature)).status).toBe(404);

    const approval = await admin.post(`/api/officers/${applicant}/approval`);
    expect(approval.status, await approval.clone().text()).toBe(200);
    expect((await picture(signature)).status).toBe(200);
    // Replaced before the approval: on no certificate, so never in the register and not served.
    expect((await picture(replacedWhileWaiting)).status).toBe(404);
    const approvedAt = (await app.db.selectFrom('officers').select('decided_at').where('user_id', '=', applicant).executeTakeFirstOrThrow()).decided_at!;
    const officer = (await register(token, `?date=${todayInIndia()}`)).officers.find((candidate) => candidate.id === applicant)!;
    expect(officer.signatures.map((period) => [period.version, period.from, period.until, period.began, period.isInUseOnDate])).toEqual([[2, approvedAt, null, 'officer-approved', true]]);
  });

  it('filters by office and officer, names no contact details, and the entry path of the specimen certificate is the page address', async () => {
    const answer = await register(token, `?office=${officeId}&officer=${officerId}&date=2026-03-12`);
    expect(answer.offices.map((office) => office.id)).toEqual([officeId]);
    expect(answer.officers.map((officer) => officer.id)).toEqual([officerId]);
    expect(answer.officers[0]).toEqual({ id: officerId, name: 'Meera Iyer', designation: expect.any(String), signatures: expect.any(Array) });
    expect(JSON.stringify(answer)).not.toContain('@');
    expect(registerEntryPath(token, { officeId, officerId, date: '2026-03-12' })).toBe(`/register/${token}?office=${officeId}&officer=${officerId}&date=2026-03-12`);
    expect(registerEntryPath('a b', { officeId: 'o&1', officerId: 'u=2', date: '2026-03-12' })).toBe('/register/a%20b?office=o%261&officer=u%3D2&date=2026-03-12');
    const bad = await app.client().get(`/api/register/${token}?date=12-03-2026`);
    expect(bad.status).toBe(400);
  });

  it('logs a register visit with the token replaced by its fingerprint: no log line holds the token', async () => {
    const before = app.logs.length;
    await app.client().get(`/register/${token}?date=2026-03-12`);
    await register(token, '?date=2026-03-12');
    expect((await app.client().get(`/api/register/${token}/images/${stamp2}/list`)).status).toBe(200);
    expect((await app.client().get(`/api/register/${token}/images/${'0'.repeat(36)}/list`)).status).toBe(404);
    const lines = app.logs.slice(before);
    expect(lines.filter((line) => line.includes(secretFingerprint(token)))).toHaveLength(4);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
  });

  it('serves the pictures of the link\'s agency only; another agency\'s version, an unknown token and a revoked one answer the same 404; every answer is noindex, no-referrer, no-store', async () => {
    const image = await app.client().get(`/api/register/${token}/images/${stamp2}/preview`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(100);
    for (const response of [image, await app.client().get(`/api/register/${token}`)]) {
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const page = await app.client().get(`/register/${token}?date=2026-03-12`);
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');

    const otherOffice = await newOffice(otherAdmin);
    const otherStamp = await accept(otherAdmin, uploadStamp(otherAdmin, otherOffice, devPicture('d009-round-scan')));
    const notFound = async (path: string) => {
      const response = await app.client().get(path);
      expect(response.status, path).toBe(404);
      const { correlationId: _id, ...problem } = ProblemSchema.parse(await response.json());
      return problem;
    };
    const foreign = await notFound(`/api/register/${token}/images/${otherStamp}/preview`);
    const unknown = await notFound(`/api/register/${'x'.repeat(43)}`);
    expect(foreign).toEqual(unknown);
    expect(await notFound(`/api/register/${'x'.repeat(43)}/images/${stamp2}/list`)).toEqual(unknown);
    expect((await register(token)).offices.map((office) => office.id)).not.toContain(otherOffice);

    const [link] = await linkRows(agencyId);
    expect((await admin.delete(`/api/specimen-register/links/${link!.id}`)).status).toBe(204);
    expect(await notFound(`/api/register/${token}`)).toEqual(unknown);
    expect(await notFound(`/api/register/${token}/images/${stamp2}/preview`)).toEqual(unknown);
    expect(await notFound(`/api/register/${token}?date=2026-03-12`)).toEqual(unknown);
    expect(await activeRegisterLink(app.db, agencyId)).toBeUndefined();
    expect((await auditRows('specimen-register.link-revoked')).map((row) => JSON.parse(row.details))).toEqual([{ linkId: link!.id, tokenFingerprint: secretFingerprint(token) }]);
    expect((await admin.delete(`/api/specimen-register/links/${link!.id}`)).status).toBe(404);
    expect(await auditRows('specimen-register.link-revoked')).toHaveLength(1);

    const renewed = await createLink(admin);
    expect(renewed.token).not.toBe(token);
    expect((await register(renewed.token)).offices.map((office) => office.id)).toContain(officeId);
    expect(await linkRows(agencyId)).toHaveLength(2);
    expect(await auditRows('specimen-register.link-created')).toHaveLength(2);
  });
});

describe('the page at /register/<token>', () => {
  it('is served no-store, noindex and no-referrer, where the SPA marks its other pages no-cache', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>eCoO</title>');
    const withSpa = await startTestApp({ env: { WEB_DIST: webDist } });
    try {
      const page = await withSpa.client().get('/register/any-token-at-all?date=2026-03-12');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>eCoO</title>');
      expect([page.headers.get('cache-control'), page.headers.get('x-robots-tag'), page.headers.get('referrer-policy')]).toEqual(['no-store', 'noindex, nofollow', 'no-referrer']);
      const registration = await withSpa.client().get('/register');
      expect([registration.status, registration.headers.get('cache-control'), registration.headers.get('x-robots-tag')]).toEqual([200, 'no-cache', null]);
    } finally {
      await withSpa.stop();
    }
  });
});
