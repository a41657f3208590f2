import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema, type Problem } from '@ecoo/shared/problem';
import { translate } from '@ecoo/shared/i18n/translate';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import { addUser, startTestApp, testPassword, type TestApp } from '../testing/test-app.ts';

// Issue 13, fault 4: a client's malformed request is the client's mistake, so it answers a 4xx problem that
// says what to do, is logged at warn (never as an unhandled error) and changes nothing.
let app: TestApp;
let email: string;
beforeAll(async () => {
  app = await startTestApp();
  ({ email } = await addUser(app.db, 'dgft-reviewer'));
});
afterAll(() => app.stop());

interface RawAnswer { status: number; contentType: string; body: string; setCookies: string[] }

/** A request the way a hostile or broken client writes it: node:http, so no header or body is mended on the way. */
function raw(method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          setCookies: response.headers['set-cookie'] ?? [],
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function csrf(): Promise<Record<string, string>> {
  const client = app.client();
  await client.get('/api/session');
  return { cookie: client.cookieHeader, 'x-csrf-token': client.cookie('ecoo_csrf') ?? '' };
}

const errorLines = (from: number) => app.logs.slice(from).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
const lastRequestLine = (from: number) =>
  app.logs.slice(from).map((line) => JSON.parse(line) as { level: number; msg: string; res?: { statusCode: number } }).filter((line) => line.msg === 'request completed').at(-1);

function expectClientProblem(answer: RawAnswer, status: number, code: MessageKey, params: Record<string, string> = {}): Problem {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toContain('application/problem+json');
  const problem = ProblemSchema.parse(JSON.parse(answer.body));
  expect(problem.code).toBe(code);
  expect(problem.detail).toBe(translate('en', code, { ...params, correlationId: problem.correlationId }));
  expect(problem.detail).not.toMatch(/helpdesk/);
  return problem;
}

describe('malformed requests (issue 13, fault 4)', () => {
  it('a path parameter with malformed percent-encoding answers 400 problem.malformedPath, logged at warn', async () => {
    const before = app.logs.length;
    const answer = await raw('GET', '/api/image-jobs/%zz', {});
    expectClientProblem(answer, 400, 'problem.malformedPath');
    expect(errorLines(before)).toEqual([]);
    expect(lastRequestLine(before)).toMatchObject({ level: 40, res: { statusCode: 400 } });
  });

  it('JSON declared in iso-8859-1 answers 415 problem.jsonCharset and signs nobody in', async () => {
    const before = app.logs.length;
    const body = JSON.stringify({ email, password: testPassword });
    const answer = await raw('POST', '/api/session', { ...(await csrf()), 'content-type': 'application/json; charset=iso-8859-1' }, body);
    expectClientProblem(answer, 415, 'problem.jsonCharset');
    expect(answer.setCookies.some((line) => line.startsWith('ecoo_session='))).toBe(false);
    expect(errorLines(before)).toEqual([]);
  });

  it('an unknown Content-Encoding answers 415 problem.contentEncoding and signs nobody in', async () => {
    const before = app.logs.length;
    const body = JSON.stringify({ email, password: testPassword });
    const answer = await raw('POST', '/api/session', { ...(await csrf()), 'content-type': 'application/json', 'content-encoding': 'br2' }, body);
    expectClientProblem(answer, 415, 'problem.contentEncoding', { encoding: 'br2' });
    expect(answer.setCookies.some((line) => line.startsWith('ecoo_session='))).toBe(false);
    expect(errorLines(before)).toEqual([]);
  });

  it('a gzip body that is not gzip answers 400 problem.bodyUnreadable and signs nobody in', async () => {
    const before = app.logs.length;
    const answer = await raw('POST', '/api/session', { ...(await csrf()), 'content-type': 'application/json', 'content-encoding': 'gzip' }, Buffer.from('not gzip at all, just garbage bytes'));
    expectClientProblem(answer, 400, 'problem.bodyUnreadable');
    expect(answer.setCookies.some((line) => line.startsWith('ecoo_session='))).toBe(false);
    expect(errorLines(before)).toEqual([]);
    expect(lastRequestLine(before)).toMatchObject({ level: 40, res: { statusCode: 400 } });
  });

  it('a gzip body cut short answers 400 problem.bodyUnreadable', async () => {
    const whole = gzipSync(JSON.stringify({ email, password: testPassword }));
    const answer = await raw('POST', '/api/session', { ...(await csrf()), 'content-type': 'application/json', 'content-encoding': 'gzip' }, whole.subarray(0, whole.length - 12));
    expectClientProblem(answer, 400, 'problem.bodyUnreadable');
  });

  it('a well-formed gzip body is still read', async () => {
    const body = gzipSync(JSON.stringify({ email, password: testPassword }));
    const answer = await raw('POST', '/api/session', { ...(await csrf()), 'content-type': 'application/json', 'content-encoding': 'gzip' }, body);
    expect(answer.status).toBe(200);
  });

  it('a body the client abandons half-way is logged at warn or below, not as an unhandled error', async () => {
    const before = app.logs.length;
    const headers = { ...(await csrf()), 'content-type': 'application/json', 'content-length': '1000' };
    await new Promise<void>((resolve) => {
      const request = http.request(`${app.baseUrl}/api/session`, { method: 'POST', headers });
      request.on('error', () => resolve());
      request.write('{"email": "someone@example.com", "pass');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    // Nobody reads an answer to an abandoned request, so its one trace is the log line about it.
    await expect.poll(() => app.logs.slice(before).some((line) => line.includes('"method":"POST"')), { timeout: 5_000 }).toBe(true);
    expect(errorLines(before)).toEqual([]);
  });
});
