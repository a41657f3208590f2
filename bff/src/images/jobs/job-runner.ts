import type { Logger } from 'pino';
import type { Db } from '../../db/connect.ts';
import type { FileStore } from '../../storage/files.ts';
import { claimNextJob, maxAttempts, recordFailure, recordResults, recordStep, requeueInterruptedJobs, type ClaimedJob } from './job-store.ts';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

export interface JobRunnerOptions extends WorkerPoolOptions {
  /** How often the queue is looked at even when nobody calls wake(): jobs queued by another process. */
  pollMs: number;
}

/**
 * Feeds queued background-removal jobs from the database to the worker pool, as many at a time as
 * the pool has workers, and writes each outcome back. The database is the queue: on start, jobs a
 * stopped BFF left running are queued again, so accepted uploads are never lost. One BFF process
 * runs the queue (the embedded default); several would each requeue the others' running jobs on
 * start, so a multi-instance deployment needs leases first (see the README).
 */
export class ImageJobRunner {
  private readonly pool: WorkerPool;
  private timer?: NodeJS.Timeout;
  private isStopped = false;
  private isPumping = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions,
  ) {
    this.pool = new WorkerPool(options, logger);
  }

  async start(): Promise<void> {
    const requeued = await requeueInterruptedJobs(this.db);
    if (requeued) this.logger.info({ requeued }, 'background-removal jobs interrupted by the last stop are queued again');
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Called after a job is queued, and by the timer. */
  wake(): void {
    if (this.isStopped || this.isPumping || this.options.size === 0) return;
    this.isPumping = true;
    void this.pump().finally(() => {
      this.isPumping = false;
    });
  }

  private async pump(): Promise<void> {
    try {
      // Counted here, not from the pool: a claimed job may still be reading its file before it reaches a worker.
      while (!this.isStopped && this.inFlight.size < this.options.size) {
        const job = await claimNextJob(this.db);
        if (!job) return;
        const running = this.runJob(job).finally(() => {
          this.inFlight.delete(running);
          this.wake();
        });
        this.inFlight.add(running);
      }
    } catch (error) {
      if (!this.isStopped) this.logger.error({ err: error }, 'could not take a background-removal job from the queue');
    }
  }

  private async runJob(job: ClaimedJob): Promise<void> {
    const log = this.logger.child({ jobId: job.id, attempt: job.attempts });
    try {
      if (job.attempts > maxAttempts) {
        log.error('background-removal job was interrupted too many times; failing it');
        return await recordFailure(this.db, job, 'crashed');
      }
      const original = await this.files.get(job.originalSha256);
      if (this.isStopped) return;
      const startedAt = performance.now();
      const outcome = await this.pool.run({ jobId: job.id, original, useModel: job.useModel }, (step) => {
        if (!this.isStopped) void recordStep(this.db, job, step).catch((error) => log.warn({ err: error }, 'could not record a job step'));
      });
      // Stopping kills the workers; their jobs stay "running" and are queued again on the next start.
      if (this.isStopped) return;
      const ms = Math.round(performance.now() - startedAt);
      if (outcome.type === 'failed') {
        log.warn({ reason: outcome.reason, detail: outcome.detail, ms }, 'background removal failed');
        return await recordFailure(this.db, job, outcome.reason);
      }
      await recordResults(this.db, this.files, job, outcome);
      log.info({ chosen: outcome.chosen, why: outcome.reason, results: outcome.results.length, ms }, 'background removed');
    } catch (error) {
      if (this.isStopped) return;
      log.error({ err: error }, 'background-removal job could not be completed');
      await recordFailure(this.db, job, 'internal').catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearInterval(this.timer);
    await this.pool.close();
    await Promise.allSettled([...this.inFlight]);
  }
}
