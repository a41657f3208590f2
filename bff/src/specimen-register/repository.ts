import type { Db } from '../db/connect.ts';
import type { SpecimenRegisterLinkTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;
export type LinkRow = SpecimenRegisterLinkTable;

/** The agency's link that is not revoked, if any: at most one (a partial unique index). */
export const findActiveLink = (db: Pick<Db, 'selectFrom'>, agencyId: string): Promise<LinkRow | undefined> =>
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

/** The agency as the register names it. */
export const findAgency = (db: Pick<Db, 'selectFrom'>, agencyId: string) => db.selectFrom('agencies').select(['name', 'code']).where('id', '=', agencyId).executeTakeFirst();

/** The agency's offices that ever had a stamp accepted, with what the register shows of them. */
export const officesWithStamps = (db: Pick<Db, 'selectFrom'>, agencyId: string, officeIds: readonly string[]) =>
  officeIds.length === 0 ? Promise.resolve([]) : db.selectFrom('offices').select(['id', 'code', 'name', 'city']).where('agency_id', '=', agencyId).where('id', 'in', officeIds).orderBy('code').execute();

/**
 * The agency's approved officers (active or deactivated since) that ever had a signature accepted:
 * name and designation only, no contact details; when they were approved, since a signature may be
 * accepted while the request waits. An officer whose request waits or was refused signs nothing.
 */
export const officersWithSignatures = (db: Pick<Db, 'selectFrom'>, agencyId: string, officerIds: readonly string[]) =>
  officerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('officers')
        .innerJoin('users', 'users.id', 'officers.user_id')
        .select(['users.id', 'users.name', 'officers.designation', 'officers.decided_at'])
        .where('officers.agency_id', '=', agencyId)
        .where('officers.user_id', 'in', officerIds)
        .where('users.status', 'in', ['active', 'disabled'])
        .orderBy('users.name')
        .execute();

/** When each of these officers was deactivated (recorded, and with effect from), until their reactivation (null: still deactivated). */
export const deactivationsOf = (db: Pick<Db, 'selectFrom'>, officerIds: readonly string[]) =>
  officerIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('account_revocations').select(['user_id', 'effective_date', 'revoked_at', 'reactivated_at']).where('user_id', 'in', officerIds).orderBy('revoked_at').execute();

/** When each of these offices was closed, until it was opened again (null: still closed). */
export const officeDeactivationsOf = (db: Pick<Db, 'selectFrom'>, officeIds: readonly string[]) =>
  officeIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('office_deactivations').select(['office_id', 'deactivated_at', 'reactivated_at']).where('office_id', 'in', officeIds).orderBy('deactivated_at').execute();

/** One accepted version of the agency, with its subject, for its picture. */
export const findAgencyVersion = (db: Pick<Db, 'selectFrom'>, agencyId: string, versionId: string) =>
  db.selectFrom('image_versions').select(['id', 'purpose', 'subject_id', 'png_sha256']).where('id', '=', versionId).where('agency_id', '=', agencyId).executeTakeFirst();
