import type { Logger } from 'pino';
import type { Db } from '../../db/connect.ts';
import type { FileStore } from '../../storage/files.ts';
import type { JobHandler } from '../../jobs/index.ts';
import { loadJobInput, markRunning, markQueued, recordFailure, recordStep, storeResultFiles, showResults } from './job-store.ts';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

/** A picture that crashed its worker (or whose holder died) this many times is failed rather than tried again. */
export const maxAttempts = 3;

/** Worth another attempt: the worker died of something other than this picture, or storage hiccuped. */
const retryable = new Set(['crashed', 'internal']);

/**
 * Background removal as a kind of job: each claimed job's picture goes to one of this process's
 * worker processes, its steps are shown as they happen, and its results become visible in the
 * transaction that ends the job, only if this process still holds it. A timeout or an out-of-memory
 * is the picture's doing and fails at once; a crash is tried again, up to `maxAttempts`.
 */
export function backgroundRemovalJobs(db: Db, files: FileStore, logger: Logger, options: WorkerPoolOptions): JobHandler {
  const pool = new WorkerPool(options, logger);
  return {
    kind: 'background-removal',
    concurrency: options.size,
    backoffMs: (attempts) => 5_000 * attempts,
    async run(job, signal) {
      const input = await loadJobInput(db, job.subjectId);
      if (!input) return { outcome: 'failed', error: 'the image job no longer exists' };
      await markRunning(db, job);
      const original = await files.get(input.originalSha256);
      const log = logger.child({ jobId: job.subjectId, attempt: job.attempts });
      const startedAt = performance.now();
      const outcome = await pool.run({ jobId: job.subjectId, original, useModel: input.useModel }, (step) => {
        if (!signal.aborted) void recordStep(db, job, step).catch((error) => log.warn({ err: error }, 'could not record a job step'));
      });
      const ms = Math.round(performance.now() - startedAt);
      if (outcome.type === 'failed') {
        log.warn({ reason: outcome.reason, detail: outcome.detail, ms }, 'background removal failed');
        if (retryable.has(outcome.reason)) return { outcome: 'retry', error: `${outcome.reason}: ${outcome.detail}` };
        return { outcome: 'failed', error: `${outcome.reason}: ${outcome.detail}`, effect: (trx) => recordFailure(trx, job, outcome.reason) };
      }
      const stored = await storeResultFiles(files, job.subjectId, outcome);
      log.info({ chosen: outcome.chosen, why: outcome.reason, results: outcome.results.length, ms }, 'background removed');
      return { outcome: 'done', effect: (trx) => showResults(trx, stored) };
    },
    onRetry: (trx, job) => markQueued(trx, job),
    onRelease: (trx, job) => markQueued(trx, job),
    // Attempts used up by crashed workers or dead holders show as a crash; anything else went wrong here.
    onGiveUp: (trx, job, error) => recordFailure(trx, job, /^(crashed|interrupted)/.test(error) ? 'crashed' : 'internal'),
    close: () => pool.close(),
  };
}
