import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { claimJob, renewLease, settleJob, type ClaimedJob, type JobKind } from './queue.ts';

type DbOrTrx = Kysely<Database>;

/** How a handler's attempt ended; the runner writes it, with the handler's effect, only while it holds the lease. */
export type JobResult =
  | { outcome: 'done'; effect?: (trx: DbOrTrx) => Promise<void> }
  /** Worth another attempt later (a refused SMTP connection, a crashed worker); the last attempt becomes `failed`. */
  | { outcome: 'retry'; error: string }
  /** No attempt will do better (an unreadable picture). */
  | { outcome: 'failed'; error: string; effect?: (trx: DbOrTrx) => Promise<void> };

export interface JobHandler {
  kind: JobKind;
  /** Jobs of this kind one process runs at once. */
  concurrency: number;
  /** Delay before attempt `attempts + 1`, after attempt `attempts` asked for a retry. */
  backoffMs(attempts: number): number;
  run(job: ClaimedJob, signal: AbortSignal): Promise<JobResult>;
  /** Shows a retry to users (the picture is waiting again), in the transaction that queues it. */
  onRetry?(trx: DbOrTrx, job: ClaimedJob, error: string): Promise<void>;
  /** Shows the final failure: attempts used up by retries or by holders that died mid-job. */
  onGiveUp(trx: DbOrTrx, job: ClaimedJob, error: string): Promise<void>;
  /** Shows that a stopping process gave the job back (it waits in the queue again). */
  onRelease?(trx: DbOrTrx, job: ClaimedJob): Promise<void>;
  /** Called when this process stops, after its jobs have been given back. */
  close?(): Promise<void>;
}

export interface JobRunnerOptions {
  /** A lease lasts this long and is renewed at a third of it; a holder silent for longer loses its jobs. */
  leaseMs: number;
  /** How often the queue is looked at when nothing wakes the runner: work queued by other processes. */
  pollMs: number;
}

/** Names this process in the jobs it holds: host and pid for the operator, random so a restart is someone new. */
export const newHolderName = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Runs background work from the jobs table, in every process that has one (each BFF instance,
 * each `npm run worker`): claims due or abandoned jobs, up to each kind's concurrency, renews their
 * leases while they run, and writes each outcome with its effect only while still the holder. A
 * process that dies holds its jobs until their leases run out; then any other process takes them
 * over. One that stops in good order gives its jobs back at once.
 */
