import { type Kysely, sql } from 'kysely';

/**
 * Issue 13: one queue for all background work (mail delivery, background removal), with leases
 * instead of a requeue at start, so several BFF instances and worker processes can share it. Mail
 * still waiting and pictures still queued or running are carried over as queued jobs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // What a claim looks for: queued and due, or running with a lease run out.
  await db.schema.createIndex('jobs_due').ifNotExists().on('jobs').columns(['state', 'kind', 'run_after']).execute();
  await db.schema.createIndex('jobs_lease').ifNotExists().on('jobs').columns(['state', 'lease_until']).execute();

  // A job's id is its kind and subject, so one subject has one job of a kind.
  const now = sql.lit(new Date().toISOString());
  // Attempts carry over, so the cap counts what the old runner already tried and a picture's attempt
  // number (which its progress is written under) stays in step with its job's.
  const carry = (kind: string, maxAttempts: number) => sql`${sql.lit(kind)} || ':' || id, ${sql.lit(kind)}, id, 'queued', attempts, ${sql.lit(maxAttempts)}, ${now}, ${now}`;
  await sql`insert into jobs (id, kind, subject_id, state, attempts, max_attempts, run_after, created_at)
    select ${carry('mail', 8)} from mails where status = 'pending'`.execute(db);
  await sql`insert into jobs (id, kind, subject_id, state, attempts, max_attempts, run_after, created_at)
    select ${carry('background-removal', 3)} from image_jobs where state in ('queued', 'running')`.execute(db);
  await db.updateTable('image_jobs').set({ state: 'queued', step: null }).where('state', '=', 'running').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
}
