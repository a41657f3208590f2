import type { Registration, RegistrationStatus, RegistrationSummary } from '@ecoo/shared/registrations/schemas';
import type { Db } from '../db/connect.ts';
import type { RegistrationTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;

const withAgencyAndDecider = (db: DbOrTrx) =>
  db
    .selectFrom('registrations')
    .innerJoin('agencies', 'agencies.id', 'registrations.agency_id')
    .leftJoin('users as deciders', 'deciders.id', 'registrations.decided_by')
    .selectAll('registrations')
    .select(['agencies.name as agency_name', 'deciders.name as decider_name']);

type Row = RegistrationTable & { agency_name: string; decider_name: string | null };
type SummaryRow = Pick<Row, 'id' | 'name' | 'email' | 'agency_id' | 'agency_name' | 'role' | 'status' | 'submitted_at'>;

const rowToSummary = (row: SummaryRow): RegistrationSummary => ({
  id: row.id,
  name: row.name,
  email: row.email,
  agency: { id: row.agency_id, name: row.agency_name },
  role: row.role,
  status: row.status,
  submittedAt: row.submitted_at,
});

export const rowToRegistration = (row: Row): Registration => ({
  ...rowToSummary(row),
  mobile: row.mobile,
  letter: { fileName: row.letter_file_name, contentType: row.letter_content_type, sizeBytes: row.letter_size, sha256: row.letter_sha256 },
  decidedAt: row.decided_at,
  decidedBy: row.decider_name,
  rejectionReason: row.rejection_reason,
});

export async function findRegistration(db: DbOrTrx, id: string): Promise<(Registration & { row: Row }) | undefined> {
  const row = await withAgencyAndDecider(db).where('registrations.id', '=', id).executeTakeFirst();
  return row ? { ...rowToRegistration(row), row } : undefined;
}

export async function listRegistrations(
  db: DbOrTrx,
  filter: { status: RegistrationStatus; page: number; pageSize: number },
): Promise<{ items: RegistrationSummary[]; total: number }> {
  // Pending ones are worked oldest first; decided ones are looked up newest first. The id breaks
  // ties in the same direction, so either order reads straight off the (status, submitted_at, id) index.
  const order = filter.status === 'pending' ? 'asc' : 'desc';
  // Only the summary's columns: this is the reviewer's busiest page, and every column read costs on every row.
  // The count stays a query of its own that reads the index alone; count(*) over () would make SQLite
  // build every matching row before the limit, about ten times slower with 1,000 pending.
  const [rows, count] = await Promise.all([
    db
      .selectFrom('registrations')
      .innerJoin('agencies', 'agencies.id', 'registrations.agency_id')
      .select([
        'registrations.id',
        'registrations.name',
        'registrations.email',
        'registrations.agency_id',
        'agencies.name as agency_name',
        'registrations.role',
        'registrations.status',
        'registrations.submitted_at',
      ])
      .where('registrations.status', '=', filter.status)
      .orderBy('registrations.submitted_at', order)
      .orderBy('registrations.id', order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('total')).where('status', '=', filter.status).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(rowToSummary), total: Number(count.total) };
}

export const hasPendingRegistration = async (db: DbOrTrx, email: string) =>
  Boolean(await db.selectFrom('registrations').select('id').where('email', '=', email).where('status', '=', 'pending').executeTakeFirst());

export const insertRegistration = (db: DbOrTrx, row: RegistrationTable) => db.insertInto('registrations').values(row).execute();

export const decideRegistration = (
  db: DbOrTrx,
  id: string,
  decision: Pick<RegistrationTable, 'status' | 'decided_at' | 'decided_by' | 'rejection_reason' | 'user_id'>,
) => db.updateTable('registrations').set(decision).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();

export const rejectedWithLetterBefore = (db: DbOrTrx, decidedBefore: string, limit: number) =>
  db
    .selectFrom('registrations')
    .select(['id', 'letter_sha256'])
    .where('status', '=', 'rejected')
    .where('decided_at', '<', decidedBefore)
    .where('letter_removed_at', 'is', null)
    .limit(limit)
    .execute();

/** True for the one caller that marks it. */
export async function markLetterRemoved(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('registrations').set({ letter_removed_at: at }).where('id', '=', id).where('letter_removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether any registration still keeps a letter with these bytes. */
export const isLetterKept = async (db: DbOrTrx, key: string) =>
  Boolean(await db.selectFrom('registrations').select('id').where('letter_sha256', '=', key).where('letter_removed_at', 'is', null).executeTakeFirst());

export const letterRemovedAt = async (db: DbOrTrx, id: string) =>
  (await db.selectFrom('registrations').select('letter_removed_at').where('id', '=', id).executeTakeFirst())?.letter_removed_at ?? null;
