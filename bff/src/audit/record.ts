import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';

type DbOrTrx = Pick<Db, 'insertInto'>;

export interface AuditEvent {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  agencyId: string | null;
  details: Record<string, unknown>;
}

/** Appends in the caller's transaction: if the audit row cannot be written, the change rolls back with it. */
export async function recordAudit(db: DbOrTrx, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      id: randomUUID(),
      at: nowIso(),
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      agency_id: event.agencyId,
      details: JSON.stringify(event.details),
    })
    .execute();
}
