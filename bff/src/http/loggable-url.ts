import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * The audit trail's secretFingerprint (audit/record.ts), written here again because importing it
 * would close a cycle (audit -> db -> http/problem -> here); loggable-url.test.ts checks the two agree.
 */
const fingerprint = (secret: string): string => `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)}`;

/**
 * Paths whose segment is a capability: whoever reads it can open what it opens, so it must not
 * reach the log (operations, the log service, a support export). The specimen register's token
 * (the page /register/<token>, its JSON and its pictures under /api/register/<token>); the
 * registration confirmation keeps its token in the fragment, which no server sees.
 */
const capabilityPaths: readonly RegExp[] = [/^(\/api)?\/register\/(?!confirm(?:[/?#]|$))([^/?#]+)/];

/**
 * The request's address as it may be logged: each capability replaced by its fingerprint (the one
 * the audit trail keeps), so a log line can still be matched with the link's trail entries.
 */
export function loggableUrl(req: Pick<Request, 'originalUrl'>): string {
  let url = req.originalUrl;
  for (const pattern of capabilityPaths) url = url.replace(pattern, (whole, api: string | undefined, secret: string) => `${api ?? ''}/register/${fingerprint(secret)}`);
  return url;
}
