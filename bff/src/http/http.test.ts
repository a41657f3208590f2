import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { api } from '@ecoo/shared/api';
import { addUser, startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('GET /api/openapi.json', () => {
  it('documents every operation of the shared route table with its operationId and security', async () => {
    const doc = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, { in: string; name: string }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(api).sort());
    for (const [operationId, endpoint] of Object.entries(api)) {
      const op = doc.paths[endpoint.path.replace(/:(\w+)/g, '{$1}')]?.[endpoint.method];
      expect(op?.operationId).toBe(operationId);
      expect(op?.security).toEqual(endpoint.access.kind === 'public' ? [] : [{ session: [] }]);
      if (endpoint.access.kind === 'signed-in') expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'ecoo_session' });
  });
});

describe('errors and headers', () => {
  it('an unknown API path answers a 404 problem with a correlation id that matches the header', async () => {
    const response = await fetch(`${app.baseUrl}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it('a body that is not JSON answers a 400 problem', async () => {
    const client = app.client();
    await client.get('/api/session');
    const response = await fetch(`${app.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookieHeader, 'x-csrf-token': client.cookie('ecoo_csrf') ?? '' },
      body: '{"email": "a@b.c", "password": ',
    });
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.errors?.[0]).toEqual({ path: '', code: 'problem.jsonSyntax', message: 'The body is not valid JSON; nothing was changed.' });
  });

  it('sets API security headers: a CSP that loads and frames nothing, nosniff, DENY, no-store, no x-powered-by', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('logs each request as structured JSON with its correlation id, and never the cookies or the password', async () => {
    const user = await addUser(app.db, 'dgft-reviewer');
    const client = app.client();
    await client.signIn(user.email, user.password);
    const response = await client.get('/api/session');
    const correlationId = response.headers.get('x-correlation-id') ?? '';
    const line = app.logs.find((entry) => entry.includes(correlationId));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({ req: { method: 'GET', url: '/api/session' }, res: { statusCode: 200 } });
    const all = app.logs.join('\n');
    expect(all).not.toContain(client.cookie('ecoo_session'));
    expect(all).not.toContain(client.cookie('ecoo_csrf'));
    expect(all).not.toContain(user.password);
  });
});
