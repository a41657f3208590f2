import { type Kysely, sql } from 'kysely';

/**
 * An officer's request waits for its email to be confirmed before the administrator sees it.
 * Requests made before this step count as confirmed: they were already in User Management.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns = await sql<{ name: string }>`select name from pragma_table_info('officers')`.execute(db);
  if (!columns.rows.some((column) => column.name === 'email_confirmed_at')) {
    await sql`alter table officers add column email_confirmed_at text`.execute(db);
    await sql`update officers set email_confirmed_at = requested_at`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table officers drop column email_confirmed_at`.execute(db);
}
