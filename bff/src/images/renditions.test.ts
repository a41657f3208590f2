import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema, SubjectImagesSchema, type ImageVersion } from '@ecoo/shared/images/schemas';
import { OfficeListSchema, OfficeSchema, type Office } from '@ecoo/shared/offices/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';

let app: TestApp;
let admin: TestClient;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db)).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
});
afterAll(() => app.stop());

async function acceptStamp(officeId: string, picture: string): Promise<ImageVersion> {
  const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, devPicture(picture))).json()).id);
  const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  expect(response.status).toBe(201);
  return ImageVersionSchema.parse(await response.json());
}

const officeOf = async (officeId: string): Promise<Office> => OfficeSchema.parse(await (await admin.get(`/api/offices/${officeId}`)).json());
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const pngHashOf = async (versionId: string) => (await app.db.selectFrom('image_versions').select('png_sha256').where('id', '=', versionId).executeTakeFirstOrThrow()).png_sha256;

async function alphaOf(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  let opaque = 0;
  const inked = { left: info.width, top: info.height, right: -1, bottom: -1 };
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const alpha = data[(y * info.width + x) * info.channels + 3]!;
      if (alpha >= 128) opaque += 1;
      if (alpha > 0) Object.assign(inked, { left: Math.min(inked.left, x), top: Math.min(inked.top, y), right: Math.max(inked.right, x), bottom: Math.max(inked.bottom, y) });
    }
  }
  const at = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
  const corners = [at(0, 0), at(info.width - 1, 0), at(0, info.height - 1), at(info.width - 1, info.height - 1)];
  return { channels: info.channels, opaque, corners, inked: { width: inked.right - inked.left + 1, height: inked.bottom - inked.top + 1 } };
}

