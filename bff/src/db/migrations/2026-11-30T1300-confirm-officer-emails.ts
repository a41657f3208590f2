import { type Kysely, sql } from 'kysely';
import { hasColumn } from '../portable.ts';

/**
 * An officer's request waits for its email to be confirmed before the administrator sees it.
 * Requests made before this step count as confirmed: they were already in User Management.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasColumn(db, 'officers', 'email_confirmed_at'))) {
    await sql`alter table officers add column email_confirmed_at text`.execute(db);
    await sql`update officers set email_confirmed_at = requested_at`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table officers drop column email_confirmed_at`.execute(db);
}
