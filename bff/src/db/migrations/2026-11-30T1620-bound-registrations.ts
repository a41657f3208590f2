import type { Kysely } from 'kysely';

/**
 * Issue 13, fault 1: the overall hourly limit counts only the submissions it let through (a flood
 * refused at its own address must not use up everyone's share), and a rejected registration's
 * letter is removed after its retention period while the row and its decision stay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registration_attempts').addColumn('is_admitted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('registration_attempts_admitted').ifNotExists().on('registration_attempts').columns(['is_admitted', 'at']).execute();
  await db.schema.alterTable('registrations').addColumn('letter_removed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('letter_removed_at').execute();
  await db.schema.dropIndex('registration_attempts_admitted').ifExists().execute();
  await db.schema.alterTable('registration_attempts').dropColumn('is_admitted').execute();
}
