import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { JobStep } from '@ecoo/shared/images/schemas';
import { WorkerPool } from './worker-pool.ts';
import type { JobOutcome } from './protocol.ts';

const standIn = new URL('./testing/stand-in-worker.ts', import.meta.url);
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function poolOf(size: number, jobTimeoutMs = 10_000, idleMs = 600_000): WorkerPool {
  const pool = new WorkerPool({ size, jobTimeoutMs, idleMs, workerEntry: standIn }, pino({ level: 'silent' }));
  pools.push(pool);
  return pool;
}

let sequence = 0;
function runOn(pool: WorkerPool, instruction: { sleepMs: number; crash?: boolean }, steps: JobStep[] = []): Promise<JobOutcome> {
  sequence += 1;
  return pool.run({ jobId: `job-${sequence}`, original: Buffer.from(JSON.stringify(instruction)), useModel: 'auto' }, (step) => steps.push(step));
}

const pidOf = (outcome: JobOutcome) => (outcome.type === 'done' ? outcome.reason : `failed: ${outcome.reason}`);

describe('WorkerPool', () => {
  it('never runs more processes than its size, and keeps them for the next jobs', async () => {
    const pool = poolOf(2);
    const steps: JobStep[] = [];
    const first = await Promise.all([runOn(pool, { sleepMs: 200 }, steps), runOn(pool, { sleepMs: 200 })]);
    expect(pool.processCount).toBe(2);
    const second = await Promise.all([runOn(pool, { sleepMs: 10 }), runOn(pool, { sleepMs: 10 })]);
    expect(pool.processCount).toBe(2);
    const pids = new Set([...first, ...second].map(pidOf));
    expect([...pids].every((pid) => pid.startsWith('pid '))).toBe(true);
    expect(pids.size).toBe(2);
    expect(steps).toEqual(['analysing']);
  });

  it('fails a job over the time limit as "timeout", and sends the next job to a fresh worker, not the one being killed', async () => {
    const pool = poolOf(1, 1_500);
    const slow = await runOn(pool, { sleepMs: 20_000 });
    expect(slow).toMatchObject({ type: 'failed', reason: 'timeout' });
    const next = await runOn(pool, { sleepMs: 10 });
    expect(next.type).toBe('done');
  });

  it('fails the job of a worker that dies as "crashed", and replaces the worker', async () => {
    const pool = poolOf(1);
    const before = await runOn(pool, { sleepMs: 10 });
    const crashed = await runOn(pool, { sleepMs: 10, crash: true });
    expect(crashed).toMatchObject({ type: 'failed', reason: 'crashed', detail: 'worker exited (3)' });
    const after = await runOn(pool, { sleepMs: 10 });
    expect(after.type).toBe('done');
    expect(pidOf(after)).not.toBe(pidOf(before));
  });

  it('stops a worker left idle for its idle time (giving back the model\'s memory), not one kept busy, and starts a fresh one for the next job', async () => {
    const pool = poolOf(1, 10_000, 1_000);
    const first = await runOn(pool, { sleepMs: 10 });
    const firstPid = Number(pidOf(first).replace('pid ', ''));
    // Jobs closer together than the idle time keep the same worker, loaded model and all; so does one longer than it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await runOn(pool, { sleepMs: 1_500 });
    expect(pidOf(second)).toBe(pidOf(first));
    expect(pool.processCount).toBe(1);
    await expect.poll(() => pool.processCount, { timeout: 5_000 }).toBe(0);
    await expect.poll(() => isAlive(firstPid), { timeout: 5_000 }).toBe(false);
    const third = await runOn(pool, { sleepMs: 10 });
    expect(third.type).toBe('done');
    expect(pidOf(third)).not.toBe(pidOf(first));
  });

  it('once closed, kills its workers and runs nothing more', async () => {
    const pool = poolOf(1);
    await runOn(pool, { sleepMs: 10 });
    await pool.close();
    expect(pool.processCount).toBe(0);
    expect(await runOn(pool, { sleepMs: 10 })).toMatchObject({ type: 'failed', reason: 'internal' });
    expect(pool.processCount).toBe(0);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
