import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Opens the embedded SQLite file. WAL lets readers go on while one writer commits. */
export function connectSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a registration that was answered 201 survives a power cut, not only a crash of the process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Enough for every query the console writes; batch inserts of varying length push out the oldest. */
const cachedStatements = 500;

/**
 * Kysely's SQLite driver prepares every query afresh; preparing each SQL text once cut the pending
 * list's server CPU by about a fifth. Reuse is safe because Kysely lends its single connection to
 * one query at a time, and a stream keeps it until the stream ends; a statement that is somehow
 * still busy is not handed out again, since running it twice at once would throw.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached?.busy) return sqlite.prepare(sql);
      const statement = cached ?? sqlite.prepare(sql);
      // A Map iterates in insertion order, so re-inserting on each use makes the first key the least recently used.
      statements.delete(sql);
      statements.set(sql, statement);
      if (statements.size > cachedStatements) statements.delete(statements.keys().next().value!);
      return statement;
    },
    close: () => void sqlite.close(),
  };
}

export const nowIso = (): string => new Date().toISOString();
