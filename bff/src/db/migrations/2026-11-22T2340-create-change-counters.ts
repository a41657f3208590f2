import { type Kysely, sql } from 'kysely';

const watched = ['registrations', 'agencies'] as const;

/**
 * One counter per table that cached reads depend on, raised by triggers on every insert, update
 * and delete: no code path can change the table and forget to invalidate, whichever process or
 * tool writes. (PostgreSQL will need its own trigger syntax in the migration that moves there.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of watched) {
    await sql`insert into change_counters (name, version) values (${table}, 0) on conflict (name) do nothing`.execute(db);
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql
        .raw(
          `create trigger if not exists ${table}_changed_on_${event} after ${event} on ${table} ` +
            `begin update change_counters set version = version + 1 where name = '${table}'; end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of watched) {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_changed_on_${event}`).execute(db);
  }
  await db.schema.dropTable('change_counters').ifExists().execute();
}
