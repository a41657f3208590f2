import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { connectSqlite } from '/work/main/bff/src/db/connect.ts';
import { migrateToLatest } from '/work/main/bff/src/db/migrate.ts';
import { LocalDiskFileStore } from '/work/main/bff/src/storage/files.ts';
import { seedDemoData } from '/work/main/bff/src/demo/seed.ts';
import { fillPendingRegistrations } from '/work/main/bff/bench/pending-registrations.ts';
import { listRegistrations } from '/work/main/bff/src/registrations/repository.ts';
import { findActorBySession } from '/work/main/bff/src/accounts/repository.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'q-'));
const db = connectSqlite(path.join(dir, 'x.sqlite'));
await migrateToLatest(db);
const files = new LocalDiskFileStore(path.join(dir, 'files'));
await seedDemoData(db, files);
await fillPendingRegistrations(db, files, 1000);
const order = 'asc';
const q = db.selectFrom('registrations').innerJoin('agencies', 'agencies.id', 'registrations.agency_id').leftJoin('users as deciders', 'deciders.id', 'registrations.decided_by').selectAll('registrations').select(['agencies.name as agency_name', 'deciders.name as decider_name']).where('registrations.status', '=', 'pending').orderBy('registrations.submitted_at', order).orderBy('registrations.id').limit(50).offset(0);
const c = q.compile();
console.log(c.sql);
const countQ = db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('total')).where('status', '=', 'pending');
{ const Database = (await import('better-sqlite3')).default; const r = new Database(path.join(dir, 'x.sqlite'));
console.log(r.prepare(`explain query plan ${c.sql}`).all(...c.parameters as any[]));
console.log(r.prepare(`explain query plan ${countQ.compile().sql}`).all('pending')); r.close(); }
async function time(name: string, fn: () => Promise<unknown>, n = 2000) {
  for (let i = 0; i < 200; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(name.padEnd(40), ((performance.now() - t) / n * 1000).toFixed(0), 'µs');
}
await time('listRegistrations (both queries)', () => listRegistrations(db, { status: 'pending', page: 1, pageSize: 50 }));
await time('list query only', () => q.execute());
await time('count query only', () => countQ.executeTakeFirst());
await time('findActorBySession', () => findActorBySession(db, 'x'.repeat(64), new Date().toISOString()));
await time('compile list only', async () => q.compile());
// raw better-sqlite3 with prepared statement reuse
const Database = (await import('better-sqlite3')).default;
const raw = new Database(path.join(dir, 'x.sqlite'));
const stmt = raw.prepare(c.sql);
await time('raw prepared list (reused stmt)', async () => stmt.all(...c.parameters as any[]));
await time('raw prepare+all list', async () => raw.prepare(c.sql).all(...c.parameters as any[]));
const noOrderId = c.sql.replace(', "registrations"."id" asc', '');
console.log(raw.prepare(`explain query plan ${noOrderId}`).all(...c.parameters as any[]));
await time('raw list without id tiebreak', async () => raw.prepare(noOrderId).all(...c.parameters as any[]));
raw.exec('create index tmp_idx on registrations(status, submitted_at, id)');
await time('raw list with (status,submitted_at,id) idx', async () => raw.prepare(c.sql).all(...c.parameters as any[]));
console.log(raw.prepare(`explain query plan ${c.sql}`).all(...c.parameters as any[]));
raw.exec('drop index tmp_idx');
raw.close();
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
