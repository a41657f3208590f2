import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema, SubjectImagesSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { OfficeAuditListSchema } from '@ecoo/shared/offices/audit';
import { ProblemSchema } from '@ecoo/shared/problem';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { devPicture, pngClaimingSize, truncated } from '../testing/pictures.ts';
import { newOffice as newOfficeOf, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { jpegWithoutEnd, pngCutInIdat, pngWithBadCrc, pngWithCutIdatData } from './intake/damaged-pictures.ts';

let app: TestApp;
let admin: TestClient;
let otherAdmin: TestClient;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db)).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
  otherAdmin = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
});
afterAll(() => app.stop());

const newOffice = () => newOfficeOf(admin);

const counts = async () => ({
  uploads: Number((await app.db.selectFrom('image_uploads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  jobs: Number((await app.db.selectFrom('image_jobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  files: fs.readdirSync(path.join(app.dataDir, 'files'), { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name))).length,
});

async function pngStats(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  let opaque = 0;
  for (let index = 3; index < data.length; index += info.channels) if (data[index]! >= 128) opaque += 1;
  const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
  return { ...info, opaque, corners: [alphaAt(0, 0), alphaAt(info.width - 1, 0), alphaAt(0, info.height - 1), alphaAt(info.width - 1, info.height - 1)] };
}

describe('stamp upload, background removal, review and acceptance', () => {
  let officeId: string;
  let job: BackgroundJob;

  beforeAll(async () => {
    officeId = await newOffice();
  });

  it('queues the upload and answers at once with the job', async () => {
    const response = await uploadStamp(admin, officeId, devPicture('d003-rect-photo'), 'stamp photo.jpg');
    expect(response.status).toBe(202);
    job = BackgroundJobSchema.parse(await response.json());
    expect(job).toMatchObject({ purpose: 'office-stamp', subjectId: officeId, fileName: 'stamp photo.jpg', useModel: 'auto', acceptedVersionId: null });
    expect(['queued', 'running']).toContain(job.state);
  });

  it('reports the job done with its results, the chosen one first among them', async () => {
    job = await waitForJob(admin, job.id);
    expect(job.state).toBe('done');
    expect(job.failureReason).toBeNull();
    expect(job.candidates.map((candidate) => candidate.method)).toContain(job.chosenMethod);
    // Full size, not trimmed yet: the maps line up with the original pixel for pixel.
    expect(job.candidates[0]).toMatchObject({ width: 624, height: 454, previewWidth: 624, previewHeight: 454 });
  });

  it('serves the original upright at preview size, and each result as colour and strength maps', async () => {
    const original = await admin.get(`/api/image-jobs/${job.id}/original`);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(job.candidates[0]!.previewWidth);
    const candidate = job.candidates[0]!;
    for (const map of ['colour', 'strength'] as const) {
      const response = await admin.get(`/api/image-jobs/${job.id}/results/${candidate.method}/${map}`);
      expect(response.status).toBe(200);
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['png', candidate.previewWidth, candidate.previewHeight, map === 'colour' ? 3 : 1]);
    }
  });

  it('accepts the chosen result: version 1 becomes the office stamp, a transparent PNG trimmed to the ink', async () => {
    const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
    expect(response.status).toBe(201);
    const version = ImageVersionSchema.parse(await response.json());
    expect(version).toMatchObject({ version: 1, isCurrent: true, method: job.chosenMethod, sensitivity: 50, jobId: job.id });
    const office = OfficeSchema.parse(await (await admin.get(`/api/offices/${officeId}`)).json());
    expect(office.stampVersionId).toBe(version.id);

    const png = await pngStats(Buffer.from(await (await admin.get(`/api/image-versions/${version.id}/png`)).arrayBuffer()));
    expect(png.channels).toBe(4);
    expect(png.corners).toEqual([0, 0, 0, 0]);
    // d003's true ink spans 465 × 220 px (16 688 ink pixels) of a 624 × 454 photo: trimmed to it, with a small margin.
    expect(png.width).toBeGreaterThanOrEqual(465);
    expect(png.width).toBeLessThan(560);
    expect(png.height).toBeGreaterThanOrEqual(220);
    expect(png.height).toBeLessThan(300);
    expect(png.opaque).toBeGreaterThan(16_688 * 0.75);
    expect(png.opaque).toBeLessThan(16_688 * 1.3);
  });

  it('refuses to accept the same job twice, and adds nothing', async () => {
    const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 70 });
    expect(response.status).toBe(409);
    expect(ProblemSchema.parse(await response.json()).detail).toContain('already accepted, as version 1');
    const stamp = SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json());
    expect(stamp.versions.map((version) => version.version)).toEqual([1]);
  });

  it('keeps every accepted version when a new stamp is accepted, and records each in the office history', async () => {
    const second = BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, devPicture('d013-rect-scan'))).json());
    const done = await waitForJob(admin, second.id);
    const version = ImageVersionSchema.parse(await (await admin.post(`/api/image-jobs/${done.id}/acceptance`, { method: done.chosenMethod, sensitivity: 60 })).json());
    expect(version.version).toBe(2);
    const stamp = SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json());
    expect(stamp.current?.id).toBe(version.id);
    expect(stamp.versions.map((v) => [v.version, v.isCurrent])).toEqual([[2, true], [1, false]]);
    expect(stamp.latestJob?.id).toBe(done.id);
    // The first version's PNG is still there: certificates issued with it can be shown again.
    expect((await admin.get(`/api/image-versions/${stamp.versions[1]!.id}/png`)).status).toBe(200);
    const history = OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${officeId}/audit`)).json());
    expect(history.entries.filter((entry) => entry.action === 'office.stamp-accepted').map((entry) => entry.changes[0])).toEqual([
      { field: 'stampVersion', before: 1, after: 2 },
      { field: 'stampVersion', before: null, after: 1 },
    ]);
  });

  it('uses an earlier version again on request, keeps both, records it, and refuses the one already in use', async () => {
    const before = SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json());
    const first = before.versions.find((version) => version.version === 1)!;
    const response = await admin.post(`/api/image-versions/${first.id}/reinstatement`, {});
    expect(response.status).toBe(200);
    expect(ImageVersionSchema.parse(await response.json())).toMatchObject({ id: first.id, version: 1, isCurrent: true });
    const after = SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json());
    expect(after.versions.map((v) => [v.version, v.isCurrent])).toEqual([[2, false], [1, true]]);
    expect(OfficeSchema.parse(await (await admin.get(`/api/offices/${officeId}`)).json()).stampVersionId).toBe(first.id);
    const history = OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${officeId}/audit`)).json());
    expect(history.entries[0]).toMatchObject({ action: 'office.stamp-reinstated', changes: [{ field: 'stampVersion', before: 2, after: 1 }] });

    const again = await admin.post(`/api/image-versions/${first.id}/reinstatement`, {});
    expect(again.status).toBe(409);
    expect(ProblemSchema.parse(await again.json()).detail).toBe('Version 1 is already the one in use.');
    expect((await otherAdmin.post(`/api/image-versions/${before.versions[0]!.id}/reinstatement`, {})).status).toBe(404);
    expect(SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json()).current?.id).toBe(first.id);
  });

  it('works on a 40-megapixel photo at 16 megapixels, and previews it at 1,600 pixels', async () => {
    const photo = await sharp(devPicture('d027-round-photo')).resize(7200, 5500).jpeg({ quality: 85 }).toBuffer();
    const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, photo)).json()).id, 90_000);
    expect(job.state).toBe('done');
    const [result] = job.candidates;
    expect(result!.width * result!.height).toBeLessThanOrEqual(16_000_000);
    expect(result!.width * result!.height).toBeGreaterThan(15_000_000);
    expect(result!.width / result!.height).toBeCloseTo(7200 / 5500, 2);
    expect([result!.previewWidth, result!.previewHeight]).toEqual([1600, Math.round((1600 * result!.height) / result!.width)]);
  }, 120_000);

  it('answers 409 for results of a job that is not done yet', async () => {
    await app.db.updateTable('image_jobs').set({ state: 'queued' }).where('id', '=', job.id).execute();
    try {
      expect((await admin.get(`/api/image-jobs/${job.id}/original`)).status).toBe(409);
    } finally {
      await app.db.updateTable('image_jobs').set({ state: 'done' }).where('id', '=', job.id).execute();
    }
  });
});

