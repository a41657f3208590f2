import type { Router } from 'express';
import { accountsApi } from '@ecoo/shared/accounts/api';
import { clearCookie, readCookie, setStrictCookie } from '../http/cookies.ts';
import { csrfTokenFor } from '../http/csrf.ts';
import { mount } from '../http/mount.ts';
import { findActor, requestPasswordReset, sessionPolicy, setPassword, signIn, signOut, toSessionUser, type AccountsDeps } from './service.ts';
import { sessionCookie } from './session-middleware.ts';
import { adoptBrowserLanguage, rememberLanguage, requestLocale } from './language.ts';

export function accountsRoutes(router: Router, deps: AccountsDeps & { isSecureCookie: boolean }): void {

  mount(router, accountsApi.getSession, async ({ req, res, actor }) => ({
    status: 200,
    body: { user: actor ? toSessionUser(actor) : null, csrfToken: csrfTokenFor(req, res, deps.isSecureCookie), locale: requestLocale(req, actor) },
  }));

  mount(router, accountsApi.chooseLanguage, async ({ body, req, res, actor }) => {
    await rememberLanguage(deps.db, res, actor, body.locale, deps.isSecureCookie);
    return { status: 204 };
  });

  mount(router, accountsApi.signIn, async ({ body, req, res }) => {
    const { sessionToken } = await signIn(deps, body.email, body.password, req.ip ?? 'unknown');
    // The session this browser had before, if any, ends: one browser, one session.
    const previous = readCookie(req, sessionCookie);
    if (previous) await signOut(deps, previous);
    setStrictCookie(res, sessionCookie, sessionToken, deps.isSecureCookie, sessionPolicy.absoluteMs);
    const found = await findActor(deps, sessionToken);
    if (!found) throw new Error('a session just created could not be read back');
    const actor = await adoptBrowserLanguage(deps.db, req, found);
    // A new CSRF token with the new session, so one seen before sign-in is worth nothing after it.
    return { status: 200, body: { user: toSessionUser(actor), csrfToken: csrfTokenFor(req, res, deps.isSecureCookie, true), locale: requestLocale(req, actor) } };
  });

  mount(router, accountsApi.signOut, async ({ req, res }) => {
    const token = readCookie(req, sessionCookie);
    if (token) await signOut(deps, token);
    clearCookie(res, sessionCookie, deps.isSecureCookie);
    return { status: 204 };
  });

  mount(router, accountsApi.requestPasswordReset, async ({ body, req }) => {
    await requestPasswordReset(deps, body.email, req.ip ?? 'unknown');
    return { status: 202 };
  });

  mount(router, accountsApi.setPassword, async ({ body }) => {
    await setPassword(deps, body.token, body.password);
    return { status: 204 };
  });

}
