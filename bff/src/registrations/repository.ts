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

const rowToSummary = (row: Row): RegistrationSummary => ({
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
  // Pending ones are worked oldest first; decided ones are looked up newest first.
  const order = filter.status === 'pending' ? 'asc' : 'desc';
  const [rows, count] = await Promise.all([
    withAgencyAndDecider(db)
      .where('registrations.status', '=', filter.status)
      .orderBy('registrations.submitted_at', order)
      .orderBy('registrations.id')
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