describe('refused uploads change nothing', () => {
  let officeId: string;
  beforeAll(async () => {
    officeId = await newOffice();
  });

  it.each([
    ['a PDF named .jpg', 415, 'this file is a PDF document', Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF')],
    ['an SVG named .png', 415, 'this file is an HTML, XML or SVG page', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a GIF', 415, 'this file is a GIF image', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
    ['an empty file', 415, 'this file is empty', Buffer.alloc(0)],
  ])('%s answers %i, saying "%s"', async (_name, status, words, bytes) => {
    const before = await counts();
    const response = await uploadStamp(admin, officeId, bytes);
    expect(response.status).toBe(status);
    expect(ProblemSchema.parse(await response.json()).detail).toContain(words);
    expect(await counts()).toEqual(before);
  });

  it('a 400-byte PNG that claims 30 000 × 30 000 pixels (a decompression bomb) answers 400 before any decoding', async () => {
    const before = await counts();
    const bomb = await pngClaimingSize(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1000);
    const response = await uploadStamp(admin, officeId, bomb, 'bomb.png');
    expect(response.status).toBe(400);
    expect(ProblemSchema.parse(await response.json()).detail).toContain('900 megapixels');
    expect(await counts()).toEqual(before);
  });

  it('a file over 15 MB answers 413', async () => {
    const before = await counts();
    const big = Buffer.concat([devPicture('d003-rect-photo'), Buffer.alloc(15 * 1024 * 1024)]);
    const response = await uploadStamp(admin, officeId, big);
    expect(response.status).toBe(413);
    expect(ProblemSchema.parse(await response.json()).detail).toContain('larger than 15 MB');
    expect(await counts()).toEqual(before);
  });

  it('a request without the picture answers 400 on the image field', async () => {
    const response = await admin.upload(`/api/offices/${officeId}/stamp/uploads`, new FormData());
    expect(response.status).toBe(400);
    expect(ProblemSchema.parse(await response.json()).errors?.[0]?.path).toBe('image');
  });

  it.each([
    ['a JPEG cut in half', 'cut short', () => Promise.resolve(truncated(devPicture('d009-round-scan')))],
    ['a JPEG missing its end marker', 'cut short', () => Promise.resolve(jpegWithoutEnd(devPicture('d009-round-scan')))],
    ['a PNG cut inside its image data', 'cut short', async () => pngCutInIdat(await sharp(devPicture('d009-round-scan')).png().toBuffer())],
    ['a PNG with a bad CRC', 'damaged at byte', async () => pngWithBadCrc(await sharp(devPicture('d009-round-scan')).png().toBuffer())],
  ])('%s answers 400 saying "%s" at upload, and stores nothing: no upload, no job, no file', async (_name, words, make) => {
    const before = await counts();
    const response = await uploadStamp(admin, officeId, await make());
    expect(response.status).toBe(400);
    expect(ProblemSchema.parse(await response.json()).detail).toContain(words);
    expect(await counts()).toEqual(before);
  });

  it('a PNG whose image data is cut inside chunks that check out passes the upload check, then its job fails as unreadable and offers nothing to accept', async () => {
    const png = pngWithCutIdatData(await sharp(devPicture('d009-round-scan')).png().toBuffer());
    const job = BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, png, 'cut.png')).json());
    const failed = await waitForJob(admin, job.id);
    expect([failed.state, failed.failureReason, failed.candidates]).toEqual(['failed', 'unreadable', []]);
    const accept = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: 'ink', sensitivity: 50 });
    expect(accept.status).toBe(409);
    expect(ProblemSchema.parse(await accept.json()).detail).toContain('failed');
  });
});

