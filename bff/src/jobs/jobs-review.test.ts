/**
 * The job module reviewed as an attacker and a chaos engineer would: each test states a guarantee
 * the module claims (queue.ts, runner.ts, README "Several instances, workers and PostgreSQL") under a
 * fault that broke it before it was fixed: stops during work, cut connections, writes that fail,
 * upgrades mid-job, Accepts at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { Migrator, sql, type Migration } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPostgres, connectSqlite, nowIso, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { Mailer } from '../mail/mailer.ts';
import { LocalDiskFileStore } from '../storage/files.ts';
import { freshPostgresUrl, testDatabaseKind } from '../testing/test-database.ts';
import { addAgency, addUser, signedInAs, startTestApp, testPaymentKeySecret, type TestApp } from '../testing/test-app.ts';
import { startConsoleProcess } from '../testing/console-process.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { jobRow, pendingMailJob } from '../testing/mail-jobs.ts';
import { newOffice } from '../testing/image-jobs.ts';
import { backgroundRemovalJobs } from '../images/index.ts';
import { enqueueJob, JobRunner, type JobHandler, type JobResult } from './index.ts';

const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  cleanups = [];
});

/**
 * Another session takes `table` for writing, as a long transaction, a backup or a slow commit would:
 * reads go on, writes wait until `unlock`. On SQLite that is the one write lock of the file.
 */
async function lockForWrites(where: { sqliteFile: string } | { postgresUrl: string }, table: string) {
  if ('postgresUrl' in where) {
    const client = new pg.Client({ connectionString: where.postgresUrl });
    await client.connect();
    await client.query('begin');
    await client.query(`lock table ${table} in exclusive mode`);
    return {
      // Every lock not yet granted in this database: writers of the table, and those queued behind them
      // on an advisory lock (an agency's renders take turns).
      waiting: async () => Number((await client.query(`select count(*) as n from pg_locks where not granted and database = (select oid from pg_database where datname = current_database())`)).rows[0].n),
      unlock: async () => {
        await client.query('commit');
        await client.end();
      },
    };
  }
  const other = new SQLite(where.sqliteFile);
  other.pragma('busy_timeout = 1000');
  other.exec('begin immediate');
  return {
    // SQLite cannot say who waits for its lock; the writers retry every few milliseconds, so a moment is enough.
    waiting: async () => (await sleep(500), Number.POSITIVE_INFINITY),
    unlock: async () => {
      other.exec('commit');
      other.close();
    },
  };
}

/** A database of the kind under test, with what it takes to open it again and to hold its writes. */
async function database(options: { migrate?: boolean } = {}) {
  const where: { sqliteFile: string } | { postgresUrl: string } =
    testDatabaseKind === 'postgres' ? { postgresUrl: await freshPostgresUrl() } : { sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-review-')), 'test.sqlite') };
  const open = () => ('postgresUrl' in where ? connectPostgres(where.postgresUrl) : connectSqlite(where.sqliteFile));
  const db = open();
  if (options.migrate !== false) await migrateToLatest(db);
  return { db, reopen: open, lockJobs: () => lockForWrites(where, 'jobs') };
}


function runner(db: Db, handlers: JobHandler[], options: { leaseMs?: number; pollMs?: number } = {}): JobRunner {
  const jobs = new JobRunner(db, logger, { leaseMs: options.leaseMs ?? 60_000, pollMs: options.pollMs ?? 20 }, handlers);
  cleanups.push(() => jobs.stop());
  jobs.start();
  return jobs;
}

/** A mail-kind handler that runs until it is stopped, as a long SMTP conversation or a 16-megapixel picture does. */
function untilStopped(runs: string[]): JobHandler {
  return {
    kind: 'mail',
    concurrency: 1,
    backoffMs: () => 0,
    run: (job, signal) => {
      runs.push(`${job.subjectId}#${job.attempts}`);
      return new Promise<JobResult>((resolve) => signal.addEventListener('abort', () => resolve({ outcome: 'retry', error: 'stopped' })));
    },
    onGiveUp: async () => undefined,
  };
}

/** An SMTP server that takes each mail at once but answers 250 only when the test says so (a slow relay). */
async function slowSmtp() {
  const received: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','));
        void gate.then(() => callback());
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received, answer: () => open() };
}

