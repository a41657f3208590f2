import { sql } from 'kysely';
import type { BackgroundJob, ImagePurpose, ImageVersion } from '@ecoo/shared/images/schemas';
import { thumbnailsOf } from '@ecoo/shared/images/renditions';
import type { Db } from '../db/connect.ts';
import type { ImageJobResultTable, ImageJobTable, ImageUploadTable, ImageVersionTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;

export type JobRow = ImageJobTable & Pick<ImageUploadTable, 'purpose' | 'subject_id' | 'file_name' | 'original_sha256'>;
export type VersionRow = ImageVersionTable & { accepted_by_name: string | null };

const jobsWithUploads = (db: DbOrTrx) =>
  db
    .selectFrom('image_jobs')
    .innerJoin('image_uploads', 'image_uploads.id', 'image_jobs.upload_id')
    .selectAll('image_jobs')
    .select(['image_uploads.purpose', 'image_uploads.subject_id', 'image_uploads.file_name', 'image_uploads.original_sha256']);

export const findJob = (db: DbOrTrx, id: string): Promise<JobRow | undefined> => jobsWithUploads(db).where('image_jobs.id', '=', id).executeTakeFirst();

export async function latestJobFor(db: DbOrTrx, purpose: ImagePurpose, subjectId: string): Promise<JobRow | undefined> {
  return jobsWithUploads(db)
    .where('image_uploads.purpose', '=', purpose)
    .where('image_uploads.subject_id', '=', subjectId)
    .orderBy('image_jobs.queued_at', 'desc')
    .orderBy('image_jobs.id', 'desc')
    .executeTakeFirst();
}

export const resultsOf = (db: DbOrTrx, jobId: string): Promise<ImageJobResultTable[]> =>
  db.selectFrom('image_job_results').selectAll().where('job_id', '=', jobId).orderBy('method').execute();

/** Queued jobs that started waiting before this one: its place in the queue. */
export async function jobsAhead(db: DbOrTrx, job: Pick<ImageJobTable, 'queued_at' | 'id'>): Promise<number> {
  const row = await db
    .selectFrom('image_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('state', '=', 'queued')
    .where((eb) => eb.or([eb('queued_at', '<', job.queued_at), eb.and([eb('queued_at', '=', job.queued_at), eb('id', '<', job.id)])]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function unfinishedJobCount(db: DbOrTrx, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('image_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('agency_id', '=', agencyId)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function jobRowToJob(row: JobRow, results: ImageJobResultTable[], ahead: number | null): BackgroundJob {
  return {
    id: row.id,
    uploadId: row.upload_id,
    purpose: row.purpose,
    subjectId: row.subject_id,
    fileName: row.file_name,
    useModel: row.use_model,
    state: row.state,
    step: row.state === 'running' ? row.step : null,
    jobsAhead: row.state === 'queued' ? ahead : null,
    failureReason: row.failure_reason,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    chosenMethod: row.chosen_method,
    candidates: results.map((result) => ({
      method: result.method,
      width: result.width,
      height: result.height,
      previewWidth: result.preview_width,
      previewHeight: result.preview_height,
    })),
    acceptedVersionId: row.accepted_version_id,
  };
}

const versionsWithNames = (db: DbOrTrx) =>
  db.selectFrom('image_versions').leftJoin('users', 'users.id', 'image_versions.accepted_by').selectAll('image_versions').select('users.name as accepted_by_name');

export const findVersion = (db: DbOrTrx, id: string): Promise<VersionRow | undefined> =>
  versionsWithNames(db).where('image_versions.id', '=', id).executeTakeFirst();

export const versionsOf = (db: DbOrTrx, purpose: ImagePurpose, subjectId: string): Promise<VersionRow[]> =>
  versionsWithNames(db).where('purpose', '=', purpose).where('subject_id', '=', subjectId).orderBy('version', 'desc').execute();

export async function nextVersionNumber(db: DbOrTrx, purpose: ImagePurpose, subjectId: string): Promise<number> {
  const row = await db
    .selectFrom('image_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('purpose', '=', purpose)
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export const versionRowToVersion = (row: VersionRow, currentId: string | null): ImageVersion => ({
  id: row.id,
  purpose: row.purpose,
  subjectId: row.subject_id,
  version: row.version,
  width: row.width,
  height: row.height,
  method: row.method,
  sensitivity: row.sensitivity,
  jobId: row.job_id,
  acceptedAt: row.accepted_at,
  acceptedBy: row.accepted_by_name ?? '',
  isCurrent: row.id === currentId,
  thumbnails: thumbnailsOf(row.id, row.png_sha256),
});
