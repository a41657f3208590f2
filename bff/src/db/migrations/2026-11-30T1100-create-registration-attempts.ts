import type { Kysely } from 'kysely';
import { autoIncrementKey } from '../portable.ts';

/** Public registrations per client address, so one address cannot flood administrators' and DGFT's queues and mailboxes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_attempts')
    .ifNotExists()
    .addColumn('id', ...autoIncrementKey(db))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registration_attempts_by_address').ifNotExists().on('registration_attempts').columns(['address', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registration_attempts').ifExists().execute();
}
