import type { Kysely } from 'kysely';

/**
 * A request to join made again after a rejection waits here, as typed, until the link mailed to the
 * address is opened; only then is the refused account reopened with it. Before, the public form's
 * submission rewrote the account at once (name, mobile, status; the rejection cleared, the record
 * hidden from the administrator until confirmed), so anyone who knew a refused officer's address
 * could change and hide the record without the link.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('officer_requests_again')
    .ifNotExists()
    // One waiting request per account: a newer one replaces it, as its link replaces the last link.
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('designation', 'text', (c) => c.notNull())
    .addColumn('requested_office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('officer_requests_again').ifExists().execute();
}
