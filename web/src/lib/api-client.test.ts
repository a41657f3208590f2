import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SessionSchema } from '@ecoo/shared/accounts/schemas';
import { translate } from '@ecoo/shared/i18n/translate';
import { csrfTokens, problemResponse } from '../testing/problem-response';
import { server } from '../testing/msw-server';
import { ApiProblem, callApi, rememberCsrfToken, urlOf } from './api-client';
import { accountsApi } from '@ecoo/shared/accounts/api';
import { healthApi } from '@ecoo/shared/health/api';
import { registrationsApi } from '@ecoo/shared/registrations/api';

describe('callApi', () => {
  it('fills the path and query from the route table', () => {
    expect(urlOf(registrationsApi.getRegistration, { params: { registrationId: 'a b' } })).toBe('/api/registrations/a%20b');
    expect(urlOf(registrationsApi.listRegistrations, { query: { status: 'rejected', page: 2 } })).toBe('/api/registrations?status=rejected&page=2');
  });

  it('on a change without a token yet, reads one from the session and sends it', async () => {
    rememberCsrfToken('');
    let sent: string | null = null;
    server.use(
      http.post('/api/password-reset-requests', ({ request }) => {
        sent = request.headers.get('X-CSRF-Token');
        return new HttpResponse(null, { status: 202 });
      }),
    );

    await callApi(accountsApi.requestPasswordReset, { body: { email: 'someone@eicindia.gov.in' } });

    expect(sent).toBe(csrfTokens.initial);
  });

  it('when the BFF refuses the token (sign-in in another tab), fetches the new one and tries once more', async () => {
    rememberCsrfToken('a-token-from-before-another-tab-signed-in');
    const tokens: (string | null)[] = [];
    server.use(
      http.get('/api/session', () => HttpResponse.json(SessionSchema.parse({ user: null, csrfToken: csrfTokens.rotated, locale: 'en' }))),
      http.post('/api/password-reset-requests', ({ request }) => {
        tokens.push(request.headers.get('X-CSRF-Token'));
        return tokens.length === 1 ? problemResponse(403, 'problem.csrf') : new HttpResponse(null, { status: 202 });
      }),
    );

    await callApi(accountsApi.requestPasswordReset, { body: { email: 'someone@eicindia.gov.in' } });

    expect(tokens).toEqual(['a-token-from-before-another-tab-signed-in', csrfTokens.rotated]);
  });

  it('turns a problem answer into an ApiProblem with the BFF’s detail and field errors', async () => {
    server.use(
      http.put('/api/password', () =>
        problemResponse(400, 'problem.badRequest', {}, [{ path: 'password', code: 'validation.password.short', message: translate('en', 'validation.password.short') }]),
      ),
    );

    const failure = await callApi(accountsApi.setPassword, { body: { token: 'x'.repeat(30), password: 'short' } }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).problem.errors?.[0]?.path).toBe('password');
  });

  it('turns an answer that is not a problem (a proxy’s HTML page) into one that quotes the correlation id', async () => {
    server.use(http.get('/api/health', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html', 'X-Correlation-Id': 'corr-1' } })));

    const failure = await callApi(healthApi.getHealth).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).problem).toMatchObject({ status: 502, code: 'problem.internal', detail: translate('en', 'problem.internal', { correlationId: 'corr-1' }) });
  });

  it('refuses an answer that breaks the contract', async () => {
    server.use(http.get('/api/health', () => HttpResponse.json({ status: 'ok' })));

    await expect(callApi(healthApi.getHealth)).rejects.toThrow();
  });
});
