import { type Kysely, sql } from 'kysely';

/**
 * Gives each table a change counter raised by triggers on every insert, update and delete, so a
 * VersionedCache over it cannot go stale whichever process or tool writes. SQLite syntax; the
 * PostgreSQL move brings its own triggers.
 */
export async function watchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`insert into change_counters (name, version) values (${table}, 0) on conflict (name) do nothing`.execute(db);
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql
        .raw(`create trigger if not exists ${table}_changed_on_${event} after ${event} on ${table} begin update change_counters set version = version + 1 where name = '${table}'; end`)
        .execute(db);
    }
  }
}

export async function unwatchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_changed_on_${event}`).execute(db);
    await sql`delete from change_counters where name = ${table}`.execute(db);
  }
}
