import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { readCookie, setStrictCookie } from './cookies.ts';
import { csrfRejected } from './problem.ts';

export const csrfCookie = 'ecoo_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit token: the httpOnly cookie holds it, GET /api/session hands it to our own page,
 * and every change must echo it in X-CSRF-Token. Another site can neither read the token nor
 * add the header without a CORS grant, which the BFF never gives. The Origin check is a second line:
 * only the console's own origins (`consoleOrigins`), never whatever matches the Host the request chose.
 */
export function csrfProtection(options: { origins: readonly string[] }): RequestHandler {
  const allowedOrigins = new Set(options.origins);
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin && !allowedOrigins.has(origin)) return next(csrfRejected());
    const cookie = readCookie(req, csrfCookie);
    const header = req.headers[csrfHeader];
    if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) return next(csrfRejected());
    next();
  };
}

/** The request's CSRF token, issuing a fresh one when the browser has none (or after sign-in). */
export function csrfTokenFor(req: Request, res: Response, isSecureCookie: boolean, rotate = false): string {
  const existing = readCookie(req, csrfCookie);
  if (existing && existing.length >= 32 && !rotate) return existing;
  const token = randomBytes(32).toString('base64url');
  setStrictCookie(res, csrfCookie, token, isSecureCookie);
  return token;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
