import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { addUser, startTestApp, testPassword, type TestApp } from '../testing/test-app.ts';

// Issue 13, fault 8: the console answers only at PUBLIC_URL's host, and a change is accepted only from
// PUBLIC_URL's origin, not from any origin that equals the Host header the request itself chose.
let app: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  [app, proxied] = await Promise.all([startTestApp(), startTestApp({ env: { TRUST_PROXY: 'loopback' } })]);
});
afterAll(() => Promise.all([app.stop(), proxied.stop()]));

interface RawAnswer { status: number; body: string; setCookies: string[] }

/** node:http, because fetch will not let a test choose the Host header. */
function raw(on: TestApp, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${on.baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookies: response.headers['set-cookie'] ?? [] }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A CSRF cookie and its token, as a page at that host would hold them. */
async function csrfPair(on: TestApp, host?: string): Promise<Record<string, string>> {
  const answer = await raw(on, 'GET', '/api/session', host ? { host } : {});
  const token = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
  return { cookie: `ecoo_csrf=${token}`, 'x-csrf-token': token };
}

async function signInWith(on: TestApp, headers: Record<string, string>): Promise<RawAnswer> {
  const { email } = await addUser(on.db, 'dgft-reviewer');
  return raw(on, 'POST', '/api/session', { 'content-type': 'application/json', ...(await csrfPair(on)), ...headers }, JSON.stringify({ email, password: testPassword }));
}

const hostOf = (on: TestApp) => new URL(on.baseUrl).host;
const signedIn = (answer: RawAnswer) => answer.setCookies.some((line) => line.startsWith('ecoo_session=') && !line.startsWith('ecoo_session=;'));

describe('the Host header (issue 13, fault 8)', () => {
  it('a request for another host (DNS rebinding) answers 421 problem.wrongHost, and the development outbox shows nothing', async () => {
    const answer = await raw(app, 'GET', '/api/dev/outbox', { host: 'attacker.example' });
    expect(answer.status).toBe(421);
    const problem = ProblemSchema.parse(JSON.parse(answer.body));
    expect(problem.code).toBe('problem.wrongHost');
    expect(problem.detail).toContain(app.config.publicUrl);
  });

  it('a page asked for under another host answers 421 too', async () => {
    expect((await raw(app, 'GET', '/', { host: 'attacker.example' })).status).toBe(421);
    expect((await raw(app, 'GET', '/api/session', { host: `attacker.example:${new URL(app.baseUrl).port}` })).status).toBe(421);
  });

  it('a sign-in sent to another host from a page of that host (its own Origin and CSRF pair) is refused and signs nobody in', async () => {
    const answer = await signInWith(app, { host: 'attacker.example', origin: 'http://attacker.example' });
    expect(answer.status).toBe(421);
    expect(signedIn(answer)).toBe(false);
  });

  it("PUBLIC_URL's own host is served, in any letter case", async () => {
    expect((await raw(app, 'GET', '/api/session', { host: hostOf(app) })).status).toBe(200);
    expect((await raw(app, 'GET', '/api/session', { host: hostOf(app).toUpperCase() })).status).toBe(200);
  });

  it('on a loopback PUBLIC_URL outside production, any loopback name and port is served (the bench, a developer at localhost)', async () => {
    expect((await raw(app, 'GET', '/api/session', { host: 'localhost:9999' })).status).toBe(200);
    expect((await raw(app, 'GET', '/api/session', { host: '[::1]' })).status).toBe(200);
  });

  it("the health check answers under any host, for a load balancer that probes an instance by its address", async () => {
    const answer = await raw(app, 'GET', '/api/health', { host: '10.0.0.5:8080' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
  });
});

describe('the Origin of a change (issue 13, fault 8)', () => {
  it("an Origin that matches the Host only under the scheme a proxy claims is not PUBLIC_URL's, so 403 problem.csrf", async () => {
    const answer = await signInWith(proxied, { 'x-forwarded-proto': 'https', origin: `https://${hostOf(proxied)}` });
    expect(answer.status).toBe(403);
    expect(ProblemSchema.parse(JSON.parse(answer.body)).code).toBe('problem.csrf');
    expect(signedIn(answer)).toBe(false);
  });

  it("PUBLIC_URL's origin signs in", async () => {
    const answer = await signInWith(app, { origin: app.config.publicUrl });
    expect(answer.status).toBe(200);
    expect(signedIn(answer)).toBe(true);
  });

  it('on a loopback PUBLIC_URL outside production, the Vite dev server of `npm run dev` (which forwards /api without changing the Host) signs in', async () => {
    const answer = await signInWith(app, { host: 'localhost:5173', origin: 'http://localhost:5173' });
    expect(answer.status).toBe(200);
  });

  it('another origin is refused with 403 problem.csrf', async () => {
    const answer = await signInWith(app, { origin: 'http://localhost:5174' });
    expect(answer.status).toBe(403);
    expect(signedIn(answer)).toBe(false);
  });
});
