import { type Kysely, sql } from 'kysely';
import { hasColumn } from '../portable.ts';

/**
 * Stamp and signature images: each upload is kept as received; each background-removal job is a row
 * (the queue lives here, so queued and interrupted work survives a restart); each job's results are
 * files; each accepted result is a numbered version that is never changed or deleted, because
 * certificates already issued used it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('image_uploads')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('image_uploads_by_subject').ifNotExists().on('image_uploads').columns(['purpose', 'subject_id', 'uploaded_at']).execute();

  await db.schema
    .createTable('image_jobs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('upload_id', 'text', (c) => c.notNull().references('image_uploads.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('use_model', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure_reason', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('chosen_method', 'text')
    .addColumn('original_preview_sha256', 'text')
    .addColumn('accepted_version_id', 'text')
    .execute();
  await db.schema.createIndex('image_jobs_by_state').ifNotExists().on('image_jobs').columns(['state', 'queued_at']).execute();
  await db.schema.createIndex('image_jobs_by_upload').ifNotExists().on('image_jobs').columns(['upload_id', 'queued_at']).execute();

  await db.schema
    .createTable('image_job_results')
    .ifNotExists()
    .addColumn('job_id', 'text', (c) => c.notNull().references('image_jobs.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('colour_sha256', 'text', (c) => c.notNull())
    .addColumn('strength_sha256', 'text', (c) => c.notNull())
    .addColumn('preview_width', 'integer', (c) => c.notNull())
    .addColumn('preview_height', 'integer', (c) => c.notNull())
    .addColumn('preview_colour_sha256', 'text', (c) => c.notNull())
    .addColumn('preview_strength_sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('image_job_results_pk', ['job_id', 'method'])
    .execute();

  await db.schema
    .createTable('image_versions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // One version per job: a second "accept" of the same result cannot slip in, whatever the timing.
    .addColumn('job_id', 'text', (c) => c.notNull().unique().references('image_jobs.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'integer', (c) => c.notNull())
    .addColumn('png_sha256', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('image_versions_number_per_subject', ['purpose', 'subject_id', 'version'])
    .execute();

  // The version certificates use now. Re-runnable: SQLite migrations are not one transaction here.
  if (!(await hasColumn(db, 'offices', 'stamp_version_id'))) {
    await sql`alter table offices add column stamp_version_id text references image_versions(id)`.execute(db);
  }
  if (await hasColumn(db, 'offices', 'stamp_sha256')) {
    await sql`alter table offices drop column stamp_sha256`.execute(db);
  }
}

/** SQLite cannot drop a column that references another table, so this step is not undone: restore the data folder's backup instead. */
export async function down(): Promise<void> {
  throw new Error('The images migration cannot be undone on SQLite: restore the data folder from the backup taken before it.');
}
