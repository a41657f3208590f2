import type { FieldChange } from '@ecoo/shared/offices/audit';
import type { Db } from '../db/connect.ts';

export interface AuditListEntry {
  at: string;
  actor: string | null;
  action: string;
  changes: FieldChange[];
}

/** One subject's history, newest first, with the acting user's name. */
export async function listAuditEntries(db: Pick<Db, 'selectFrom'>, subjectType: string, subjectId: string): Promise<AuditListEntry[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .leftJoin('users', 'users.id', 'audit_entries.actor_id')
    .select(['audit_entries.at', 'audit_entries.action', 'audit_entries.details', 'users.name as actor'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('audit_entries.at', 'desc')
    .orderBy('audit_entries.id')
    .execute();
  return rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, changes: (JSON.parse(row.details) as { changes?: FieldChange[] }).changes ?? [] }));
}
