import type { Request, Response } from 'express';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** httpOnly and SameSite=Strict: scripts cannot read it and other sites cannot send it. */
export function setStrictCookie(res: Response, name: string, value: string, isSecure: boolean, maxAgeMs?: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure: isSecure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) });
}

export function clearCookie(res: Response, name: string, isSecure: boolean): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure: isSecure, path: '/' });
}
