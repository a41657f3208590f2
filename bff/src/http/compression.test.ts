import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadStamp, waitForJob } from '../testing/image-jobs.ts';

let app: TestApp;
let admin: TestClient;
beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  admin = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
});
afterAll(() => app.stop());

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as it came over the wire: fetch would decode it. */
  wire: Buffer;
}

/** A GET as the admin's browser would send it, with this Accept-Encoding (none when undefined). */
function getOnTheWire(pathName: string, acceptEncoding: string | undefined): Promise<RawAnswer> {
  const headers: Record<string, string> = { cookie: admin.cookieHeader };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return new Promise((resolve, reject) => {
    http
      .get(`${app.baseUrl}${pathName}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, wire: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const chromeAcceptEncoding = 'gzip, deflate, br, zstd';

describe('API answers are compressed by Accept-Encoding', () => {
  let plain: Buffer;
  beforeAll(async () => {
    plain = Buffer.from(await (await admin.get('/api/openapi.json')).arrayBuffer());
  });

  it('a large JSON answer comes as brotli to a browser that accepts it, the same JSON once decoded', async () => {
    expect(plain.length).toBeGreaterThan(10_000);
    const answer = await getOnTheWire('/api/openapi.json', chromeAcceptEncoding);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.wire.length).toBeLessThan(plain.length / 4);
    expect(zlib.brotliDecompressSync(answer.wire).equals(plain)).toBe(true);
  });

  it('gzip when only gzip is accepted', async () => {
    const answer = await getOnTheWire('/api/openapi.json', 'gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(answer.wire).equals(plain)).toBe(true);
  });

  it('as it is when no encoding is accepted, or only identity', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const answer = await getOnTheWire('/api/openapi.json', acceptEncoding);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.wire.equals(plain)).toBe(true);
    }
  });

  it('a small answer (under 1 KB) is sent as it is, still marked as varying', async () => {
    const answer = await getOnTheWire('/api/no-such-thing', chromeAcceptEncoding);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
  });

  it('an image (a stamp thumbnail) is never compressed again, and keeps its caching and 304', async () => {
    const officeId = await newOffice(admin);
    const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await uploadStamp(admin, officeId, devPicture('d009-round-scan'))).json()).id);
    const accepted = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
    const version = ImageVersionSchema.parse(await accepted.json());
    for (const url of [version.thumbnails.list, version.thumbnails.preview, `/api/image-versions/${version.id}/png`]) {
      const answer = await getOnTheWire(url, chromeAcceptEncoding);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^image\//);
      expect(answer.wire.length).toBeGreaterThan(1024);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary ?? '').not.toMatch(/accept-encoding/i);
      expect(Number(answer.headers['content-length'])).toBe(answer.wire.length);
    }
    const etag = (await getOnTheWire(version.thumbnails.list, chromeAcceptEncoding)).headers.etag!;
    const again = await admin.request('GET', version.thumbnails.list, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0', 'accept-encoding': chromeAcceptEncoding } });
    expect(again.status).toBe(304);
  });
});
