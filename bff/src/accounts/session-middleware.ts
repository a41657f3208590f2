import type { RequestHandler } from 'express';
import { readCookie } from '../http/cookies.ts';
import { findActor, type AccountsDeps } from './service.ts';

export const sessionCookie = 'ecoo_session';

/** Puts the signed-in user, if any, on res.locals.actor; routes decide what a missing one means. */
export function loadActor(deps: AccountsDeps): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, sessionCookie);
    if (token) {
      const actor = await findActor(deps, token);
      if (actor) res.locals.actor = actor;
    }
    next();
  };
}
