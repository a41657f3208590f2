import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres, connectSqlite, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * Which database the BFF tests run on: the Vitest project `bff-pg` sets ECOO_TEST_DATABASE=postgres
 * and ECOO_TEST_POSTGRES_URL (a throwaway cluster that `npm test` starts, see scripts/postgres-cluster.mjs);
 * every other run uses a SQLite file per test app.
 */
export const testDatabaseKind: 'postgres' | 'sqlite' = process.env.ECOO_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** A new, empty database in the test cluster, so each test app starts as fresh as a new SQLite file. */
export async function freshPostgresUrl(): Promise<string> {
  const adminUrl = process.env.ECOO_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('ECOO_TEST_DATABASE=postgres needs ECOO_TEST_POSTGRES_URL (npm test starts a cluster and sets it)');
  const name = `ecoo_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated, empty database of the kind under test, for tests of the db layer itself. */
export async function openTestDatabase(): Promise<Db> {
  const db = testDatabaseKind === 'postgres' ? connectPostgres(await freshPostgresUrl()) : connectSqlite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-db-')), 'test.sqlite'));
  await migrateToLatest(db);
  return db;
}
