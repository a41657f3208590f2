import { type Kysely, sql } from 'kysely';

/** The signature image an issuing officer's certificates carry now: a version from image_versions. */
export async function up(db: Kysely<any>): Promise<void> {
  const columns = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(db);
  if (!columns.rows.some((column) => column.name === 'signature_version_id')) {
    await sql`alter table users add column signature_version_id text references image_versions(id)`.execute(db);
  }
}

/** SQLite cannot drop a column that references another table, so this step is not undone: restore the data folder's backup instead. */
export async function down(): Promise<void> {
  throw new Error('The officer signatures migration cannot be undone on SQLite: restore the data folder from the backup taken before it.');
}
