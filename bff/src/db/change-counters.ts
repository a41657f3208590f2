import { type Kysely, sql } from 'kysely';
import { isPostgres } from './portable.ts';

/**
 * Rows a PostgreSQL table's counter is spread over. Every transaction that wrote to a table used to
 * raise its one row, and under SERIALIZABLE two transactions that update one row cannot both
 * commit: renames of different offices, or sign-ups in different agencies, took turns through the
 * retries and some ran out of them (409). Each connection now raises its own row, picked by its
 * backend's process id; the pool's connections have neighbouring ids, so they rarely share one.
 */
export const counterShards = 64;

/** The name of one of a table's counter rows on PostgreSQL; the table's own name is shard "none". */
const shardSeparator = '/';

/**
 * Gives each table a change counter raised by triggers on every insert, update and delete, so a
 * VersionedCache over it cannot go stale whichever process, instance or tool writes. SQLite has
 * row triggers with an inline body (its writers take turns, so one row per table is enough);
 * PostgreSQL one statement-level trigger per table over a shared function (once per statement is
 * enough: the counter only has to move), which raises the writing connection's row of the table.
 */
export async function watchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  if (isPostgres(db)) await defineCounterFunction(db);
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

/** The PostgreSQL trigger function: the first write through a connection adds its row, later ones raise it. */
export async function defineCounterFunction(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create or replace function bump_change_counter() returns trigger language plpgsql as $$
      begin
        insert into change_counters (name, version) values (TG_TABLE_NAME || '${shardSeparator}' || (pg_backend_pid() % ${counterShards}), 1)
          on conflict (name) do update set version = change_counters.version + 1;
        return null;
      end $$`,
    )
    .execute(db);
}

export async function unwatchTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) await sql.raw(`drop trigger if exists ${table}_changed on ${table}`).execute(db);
    else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_changed_on_${event}`).execute(db);
    await sql`delete from change_counters where name = ${table} or substr(name, 1, ${shardPrefix(table).length}) = ${shardPrefix(table)}`.execute(db);
  }
}

/** The table a counter row belongs to: its name up to the shard separator. */
export const counterTable = (rowName: string): string => rowName.split(shardSeparator, 1)[0]!;

/** What the names of a table's shard rows begin with (compared as a prefix: `_` in a LIKE pattern would match any character). */
export const shardPrefix = (table: string): string => `${table}${shardSeparator}`;
