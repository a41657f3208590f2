import { sql } from 'kysely';
import { containsText } from '../db/contains-text.ts';
import type { OfficerCounts, OfficerStatus } from '@ecoo/shared/officers/schemas';
import type { Db } from '../db/connect.ts';
import type { OfficerRequestAgainTable, OfficerTable, UserTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom'>;

/** Account status as stored, and as User Management names it. */
export const statusOfAccount: Record<UserTable['status'], OfficerStatus> = { pending: 'pending', active: 'active', disabled: 'deactivated', rejected: 'rejected' };
export const accountStatusOf: Record<OfficerStatus, UserTable['status']> = { pending: 'pending', active: 'active', deactivated: 'disabled', rejected: 'rejected' };

const officerColumns = [
  'users.id',
  'users.name',
  'users.email',
  'users.mobile',
  'users.status',
  'users.created_at',
  'officers.agency_id',
  'officers.designation',
  'officers.requested_office_id',
  'officers.requested_at',
  'officers.decided_at',
  'officers.rejection_reason',
  'officers.signature_version_id',
  'officers.email_confirmed_at',
  'decider.name as decided_by',
  'image_versions.version as signature_version',
] as const;

const officersWithAccounts = (db: Pick<Db, 'selectFrom'>) =>
  db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .leftJoin('users as decider', 'decider.id', 'officers.decided_by')
    .leftJoin('image_versions', 'image_versions.id', 'officers.signature_version_id')
    .select(officerColumns);

export type OfficerRow = Awaited<ReturnType<typeof findOfficer>> & {};

export const findOfficer = (db: Pick<Db, 'selectFrom'>, userId: string) => officersWithAccounts(db).where('officers.user_id', '=', userId).executeTakeFirst();

export interface OfficerFilter {
  agencyId: string;
  status?: OfficerStatus;
  officeId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function filtered(db: Pick<Db, 'selectFrom'>, filter: Omit<OfficerFilter, 'page' | 'pageSize'>) {
  // A request whose email is not confirmed is not the administrator's yet.
  let query = db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .where('officers.agency_id', '=', filter.agencyId)
    .where('officers.email_confirmed_at', 'is not', null);
  if (filter.status) query = query.where('users.status', '=', accountStatusOf[filter.status]);
  if (filter.officeId) {
    const officeId = filter.officeId;
    // An officer of the office: mapped to it, or asking for it (a pending request has no mapping yet).
    query = query.where(({ and, eb, exists, or, selectFrom }) =>
      or([
        exists(selectFrom('officer_offices').select('officer_offices.office_id').whereRef('officer_offices.officer_id', '=', 'officers.user_id').where('officer_offices.office_id', '=', officeId)),
        and([eb('users.status', '=', 'pending'), eb('officers.requested_office_id', '=', officeId)]),
      ]),
    );
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => containsText(eb, ['users.name', 'users.email'], q));
  }
  return query;
}

/** One page, pending requests first (they wait for a decision), then by name. */
export async function listOfficers(db: Pick<Db, 'selectFrom'>, filter: OfficerFilter): Promise<{ ids: string[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select('officers.user_id')
      .orderBy(sql`case users.status when 'pending' then 0 else 1 end`)
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((row) => row.user_id), total: Number(count.count) };
}

export async function findOfficers(db: Pick<Db, 'selectFrom'>, ids: readonly string[]): Promise<OfficerRow[]> {
  if (ids.length === 0) return [];
  const rows = await officersWithAccounts(db).where('officers.user_id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is OfficerRow => row !== undefined);
}

/** Per status, under the list's office and search filters, so the tabs agree with the list below them. */
export async function countOfficers(db: Pick<Db, 'selectFrom'>, filter: Omit<OfficerFilter, 'status' | 'page' | 'pageSize'>): Promise<OfficerCounts> {
  const rows = await filtered(db, filter)
    .select(['users.status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('users.status')
    .execute();
  const counts: OfficerCounts = { pending: 0, active: 0, deactivated: 0, rejected: 0 };
  for (const row of rows) counts[statusOfAccount[row.status]] = Number(row.count);
  return counts;
}

export async function officeIdsOf(db: Pick<Db, 'selectFrom'>, officerIds: readonly string[]): Promise<Map<string, string[]>> {
  const byOfficer = new Map<string, string[]>();
  if (officerIds.length === 0) return byOfficer;
  const rows = await db.selectFrom('officer_offices').select(['officer_id', 'office_id']).where('officer_id', 'in', officerIds).execute();
  for (const row of rows) byOfficer.set(row.officer_id, [...(byOfficer.get(row.officer_id) ?? []), row.office_id]);
  return byOfficer;
}

export const insertOfficer = (db: DbOrTrx, row: OfficerTable) => db.insertInto('officers').values(row).execute();

export const updateOfficer = (db: Pick<Db, 'updateTable'>, userId: string, fields: Partial<Omit<OfficerTable, 'user_id' | 'agency_id'>>) =>
  db.updateTable('officers').set(fields).where('user_id', '=', userId).execute();

/** Holds a request made again after a rejection until its link is opened; a newer one replaces it. */
export const holdRequestAgain = (db: DbOrTrx, row: OfficerRequestAgainTable) =>
  db
    .insertInto('officer_requests_again')
    .values(row)
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ name: row.name, mobile: row.mobile, designation: row.designation, requested_office_id: row.requested_office_id, locale: row.locale, requested_at: row.requested_at }))
    .execute();

/** The held request, removed as it is taken. */
export async function takeHeldRequestAgain(db: DbOrTrx, userId: string): Promise<OfficerRequestAgainTable | undefined> {
  const held = await db.selectFrom('officer_requests_again').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (held) await db.deleteFrom('officer_requests_again').where('user_id', '=', userId).execute();
  return held;
}

/** Replaces the officer's offices with exactly these. */
export async function setOfficerOffices(db: DbOrTrx, officerId: string, officeIds: readonly string[], by: string | null, at: string): Promise<void> {
  await db.deleteFrom('officer_offices').where('officer_id', '=', officerId).execute();
  if (officeIds.length > 0) {
    await db.insertInto('officer_offices').values(officeIds.map((officeId) => ({ officer_id: officerId, office_id: officeId, mapped_at: at, mapped_by: by }))).execute();
  }
}

export const activeAdministratorEmails = async (db: Pick<Db, 'selectFrom'>, agencyId: string) =>
  (await db.selectFrom('users').select(['email', 'name']).where('agency_id', '=', agencyId).where('role', '=', 'agency-admin').where('status', '=', 'active').execute());

/** Whether an administrator ever decided on this officer's request (a rejection stays in the history). */
export const wasEverDecided = async (db: Pick<Db, 'selectFrom'>, userId: string) =>
  Boolean(
    await db
      .selectFrom('audit_entries')
      .select('id')
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', userId)
      .where('action', 'in', ['officer.approved', 'officer.rejected'])
      .executeTakeFirst(),
  );

export async function deleteOfficer(db: Pick<Db, 'deleteFrom'>, userId: string): Promise<void> {
  await db.deleteFrom('officer_offices').where('officer_id', '=', userId).execute();
  await db.deleteFrom('officers').where('user_id', '=', userId).execute();
}
