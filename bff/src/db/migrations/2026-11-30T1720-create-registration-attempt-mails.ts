import type { Kysely } from 'kysely';

/**
 * When each address was last mailed that someone tried to register with it: at most one such mail
 * an hour, however many client addresses try, so the console cannot be made to flood a mailbox.
 * One row per address, taken by one conditional upsert, so two instances never both mail.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_attempt_mails')
    .ifNotExists()
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('mailed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registration_attempt_mails_by_time').ifNotExists().on('registration_attempt_mails').column('mailed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registration_attempt_mails').ifExists().execute();
}
