import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, PostgresDriver, SqliteDialect, SqliteDriver, TransactionBuilder, type PostgresDialectConfig, type Transaction, type TransactionSettings, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { AppError } from '../http/problem.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** SQLite under DATA_DIR unless DATABASE_URL names a PostgreSQL database. */
export function connectDatabase(config: { databaseUrl: string | null; databaseFile: string }): Db {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : connectSqlite(config.databaseFile);
}

// count(*) is a bigint, which node-postgres hands over as a string; no count here nears 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A pool per process; each transaction holds one connection, so instances and requests write side by side. */
export function connectPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle connection cut by the server (a restart, a fail-over, idle_session_timeout) is an 'error'
  // event on the pool; unheard, it would end the process. The pool drops that client and opens a new
  // one for the next query, so a note is all it takes.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection (${err.message}); the next query opens a new one`, 'DatabaseConnectionWarning'));
  // A connection cut while checked out but between queries (inside a transaction, say) is an 'error'
  // event on its client, which the pool does not hear then: unheard, it too ended the process (a CI
  // run of the outage test). Its next query fails instead, and the pool drops it when it comes back.
  pool.on('connect', (client) => {
    client.on('error', (err) => process.emitWarning(`PostgreSQL closed a connection in use (${err.message}); its work fails and is retried`, 'DatabaseConnectionWarning'));
  });
  const db = new Kysely<Database>({ dialect: new SerializablePostgresDialect({ pool }) });
  const begin = db.transaction.bind(db);
  db.transaction = () => retryingOnConflict(begin());
  return db;
}

const conflictRetries = 5;
const isConflict = (err: unknown) => err instanceof AppError && err.code === 'problem.concurrentChange';

/**
 * A transaction that loses a serialization race runs again from the start (as PostgreSQL advises),
 * up to five times with a short random pause; only then does the 409 reach the user. Callbacks
 * do their outside work (files, mail delivery) before or after the transaction, so a rerun repeats
 * only database work that was rolled back.
 */
function retryingOnConflict<B extends TransactionBuilder<Database>>(builder: B): B {
  return new Proxy(builder, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return async <T>(callback: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
          for (let attempt = 1; ; attempt++) {
            try {
              return await target.execute(callback);
            } catch (err) {
              if (!isConflict(err) || attempt >= conflictRetries) throw err;
              await sleep(Math.random() * 10 * attempt);
            }
          }
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof TransactionBuilder ? retryingOnConflict(result) : result;
      };
    },
  });
}

const serializationFailures = new Set(['40001', '40P01']);

/**
 * Every transaction runs SERIALIZABLE, so the services' check-then-write steps (the agency's last
 * administrator, one active DSC, a decision made once) hold as they do on SQLite, where writers
 * take turns. The loser of a race is refused with 409 and changes nothing, never a 500.
 */
class SerializablePostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel) return super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw('begin isolation level serializable'));
  }

  private readonly wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly inner = new WeakMap<DatabaseConnection, DatabaseConnection>();

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    let wrapper = this.wrappers.get(connection);
    if (!wrapper) {
      wrapper = {
        executeQuery: async <R>(query: CompiledQuery) => {
          try {
            return await connection.executeQuery<R>(query);
          } catch (err) {
            if (serializationFailures.has((err as { code?: string }).code ?? '')) throw new AppError(409, 'problem.concurrentChange');
            throw err;
          }
        },
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      };
      this.wrappers.set(connection, wrapper);
      this.inner.set(wrapper, connection);
    }
    return wrapper;
  }

  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await super.releaseConnection((this.inner.get(connection) ?? connection) as Parameters<PostgresDriver['releaseConnection']>[0]);
  }
}

class SerializablePostgresDialect extends PostgresDialect {
  constructor(private readonly config: PostgresDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new SerializablePostgresDriver(this.config);
  }
}

/** Opens the embedded SQLite file. WAL lets readers go on while one writer commits. */
export function connectSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a registration that was answered 201 survives a power cut, not only a crash of the process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, stalling every request; so SQLite waits only
  // briefly itself and the driver below waits the rest asynchronously.
  sqlite.pragma('busy_timeout = 20');
  return new Kysely<Database>({ dialect: new PatientSqliteDialect({ database: withStatementCache(sqlite) }, sqlite) });
}

/** How long a write waits for another writer (a script, an operator's sqlite3 session) before 503. */
const writerWaitMs = 10_000;
const busyCodes = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` again while SQLite answers busy, with growing pauses that leave the event loop free; 503 at the deadline. */
async function whileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + writerWaitMs;
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (err) {
      if (!busyCodes.has((err as { code?: string }).code ?? '')) throw err;
      if (Date.now() >= deadline) throw new AppError(503, 'problem.databaseBusy');
      await sleep(Math.min(100, 5 * 2 ** round) * (0.5 + Math.random()));
    }
  }
}

/**
 * Transactions begin IMMEDIATE: they take the write lock first, so a transaction that read and then
 * writes cannot fail on a writer that came in between (SQLITE_BUSY with no wait at all, in WAL mode).
 * Waiting for that lock, and any statement outside a transaction that meets a lock, is retried
 * asynchronously; other requests go on meanwhile (queued on Kysely's one connection, not blocked).
 */
class PatientSqliteDriver extends SqliteDriver {
  private readonly patient = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    let patient = this.patient.get(connection);
    if (!patient) {
      patient = {
        // Inside a transaction this connection holds the write lock already: nothing to wait for.
        executeQuery: (query) => (this.sqlite.inTransaction ? connection.executeQuery(query) : whileBusy(() => connection.executeQuery(query))),
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      };
      this.patient.set(connection, patient);
    }
    return patient;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class PatientSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new PatientSqliteDriver(this.config, this.sqlite);
  }
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
