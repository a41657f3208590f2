import { type Kysely, sql } from 'kysely';
import { isPostgres } from './portable.ts';

/**
 * Gives each table a change counter raised by triggers on every insert, update and delete, so a
 * VersionedCache over it cannot go stale whichever process, instance or tool writes. SQLite has
 * row triggers with an inline body; PostgreSQL one statement-level trigger per table over a shared
 * function (once per statement is enough: the counter only has to move).
 */
export async function watchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function bump_change_counter() returns trigger language plpgsql as $$
      begin update change_counters set version = version + 1 where name = TG_TABLE_NAME; return null; end $$`.execute(db);
  }
  for (const table of tables) {
    await sql`insert into change_counters (name, version) values (${table}, 0) on conflict (name) do nothing`.execute(db);
    if (isPostgres(db)) {
      await sql.raw(`drop trigger if exists ${table}_changed on ${table}`).execute(db);
      await sql.raw(`create trigger ${table}_changed after insert or update or delete on ${table} for each statement execute function bump_change_counter()`).execute(db);
      continue;
    }
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql
        .raw(`create trigger if not exists ${table}_changed_on_${event} after ${event} on ${table} begin update change_counters set version = version + 1 where name = '${table}'; end`)
        .execute(db);
    }
  }
}

export async function unwatchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) await sql.raw(`drop trigger if exists ${table}_changed on ${table}`).execute(db);
    else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_changed_on_${event}`).execute(db);
    await sql`delete from change_counters where name = ${table}`.execute(db);
  }
}
