import type { Kysely } from 'kysely';

/**
 * Lists are ordered by (submitted_at, id) within a status; with id in the index SQLite reads a page
 * straight off it instead of sorting the ties. The old (status, submitted_at) index is a prefix of
 * the new one, so it goes: it would only cost every write. Kysely runs SQLite migrations outside a
 * transaction, so each step may be run again after a failure.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('registrations_by_status').ifNotExists().on('registrations').columns(['status', 'submitted_at', 'id']).execute();
  await db.schema.dropIndex('registrations_status_submitted').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('registrations_status_submitted').ifNotExists().on('registrations').columns(['status', 'submitted_at']).execute();
  await db.schema.dropIndex('registrations_by_status').ifExists().execute();
}