describe('stopping in good order', () => {
  it('giving a job back on stop does not use up one of its attempts: three restarts do not fail a job that never failed', async () => {
    const { db } = await database();
    cleanups.push(() => db.destroy());
    await pendingMailJob(db, 'm1', 3);
    const runs: string[] = [];
    // Three rolling deploys (or scale-ins) while the job runs: each process stops in good order and gives it back.
    for (let restart = 1; restart <= 3; restart += 1) {
      const jobs = runner(db, [untilStopped(runs)]);
      await expect.poll(() => runs.length).toBe(restart);
      await jobs.stop();
    }
    const last: string[] = [];
    runner(db, [{ ...untilStopped(last), run: async (job) => (last.push(`${job.subjectId}#${job.attempts}`), { outcome: 'done' }) }]);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).not.toBe('queued');
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state).not.toBe('running');
    // Before the fix, giving back kept the attempt the claim had counted, and the fourth process failed the job unrun.
    expect(await jobRow(db, 'mail:m1')).toMatchObject({ state: 'done', last_error: null });
    expect(last).toHaveLength(1);
  });

  it('a mail the SMTP server took while its process was stopping is marked sent, not given back and sent again by the next process', async () => {
    const { db } = await database();
    cleanups.push(() => db.destroy());
    const smtp = await slowSmtp();
    await pendingMailJob(db, 'm1');
    const firstMailer = new Mailer(db, logger, { smtpUrl: smtp.url, from: 'eCoO <noreply@ecoo.test>' });
    cleanups.push(() => firstMailer.close());
    const first = runner(db, [firstMailer.jobHandler()]);
    // The relay has the whole mail; its 250 is on the way when SIGTERM arrives (a deploy).
    await expect.poll(() => smtp.received.length).toBe(1);
    const stopping = first.stop();
    smtp.answer();
    await stopping;
    const secondMailer = new Mailer(db, logger, { smtpUrl: smtp.url, from: 'eCoO <noreply@ecoo.test>' });
    cleanups.push(() => secondMailer.close());
    runner(db, [secondMailer.jobHandler()]);
    await expect.poll(async () => (await jobRow(db, 'mail:m1')).state, { timeout: 5000 }).toBe('done');
    // Before the fix, stop() dropped the finished attempt's result and gave the job back, so the mail went twice.
    expect(smtp.received).toHaveLength(1);
    expect((await jobRow(db, 'mail:m1')).attempts).toBe(1);
  });

  it('a job claimed while the process was stopping is given back before the process closes its database', async () => {
    const { db, reopen, lockJobs } = await database();
    await pendingMailJob(db, 'm1');
    const lock = await lockJobs();
    const runs: string[] = [];
    const jobs = new JobRunner(db, logger, { leaseMs: 60_000, pollMs: 20 }, [untilStopped(runs)]);
    jobs.start();
    // The claim is on its way (waiting for the database) when SIGTERM arrives.
    await expect.poll(() => lock.waiting()).toBeGreaterThan(0);
    // What console.close() and worker.ts do: stop the jobs, then close the database. The database answers meanwhile.
    const stopped = jobs.stop();
    await sleep(200);
    await lock.unlock();
    await stopped;
    await db.destroy();
    const after = reopen();
    cleanups.push(() => after.destroy());
    // Before the fix, stop() did not wait for the claim, and the give-back came after the pool was closed.
    expect(await jobRow(after, 'mail:m1')).toMatchObject({ state: 'queued', holder: null });
  });
});