describe('who may see and change images', () => {
  let officeId: string;
  let job: BackgroundJob;
  let versionId: string;

  beforeAll(async () => {
    officeId = await newOffice();
    job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, devPicture('d009-round-scan'))).json()).id);
    versionId = ImageVersionSchema.parse(await (await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).json()).id;
  });

  it("another agency's administrator gets 404 everywhere, as for an unknown id, and changes nothing", async () => {
    const before = await counts();
    const answers = [
      (await otherAdmin.get(`/api/offices/${officeId}/stamp`)).status,
      (await uploadStamp(otherAdmin, officeId, devPicture('d009-round-scan'))).status,
      (await otherAdmin.get(`/api/image-jobs/${job.id}`)).status,
      (await otherAdmin.get(`/api/image-jobs/${job.id}/original`)).status,
      (await otherAdmin.get(`/api/image-jobs/${job.id}/results/${job.chosenMethod}/strength`)).status,
      (await otherAdmin.post(`/api/image-jobs/${job.id}/retries`, { useModel: 'auto' })).status,
      (await otherAdmin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).status,
      (await otherAdmin.get(`/api/image-versions/${versionId}/png`)).status,
    ];
    expect(answers).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await counts()).toEqual(before);
  });

  it('reviewers and officers get 403, the signed-out 401', async () => {
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).client;
    for (const client of [reviewer, officer]) {
      expect((await client.get(`/api/image-jobs/${job.id}`)).status).toBe(403);
      expect((await uploadStamp(client, officeId, devPicture('d009-round-scan'))).status).toBe(403);
    }
    expect((await app.client().get(`/api/image-versions/${versionId}/png`)).status).toBe(401);
  });

  it('unknown ids answer 404', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/image-jobs/${unknown}`)).status).toBe(404);
    expect((await admin.get(`/api/image-versions/${unknown}/png`)).status).toBe(404);
    expect((await admin.get(`/api/offices/${unknown}/stamp`)).status).toBe(404);
  });
});

describe("an issuing officer's signature, through the same pipeline", () => {
  it('is uploaded for an officer of the agency, removed, accepted and becomes the signature in use, with an audit entry', async () => {
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).user;
    const uploaded = await uploadSignature(admin, officer.id, devPicture('d006-signature-scan'));
    expect(uploaded.status).toBe(202);
    const job = await waitForJob(admin, BackgroundJobSchema.parse(await uploaded.json()).id);
    expect([job.state, job.purpose, job.subjectId]).toEqual(['done', 'officer-signature', officer.id]);
    const version = ImageVersionSchema.parse(await (await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).json());
    const signature = SubjectImagesSchema.parse(await (await admin.get(`/api/officers/${officer.id}/signature`)).json());
    expect([signature.current?.id, signature.current?.version, signature.current?.purpose]).toEqual([version.id, 1, 'officer-signature']);
    const row = await app.db.selectFrom('officers').select('signature_version_id').where('user_id', '=', officer.id).executeTakeFirstOrThrow();
    expect(row.signature_version_id).toBe(version.id);
    const audit = await app.db.selectFrom('audit_entries').select(['action', 'details']).where('subject_id', '=', officer.id).where('action', 'like', 'officer.signature-%').orderBy('at').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['officer.signature-uploaded', 'officer.signature-accepted']);
    expect(JSON.parse(audit[1]!.details)).toEqual({ changes: [{ field: 'signatureVersion', before: null, after: 1 }] });
  });

  it("keeps each signature its officer's own: accepting or reinstating one officer's version never touches another officer", async () => {
    const first = (await signedInAs(app, 'issuing-officer', agencyId)).user;
    const second = (await signedInAs(app, 'issuing-officer', agencyId)).user;
    const accept = async (officerId: string) => {
      const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadSignature(admin, officerId, devPicture('d006-signature-scan'))).json()).id);
      return ImageVersionSchema.parse(await (await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).json());
    };
    const firstV1 = await accept(first.id);
    const firstV2 = await accept(first.id);
    const signatureOf = async (id: string) => (await app.db.selectFrom('officers').select('signature_version_id').where('user_id', '=', id).executeTakeFirstOrThrow()).signature_version_id;
    expect([await signatureOf(first.id), await signatureOf(second.id)]).toEqual([firstV2.id, null]);
    expect((await admin.post(`/api/image-versions/${firstV1.id}/reinstatement`)).status).toBe(200);
    expect([await signatureOf(first.id), await signatureOf(second.id)]).toEqual([firstV1.id, null]);
    const secondImages = SubjectImagesSchema.parse(await (await admin.get(`/api/officers/${second.id}/signature`)).json());
    expect([secondImages.current, secondImages.versions]).toEqual([null, []]);
  });

  it("refuses another agency's officer and anyone who is not an officer alike (404), storing nothing", async () => {
    const before = await counts();
    const otherOfficer = (await signedInAs(app, 'issuing-officer', (await addAgency(app.db)).id)).user;
    const ownAdmin = (await signedInAs(app, 'agency-admin', agencyId)).user;
    expect((await uploadSignature(admin, otherOfficer.id, devPicture('d006-signature-scan'))).status).toBe(404);
    expect((await admin.get(`/api/officers/${otherOfficer.id}/signature`)).status).toBe(404);
    expect((await uploadSignature(admin, ownAdmin.id, devPicture('d006-signature-scan'))).status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