export class JobRunner {
  readonly holder = newHolderName();
  private readonly handlers = new Map<JobKind, JobHandler>();
  private readonly held = new Map<string, { job: ClaimedJob; abort: AbortController; done: Promise<void> }>();
  private readonly pumps = new Map<JobKind, Promise<void>>();
  /** Kinds woken while their pump was busy claiming: it looks once more before it rests. */
  private readonly wokenAgain = new Set<JobKind>();
  private pollTimer?: NodeJS.Timeout;
  private renewTimer?: NodeJS.Timeout;
  private isStopped = false;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions,
    handlers: JobHandler[],
  ) {
    for (const handler of handlers) if (handler.concurrency > 0) this.handlers.set(handler.kind, handler);
  }

  get kinds(): JobKind[] {
    return [...this.handlers.keys()];
  }

  start(): void {
    if (this.handlers.size === 0) return;
    this.pollTimer = setInterval(() => this.wakeAll(), this.options.pollMs);
    this.pollTimer.unref();
    this.renewTimer = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.options.leaseMs / 3)));
    this.renewTimer.unref();
    this.wakeAll();
  }

  /** Called after work of `kind` was queued in this process; other processes find it when they poll. */
  wake(kind: JobKind): void {
    const handler = this.handlers.get(kind);
    if (!handler || this.isStopped) return;
    if (this.pumps.has(kind)) return void this.wokenAgain.add(kind);
    const pumping = this.pump(handler).finally(() => {
      this.pumps.delete(kind);
      if (this.wokenAgain.delete(kind)) this.wake(kind);
    });
    this.pumps.set(kind, pumping);
  }

  private wakeAll(): void {
    for (const kind of this.handlers.keys()) this.wake(kind);
  }

  private heldOf(kind: JobKind): number {
    let count = 0;
    for (const entry of this.held.values()) if (entry.job.kind === kind) count += 1;
    return count;
  }

  private async pump(handler: JobHandler): Promise<void> {
    try {
      while (!this.isStopped && this.heldOf(handler.kind) < handler.concurrency) {
        const job = await claimJob(this.db, [handler.kind], this.holder, this.options.leaseMs);
        if (!job) return;
        if (this.isStopped) return void (await this.release(handler, job));
        const abort = new AbortController();
        const done = this.runJob(handler, job, abort.signal).finally(() => {
          this.held.delete(job.id);
          this.wake(handler.kind);
        });
        this.held.set(job.id, { job, abort, done });
      }
    } catch (error) {
      if (!this.isStopped) this.logger.error({ err: error, kind: handler.kind }, 'could not take a job from the queue');
    }
  }

  private async runJob(handler: JobHandler, job: ClaimedJob, signal: AbortSignal): Promise<void> {
    const log = this.logger.child({ job: job.id, attempt: job.attempts });
    if (job.attempts > job.maxAttempts) {
      // Its earlier holders all died mid-job (a picture that kills its worker, a host that keeps crashing).
      log.error('job was interrupted too many times; failing it');
      return this.record(handler, job, { outcome: 'retry', error: 'interrupted too many times' }, log);
    }
    let result: JobResult;
    try {
      result = await handler.run(job, signal);
    } catch (error) {
      result = { outcome: 'retry', error: messageOf(error) };
    }
    // Another holder has the job now: whatever this attempt did is not written.
    if (signal.reason === lostLease) return;
    // A stopping process gives back what it cut short, without counting the attempt; what it finished
    // (a mail the SMTP server took, a picture done) it still records, or the next process repeats it.
    if (signal.reason === stopping && result.outcome === 'retry') {
      await this.release(handler, job).catch((err: unknown) => log.warn({ err }, 'could not give a job back; its lease will run out instead'));
      return;
    }
    await this.record(handler, job, result, log);
  }

  /**
   * Writes the outcome, or, when that fails (the effect breaks a constraint, the database is away),
   * ends the attempt without its effect, so the cap on attempts holds whatever the effect does. If
   * even that fails, the lease runs out and another holder takes the job over.
   */
  private async record(handler: JobHandler, job: ClaimedJob, result: JobResult, log: Logger): Promise<void> {
    try {
      if (!(await this.settle(handler, job, result))) log.warn('job was taken over by another holder; this attempt is discarded');
      return;
    } catch (error) {
      log.error({ err: error }, 'could not record the outcome of a job');
      const message = `could not record the outcome: ${messageOf(error)}`.slice(0, 500);
      const isLast = result.outcome === 'failed' || job.attempts >= job.maxAttempts;
      await settleJob(this.db, job, isLast ? { state: 'failed', error: message } : { state: 'queued', error: message, afterMs: handler.backoffMs(job.attempts) }).catch(() => undefined);
    }
  }

  private async settle(handler: JobHandler, job: ClaimedJob, result: JobResult): Promise<boolean> {
    if (result.outcome === 'done') return settleJob(this.db, job, { state: 'done' }, result.effect);
    const error = result.error.slice(0, 500);
    const isLast = result.outcome === 'failed' || job.attempts >= job.maxAttempts;
    if (isLast) {
      this.logger.warn({ job: job.id, attempts: job.attempts, error }, 'job failed for good');
      return settleJob(this.db, job, { state: 'failed', error }, async (trx) => {
        if (result.outcome === 'failed' && result.effect) await result.effect(trx);
        else await handler.onGiveUp(trx, job, error);
      });
    }
    const afterMs = handler.backoffMs(job.attempts);
    this.logger.warn({ job: job.id, attempts: job.attempts, error, afterMs }, 'job failed; will retry');
    return settleJob(this.db, job, { state: 'queued', error, afterMs }, handler.onRetry && ((trx) => handler.onRetry!(trx, job, error)));
  }

  private async release(handler: JobHandler, job: ClaimedJob): Promise<void> {
    await settleJob(this.db, job, { state: 'released' }, handler.onRelease && ((trx) => handler.onRelease!(trx, job)));
  }

  private async renewLeases(): Promise<void> {
    for (const { job, abort } of [...this.held.values()]) {
      try {
        if (!(await renewLease(this.db, job, this.options.leaseMs))) {
          this.logger.warn({ job: job.id }, 'lost the lease on a job (another holder took it over); stopping it here');
          abort.abort(lostLease);
        }
      } catch (error) {
        this.logger.warn({ err: error, job: job.id }, 'could not renew a lease; will try again');
      }
    }
  }

  /**
   * Stops claiming and stops the running jobs: what they finish meanwhile is recorded, what they cut
   * short goes back to the queue for any process to take. A job still running after `graceMs` (an
   * SMTP server that does not answer) is given back as it stands; its late outcome is not written.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.isStopped) return;
    this.isStopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.renewTimer);
    for (const entry of this.held.values()) entry.abort.abort(stopping);
    for (const handler of this.handlers.values()) await handler.close?.();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    // A claim on its way when the stop came gives its job back itself (see pump): wait for it too.
    await Promise.race([Promise.allSettled([...this.pumps.values()]), grace]);
    await Promise.race([Promise.allSettled([...this.held.values()].map((entry) => entry.done)), grace]);
    clearTimeout(timer);
    for (const { job } of [...this.held.values()]) {
      await this.release(this.handlers.get(job.kind)!, job).catch((err: unknown) => this.logger.warn({ err, job: job.id }, 'could not give a job back; its lease will run out instead'));
    }
  }
}

const stopping = 'the process is stopping';
const lostLease = 'another holder took the job over';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
