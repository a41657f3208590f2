/**
 * Specimen certificates (issue 16) through the console's routes and its job queue: an administrator
 * asks for one, the job draws it with the office's accepted stamp and the officer's accepted
 * signature, and the PDF downloads with both pictures, pixel for pixel, and a QR code that decodes to
 * the register's entry. Every refusal writes nothing; other agencies see nothing; a job cut short is
 * run again and stores one file.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { SpecimenCertificateSchema, SpecimenChoicesSchema, SpecimenListSchema, type SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { todayInIndia } from '../accounts/index.ts';
import { nowIso } from '../db/connect.ts';
import { LocalDiskFileStore, sha256Hex } from '../storage/files.ts';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { newOffice, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { devPicture } from '../testing/pictures.ts';
import { expectProblem } from '../testing/test-pki.ts';
import { hexOf, pageContent, pageImages } from './testing/pdf-images.ts';
import { rgbaOf } from './testing/specimen-pictures.ts';
import { specimenCertificateJobs } from './job.ts';
import { maxSpecimensInProgressPerAgency, requestSpecimen as requestSpecimenAsService } from './service.ts';

let app: TestApp;
let agencyId: string;
let admin: TestClient;
let adminId: string;
let officeId: string;
let officer: { id: string; name: string };
let token: string;
let otherAdmin: TestClient;
let otherOfficeId: string;

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db, { name: 'Specimen Test Agency' })).id;
  const signedIn = await signedInAs(app, 'agency-admin', agencyId);
  admin = signedIn.client;
  adminId = (await app.db.selectFrom('users').select('id').where('email', '=', signedIn.user.email).executeTakeFirstOrThrow()).id;
  officeId = await newOffice(admin);
  await acceptPicture(uploadStamp(admin, officeId, devPicture('d009-round-scan')));
  officer = { id: (await addUser(app.db, 'issuing-officer', { agencyId, name: 'Meera Iyer' })).id, name: 'Meera Iyer' };
  expect((await admin.put(`/api/officers/${officer.id}/offices`, { officeIds: [officeId] })).status).toBe(200);
  await acceptPicture(uploadSignature(admin, officer.id, devPicture('d006-signature-scan')));
  token = await addRegisterLink(agencyId, adminId);

  const otherAgencyId = (await addAgency(app.db, { name: 'Another Agency' })).id;
  otherAdmin = (await signedInAs(app, 'agency-admin', otherAgencyId)).client;
  otherOfficeId = await newOffice(otherAdmin);
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

async function acceptPicture(upload: Promise<Response>): Promise<string> {
  const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await upload).json()).id);
  const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  expect(response.status, await response.clone().text()).toBe(201);
  return ImageVersionSchema.parse(await response.json()).id;
}

/** The register link as the specimen register's feature keeps it (its routes are that feature's to test). */
async function addRegisterLink(forAgency: string, createdBy: string): Promise<string> {
  const linkToken = randomBytes(32).toString('base64url');
  await app.db.insertInto('specimen_register_links').values({ id: randomUUID(), agency_id: forAgency, token: linkToken, created_by: createdBy, created_at: nowIso(), revoked_by: null, revoked_at: null }).execute();
  return linkToken;
}

async function requestSpecimen(client: TestClient, body: { officeId: string; officerId: string }): Promise<SpecimenCertificate> {
  const response = await client.post('/api/specimens', body);
  expect(response.status, await response.clone().text()).toBe(202);
  return SpecimenCertificateSchema.parse(await response.json());
}

