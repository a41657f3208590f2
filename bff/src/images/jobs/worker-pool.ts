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
}

interface Slot {
  child: ChildProcess;
  busy?: { jobId: string; finish: (outcome: JobOutcome) => void; timer: NodeJS.Timeout };
}

const workerEntry = new URL('./removal-worker.ts', import.meta.url);
// The worker is TypeScript like the rest of the BFF: run it through the same tsx loader.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A bounded set of worker processes, started on demand and kept (with their loaded model) between
 * jobs. A worker that dies is replaced on the next job; its job is reported as crashed or out of memory.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private isClosed = false;

  constructor(
    private readonly options: WorkerPoolOptions,
    private readonly logger: Logger,
  ) {}

  get idleCapacity(): number {
    if (this.isClosed) return 0;
    const busy = this.slots.filter((slot) => slot.busy).length;
    return this.options.size - busy;
  }

  run(job: Omit<RunJobMessage, 'type'>, onStep: (step: JobStep) => void): Promise<JobOutcome> {
    const slot = this.slots.find((candidate) => !candidate.busy) ?? this.spawn();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn({ jobId: job.jobId, timeoutMs: this.options.jobTimeoutMs }, 'background-removal job timed out; stopping its worker');
        finish({ type: 'failed', jobId: job.jobId, reason: 'timeout', detail: 'timed out' });
        slot.child.kill('SIGKILL');
      }, this.options.jobTimeoutMs);
      const finish = (outcome: JobOutcome) => {
        if (slot.busy?.jobId !== job.jobId) return;
        clearTimeout(timer);
        slot.child.off('message', onMessage);
        slot.busy = undefined;
        resolve(outcome);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress' && message.jobId === job.jobId) onStep(message.step);
        if ((message.type === 'done' || message.type === 'failed') && message.jobId === job.jobId) finish(message);
      };
      slot.busy = { jobId: job.jobId, finish, timer };
      slot.child.on('message', onMessage);
      slot.child.send({ type: 'run', ...job } satisfies RunJobMessage);
    });
  }

  private spawn(): Slot {
    if (this.slots.length >= this.options.size) throw new Error('worker pool: no idle worker; check idleCapacity first');
    const child = fork(workerEntry, [], {
      execArgv: ['--import', tsxLoader],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child };
    this.slots.push(slot);
    child.once('exit', (code, signal) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (!slot.busy) return;
      // V8 aborts (SIGABRT, exit 134) when the heap is exhausted; anything else is a crash.
      const reason = signal === 'SIGABRT' || code === 134 ? 'out-of-memory' : 'crashed';
      if (!this.isClosed) this.logger.error({ jobId: slot.busy.jobId, code, signal }, 'background-removal worker died during a job');
      slot.busy.finish({ type: 'failed', jobId: slot.busy.jobId, reason, detail: `worker exited (${signal ?? code})` });
    });
    return slot;
  }

  /** Kills the workers. Their jobs stay "running" in the database and are queued again on the next start. */
  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.all(
      this.slots.map(
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
