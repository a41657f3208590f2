import { type Kysely, sql } from 'kysely';

/** The signature image an issuing officer's certificates carry now: a version from image_versions. */
export async function up(db: Kysely<any>): Promise<void> {
  const columns = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(db);
  if (!columns.rows.some((column) => column.name === 'signature_version_id')) {
    await sql`alter table users add column signature_version_id text references image_versions(id)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column signature_version_id`.execute(db);
}
