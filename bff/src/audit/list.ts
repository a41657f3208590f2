import type { FieldChange } from '@ecoo/shared/offices/audit';
import type { Db } from '../db/connect.ts';

export interface AuditListEntry {
  at: string;
  actor: string | null;
  action: string;
  changes: FieldChange[];
}

const subjectEntries = (db: Pick<Db, 'selectFrom'>, subjectType: string, subjectId: string) =>
  db.selectFrom('audit_entries').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId);

/** One subject's history, newest first, with the acting user's name; `page` answers one page of it. */
export async function listAuditEntries(
  db: Pick<Db, 'selectFrom'>,
  subjectType: string,
  subjectId: string,
  page?: { page: number; pageSize: number },
): Promise<AuditListEntry[]> {
  let query = subjectEntries(db, subjectType, subjectId)
    .leftJoin('users', 'users.id', 'audit_entries.actor_id')
    .select(['audit_entries.at', 'audit_entries.action', 'audit_entries.details', 'users.name as actor'])
    .orderBy('audit_entries.at', 'desc')
    .orderBy('audit_entries.id');
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const rows = await query.execute();
  return rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, changes: (JSON.parse(row.details) as { changes?: FieldChange[] }).changes ?? [] }));
}

export async function countAuditEntries(db: Pick<Db, 'selectFrom'>, subjectType: string, subjectId: string): Promise<number> {
  const { total } = await subjectEntries(db, subjectType, subjectId).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}
