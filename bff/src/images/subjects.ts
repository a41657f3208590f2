import type { ImagePurpose } from '@ecoo/shared/images/schemas';
import type { Db } from '../db/connect.ts';
import { AppError, notYourAgency } from '../http/problem.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/record.ts';
import { agencyOf, loadOwnOffice } from '../offices/service.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'updateTable' | 'insertInto'>;

/** What an image belongs to: the office whose stamp, or the officer whose signature. */
export interface ImageSubject {
  id: string;
  agencyId: string;
  currentVersionId: string | null;
}

/**
 * Loads the subject of an image, refusing another agency's (403) and an unknown one (404): the one
 * place that knows where each kind of image hangs and how it becomes current.
 */
export async function loadOwnSubject(db: DbOrTrx, actor: Actor, purpose: ImagePurpose, subjectId: string): Promise<ImageSubject> {
  if (purpose === 'office-stamp') {
    const office = await loadOwnOffice(db, actor, subjectId);
    return { id: office.id, agencyId: office.agency_id, currentVersionId: office.stamp_version_id };
  }
  const officer = await db
    .selectFrom('users')
    .select(['id', 'agency_id', 'signature_version_id'])
    .where('id', '=', subjectId)
    .where('role', '=', 'issuing-officer')
    .executeTakeFirst();
  if (!officer?.agency_id) throw new AppError(404, 'problem.officerNotFound', { id: subjectId });
  if (officer.agency_id !== agencyOf(actor)) throw notYourAgency();
  return { id: officer.id, agencyId: officer.agency_id, currentVersionId: officer.signature_version_id };
}

/** Points the subject at its new version, with an audit entry in the same transaction. */
export async function makeVersionCurrent(
  trx: DbOrTrx,
  actor: Actor,
  change: { purpose: ImagePurpose; subject: ImageSubject; versionId: string; version: number; previousVersion: number | null; at: string; how: 'accepted' | 'reinstated' },
): Promise<void> {
  const { purpose, subject, versionId, version, previousVersion, at, how } = change;
  if (purpose === 'office-stamp') await trx.updateTable('offices').set({ stamp_version_id: versionId, updated_at: at }).where('id', '=', subject.id).execute();
  else await trx.updateTable('users').set({ signature_version_id: versionId, updated_at: at }).where('id', '=', subject.id).execute();
  const [subjectType, action, field] = purpose === 'office-stamp' ? ['office', `office.stamp-${how}`, 'stampVersion'] : ['user', `officer.signature-${how}`, 'signatureVersion'];
  await recordAudit(trx, {
    actorId: actor.id,
    action,
    subjectType,
    subjectId: subject.id,
    agencyId: subject.agencyId,
    details: { changes: [{ field, before: previousVersion, after: version }] },
  });
}
