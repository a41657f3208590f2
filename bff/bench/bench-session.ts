import { csrfCookie, csrfHeader } from '../src/http/csrf.ts';
import { sessionCookie } from '../src/accounts/index.ts';

/** The `name=value` pair of one Set-Cookie of the answer. */
export function cookieFrom(response: Response, name: string): string {
  const pair = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!).find((cookie) => cookie.startsWith(`${name}=`));
  if (!pair) throw new Error(`${response.url} answered ${response.status} without the ${name} cookie`);
  return pair;
}

/** The browser's first call: a CSRF token in the body and the same token in the httpOnly cookie. */
export async function openSession(base: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${base}/api/session`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookieFrom(response, csrfCookie), token: csrfToken };
}

export function signInRequest(base: string, csrf: { cookie: string; token: string }, account: { email: string; password: string }) {
  return {
    url: `${base}/api/session`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', cookie: csrf.cookie, [csrfHeader]: csrf.token },
    body: JSON.stringify({ email: account.email, password: account.password }),
  };
}

/** Signs in as a browser would; the headers (cookies and the new CSRF token) every later call sends. */
export async function signInAs(base: string, account: { email: string; password: string }): Promise<{ cookie: string } & Record<string, string>> {
  const request = signInRequest(base, await openSession(base), account);
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  if (response.status !== 200) throw new Error(`${account.email} could not sign in: ${response.status} ${await response.text()}`);
  // Signing in issues a new CSRF token, in the body and in its cookie.
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: `${cookieFrom(response, sessionCookie)}; ${cookieFrom(response, csrfCookie)}`, [csrfHeader]: csrfToken };
}