describe.runIf(testDatabaseKind === 'postgres')('a database outage', () => {
  it('a worker whose idle PostgreSQL connections are cut (a restart, a fail-over, idle_session_timeout) goes on taking jobs when the database is back', async () => {
    const url = await freshPostgresUrl();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-review-outage-'));
    const inbox = await SmtpInbox.start();
    cleanups.push(() => inbox.stop());
    const worker = await startConsoleProcess('worker', {
      DATABASE_URL: url,
      FILES_DIR: path.join(root, 'files'),
      DATA_DIR: path.join(root, 'worker'),
      SMTP_URL: inbox.url,
      PAYMENT_KEY_SECRET: testPaymentKeySecret,
      IMAGE_WORKERS: '0',
      JOB_POLL_MS: '100',
    });
    cleanups.push(() => worker.kill());
    // The test's own session is a lone client with an error listener, and is spared below.
    const admin = new pg.Client({ connectionString: url, application_name: 'review-admin' });
    admin.on('error', () => undefined);
    await admin.connect();
    cleanups.push(() => admin.end());
    const others = `select pid from pg_stat_activity where datname = current_database() and application_name <> 'review-admin' and backend_type = 'client backend'`;
    // The worker polls every 100 ms, so its pool always holds an idle connection.
    await expect.poll(async () => (await admin.query(others)).rowCount).toBeGreaterThan(0);
    await admin.query(`select pg_terminate_backend(pid) from (${others}) as worker_sessions`);
    // The database is back at once; mail queued now must go out.
    const now = new Date().toISOString();
    await admin.query(`insert into mails (id, to_address, subject, body_text, status, attempts, next_attempt_at, last_error, created_at, sent_at) values ('after-outage', 'meera.nair@agency.gov.in', 'After the outage', 'hello', 'pending', 0, $1, null, $1, null)`, [now]);
    await admin.query(`insert into jobs (id, kind, subject_id, state, attempts, max_attempts, run_after, created_at) values ('mail:after-outage', 'mail', 'after-outage', 'queued', 0, 8, $1, $1)`, [now]);
    // Before the fix, the pool had no 'error' listener: the cut idle connection ended the process.
    const delivered = inbox.waitFor('meera.nair@agency.gov.in', /After the outage/, 10_000).then(() => true, () => false);
    await Promise.race([delivered, new Promise((resolve) => worker.child.once('exit', resolve))]);
    expect(worker.child.exitCode, worker.output.join('').split('\n').filter((line) => /Unhandled|terminating|Emitted/.test(line)).join(' | ')).toBeNull();
    expect(await delivered).toBe(true);
  });

  it('a connection cut inside a transaction, between two of its queries, fails that transaction only; the process lives and the next query works', async () => {
    const db = connectPostgres(await freshPostgresUrl());
    cleanups.push(() => db.destroy());
    const admin = new pg.Client({ connectionString: await freshPostgresUrl() });
    // The admin's own database is another one: terminating by pid reaches any backend of the cluster.
    await admin.connect();
    cleanups.push(() => admin.end());
    const attempt = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      // The cut arrives while no query is running: before the fix, an 'error' event nobody heard, which ended the process.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 1`.execute(trx);
    });
    await expect(attempt).rejects.toThrow();
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });
});

describe('the cap on attempts', () => {
  it('a job whose give-up cannot be written still ends, and is not claimed again and again past its cap', async () => {
    const { db } = await database();
    cleanups.push(() => db.destroy());
    await pendingMailJob(db, 'm1', 2);
    const runs: string[] = [];
    runner(
      db,
      [
        {
          kind: 'mail',
          concurrency: 1,
          backoffMs: () => 0,
          run: async (job) => (runs.push(`#${job.attempts}`), { outcome: 'retry', error: 'connection refused' }),
          // Any give-up (or final effect) that cannot be written: a constraint, a bug, five lost serialization races.
          onGiveUp: async () => Promise.reject(new Error('cannot record the failure')),
        },
      ],
      { leaseMs: 150 },
    );
    await expect.poll(() => runs.length).toBe(2);
    // Ten leases' time: enough for a bounded queue to be done with it.
    await sleep(1500);
    const row = await jobRow(db, 'mail:m1');
    // Before the fix, a failed settle was only logged: the job stayed running, was claimed after every lease,
    // counted another attempt and failed to settle the same way, forever.
    expect(row.attempts).toBeLessThanOrEqual(3);
    expect(row.state).toBe('failed');
  });
});

