import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database, JobTable } from '../db/schema.ts';
import { isPostgres } from '../db/portable.ts';

export type JobKind = JobTable['kind'];
type DbOrTrx = Kysely<Database>;

/**
 * The database's clock as an ISO 8601 UTC string, `offsetMs` ahead. Leases are given and judged by
 * one clock, the database's, so a worker host whose clock runs fast cannot take over a lease early.
 */
export function databaseTime(db: Pick<Kysely<any>, 'getExecutor'>, offsetMs = 0): RawBuilder<string> {
  const seconds = (offsetMs / 1000).toFixed(3);
  if (isPostgres(db)) return sql<string>`to_char((now() + make_interval(secs => ${sql.lit(Number(seconds))})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${sql.lit(`${offsetMs >= 0 ? '+' : ''}${seconds} seconds`)})`;
}

export const jobId = (kind: JobKind, subjectId: string) => `${kind}:${subjectId}`;

/** Queues work inside the caller's transaction, so the work exists exactly when the change that needs it commits. */
export async function enqueueJob(db: Pick<DbOrTrx, 'insertInto' | 'getExecutor'>, job: { kind: JobKind; subjectId: string; maxAttempts: number }): Promise<void> {
  const now = databaseTime(db);
  await db
    .insertInto('jobs')
    .values({ id: jobId(job.kind, job.subjectId), kind: job.kind, subject_id: job.subjectId, state: 'queued', attempts: 0, max_attempts: job.maxAttempts, run_after: now, created_at: now })
    .execute();
}

/** A job as its holder sees it; `attempts` counts this one, and with `holder` identifies the lease. */
export interface ClaimedJob {
  id: string;
  kind: JobKind;
  subjectId: string;
  attempts: number;
  maxAttempts: number;
  holder: string;
}

/**
 * Takes the next job of the given kinds that is due, or whose holder's lease ran out (a killed BFF,
 * a dead worker host), in one statement: on PostgreSQL the candidate row is locked with
 * FOR UPDATE SKIP LOCKED, so claimers never wait on one another nor take the same job; SQLite has
 * one writer at a time, so the statement is atomic there as it stands.
 */
export async function claimJob(db: Db, kinds: readonly JobKind[], holder: string, leaseMs: number): Promise<ClaimedJob | undefined> {
  if (kinds.length === 0) return undefined;
  const now = databaseTime(db);
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({ state: 'running', holder, lease_until: databaseTime(db, leaseMs), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('kind', 'in', kinds)
        .where((w) => w.or([w.and([w('state', '=', 'queued'), w('run_after', '<=', now)]), w.and([w('state', '=', 'running'), w('lease_until', '<=', now)])]))
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .$if(isPostgres(db), (query) => query.forUpdate().skipLocked()),
    )
    .returning(['id', 'kind', 'subject_id', 'attempts', 'max_attempts'])
    .executeTakeFirst();
  return row && { id: row.id, kind: row.kind, subjectId: row.subject_id, attempts: row.attempts, maxAttempts: row.max_attempts, holder };
}

/** The conditions under which the holder may still write: nobody has taken the job over. */
function held<Q extends { where: (...args: any[]) => Q }>(query: Q, job: ClaimedJob): Q {
  return query.where('id', '=', job.id).where('state', '=', 'running').where('holder', '=', job.holder).where('attempts', '=', job.attempts);
}

/** Extends the lease; false when the job was taken over (the lease ran out and another holder claimed it). */
export async function renewLease(db: Db, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const result = await held(db.updateTable('jobs').set({ lease_until: databaseTime(db, leaseMs) }), job).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How an attempt ends: done, failed for good, queued again after a pause, or given back uncounted by a stopping process. */
type Settle = { state: 'done' } | { state: 'failed'; error: string } | { state: 'queued'; error: string; afterMs: number } | { state: 'released' };

/**
 * Ends the holder's attempt and, in the same transaction, makes its effect visible (`effect`), but
 * only while the holder still holds the job: work finished by a holder that was taken over is
 * thrown away, so each job's effect is written exactly once. Answers whether it was.
 */
export async function settleJob(db: Db, job: ClaimedJob, settle: Settle, effect?: (trx: DbOrTrx) => Promise<void>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const update = trx.updateTable('jobs');
    const ended =
      settle.state === 'released'
        ? update.set((eb) => ({ state: 'queued', holder: null, lease_until: null, run_after: databaseTime(trx), attempts: eb('attempts', '-', 1) }))
        : settle.state === 'queued'
          ? update.set({ state: 'queued', holder: null, lease_until: null, last_error: settle.error, run_after: databaseTime(trx, settle.afterMs) })
          : update.set({ state: settle.state, holder: null, lease_until: null, last_error: settle.state === 'failed' ? settle.error : null, finished_at: databaseTime(trx) });
    const result = await held(ended, job).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (effect) await effect(trx);
    return true;
  });
}

/** Housekeeping: finished jobs are kept a while for the operator (what failed, how often), then removed. */
export async function deleteFinishedJobs(db: Db, olderThanMs: number): Promise<number> {
  const result = await db.deleteFrom('jobs').where('state', 'in', ['done', 'failed']).where('finished_at', '<', databaseTime(db, -olderThanMs)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
