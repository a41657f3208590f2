import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '@ecoo/shared/health/api';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
let unbuilt: TestApp;
beforeAll(async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app-1a2b.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
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