describe('pictures carried over by the migration', () => {
  /** Every migration, by name, as migrate.ts lists them. */
  async function allMigrations(): Promise<Record<string, Migration>> {
    const folder = new URL('../db/migrations/', import.meta.url);
    const names = fs.readdirSync(folder).filter((name) => name.endsWith('.ts'));
    return Object.fromEntries(await Promise.all(names.map(async (name) => [path.basename(name, '.ts'), (await import(new URL(name, folder).href)) as Migration] as const)));
  }

  it('a picture that was running before the upgrade shows as running, with its steps, when the new queue runs it', async () => {
    const { db } = await database({ migrate: false });
    cleanups.push(() => db.destroy());
    const migrations = await allMigrations();
    const before = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await before.migrateTo('2026-11-30T1620-bound-registrations');
    expect(error).toBeUndefined();

    // The old runner had claimed it (attempts 1, running) when the BFF was stopped for the upgrade.
    // The agency goes straight into the old schema: today's createAgency writes an audit entry with
    // columns that schema does not have yet.
    const agency = { id: randomUUID() };
    await db.insertInto('agencies').values({ id: agency.id, code: `old-${agency.id.slice(0, 8)}`, name: 'Agency before the upgrade', certifies: 'All products', is_demo: 0, created_at: nowIso(), updated_at: nowIso() }).execute();
    const admin = await addUser(db, 'agency-admin', { agencyId: agency.id });
    const files = new LocalDiskFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-review-files-')));
    const { key } = await files.put(Buffer.from(JSON.stringify({ sleepMs: 30_000 })));
    const now = nowIso();
    await db
      .insertInto('image_uploads')
      .values({ id: 'u1', agency_id: agency.id, purpose: 'office-stamp', subject_id: 'office', file_name: 'stamp.jpg', content_type: 'image/jpeg', byte_size: 10, width: 10, height: 10, original_sha256: key, uploaded_by: admin.id, uploaded_at: now })
      .execute();
    await db
      .insertInto('image_jobs')
      .values({ id: 'j1', upload_id: 'u1', agency_id: agency.id, use_model: 'auto', state: 'running', step: 'extracting-ink', attempts: 1, failure_reason: null, queued_at: now, started_at: now, finished_at: null, chosen_method: null, original_preview_sha256: null, accepted_version_id: null })
      .execute();
    await migrateToLatest(db);

    const removal = backgroundRemovalJobs(db, files, logger, { size: 1, jobTimeoutMs: 60_000, idleMs: 600_000, workerEntry: new URL('../images/jobs/testing/stand-in-worker.ts', import.meta.url) });
    runner(db, [removal]);
    await expect.poll(async () => (await jobRow(db, 'background-removal:j1')).state).toBe('running');
    // The stand-in worker reports "analysing" at once and then works for 30 seconds.
    // Before the fix, the carried attempt number kept markRunning from writing: the picture showed queued, without steps.
    await expect.poll(async () => db.selectFrom('image_jobs').select(['state', 'step']).where('id', '=', 'j1').executeTakeFirstOrThrow(), { timeout: 5000 }).toEqual({ state: 'running', step: 'analysing' });
  });
});

