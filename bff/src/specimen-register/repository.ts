import type { Db } from '../db/connect.ts';
import type { SpecimenRegisterLinkTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;
export type LinkRow = SpecimenRegisterLinkTable;

/** The agency's link that is not revoked, if any: at most one (a partial unique index). */
export const findActiveLink = (db: DbOrTrx, agencyId: string): Promise<LinkRow | undefined> =>
  db.selectFrom('specimen_register_links').selectAll().where('agency_id', '=', agencyId).where('revoked_at', 'is', null).executeTakeFirst();

/** The link a token opens, only while it is not revoked. */
export const findActiveLinkByToken = (db: DbOrTrx, token: string): Promise<LinkRow | undefined> =>
  db.selectFrom('specimen_register_links').selectAll().where('token', '=', token).where('revoked_at', 'is', null).executeTakeFirst();

export async function insertLink(db: DbOrTrx, link: LinkRow): Promise<void> {
  await db.insertInto('specimen_register_links').values(link).execute();
}

/** True when this call revoked it; a second revocation at once finds it revoked and answers false. */
export async function revokeLink(db: DbOrTrx, linkId: string, by: string, at: string): Promise<boolean> {
  const result = await db.updateTable('specimen_register_links').set({ revoked_by: by, revoked_at: at }).where('id', '=', linkId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
