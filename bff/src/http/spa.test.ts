import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '@ecoo/shared/health/api';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const mainScript = Buffer.from(`export const catalogue = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `message ${index}: Office Management`))};`);
let app: TestApp;
let unbuilt: TestApp;
beforeAll(async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app-1a2b.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  // What the build writes beside a script (scripts/precompress-assets.ts); a CSS file has no copies.
  fs.writeFileSync(path.join(dist, 'assets', 'main-9f8e.js'), mainScript);
  fs.writeFileSync(path.join(dist, 'assets', 'main-9f8e.js.br'), zlib.brotliCompressSync(mainScript));
  fs.writeFileSync(path.join(dist, 'assets', 'main-9f8e.js.gz'), zlib.gzipSync(mainScript));
  fs.writeFileSync(path.join(dist, 'assets', 'style-77aa.css'), 'body { margin: 0 }');
  app = await startTestApp({ env: { WEB_DIST: dist } });
  unbuilt = await startTestApp({ env: { WEB_DIST: path.join(dist, 'missing') } });
});
afterAll(async () => {
  await app.stop();
  await unbuilt.stop();
});

describe('serving the SPA on the same origin', () => {
  it('answers index.html, uncached, for any page path, so the SPA router decides', async () => {
    for (const page of ['/', '/register', '/review/registrations/123', '/set-password']) {
      const response = await fetch(`${app.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>console</title>');
      // Pages get the full CSP: scripts and styles from this origin only.
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const response = await fetch(`${app.baseUrl}/assets/app-1a2b.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('never answers index.html for an API path', async () => {
    const response = await fetch(`${app.baseUrl}/api/registrationz`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when the SPA is not built, says how to build it', async () => {
    const response = await fetch(`${unbuilt.baseUrl}/register`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('GET /api/health', () => {
  it('is public and says which development aids are on', async () => {
    const health = HealthSchema.parse(await (await fetch(`${app.baseUrl}/api/health`)).json());
    expect(health).toEqual({ status: 'ok', demoData: false, devOutbox: true });
  });
});

describe('compressed copies of the built assets', () => {
  /** The raw answer, undecoded (fetch would decompress it and hide what was sent). */
  const rawGet = (pathName: string, acceptEncoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.get(`${app.baseUrl}${pathName}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
    });

  it('sends the brotli copy of a script to a browser that accepts br, as JavaScript, cached as the asset is', async () => {
    const answer = await rawGet('/assets/main-9f8e.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toContain('immutable');
    expect(answer.body.length).toBeLessThan(mainScript.length / 3);
    expect(zlib.brotliDecompressSync(answer.body).equals(mainScript)).toBe(true);
  });

  it('sends the gzip copy where only gzip is accepted, and the script itself where neither is', async () => {
    const gzipped = await rawGet('/assets/main-9f8e.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(mainScript)).toBe(true);
    for (const acceptEncoding of ['identity', undefined, 'br;q=0, gzip;q=0']) {
      const plain = await rawGet('/assets/main-9f8e.js', acceptEncoding);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(mainScript)).toBe(true);
      expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    }
  });

  it('serves an asset without copies as it is, and never a copy by its own name in place of another file', async () => {
    const css = await rawGet('/assets/style-77aa.css', 'br');
    expect([css.status, css.headers['content-encoding'], css.body.toString()]).toEqual([200, undefined, 'body { margin: 0 }']);
    expect((await rawGet('/assets/..%2Findex.html', 'br')).headers['content-encoding']).toBeUndefined();
  });
});
