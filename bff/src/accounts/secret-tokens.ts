import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret for a cookie or an emailed link; only its SHA-256 is stored, so a database leak grants nothing. */
export function newSecretToken(): { token: string; idHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
