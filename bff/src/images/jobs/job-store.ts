import type { JobFailureReason, JobStep } from '@ecoo/shared/images/schemas';
import type { Db } from '../../db/connect.ts';
import type { ImageJobResultTable } from '../../db/schema.ts';
import { nowIso } from '../../db/connect.ts';
import type { FileStore } from '../../storage/files.ts';
import type { ResultFiles } from './protocol.ts';

/** A job that crashed its worker this many times is failed rather than tried again. */
export const maxAttempts = 3;

export interface ClaimedJob {
  id: string;
  originalSha256: string;
  useModel: 'auto' | 'always';
  attempts: number;
}

/**
 * Jobs left "running" by a BFF that stopped (deploy, crash, power cut) go back to the queue: the
 * worker's results were never stored, so running them again loses nothing and repeats nothing.
 */
export async function requeueInterruptedJobs(db: Db): Promise<number> {
  const result = await db.updateTable('image_jobs').set({ state: 'queued', step: null }).where('state', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Takes the oldest queued job, or none; one UPDATE, so two runners can never take the same job. */
export async function claimNextJob(db: Db): Promise<ClaimedJob | undefined> {
  return db.transaction().execute(async (trx) => {
    const next = await trx
      .selectFrom('image_jobs')
      .innerJoin('image_uploads', 'image_uploads.id', 'image_jobs.upload_id')
      .select(['image_jobs.id', 'image_jobs.use_model', 'image_jobs.attempts', 'image_uploads.original_sha256'])
      .where('image_jobs.state', '=', 'queued')
      .orderBy('image_jobs.queued_at')
      .orderBy('image_jobs.id')
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await trx
      .updateTable('image_jobs')
      .set({ state: 'running', step: 'analysing', started_at: nowIso(), attempts: next.attempts + 1 })
      .where('id', '=', next.id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return undefined;
    return { id: next.id, originalSha256: next.original_sha256, useModel: next.use_model, attempts: next.attempts + 1 };
  });
}

/** Only the attempt that holds the job may write to it: a requeued job's earlier run cannot overwrite the later one. */
type Attempt = Pick<ClaimedJob, 'id' | 'attempts'>;

export async function recordStep(db: Db, job: Attempt, step: JobStep): Promise<void> {
  await db.updateTable('image_jobs').set({ step }).where('id', '=', job.id).where('state', '=', 'running').where('attempts', '=', job.attempts).execute();
}

export async function recordFailure(db: Db, job: Attempt, reason: JobFailureReason): Promise<void> {
  await db
    .updateTable('image_jobs')
    .set({ state: 'failed', step: null, failure_reason: reason, finished_at: nowIso() })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Files first (each durable on its own), then one transaction that makes the results visible. */
export async function recordResults(
  db: Db,
  files: FileStore,
  job: Attempt,
  outcome: { chosen: ResultFiles['method']; originalPreviewJpeg: Uint8Array; results: ResultFiles[] },
): Promise<void> {
  const jobId = job.id;
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
  await db.transaction().execute(async (trx) => {
    const held = await trx
      .updateTable('image_jobs')
      .set({ state: 'done', step: null, chosen_method: outcome.chosen, original_preview_sha256: originalPreview, finished_at: nowIso() })
      .where('id', '=', jobId)
      .where('state', '=', 'running')
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) return;
    await trx.deleteFrom('image_job_results').where('job_id', '=', jobId).execute();
    if (rows.length) await trx.insertInto('image_job_results').values(rows).execute();
  });
}
