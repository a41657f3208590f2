import { type Kysely, sql } from 'kysely';
import { hasColumn } from '../portable.ts';

/** The signature image an issuing officer's certificates carry now: a version from image_versions. */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasColumn(db, 'users', 'signature_version_id'))) {
    await sql`alter table users add column signature_version_id text references image_versions(id)`.execute(db);
  }
}

/** SQLite cannot drop a column that references another table, so this step is not undone: restore the data folder's backup instead. */
export async function down(): Promise<void> {
  throw new Error('The officer signatures migration cannot be undone on SQLite: restore the data folder from the backup taken before it.');
}
