import type { Kysely } from 'kysely';
import type { JobFailureReason, JobStep } from '@ecoo/shared/images/schemas';
import type { Db } from '../../db/connect.ts';
import type { Database, ImageJobResultTable } from '../../db/schema.ts';
import { nowIso } from '../../db/connect.ts';
import type { FileStore } from '../../storage/files.ts';
import type { ClaimedJob } from '../../jobs/index.ts';
import type { ResultFiles } from './protocol.ts';

type DbOrTrx = Kysely<Database>;

/**
 * The image job a background-removal job works on (`subjectId`), as users see it. Its `attempts`
 * follows the queue's, and every write below names the attempt: one that was taken over cannot
 * overwrite the attempt that took it over.
 */
type Attempt = Pick<ClaimedJob, 'subjectId' | 'attempts'>;

export async function loadJobInput(db: Db, imageJobId: string): Promise<{ originalSha256: string; useModel: 'auto' | 'always' } | undefined> {
  const row = await db
    .selectFrom('image_jobs')
    .innerJoin('image_uploads', 'image_uploads.id', 'image_jobs.upload_id')
    .select(['image_jobs.use_model', 'image_uploads.original_sha256'])
    .where('image_jobs.id', '=', imageJobId)
    .executeTakeFirst();
  return row && { originalSha256: row.original_sha256, useModel: row.use_model };
}

export async function markRunning(db: Db, job: Attempt): Promise<void> {
  await db
    .updateTable('image_jobs')
    .set({ state: 'running', step: 'analysing', started_at: nowIso(), attempts: job.attempts })
    .where('id', '=', job.subjectId)
    .where('state', 'in', ['queued', 'running'])
    // Equal after a stopping process gave the job back uncounted; lower after a takeover. Never higher: a later attempt runs.
    .where('attempts', '<=', job.attempts)
    .execute();
}

/** Waiting again: a retry after a crash, or given back by a stopping process. */
export async function markQueued(db: DbOrTrx, job: Attempt): Promise<void> {
  await db.updateTable('image_jobs').set({ state: 'queued', step: null }).where('id', '=', job.subjectId).where('attempts', '=', job.attempts).where('state', '=', 'running').execute();
}

export async function recordStep(db: Db, job: Attempt, step: JobStep): Promise<void> {
  await db.updateTable('image_jobs').set({ step }).where('id', '=', job.subjectId).where('state', '=', 'running').where('attempts', '=', job.attempts).execute();
}

export async function recordFailure(db: DbOrTrx, job: Attempt, reason: JobFailureReason): Promise<void> {
  await db
    .updateTable('image_jobs')
    .set({ state: 'failed', step: null, failure_reason: reason, finished_at: nowIso(), attempts: job.attempts })
    .where('id', '=', job.subjectId)
    .where('state', 'in', ['queued', 'running'])
    .execute();
}

interface StoredResults {
  jobId: string;
  chosen: ResultFiles['method'];
  originalPreview: string;
  rows: ImageJobResultTable[];
}

/** The result files, each durable on its own; nothing points to them until showResults commits. */
export async function storeResultFiles(
  files: FileStore,
  jobId: string,
  outcome: { chosen: ResultFiles['method']; originalPreviewJpeg: Uint8Array; results: ResultFiles[] },
): Promise<StoredResults> {
  const put = async (bytes: Uint8Array) => (await files.put(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).key;
  const originalPreview = await put(outcome.originalPreviewJpeg);
  const rows: ImageJobResultTable[] = [];
  for (const result of outcome.results) {
    rows.push({
      job_id: jobId,
      method: result.method,
      width: result.width,
      height: result.height,
      colour_sha256: await put(result.colourPng),
      strength_sha256: await put(result.strengthPng),
      preview_width: result.previewWidth,
      preview_height: result.previewHeight,
      preview_colour_sha256: await put(result.previewColourPng),
      preview_strength_sha256: await put(result.previewStrengthPng),
    });
  }
  return { jobId, chosen: outcome.chosen, originalPreview, rows };
}

/** Makes the results visible; called in the transaction that ends the job, so exactly once per job. */
export async function showResults(trx: DbOrTrx, stored: StoredResults): Promise<void> {
  await trx
    .updateTable('image_jobs')
    .set({ state: 'done', step: null, chosen_method: stored.chosen, original_preview_sha256: stored.originalPreview, finished_at: nowIso() })
    .where('id', '=', stored.jobId)
    .execute();
  await trx.deleteFrom('image_job_results').where('job_id', '=', stored.jobId).execute();
  if (stored.rows.length) await trx.insertInto('image_job_results').values(stored.rows).execute();
}