describe('Accept', () => {
  let app: TestApp;
  afterEach(async () => {
    await app?.stop();
  });

  /** A console whose renders wait (no process renders: IMAGE_WORKERS=0), and a stamp job done with its results. */
  async function doneStampJob() {
    app = await startTestApp({ env: { IMAGE_WORKERS: '0' } });
    const agencyId = (await addAgency(app.db)).id;
    const { client, user } = await signedInAs(app, 'agency-admin', agencyId);
    const officeId = await newOffice(client);
    const now = nowIso();
    const sha = (n: number) => n.toString(16).padStart(64, '0');
    const uploadId = randomUUID();
    const jobId = randomUUID();
    await app.db
      .insertInto('image_uploads')
      .values({ id: uploadId, agency_id: agencyId, purpose: 'office-stamp', subject_id: officeId, file_name: 'stamp.jpg', content_type: 'image/jpeg', byte_size: 10, width: 100, height: 100, original_sha256: sha(1), uploaded_by: user.id, uploaded_at: now })
      .execute();
    await app.db
      .insertInto('image_jobs')
      .values({ id: jobId, upload_id: uploadId, agency_id: agencyId, use_model: 'auto', state: 'done', step: null, attempts: 1, failure_reason: null, queued_at: now, started_at: now, finished_at: now, chosen_method: 'ink', original_preview_sha256: sha(2), accepted_version_id: null })
      .execute();
    await app.db
      .insertInto('image_job_results')
      .values({ job_id: jobId, method: 'ink', width: 100, height: 100, colour_sha256: sha(3), strength_sha256: sha(4), preview_width: 100, preview_height: 100, preview_colour_sha256: sha(5), preview_strength_sha256: sha(6) })
      .execute();
    const renders = () => app.db.selectFrom('image_renders').selectAll().where('job_id', '=', jobId).execute();
    return { client, jobId, agencyId, renders };
  }

  it('renders a choice once, although several Accepts for it arrive at once (a double click, a retrying client)', async () => {
    const { client, jobId, renders } = await doneStampJob();
    // A slow write (another transaction, a slow commit) widens the window every simultaneous pair of Accepts has.
    const lock = await lockForWrites(app.config.databaseUrl ? { postgresUrl: app.config.databaseUrl } : { sqliteFile: app.config.databaseFile }, 'image_renders');
    const accepts = Array.from({ length: 4 }, () => client.post(`/api/image-jobs/${jobId}/acceptance`, { method: 'ink', sensitivity: 50 }));
    await expect.poll(() => lock.waiting(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await lock.unlock();
    await expect.poll(async () => (await renders()).length).toBeGreaterThan(0);
    await sleep(300);
    // The renderer finishes: every render of the choice is done, and the Accepts end.
    await app.db.updateTable('image_renders').set({ state: 'done', png_sha256: 'f'.repeat(64), width: 90, height: 90 }).where('job_id', '=', jobId).execute();
    await Promise.all(accepts);
    // Before the fix, the look-up and the insert were separate and the index not unique: each Accept queued its own render.
    expect((await renders()).filter((render) => render.method === 'ink' && render.sensitivity === 50)).toHaveLength(1);
    expect(await app.db.selectFrom('jobs').select('id').where('kind', '=', 'accept-render').execute()).toHaveLength(1);
  });

  it('answers simultaneous Accepts of one job with one new version and 409 for the others, never 500', async () => {
    const { client, jobId, renders } = await doneStampJob();
    const accepts = Array.from({ length: 4 }, () => client.post(`/api/image-jobs/${jobId}/acceptance`, { method: 'ink', sensitivity: 50 }));
    await expect.poll(async () => (await renders()).length).toBeGreaterThan(0);
    // Accepts that wait for one render all wake within one poll (100 ms) of its end and write the version together;
    // on PostgreSQL a slow write to image_versions makes "together" certain (SQLite's writers take turns anyway).
    const lock = app.config.databaseUrl ? await lockForWrites({ postgresUrl: app.config.databaseUrl }, 'image_versions') : undefined;
    await app.db.updateTable('image_renders').set({ state: 'done', png_sha256: 'f'.repeat(64), width: 90, height: 90 }).where('job_id', '=', jobId).execute();
    if (lock) {
      await expect.poll(() => lock.waiting(), { timeout: 10_000 }).toBe(4);
      await lock.unlock();
    }
    const statuses = (await Promise.all(accepts)).map((response) => response.status).sort();
    // Before the fix, the loser's insert hit image_versions' unique job_id (23505 on PostgreSQL) and answered 500.
    expect(statuses).toEqual([201, 409, 409, 409]);
  });

  it("bounds the renders one agency can queue, as it bounds its uploads (40), so one administrator's Accepts cannot hold every other agency's", async () => {
    const { client, jobId, renders } = await doneStampJob();
    // A slider moved and Accept pressed again after each 503 "still being prepared", or a script: 60 sensitivities.
    const accepts = Array.from({ length: 60 }, (_, sensitivity) => client.post(`/api/image-jobs/${jobId}/acceptance`, { method: 'ink', sensitivity }));
    const answered: number[] = [];
    for (const accept of accepts) void accept.then((response) => answered.push(response.status));
    // Every Accept is either answered at once (refused) or waits for a render that was queued for it.
    await expect.poll(async () => (await renders()).length + answered.length, { timeout: 20_000 }).toBe(60);
    expect(answered.every((status) => status === 409 || status === 503)).toBe(true);
    // Let the waiting requests end: nothing is left at any of these sensitivities.
    await app.db.updateTable('image_renders').set({ state: 'no-ink' }).where('job_id', '=', jobId).execute();
    await Promise.all(accepts);
    // Before the fix, every Accept queued a render (about 160 MB and seconds of work at 16 megapixels) with no bound,
    // and renders are claimed in order, so every other agency's Accept waited behind them.
    expect((await renders()).length).toBeLessThanOrEqual(40);
  });
});
