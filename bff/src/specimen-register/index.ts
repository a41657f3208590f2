/**
 * The specimen register's public surface: its routes, and what the specimen certificate needs to
 * point its QR code at the register's entry.
 */
import type { Db } from '../db/connect.ts';
import { findActiveLink } from './repository.ts';

export { registerPageHeaders, specimenRegisterRoutes } from './routes.ts';
export type { SpecimenRegisterDeps } from './service.ts';

/**
 * The agency's register link that is not revoked; undefined when the administrator has none. Its
 * id as well as its token: a specimen keeps the id of the link whose token its QR carries.
 */
export async function activeRegisterLink(db: Pick<Db, 'selectFrom'>, agencyId: string): Promise<{ id: string; token: string } | undefined> {
  const link = await findActiveLink(db, agencyId);
  return link && { id: link.id, token: link.token };
}

/** Where the register opens on one office's stamp and one officer's signature as in use on a day (YYYY-MM-DD). */
export function registerEntryPath(token: string, entry: { officeId: string; officerId: string; date: string }): string {
  const encode = encodeURIComponent;
  return `/register/${encode(token)}?office=${encode(entry.officeId)}&officer=${encode(entry.officerId)}&date=${encode(entry.date)}`;
}
