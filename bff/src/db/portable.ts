import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type Transaction, sql } from 'kysely';

/**
 * What differs between the embedded SQLite and PostgreSQL, in one place: migrations and the few
 * queries that cannot be written once for both ask here.
 */
export const isPostgres = (db: Pick<Kysely<any>, 'getExecutor'>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Column type of raw bytes (certificates, signatures). */
export const bytesType = (db: Kysely<any>) => (isPostgres(db) ? sql`bytea` : sql`blob`);

/** An integer key the database numbers: SQLite's rowid alias, PostgreSQL's identity column. */
export function autoIncrementKey(db: Kysely<any>): [type: 'integer', build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return isPostgres(db) ? ['integer', (column) => column.primaryKey().generatedByDefaultAsIdentity()] : ['integer', (column) => column.primaryKey().autoIncrement()];
}

/** Whether `table` has `column` yet: migrations that add a column to databases made before it existed. */
export async function hasColumn(db: Kysely<any>, table: string, column: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((entry) => entry.name === table && entry.columns.some((candidate) => candidate.name === column));
}

/**
 * A unique constraint or index refused the write. `on` narrows it to one table's column where the
 * caller must tell them apart: SQLite names "table.column" in its message, PostgreSQL the table
 * and "Key (column)=" in the error's fields.
 */
export function isUniqueViolation(err: unknown, on?: { table: string; column: string }): boolean {
  const error = err as { code?: string; message?: string; table?: string; detail?: string };
  if (error?.code === '23505') return !on || (error.table === on.table && (error.detail ?? '').startsWith(`Key (${on.column})=`));
  const message = String(error?.message ?? '');
  if (!message.includes('UNIQUE constraint failed')) return false;
  return !on || message.includes(`${on.table}.${on.column}`);
}

/**
 * A transaction that counts and then inserts under a bound (an agency's queue room), taken in turns
 * per `key`. On PostgreSQL, SERIALIZABLE would let simultaneous callers both count, then abort all
 * but one (twenty uploads at once: several refused with 409 after their retries); here the
 * transaction is READ COMMITTED behind a transaction-scoped advisory lock on `key`, so callers wait
 * for each other and each counts what the ones before it committed. SQLite's writers take turns anyway.
 */
export function transactionInTurns<DB, T>(db: Kysely<DB>, key: string, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
      return work(trx);
    });
}
