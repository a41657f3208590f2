import { createHash, randomUUID } from 'node:crypto';
import { AuditEventSchema, type AuditEvent, type AuditSubjectType } from '@ecoo/shared/audit/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';

type DbOrTrx = Pick<Db, 'insertInto' | 'selectFrom'>;

/** Who acted on what; the action and its details come from the one vocabulary in shared/audit. */
export type AuditRecord = AuditEvent & {
  actorId: string | null;
  subjectType: AuditSubjectType;
  subjectId: string;
  agencyId: string | null;
  /** Derived from the subject where it is an office or an officer; given where another subject concerns one. */
  officeId?: string | null;
  officerId?: string | null;
};

/**
 * How a secret (a password link's token, a key) enters the trail: the first 16 hex digits of its
 * SHA-256. Unsalted on purpose: whoever holds a leaked link can find its entry, nobody can go back.
 */
export const secretFingerprint = (secret: string): string => `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)}`;

const isOfficerAction = (action: AuditEvent['action']) => action.startsWith('officer.') || action.startsWith('dsc.');

/**
 * Appends in the caller's transaction: if the audit row cannot be written, the change rolls back with
 * it. The details are parsed against the action's schema first, so a details shape the vocabulary
 * does not know (a secret in clear under a new name, say) fails the change rather than being stored.
 */
export async function recordAudit(db: DbOrTrx, record: AuditRecord): Promise<void> {
  const event = AuditEventSchema.parse({ action: record.action, details: record.details });
  const actor = record.actorId ? await db.selectFrom('users').select('role').where('id', '=', record.actorId).executeTakeFirst() : undefined;
  await db
    .insertInto('audit_entries')
    .values({
      id: randomUUID(),
      at: nowIso(),
      actor_id: record.actorId,
      actor_role: actor?.role ?? null,
      action: event.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      agency_id: record.agencyId,
      office_id: record.officeId ?? (record.subjectType === 'office' ? record.subjectId : null),
      officer_id: record.officerId ?? (record.subjectType === 'user' && isOfficerAction(event.action) ? record.subjectId : null),
      details: JSON.stringify(event.details),
    })
    .execute();
}
