import type { Kysely } from 'kysely';
import { unwatchTables, watchTables } from '../change-counters.ts';

const watched = ['registrations', 'agencies'] as const;

/**
 * One counter per table that cached reads depend on, raised by triggers on every insert, update
 * and delete: no code path can change the table and forget to invalidate, whichever process or
 * tool writes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await watchTables(db, watched);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unwatchTables(db, watched);
  await db.schema.dropTable('change_counters').ifExists().execute();
}
