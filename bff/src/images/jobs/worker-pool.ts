import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { JobStep } from '@ecoo/shared/images/schemas';
import type { JobOutcome, RunJobMessage, WorkerMessage } from './protocol.ts';

export interface WorkerPoolOptions {
  /** Worker processes at most; each may hold the ~1 GB subject model, so this bounds memory. */
  size: number;
  /** A job still running after this long is stopped (its worker is killed) and failed. */
  jobTimeoutMs: number;
  /**
   * A worker left without a job this long is stopped, which gives back the ~1 GB its subject model
   * holds; the next job starts a fresh worker (and loads the model again if it needs it).
   */
  idleMs: number;
  /** The worker's module; tests use small stand-ins that sleep or crash on demand. */
  workerEntry?: URL;
}

interface Slot {
  child: ChildProcess;
  busy?: { jobId: string; finish: (outcome: JobOutcome) => void };
  idleTimer?: NodeJS.Timeout;
}

const removalWorker = new URL('./removal-worker.ts', import.meta.url);
// The worker is TypeScript like the rest of the BFF: run it through the same tsx loader.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A bounded set of worker processes, started on demand and kept (with their loaded model) between
 * jobs. A worker that dies or is stopped leaves the pool at once, so no later job is sent to it;
 * its own job is reported as timed out, crashed or out of memory.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private isClosed = false;

  constructor(
    private readonly options: WorkerPoolOptions,
    private readonly logger: Logger,
  ) {}

  /** Worker processes alive now (busy or idle); never more than `size`. */
  get processCount(): number {
    return this.slots.length;
  }

  /** The caller keeps at most `size` jobs in run() at once (the job runner does). */
  run(job: Omit<RunJobMessage, 'type'>, onStep: (step: JobStep) => void): Promise<JobOutcome> {
    if (this.isClosed) return Promise.resolve({ type: 'failed', jobId: job.jobId, reason: 'internal', detail: 'the worker pool is closed' });
    const slot = this.slots.find((candidate) => !candidate.busy) ?? this.spawn();
    clearTimeout(slot.idleTimer);
    return new Promise((resolve) => {
      const finish = (outcome: JobOutcome) => {
        if (slot.busy?.jobId !== job.jobId) return;
        clearTimeout(timer);
        slot.child.off('message', onMessage);
        slot.busy = undefined;
        this.stopWhenIdle(slot);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.logger.warn({ jobId: job.jobId, timeoutMs: this.options.jobTimeoutMs }, 'background-removal job timed out; stopping its worker');
        this.retire(slot);
        finish({ type: 'failed', jobId: job.jobId, reason: 'timeout', detail: 'timed out' });
      }, this.options.jobTimeoutMs);
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress' && message.jobId === job.jobId) onStep(message.step);
        if ((message.type === 'done' || message.type === 'failed') && message.jobId === job.jobId) finish(message);
      };
      slot.busy = { jobId: job.jobId, finish };
      slot.child.on('message', onMessage);
      slot.child.send({ type: 'run', ...job } satisfies RunJobMessage, (error) => {
        if (error) this.fail(slot, 'crashed', `could not send the job: ${error.message}`);
      });
    });
  }

  private spawn(): Slot {
    if (this.slots.length >= this.options.size) throw new Error('worker pool: every worker is busy; keep at most `size` jobs in run()');
    const child = fork(this.options.workerEntry ?? removalWorker, [], {
      execArgv: ['--import', tsxLoader],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child };
    this.slots.push(slot);
    child.once('exit', (code, signal) => {
      // V8 aborts (SIGABRT, exit 134) when the heap is exhausted; anything else is a crash.
      this.fail(slot, signal === 'SIGABRT' || code === 134 ? 'out-of-memory' : 'crashed', `worker exited (${signal ?? code})`);
    });
    // fork() reports EAGAIN/ENOMEM and broken IPC here; unhandled, the event would stop the BFF.
    child.on('error', (error) => this.fail(slot, 'crashed', `worker error: ${error.message}`));
    return slot;
  }

  private stopWhenIdle(slot: Slot): void {
    if (this.isClosed || !this.slots.includes(slot)) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.busy) return;
      this.logger.info({ pid: slot.child.pid, idleMs: this.options.idleMs }, 'background-removal worker idle; stopping it to give back its memory');
      this.retire(slot);
    }, this.options.idleMs);
    // An idle worker's timer must not keep a finished process (a test, a CLI) alive.
    slot.idleTimer.unref();
  }

  /** Takes a worker out of the pool and kills it; whatever it was doing is finished by the caller. */
  private retire(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
  }

  private fail(slot: Slot, reason: 'crashed' | 'out-of-memory', detail: string): void {
    const isMember = this.slots.includes(slot);
    this.retire(slot);
    if (!isMember || !slot.busy) return;
    if (!this.isClosed) this.logger.error({ jobId: slot.busy.jobId, detail }, 'background-removal worker died during a job');
    slot.busy.finish({ type: 'failed', jobId: slot.busy.jobId, reason, detail });
  }

  /** Kills the workers. Their jobs stay "running" in the database and are queued again on the next start. */
  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.all(
      [...this.slots].map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
            slot.child.once('exit', () => resolve());
            slot.child.kill('SIGKILL');
          }),
      ),
    );
  }
}
