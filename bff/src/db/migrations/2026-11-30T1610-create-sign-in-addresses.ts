import type { Kysely } from 'kysely';

/**
 * Where each account last signed in from: guesses at an account slow down sign-ins from other
 * addresses, never from these (issue 13, fault 2). A reset request now also says why it was made,
 * so a sign-in pause mails its own words.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_addresses')
    .ifNotExists()
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_addresses_pk', ['email', 'address'])
    .execute();
  await db.schema.alterTable('password_reset_requests').addColumn('reason', 'text', (c) => c.notNull().defaultTo('forgot')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('password_reset_requests').dropColumn('reason').execute();
  await db.schema.dropTable('sign_in_addresses').ifExists().execute();
}
