import { randomUUID } from 'node:crypto';
import type { ImagePurpose } from '@ecoo/shared/images/schemas';
import type { Db } from '../db/connect.ts';
import type { ImageUsePeriodTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;

/**
 * A version becomes the subject's image in use (accepted, or reinstated): the period of the one in
 * use until now ends and the new one's begins at the same instant, in the caller's transaction, so
 * the specimen register never sees two stamps in use at once nor a gap between them.
 */
export async function beginUsePeriod(trx: DbOrTrx, change: { agencyId: string; purpose: ImagePurpose; subjectId: string; versionId: string; at: string }): Promise<void> {
  await endUsePeriod(trx, change);
  await trx
    .insertInto('image_use_periods')
    .values({ id: randomUUID(), agency_id: change.agencyId, purpose: change.purpose, subject_id: change.subjectId, version_id: change.versionId, began_at: change.at, ended_at: null })
    .execute();
}

/**
 * The subject's image stops being in use without another taking over (an officer's request made
 * again clears the signature): its open period ends at that instant, in the caller's transaction.
 */
export async function endUsePeriod(trx: DbOrTrx, change: { purpose: ImagePurpose; subjectId: string; at: string }): Promise<void> {
  await trx.updateTable('image_use_periods').set({ ended_at: change.at }).where('purpose', '=', change.purpose).where('subject_id', '=', change.subjectId).where('ended_at', 'is', null).execute();
}

export interface UsePeriod extends Pick<ImageUsePeriodTable, 'purpose' | 'subject_id' | 'version_id' | 'began_at' | 'ended_at'> {
  version: number;
  accepted_at: string;
  png_sha256: string;
  width: number;
  height: number;
}

/** Every period of use of the agency's stamps and signatures (or of one subject's), oldest first per subject, with its version. */
export function usePeriodsOfAgency(db: Pick<Db, 'selectFrom'>, agencyId: string, subjectId?: string): Promise<UsePeriod[]> {
  return db
    .selectFrom('image_use_periods as p')
    .innerJoin('image_versions as v', 'v.id', 'p.version_id')
    .select(['p.purpose', 'p.subject_id', 'p.version_id', 'p.began_at', 'p.ended_at', 'v.version', 'v.accepted_at', 'v.png_sha256', 'v.width', 'v.height'])
    .where('p.agency_id', '=', agencyId)
    .$if(subjectId !== undefined, (query) => query.where('p.subject_id', '=', subjectId!))
    .orderBy('p.subject_id')
    .orderBy('p.began_at')
    .execute();
}