async function waitForSpecimen(client: TestClient, id: string, timeoutMs = 20_000): Promise<SpecimenCertificate> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const specimen = SpecimenCertificateSchema.parse(await (await client.get(`/api/specimens/${id}`)).json());
    if (specimen.state === 'done' || specimen.state === 'failed') return specimen;
    if (Date.now() > deadline) throw new Error(`specimen ${id} still ${specimen.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a request may write: its row, its job, its audit entry. */
async function writtenBySpecimenRequests() {
  const count = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;
  return {
    specimens: await count(app.db.selectFrom('specimen_certificates').select('id')),
    jobs: await count(app.db.selectFrom('jobs').select('id').where('kind', '=', 'specimen-certificate')),
    entries: await count(app.db.selectFrom('audit_entries').select('id').where('action', '=', 'specimen.requested')),
  };
}

async function expectRefused(client: TestClient, body: { officeId: string; officerId: string }, status: number, code: string, field?: string) {
  const before = await writtenBySpecimenRequests();
  const problem = await expectProblem(await client.post('/api/specimens', body), status, code);
  if (field) expect(problem.errors?.map((error) => error.path)).toEqual([field]);
  expect(await writtenBySpecimenRequests()).toEqual(before);
  return problem;
}

const filesOf = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /^[0-9a-f]{64}$/.test(path.basename(name))) : []);

describe('a specimen certificate, asked for and drawn by its job', () => {
  it('is queued (202) with the versions in use, drawn by the job, and downloads as that PDF: one page, the accepted stamp and signature pixel for pixel, a QR code to the register entry', async () => {
    const asked = await requestSpecimen(admin, { officeId, officerId: officer.id });
    expect(['queued', 'running', 'done']).toContain(asked.state);
    expect(asked).toMatchObject({ office: { id: officeId }, officer: { id: officer.id, name: officer.name }, stampVersion: 1, signatureVersion: 1, date: todayInIndia() });

    const done = await waitForSpecimen(admin, asked.id);
    expect(done).toMatchObject({ state: 'done', failureReason: null });
    const row = await app.db.selectFrom('specimen_certificates').selectAll().where('id', '=', asked.id).executeTakeFirstOrThrow();
    const office = await app.db.selectFrom('offices').select(['code', 'stamp_version_id']).where('id', '=', officeId).executeTakeFirstOrThrow();

    const download = await admin.get(`/api/specimens/${asked.id}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="specimen-${office.code}-${todayInIndia()}\\.pdf"`));
    const pdf = new Uint8Array(await download.arrayBuffer());
    expect(sha256Hex(Buffer.from(pdf))).toBe(row.pdf_sha256);
    expect(done.byteSize).toBe(pdf.length);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);

    const files = new LocalDiskFileStore(app.config.filesDir);
    const versions = await app.db.selectFrom('image_versions').select(['id', 'png_sha256']).where('id', 'in', [row.stamp_version_id, row.signature_version_id]).execute();
    expect(row.stamp_version_id).toBe(office.stamp_version_id);
    const images = await pageImages(pdf);
    for (const version of versions) {
      const expected = await rgbaOf(await files.get(version.png_sha256));
      const embedded = images.find((image) => image.width === expected.width && image.height === expected.height);
      expect(embedded, version.id).toBeDefined();
      expect(Buffer.from(embedded!.rgba).equals(expected.rgba)).toBe(true);
    }
    const codes = images.map((image) => jsQR(image.rgba, image.width, image.height)).filter((code) => code !== null);
    expect(codes.map((code) => code.data)).toEqual([`${app.config.publicUrl}/register/${token}?office=${officeId}&officer=${officer.id}&date=${todayInIndia()}`]);

    // The download may not be framed at all; the preview only by the console's own pages.
    expect(download.headers.get('x-frame-options')).toBe('DENY');
    const inline = await admin.get(`/api/specimens/${asked.id}/pdf?disposition=inline`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="specimen-/);
    expect(inline.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(inline.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(inline.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(Buffer.from(await inline.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const list = SpecimenListSchema.parse(await (await admin.get('/api/specimens')).json());
    expect(list.items[0]).toMatchObject({ id: asked.id, state: 'done' });
    const entries = await app.db.selectFrom('audit_entries').selectAll().where('action', '=', 'specimen.requested').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: adminId, actor_role: 'agency-admin', agency_id: agencyId, office_id: officeId, officer_id: officer.id });
    expect(JSON.parse(entries[0]!.details)).toEqual({ specimenId: asked.id, stampVersionId: row.stamp_version_id, signatureVersionId: row.signature_version_id, date: todayInIndia() });
  });

  it('lists what can be chosen and why the rest cannot', async () => {
    const unmapped = await addUser(app.db, 'issuing-officer', { agencyId, name: 'Unsigned Officer' });
    const choices = SpecimenChoicesSchema.parse(await (await admin.get('/api/specimens/choices')).json());
    expect(choices.hasRegisterLink).toBe(true);
    expect(choices.offices.find((office) => office.id === officeId)?.blockers).toEqual([]);
    expect(choices.officers.find((entry) => entry.id === officer.id)).toMatchObject({ officeIds: [officeId], blockers: [] });
    expect(choices.officers.find((entry) => entry.id === unmapped.id)).toMatchObject({ officeIds: [], blockers: ['no-signature'] });
    expect(choices.offices.map((office) => office.id)).not.toContain(otherOfficeId);
  });
});

describe('refusals, each specific and writing nothing (no row, no job, no audit entry)', () => {
  it('an office of another agency, a deactivated one, one without a stamp', async () => {
    await expectRefused(admin, { officeId: otherOfficeId, officerId: officer.id }, 404, 'problem.officeNotFound', 'officeId');
    const inactive = await newOffice(admin);
    await app.db.updateTable('offices').set({ is_active: 0 }).where('id', '=', inactive).execute();
    await expectRefused(admin, { officeId: inactive, officerId: officer.id }, 409, 'problem.specimenOfficeNotActive', 'officeId');
    const noStamp = await newOffice(admin);
    await expectRefused(admin, { officeId: noStamp, officerId: officer.id }, 409, 'problem.specimenOfficeHasNoStamp', 'officeId');
  });

  it("an officer of another agency, a deactivated one, one not mapped to the office, one without a signature", async () => {
    const stranger = await addUser(app.db, 'issuing-officer', { agencyId: (await addAgency(app.db)).id });
    await expectRefused(admin, { officeId, officerId: stranger.id }, 404, 'problem.officerNotFound', 'officerId');
    await expectRefused(admin, { officeId, officerId: adminId }, 404, 'problem.officerNotFound', 'officerId');
    const deactivated = await addUser(app.db, 'issuing-officer', { agencyId, status: 'disabled', name: 'Left Officer' });
    await app.db.insertInto('officer_offices').values({ officer_id: deactivated.id, office_id: officeId, mapped_at: nowIso(), mapped_by: null }).execute();
    const problem = await expectRefused(admin, { officeId, officerId: deactivated.id }, 409, 'problem.specimenOfficerNotActive', 'officerId');
    expect(problem.detail).toContain('Left Officer');
    const unmapped = await addUser(app.db, 'issuing-officer', { agencyId, name: 'Elsewhere Officer' });
    await expectRefused(admin, { officeId, officerId: unmapped.id }, 409, 'problem.specimenOfficerNotMapped', 'officerId');
    expect((await admin.put(`/api/officers/${unmapped.id}/offices`, { officeIds: [officeId] })).status).toBe(200);
    await expectRefused(admin, { officeId, officerId: unmapped.id }, 409, 'problem.specimenOfficerHasNoSignature', 'officerId');
  });

  it('no active register link: the administrator is told to create it first', async () => {
    await app.db.updateTable('specimen_register_links').set({ revoked_at: nowIso(), revoked_by: adminId }).where('agency_id', '=', agencyId).where('revoked_at', 'is', null).execute();
    try {
      const problem = await expectRefused(admin, { officeId, officerId: officer.id }, 409, 'problem.specimenNoRegisterLink');
      expect(problem.detail).toMatch(/Create the register link first/);
      expect(SpecimenChoicesSchema.parse(await (await admin.get('/api/specimens/choices')).json()).hasRegisterLink).toBe(false);
    } finally {
      token = await addRegisterLink(agencyId, adminId);
    }
  });

  it('a body without the ids answers 400 naming each field', async () => {
    const before = await writtenBySpecimenRequests();
    const problem = await expectProblem(await admin.post('/api/specimens', { officeId: 'not-an-id' }), 400, 'problem.badRequest');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['officeId', 'officerId']);
    expect(await writtenBySpecimenRequests()).toEqual(before);
  });
});

describe('who may see what', () => {
  it("another agency's administrator can neither ask for, list, read nor download this agency's specimens; an officer and a signed-out browser get 403 and 401", async () => {
    const mine = (await app.db.selectFrom('specimen_certificates').select('id').where('agency_id', '=', agencyId).where('state', '=', 'done').executeTakeFirstOrThrow()).id;
    await expectRefused(otherAdmin, { officeId, officerId: officer.id }, 404, 'problem.officeNotFound');
    expect(SpecimenListSchema.parse(await (await otherAdmin.get('/api/specimens')).json()).items).toEqual([]);
    await expectProblem(await otherAdmin.get(`/api/specimens/${mine}`), 404, 'problem.specimenNotFound');
    await expectProblem(await otherAdmin.get(`/api/specimens/${mine}/pdf`), 404, 'problem.specimenNotFound');
    const officerClient = app.client();
    const officerAccount = await addUser(app.db, 'issuing-officer', { agencyId });
    await officerClient.signIn(officerAccount.email, officerAccount.password);
    expect((await officerClient.get(`/api/specimens/${mine}/pdf`)).status).toBe(403);
    expect((await officerClient.post('/api/specimens', { officeId, officerId: officer.id })).status).toBe(403);
    expect((await app.client().get('/api/specimens')).status).toBe(401);
  });
});

describe('a job cut short', () => {
  /** The rows as a process killed mid-job leaves them: the job running under a lease that has run out, the specimen not done. */
  async function killMidJob(specimenId: string) {
    await app.db.updateTable('jobs').set({ state: 'running', holder: 'killed-host:1:dead', lease_until: '2000-01-01T00:00:00.000Z', attempts: 1, finished_at: null }).where('id', '=', `specimen-certificate:${specimenId}`).execute();
    await app.db.updateTable('specimen_certificates').set({ state: 'running', pdf_sha256: null, pdf_size: null, finished_at: null }).where('id', '=', specimenId).execute();
  }

  it('after the file was written but before the row was marked done, is taken over when its lease runs out and leaves one file, the same', async () => {
    const asked = await requestSpecimen(admin, { officeId, officerId: officer.id });
    const first = await waitForSpecimen(admin, asked.id);
    const { pdf_sha256: key } = await app.db.selectFrom('specimen_certificates').select('pdf_sha256').where('id', '=', asked.id).executeTakeFirstOrThrow();
    const filesBefore = filesOf(app.config.filesDir);
    await killMidJob(asked.id);
    expect((await admin.get(`/api/specimens/${asked.id}/pdf`)).status).toBe(409);

    const again = await waitForSpecimen(admin, asked.id);
    expect(again).toMatchObject({ state: 'done', byteSize: first.byteSize });
    const row = await app.db.selectFrom('specimen_certificates').select('pdf_sha256').where('id', '=', asked.id).executeTakeFirstOrThrow();
    expect(row.pdf_sha256).toBe(key);
    expect(filesOf(app.config.filesDir).sort()).toEqual(filesBefore.sort());
    const job = await app.db.selectFrom('jobs').select(['state', 'attempts']).where('id', '=', `specimen-certificate:${asked.id}`).executeTakeFirstOrThrow();
    expect(job).toEqual({ state: 'done', attempts: 2 });
  });

  it('before the file was written, draws it again', async () => {
    const asked = await requestSpecimen(admin, { officeId, officerId: officer.id });
    await waitForSpecimen(admin, asked.id);
    const { pdf_sha256: key } = await app.db.selectFrom('specimen_certificates').select('pdf_sha256').where('id', '=', asked.id).executeTakeFirstOrThrow();
    await killMidJob(asked.id);
    await new LocalDiskFileStore(app.config.filesDir).remove(key!);
    expect(await waitForSpecimen(admin, asked.id)).toMatchObject({ state: 'done' });
    const download = await admin.get(`/api/specimens/${asked.id}/pdf`);
    expect(sha256Hex(Buffer.from(await download.arrayBuffer()))).toBe(key);
  });
});

/** Waits until no specimen of the agency is queued or being drawn, so each test starts from none in progress. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await app.db.selectFrom('specimen_certificates').select('id').where('agency_id', '=', agencyId).where('state', 'in', ['queued', 'running']).execute()).length > 0) {
    if (Date.now() > deadline) throw new Error('specimens still in progress after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


describe('a bound on specimens in progress', () => {
  it('refuses one more while three are queued or drawn (429, Retry-After), saying to wait for them, and writes nothing', async () => {
    await settled();
    const { stamp_version_id } = await app.db.selectFrom('offices').select('stamp_version_id').where('id', '=', officeId).executeTakeFirstOrThrow();
    const { signature_version_id } = await app.db.selectFrom('officers').select('signature_version_id').where('user_id', '=', officer.id).executeTakeFirstOrThrow();
    const versions = { stamp_version_id: stamp_version_id!, signature_version_id: signature_version_id! };
    // Three left waiting (no job picks them up): another day's, so none is the specimen asked for below.
    const waiting = Array.from({ length: maxSpecimensInProgressPerAgency }, () => randomUUID());
    await app.db
      .insertInto('specimen_certificates')
      .values(waiting.map((id) => ({ id, agency_id: agencyId, office_id: officeId, officer_id: officer.id, ...versions, specimen_date: '2026-01-01', requested_by: adminId, requested_at: nowIso(), state: 'queued' as const, failure_reason: null, finished_at: null, pdf_sha256: null, pdf_size: null, register_link_id: null, unprintable_fields: null })))
      .execute();
    try {
      const before = await writtenBySpecimenRequests();
      const response = await admin.post('/api/specimens', { officeId, officerId: officer.id });
      const problem = await expectProblem(response, 429, 'problem.specimenTooManyInProgress');
      expect(problem.detail).toMatch(/Wait until they are ready/);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await writtenBySpecimenRequests()).toEqual(before);
    } finally {
      await app.db.deleteFrom('specimen_certificates').where('id', 'in', waiting).execute();
    }
  });

  it('lets exactly three through when five different ones are asked for at the same instant (counted in turns, on SQLite and PostgreSQL)', async () => {
    await settled();
    const { stamp_version_id: stamp } = await app.db.selectFrom('offices').select('stamp_version_id').where('id', '=', officeId).executeTakeFirstOrThrow();
    const offices: string[] = [];
    for (let n = 0; n < 5; n += 1) offices.push(await newOffice(admin));
    await app.db.updateTable('offices').set({ stamp_version_id: stamp }).where('id', 'in', offices).execute();
    expect((await admin.put(`/api/officers/${officer.id}/offices`, { officeIds: [officeId, ...offices] })).status).toBe(200);
    // Straight through the service (no HTTP in between), so the five race as closely as they can.
    const actor = { id: adminId, name: 'Admin', email: 'admin@example.gov.in', role: 'agency-admin' as const, agencyId, agencyName: null, locale: null };
    const deps = { db: app.db, files: new LocalDiskFileStore(app.config.filesDir), wakeSpecimens: () => {} };
    const before = await writtenBySpecimenRequests();
    const outcomes = await Promise.all(offices.map((office) => requestSpecimenAsService(deps, actor as never, { officeId: office, officerId: officer.id }).then(() => 'taken', (error: { code?: string }) => error.code)));
    expect(outcomes.filter((outcome) => outcome === 'taken')).toHaveLength(maxSpecimensInProgressPerAgency);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'taken'))).toEqual(new Set(['problem.specimenTooManyInProgress']));
    expect(await writtenBySpecimenRequests()).toEqual({ specimens: before.specimens + 3, jobs: before.jobs + 3, entries: before.entries + 3 });
    await settled();
  }, 60_000);

  it('answers the same specimen asked for again while it waits (a double click) with that one, writing nothing more', async () => {
    await settled();
    const before = await writtenBySpecimenRequests();
    const answers = await Promise.all(Array.from({ length: 4 }, () => requestSpecimen(admin, { officeId, officerId: officer.id })));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(await writtenBySpecimenRequests()).toEqual({ specimens: before.specimens + 1, jobs: before.jobs + 1, entries: before.entries + 1 });
    await waitForSpecimen(admin, answers[0]!.id);
  });
});

describe('the register link in the QR', () => {
  it('is kept on the specimen, and once revoked the list says the QR points to a revoked register link', async () => {
    await settled();
    const done = await waitForSpecimen(admin, (await requestSpecimen(admin, { officeId, officerId: officer.id })).id);
    expect(done.qrLinkRevoked).toBe(false);
    const link = await app.db.selectFrom('specimen_register_links').select('id').where('agency_id', '=', agencyId).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    const row = await app.db.selectFrom('specimen_certificates').select('register_link_id').where('id', '=', done.id).executeTakeFirstOrThrow();
    expect(row.register_link_id).toBe(link.id);

    await app.db.updateTable('specimen_register_links').set({ revoked_at: nowIso(), revoked_by: adminId }).where('id', '=', link.id).execute();
    token = await addRegisterLink(agencyId, adminId);
    const listed = SpecimenListSchema.parse(await (await admin.get('/api/specimens')).json()).items.find((item) => item.id === done.id);
    expect(listed?.qrLinkRevoked).toBe(true);
    // One made with the new link is not marked.
    const fresh = await waitForSpecimen(admin, (await requestSpecimen(admin, { officeId, officerId: officer.id })).id);
    expect(fresh.qrLinkRevoked).toBe(false);
  });

  it('a link revoked while the PDF is drawn fails the specimen (no-register-link) in the settling transaction, instead of marking it done with a dead QR', async () => {
    await settled();
    const asked = await waitForSpecimen(admin, (await requestSpecimen(admin, { officeId, officerId: officer.id })).id);
    // The job run again by hand, its settling effect held until the link is revoked.
    await app.db.updateTable('specimen_certificates').set({ state: 'queued', pdf_sha256: null, register_link_id: null }).where('id', '=', asked.id).execute();
    const handler = specimenCertificateJobs(app.db, new LocalDiskFileStore(app.config.filesDir), { publicUrl: app.config.publicUrl });
    const result = await handler.run({ subjectId: asked.id } as Parameters<typeof handler.run>[0], new AbortController().signal);
    if (result.outcome !== 'done') throw new Error(`the job ended ${result.outcome}`);
    await app.db.updateTable('specimen_register_links').set({ revoked_at: nowIso(), revoked_by: adminId }).where('agency_id', '=', agencyId).where('revoked_at', 'is', null).execute();
    try {
      await app.db.transaction().execute((trx) => result.effect!(trx));
      const row = await app.db.selectFrom('specimen_certificates').select(['state', 'failure_reason', 'register_link_id']).where('id', '=', asked.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'failed', failure_reason: 'no-register-link', register_link_id: null });
    } finally {
      token = await addRegisterLink(agencyId, adminId);
    }
  });

  it('a holder that lost its lease, waking after the new holder finished, cannot set the specimen back to running', async () => {
    const done = (await app.db.selectFrom('specimen_certificates').select('id').where('agency_id', '=', agencyId).where('state', '=', 'done').executeTakeFirstOrThrow()).id;
    const { markSpecimenRunning } = await import('./repository.ts');
    await markSpecimenRunning(app.db, done);
    expect((await app.db.selectFrom('specimen_certificates').select('state').where('id', '=', done).executeTakeFirstOrThrow()).state).toBe('done');
  });
});

describe('names the standard fonts cannot print', () => {
  it("are printed in Latin letters, never as question marks, and the request and the list name the field", async () => {
    await settled();
    const hindiName = 'अनन्या राव';
    const hindiOfficer = await addUser(app.db, 'issuing-officer', { agencyId, name: hindiName });
    const { signature_version_id: signature } = await app.db.selectFrom('officers').select('signature_version_id').where('user_id', '=', officer.id).executeTakeFirstOrThrow();
    await app.db.updateTable('officers').set({ signature_version_id: signature }).where('user_id', '=', hindiOfficer.id).execute();
    await app.db.insertInto('officer_offices').values({ officer_id: hindiOfficer.id, office_id: officeId, mapped_at: nowIso(), mapped_by: null }).execute();

    const asked = await requestSpecimen(admin, { officeId, officerId: hindiOfficer.id });
    expect(asked.unprintableFields).toEqual(['officerName']);
    const done = await waitForSpecimen(admin, asked.id);
    expect(done).toMatchObject({ state: 'done', unprintableFields: ['officerName'] });
    const pdf = new Uint8Array(await (await admin.get(`/api/specimens/${asked.id}/pdf`)).arrayBuffer());
    const text = await pageContent(pdf);
    expect(text).toContain(hexOf('Ananya Rav'));
    const printed = [...text.matchAll(/<([0-9A-F]+)> Tj/g)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1'));
    expect(printed.filter((line) => line.includes('?'))).toEqual([]);
    const listed = SpecimenListSchema.parse(await (await admin.get('/api/specimens')).json()).items.find((item) => item.id === asked.id);
    expect(listed?.unprintableFields).toEqual(['officerName']);
  });
});
