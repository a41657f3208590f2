import type { RequestHandler } from 'express';

/**
 * The headers an API answer needs (OWASP REST Security cheat sheet), fixed once: JSON is never a
 * page, so it may not load anything, be framed or be sniffed into one. The SPA's pages get helmet's
 * fuller set instead. Answers that are meant to be framed (the letter) replace the frame rules.
 */
export function apiHeaders(options: { isSecure: boolean }): RequestHandler {
  const headers: Array<[string, string]> = [
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    // Names, emails and letters must not stay in shared or browser caches.
    ['Cache-Control', 'no-store'],
    ...(options.isSecure ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as Array<[string, string]>) : []),
  ];
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