describe('stamp thumbnails: small renditions at content-addressed URLs', () => {
  let officeId: string;
  let first: ImageVersion;
  let fullPng: Buffer;

  beforeAll(async () => {
    officeId = await newOffice(admin);
    first = await acceptStamp(officeId, 'd009-round-scan');
    fullPng = await bytesOf(await admin.get(`/api/image-versions/${first.id}/png`));
  });

  it("the office, the office list and the stamp's versions carry thumbnail URLs holding the PNG's SHA-256", async () => {
    const sha256 = await pngHashOf(first.id);
    const expected = {
      list: `/api/image-versions/${first.id}/renditions/${sha256}/list-v2.webp`,
      preview: `/api/image-versions/${first.id}/renditions/${sha256}/preview.webp`,
    };
    expect((await officeOf(officeId)).stampThumbnails).toEqual(expected);
    const list = OfficeListSchema.parse(await (await admin.get('/api/offices?status=all')).json());
    expect(list.offices.find((office) => office.id === officeId)?.stampThumbnails).toEqual(expected);
    expect(first.thumbnails).toEqual(expected);
    const stamp = SubjectImagesSchema.parse(await (await admin.get(`/api/offices/${officeId}/stamp`)).json());
    expect(stamp.current?.thumbnails).toEqual(expected);
  });

  it('an office without a stamp has no thumbnails', async () => {
    expect((await officeOf(await newOffice(admin))).stampThumbnails).toBeNull();
  });

  it('the list rendition is a WebP of exactly 256 × 128, the stamp fitted and centred on transparency, a few KB, kept on disk', async () => {
    const response = await admin.get(first.thumbnails.list);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    const bytes = await bytesOf(response);
    const metadata = await sharp(bytes).metadata();
    const png = await sharp(fullPng).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(['webp', 256, 128, true]);
    // Fitted, not cropped nor stretched: the ink fills the box's height (d009 is round), and keeps the PNG's shape.
    const alpha = await alphaOf(bytes);
    expect(alpha.corners).toEqual([0, 0, 0, 0]);
    expect(alpha.inked.height).toBeGreaterThan(120);
    expect(alpha.inked.width).toBeLessThan(140);
    expect(Math.abs(alpha.inked.width / alpha.inked.height - png.width! / png.height!)).toBeLessThan(0.1);
    expect(alpha.opaque).toBeGreaterThan(500);
    // Lighthouse's image audits count anything over 1/6 byte a pixel (5.3 KB here) as waste.
    expect(bytes.length).toBeLessThan(5_000);
    console.info(`stamp d009: full PNG ${png.width}×${png.height} ${fullPng.length} B; list ${metadata.width}×${metadata.height} ${bytes.length} B`);

    const sha256 = await pngHashOf(first.id);
    const kept = path.join(app.config.filesDir, 'renditions', sha256.slice(0, 2), `${sha256}.list-v2.webp`);
    expect(fs.readFileSync(kept).equals(bytes)).toBe(true);
  });

  it('keeps legible ink: close to the full PNG scaled to the same box, on white as the list shows it', async () => {
    const onWhite = async (image: Buffer) =>
      sharp(await sharp(image).resize({ width: 256, height: 128, fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer())
        .flatten({ background: '#ffffff' })
        .raw()
        .toBuffer();
    const [expected, actual] = [await onWhite(fullPng), await onWhite(await bytesOf(await admin.get(first.thumbnails.list)))];
    let squaredError = 0;
    for (let index = 0; index < expected.length; index += 1) squaredError += (expected[index]! - actual[index]!) ** 2;
    const psnr = 10 * Math.log10((255 * 255) / (squaredError / expected.length));
    expect(psnr).toBeGreaterThan(42);
  });

  it('an image accepted before list-v2 gets it at its first request, whatever the earlier list rendition left on disk', async () => {
    const officeWithOld = await newOffice(admin);
    const version = await acceptStamp(officeWithOld, 'd013-rect-scan');
    const sha256 = await pngHashOf(version.id);
    // What the earlier recipe kept: another name, never read for the new one.
    const earlier = path.join(app.config.filesDir, 'renditions', sha256.slice(0, 2), `${sha256}.list.webp`);
    fs.mkdirSync(path.dirname(earlier), { recursive: true });
    fs.writeFileSync(earlier, 'the earlier rendition');
    const metadata = await sharp(await bytesOf(await admin.get(version.thumbnails.list))).metadata();
    expect([metadata.width, metadata.height]).toEqual([256, 128]);
    // The earlier URL names a rendition that is no longer made, so it can never show the new one.
    expect((await admin.get(version.thumbnails.list.replace('list-v2.webp', 'list.webp'))).status).toBe(400);
  });

  it('the preview rendition is a WebP within 320 × 320 keeping its alpha', async () => {
    const bytes = await bytesOf(await admin.get(first.thumbnails.preview));
    const metadata = await sharp(bytes).metadata();
    expect([metadata.format, metadata.hasAlpha]).toEqual(['webp', true]);
    expect(Math.max(metadata.width!, metadata.height!)).toBe(320);
    expect((await alphaOf(bytes)).corners).toEqual([0, 0, 0, 0]);
    console.info(`stamp d009: preview ${metadata.width}×${metadata.height} ${bytes.length} B`);
  });

  it('is answered private and immutable for a year with an ETag, and 304 to a revalidation; the full PNG stays no-store', async () => {
    const response = await admin.get(first.thumbnails.list);
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}\.list-v2\.webp"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    // As a browser revalidates (fetch would otherwise add Cache-Control: no-cache, which forbids a 304).
    const again = await admin.request('GET', first.thumbnails.list, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await again.arrayBuffer()).byteLength).toBe(0);

    expect((await admin.get(first.thumbnails.preview)).headers.get('etag')).not.toBe(etag);
    expect((await admin.get(`/api/image-versions/${first.id}/png`)).headers.get('cache-control')).toBe('no-store');
  });

  it('the URLs change when the stamp is replaced, and come back when the earlier version is used again', async () => {
    const second = await acceptStamp(officeId, 'd010-round-scan');
    const replaced = await officeOf(officeId);
    expect(replaced.stampThumbnails).toEqual(second.thumbnails);
    expect(replaced.stampThumbnails!.list).not.toBe(first.thumbnails.list);
    expect(replaced.stampThumbnails!.list).toContain(await pngHashOf(second.id));
    const newBytes = await bytesOf(await admin.get(replaced.stampThumbnails!.list));
    expect(newBytes.equals(await bytesOf(await admin.get(first.thumbnails.list)))).toBe(false);

    expect((await admin.post(`/api/image-versions/${first.id}/reinstatement`, {})).status).toBe(200);
    expect((await officeOf(officeId)).stampThumbnails).toEqual(first.thumbnails);
  });

  it("another agency's administrator gets 404 as for an unknown rendition, even revalidating; a wrong hash or name is refused too", async () => {
    const otherAdmin = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
    const etag = (await admin.get(first.thumbnails.list)).headers.get('etag')!;
    const foreign = await otherAdmin.get(first.thumbnails.list);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('cache-control')).toBe('no-store');
    expect((await otherAdmin.request('GET', first.thumbnails.list, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status).toBe(404);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const sha256 = await pngHashOf(first.id);
    const answers = [
      (await admin.get(`/api/image-versions/${unknown}/renditions/${sha256}/list-v2.webp`)).status,
      (await admin.get(`/api/image-versions/${first.id}/renditions/${'0'.repeat(64)}/list-v2.webp`)).status,
      (await admin.get(`/api/image-versions/${first.id}/renditions/${sha256}/huge.webp`)).status,
      (await admin.get(`/api/image-versions/${first.id}/renditions/${sha256.toUpperCase()}/list-v2.webp`)).status,
    ];
    expect(answers).toEqual([404, 404, 400, 400]);
  });

  it('reviewers and officers get 403, the signed-out 401, each with no-store', async () => {
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).client;
    for (const client of [reviewer, officer]) {
      const response = await client.get(first.thumbnails.list);
      expect([response.status, response.headers.get('cache-control')]).toEqual([403, 'no-store']);
    }
    const signedOut = await app.client().get(first.thumbnails.list);
    expect([signedOut.status, signedOut.headers.get('cache-control')]).toEqual([401, 'no-store']);
  });
});

describe('signature thumbnails', () => {
  it("the officer's signature images carry a preview the administrator can fetch, and another agency cannot", async () => {
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).user;
    const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadSignature(admin, officer.id, devPicture('d006-signature-scan'))).json()).id);
    expect((await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 })).status).toBe(201);
    const signature = SubjectImagesSchema.parse(await (await admin.get(`/api/officers/${officer.id}/signature`)).json());
    const preview = signature.current!.thumbnails.preview;
    expect(preview).toContain(await pngHashOf(signature.current!.id));

    const response = await admin.get(preview);
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, 'private, max-age=31536000, immutable']);
    const metadata = await sharp(await bytesOf(response)).metadata();
    expect([metadata.format, metadata.hasAlpha, Math.max(metadata.width!, metadata.height!) <= 320]).toEqual(['webp', true, true]);

    const otherAdmin = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
    expect((await otherAdmin.get(preview)).status).toBe(404);
  });
});
