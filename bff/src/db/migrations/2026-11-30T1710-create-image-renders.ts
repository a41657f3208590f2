import { type Kysely, sql } from 'kysely';

/**
 * Issue 13: the full-size render on accept becomes a job, so it runs where background removal
 * runs (a worker host, or a BFF with IMAGE_WORKERS > 0) and a BFF instance stays small. A render is
 * kept per job, method and sensitivity: if the request that asked for it is gone before it is
 * ready, accepting again uses it instead of rendering twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('image_renders')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('image_jobs.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('png_sha256', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
  // One live render per choice, so Accepts of one choice at once queue one render between them.
  await db.schema
    .createIndex('image_renders_one_per_choice')
    .ifNotExists()
    .on('image_renders')
    .columns(['job_id', 'method', 'sensitivity'])
    .unique()
    .where(sql.ref('state'), '<>', 'failed')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_renders').ifExists().execute();
}
