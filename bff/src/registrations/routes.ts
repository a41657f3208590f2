import type { Router } from 'express';
import { registrationsApi } from '@ecoo/shared/registrations/api';
import { RegistrationListSchema } from '@ecoo/shared/registrations/schemas';
import { VersionedCache } from '../db/versioned-cache.ts';
import { mount } from '../http/mount.ts';
import { AppError } from '../http/problem.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { requestLocale } from '../accounts/index.ts';
import { confirmOfficerRequest, registerOfficer } from '../officers/index.ts';
import { registrationGate } from './submission-throttle.ts';
import {
  activateRegistration,
  getRegistration,
  listRegistrations,
  readLetter,
  rejectRegistration,
  submitRegistration,
  type RegistrationsDeps,
} from './service.ts';

export function registrationsRoutes(router: Router, deps: RegistrationsDeps): void {

  // Throttled, and uploads bounded, before the letter is read (issue 13, fault 1).
  router.post(registrationsApi.submitRegistration.path, registrationGate(deps.db, deps.limits));
  // One public Register route: an officer's request goes to the agency's administrator, and carries no letter.
  mount(router, registrationsApi.submitRegistration, async ({ body, files, req }) => {
    // The applicant's language now becomes their account's, so the mail they receive speaks it.
    const locale = requestLocale(req, null);
    if (body.role === 'officer') {
      if (files.letter) throw new AppError(400, 'problem.officerNoLetter');
      return { status: 201, body: await registerOfficer(deps, body, locale) };
    }
    const file = files.letter;
    const receipt = await submitRegistration(deps, body, file && { bytes: file.buffer, originalName: file.originalname }, locale);
    return { status: 201, body: receipt };
  });

  // Reviewers page through the same lists again and again; the JSON is kept until a registration
  // or an agency changes (their change counters), so a repeat costs one small query.
  const listCache = new VersionedCache<string>(deps.db, ['registrations', 'agencies']);
  mount(router, registrationsApi.listRegistrations, async ({ query, res }) => {
    const key = `${query.status}:${query.page}:${query.pageSize}`;
    const json = await listCache.get(key, async () => {
      const { items, total } = await listRegistrations(deps, query);
      return JSON.stringify(RegistrationListSchema.parse({ items, total, page: query.page, pageSize: query.pageSize }));
    });
    res.status(200).type('application/json').send(json);
    return 'sent';
  });

  mount(router, registrationsApi.confirmOfficerRequest, async ({ body }) => ({ status: 200, body: await confirmOfficerRequest(deps, body.token) }));

  mount(router, registrationsApi.getRegistration, async ({ params }) => ({ status: 200, body: await getRegistration(deps, params.registrationId) }));

  mount(router, registrationsApi.getRegistrationLetter, async ({ params, res }) => {
    const letter = await readLetter(deps, params.registrationId);
    res.setHeader('Content-Type', letter.contentType);
    res.setHeader('Content-Disposition', contentDisposition('inline', letter.fileName));
    // Only this console's own pages may frame the letter, and the browser must not guess its type.
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.status(200).end(letter.bytes);
    return 'sent';
  });

  mount(router, registrationsApi.activateRegistration, async ({ actor, params }) => ({
    status: 200,
    body: await activateRegistration(deps, actor, params.registrationId),
  }));

  mount(router, registrationsApi.rejectRegistration, async ({ actor, params, body }) => ({
    status: 200,
    body: await rejectRegistration(deps, actor, params.registrationId, body.reason),
  }));

}
