import type { RequestHandler, Response, Router } from 'express';
import { specimenRegisterApi } from '@ecoo/shared/specimen-register/api';
import { mount } from '../http/mount.ts';
import { createRegisterLink, getMyRegisterLink, openRegister, readRegisterImage, revokeRegisterLink, type SpecimenRegisterDeps } from './service.ts';

/**
 * Answers that carry or follow from a token: the address must not leave the page as a Referer (the
 * API's own header already says so), search engines must not list a link someone pasted somewhere
 * public, and no shared cache may keep the register or its pictures (the API's no-store).
 */
function markCapability(res: Response): void {
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * The same headers on the SPA's page at /register/<token>, which holds the token in its address.
 * The SPA's handler, which comes after, marks index.html no-cache (a shared cache may keep it and
 * revalidate, filing the address with it); here no-store stays, and the Cache-Control it would
 * write is dropped for this answer only.
 */
export const registerPageHeaders: RequestHandler = (req, res, next) => {
  if (/^\/register\/[^/]+\/?$/.test(req.path) && req.path !== '/register/confirm') {
    markCapability(res);
    const setHeader = res.setHeader.bind(res);
    res.setHeader = ((name: string, value: number | string | readonly string[]) => (name.toLowerCase() === 'cache-control' ? res : setHeader(name, value))) as typeof res.setHeader;
  }
  next();
};

export function specimenRegisterRoutes(router: Router, deps: SpecimenRegisterDeps): void {
  mount(router, specimenRegisterApi.getMyRegisterLink, async ({ actor }) => ({ status: 200, body: await getMyRegisterLink(deps, actor) }));
  mount(router, specimenRegisterApi.createRegisterLink, async ({ actor }) => ({ status: 201, body: await createRegisterLink(deps, actor) }));
  mount(router, specimenRegisterApi.revokeRegisterLink, async ({ actor, params }) => {
    await revokeRegisterLink(deps, actor, params.linkId);
    return { status: 204 };
  });
  mount(router, specimenRegisterApi.getSpecimenRegister, async ({ params, query, res }) => {
    markCapability(res);
    return { status: 200, body: await openRegister(deps, params.token, query) };
  });
  mount(router, specimenRegisterApi.getSpecimenRegisterImage, async ({ params, res }) => {
    markCapability(res);
    const bytes = await readRegisterImage(deps, params.token, params.versionId, params.size);
    res.setHeader('Content-Type', 'image/webp');
    res.status(200).end(bytes);
    return 'sent';
  });
}
