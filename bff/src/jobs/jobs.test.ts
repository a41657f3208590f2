import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../db/connect.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { jobRow, pendingMailJob } from '../testing/mail-jobs.ts';
import { claimJob, enqueueJob, renewLease, settleJob, JobRunner, type ClaimedJob, type JobHandler, type JobResult } from './index.ts';

const logger = pino({ level: 'silent' });
let opened: Db[] = [];
let runners: JobRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  await Promise.all(opened.map((db) => db.destroy()));
  opened = [];
  runners = [];
});

async function database(): Promise<Db> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mail job whose handler is given by the test; what it does is recorded in `runs`. */
function handler(runs: string[], run: (job: ClaimedJob, signal: AbortSignal) => Promise<JobResult>, overrides: Partial<JobHandler> = {}): JobHandler {
  return {
    kind: 'mail',
    concurrency: 1,
    backoffMs: () => 0,
    run: async (job, signal) => {
      runs.push(`${job.subjectId}#${job.attempts}`);
      return run(job, signal);
    },
    onGiveUp: async (trx, job, error) => {
      await trx.updateTable('mails').set({ status: 'failed', last_error: error }).where('id', '=', job.subjectId).execute();
    },
    ...overrides,
  };
}

describe('claiming jobs', () => {
  it('hands each due job to exactly one of many simultaneous claimers', async () => {
    const db = await database();
    for (let index = 0; index < 30; index += 1) await enqueueJob(db, { kind: 'mail', subjectId: `m${index}`, maxAttempts: 3 });
    // Forty claimers at once for thirty jobs: on PostgreSQL they race on separate connections.
    const claims = await Promise.all(Array.from({ length: 40 }, (_, index) => claimJob(db, ['mail'], `holder-${index}`, 60_000)));
    const taken = claims.filter((claim) => claim !== undefined).map((claim) => claim.subjectId);
    expect(taken.length).toBe(30);
    expect(new Set(taken).size).toBe(30);
    expect(await claimJob(db, ['mail'], 'late', 60_000)).toBeUndefined();
  });

  it('takes only the kinds asked for, and none before it is due', async () => {
    const db = await database();
    await enqueueJob(db, { kind: 'background-removal', subjectId: 'picture', maxAttempts: 3 });
    expect(await claimJob(db, ['mail'], 'mailer', 60_000)).toBeUndefined();
    await enqueueJob(db, { kind: 'mail', subjectId: 'later', maxAttempts: 3 });
    const claimed = (await claimJob(db, ['mail'], 'mailer', 60_000))!;
    expect(await settleJob(db, claimed, { state: 'queued', error: 'smtp down', afterMs: 60_000 })).toBe(true);
    expect(await claimJob(db, ['mail'], 'mailer', 60_000)).toBeUndefined();
    expect((await claimJob(db, ['background-removal'], 'remover', 60_000))?.subjectId).toBe('picture');
  });

  it('takes over a job whose lease ran out, and no longer lets the first holder write', async () => {
    const db = await database();
    await enqueueJob(db, { kind: 'mail', subjectId: 'm1', maxAttempts: 3 });
    const first = (await claimJob(db, ['mail'], 'first', 300))!;
    // While the lease runs, nobody else takes it.
    expect(await claimJob(db, ['mail'], 'second', 300)).toBeUndefined();
    await sleep(400);
    const second = (await claimJob(db, ['mail'], 'second', 60_000))!;
    expect([second.subjectId, second.attempts]).toEqual(['m1', 2]);
    expect(await renewLease(db, first, 60_000)).toBe(false);
    let firstEffectRan = false;
    expect(await settleJob(db, first, { state: 'done' }, async () => void (firstEffectRan = true))).toBe(false);
    expect(firstEffectRan).toBe(false);
    expect(await settleJob(db, second, { state: 'done' })).toBe(true);
    expect(await jobRow(db, 'mail:m1')).toMatchObject({ state: 'done', holder: null, attempts: 2 });
  });

  it('keeps a job whose holder renews its lease', async () => {
    const db = await database();
    await enqueueJob(db, { kind: 'mail', subjectId: 'm1', maxAttempts: 3 });
    const holder = (await claimJob(db, ['mail'], 'holder', 300))!;
    for (let round = 0; round < 4; round += 1) {
      await sleep(150);
      expect(await renewLease(db, holder, 300)).toBe(true);
    }
    expect(await claimJob(db, ['mail'], 'other', 300)).toBeUndefined();
  });

  it("rolls the job's effect back with it when the effect fails, so the job is still held", async () => {
    const db = await database();
    await enqueueJob(db, { kind: 'mail', subjectId: 'm1', maxAttempts: 3 });
    const holder = (await claimJob(db, ['mail'], 'holder', 60_000))!;
    await expect(settleJob(db, holder, { state: 'done' }, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await jobRow(db, 'mail:m1')).toMatchObject({ state: 'running', holder: 'holder' });
  });
});

describe('the job runner', () => {
  function start(db: Db, handlers: JobHandler[], leaseMs = 60_000): JobRunner {
    const runner = new JobRunner(db, logger, { leaseMs, pollMs: 20 }, handlers);
    runners.push(runner);
    runner.start();
    return runner;
  }

  it('retries with backoff and, at the cap, fails the job and shows it', async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    const runs: string[] = [];
    const backoffs: number[] = [];
    start(db, [handler(runs, async () => ({ outcome: 'retry', error: 'connection refused' }), { backoffMs: (attempts) => (backoffs.push(attempts), 10) })]);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).toBe('failed');
    expect(runs).toEqual(['m1#1', 'm1#2', 'm1#3']);
    expect(backoffs).toEqual([1, 2]);
    expect(await db.selectFrom('mails').select(['status', 'last_error']).executeTakeFirstOrThrow()).toEqual({ status: 'failed', last_error: 'connection refused' });
  });

  it('waits the backoff before the next attempt', async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    const runs: string[] = [];
    start(db, [handler(runs, async () => ({ outcome: 'retry', error: 'later' }), { backoffMs: () => 60_000 })]);
    await expect.poll(() => runs.length).toBe(1);
    await sleep(300);
    expect(runs).toEqual(['m1#1']);
    const row = await jobRow(db, 'mail:m1');
    expect(row.state).toBe('queued');
    expect(Date.parse(row.run_after) - Date.now()).toBeGreaterThan(50_000);
  });

  it('writes the effect of a finished job once, in the transaction that ends it', async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    const runs: string[] = [];
    const effect = async (trx: Parameters<NonNullable<Extract<JobResult, { outcome: 'done' }>['effect']>>[0]) => {
      await trx.updateTable('mails').set({ status: 'sent' }).where('id', '=', 'm1').execute();
    };
    start(db, [handler(runs, async () => ({ outcome: 'done', effect }))]);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).toBe('done');
    expect((await db.selectFrom('mails').select('status').executeTakeFirstOrThrow()).status).toBe('sent');
    expect(runs).toEqual(['m1#1']);
  });

  it("takes over the job of a runner that went silent, and the silent one's late result is discarded", async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    let releaseStuck!: () => void;
    const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    const firstRuns: string[] = [];
    // The first holder's lease renewals stop (as a frozen or killed process's would) by a lease shorter than its renew interval can keep.
    const first = new JobRunner(db, logger, { leaseMs: 200, pollMs: 20 }, [handler(firstRuns, async () => (await stuck, { outcome: 'done', effect: async (trx) => void (await trx.updateTable('mails').set({ subject: 'first' }).execute()) }))]);
    runners.push(first);
    (first as unknown as { renewLeases: () => Promise<void> }).renewLeases = async () => undefined;
    first.start();
    await expect.poll(() => firstRuns.length).toBe(1);
    const secondRuns: string[] = [];
    start(db, [handler(secondRuns, async () => ({ outcome: 'done', effect: async (trx) => void (await trx.updateTable('mails').set({ subject: 'second' }).execute()) }))]);
    await expect.poll(() => secondRuns, { timeout: 5000 }).toEqual(['m1#2']);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).toBe('done');
    releaseStuck();
    await sleep(200);
    expect((await db.selectFrom('mails').select('subject').executeTakeFirstOrThrow()).subject).toBe('second');
  });

  it('fails a job whose holders died more often than it may be attempted, without running it again', async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    await db.updateTable('jobs').set({ state: 'running', attempts: 3, holder: 'dead', lease_until: '2000-01-01T00:00:00.000Z' }).execute();
    const runs: string[] = [];
    start(db, [handler(runs, async () => ({ outcome: 'done' }))]);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).toBe('failed');
    expect(runs).toEqual([]);
    expect((await db.selectFrom('mails').select('status').executeTakeFirstOrThrow()).status).toBe('failed');
  });

  it('gives its running jobs back when stopped, for the next process to take at once', async () => {
    const db = await database();
    await pendingMailJob(db, 'm1', 3);
    const runs: string[] = [];
    const released: string[] = [];
    const runner = start(db, [handler(runs, (_job, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ outcome: 'retry', error: 'stopped' }))), { onRelease: async (_trx, job) => void released.push(job.subjectId) })]);
    await expect.poll(() => runs.length).toBe(1);
    await runner.stop();
    expect(released).toEqual(['m1']);
    // The attempt it cut short is not counted: three deploys in a row do not use up a job's attempts.
    expect(await jobRow(db, 'mail:m1')).toMatchObject({ state: 'queued', holder: null, attempts: 0 });
    const next = await claimJob(db, ['mail'], 'next', 60_000);
    expect(next?.attempts).toBe(1);
  });

  it('runs no more jobs of a kind at once than its concurrency', async () => {
    const db = await database();
    for (let index = 0; index < 6; index += 1) await pendingMailJob(db, `m${index}`, 3);
    let running = 0;
    let most = 0;
    const runs: string[] = [];
    start(db, [
      handler(
        runs,
        async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(30);
          running -= 1;
          return { outcome: 'done' };
        },
        { concurrency: 2 },
      ),
    ]);
    await expect.poll(() => runs.length, { timeout: 5000 }).toBe(6);
    expect(most).toBe(2);
  });
});
