import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import type { Db } from './connect.ts';
import { VersionedCache } from './versioned-cache.ts';

let db: Db;
beforeAll(async () => {
  // SQLite, or PostgreSQL in the bff-pg project: the triggers behind the counters differ.
  db = await openTestDatabase();
});
afterAll(() => db.destroy());

const now = new Date().toISOString();
const addAgency = (id: string, name: string) => db.insertInto('agencies').values({ id, code: id, name, certifies: 'All', is_demo: 0, created_at: now, updated_at: now }).execute();

describe('VersionedCache', () => {
  it('computes once while the watched tables stay unchanged', async () => {
    const cache = new VersionedCache<number>(db, ['agencies']);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', compute)).toBe(1);
    expect(await cache.get('k', compute)).toBe(1);
    expect(computed).toBe(1);
  });

  it.each(['insert', 'update', 'delete'])('computes again after an %s on a watched table, made by any writer', async (event) => {
    await addAgency(`a-${event}`, 'Before');
    const cache = new VersionedCache<string>(db, ['agencies']);
    const names = async () => (await db.selectFrom('agencies').select('name').orderBy('id').execute()).map((r) => r.name).join(',');
    const before = await cache.get('names', names);
    if (event === 'insert') await addAgency(`b-${event}`, 'Added');
    if (event === 'update') await db.updateTable('agencies').set({ name: 'Renamed' }).where('id', '=', `a-${event}`).execute();
    if (event === 'delete') await db.deleteFrom('agencies').where('id', '=', `a-${event}`).execute();
    const after = await cache.get('names', names);
    expect(after).not.toBe(before);
    expect(after).toBe(await names());
  });

  it('ignores changes to tables it does not watch', async () => {
    const cache = new VersionedCache<number>(db, ['registrations']);
    let computed = 0;
    await cache.get('k', async () => ++computed);
    await addAgency('unwatched', 'X');
    await cache.get('k', async () => ++computed);
    expect(computed).toBe(1);
  });

  it('keeps at most maxEntries keys, dropping the least recently used', async () => {
    const cache = new VersionedCache<string>(db, ['agencies'], 2);
    let computed = 0;
    const compute = async () => String(++computed);
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('a', compute);
    await cache.get('c', compute);
    await cache.get('a', compute);
    expect(computed).toBe(3);
    await cache.get('b', compute);
    expect(computed).toBe(4);
  });

  // Each PostgreSQL connection raises its own row of the counter: the cache must add them up, and
  // two transactions writing different rows must not refuse each other over the counter. With one
  // row per table, the second writer's trigger waited on the first's lock of it (here, for ever).
  it.runIf(testDatabaseKind === 'postgres')('sees writes from several connections at once, none of which refused another', async () => {
    await Promise.all(['p-1', 'p-2', 'p-3'].map((id) => addAgency(id, 'Before')));
    const cache = new VersionedCache<string>(db, ['agencies']);
    const names = async () => (await db.selectFrom('agencies').select('name').where('id', 'like', 'p-%').orderBy('id').execute()).map((r) => r.name).join(',');
    expect(await cache.get('parallel', names)).toBe('Before,Before,Before');
    let attempts = 0;
    let release = () => {};
    const allUpdated = new Promise<void>((resolve) => (release = resolve));
    let updated = 0;
    // Each transaction holds its connection until all three have written, so all three are open
    // together and each commits after the others wrote; a retry (a refusal) would show in attempts.
    const rename = (id: string) =>
      db.transaction().execute(async (trx) => {
        attempts += 1;
        await trx.updateTable('agencies').set({ name: `After ${id}` }).where('id', '=', id).execute();
        if (++updated === 3) release();
        await allUpdated;
      });
    await Promise.all(['p-1', 'p-2', 'p-3'].map(rename));
    expect(attempts).toBe(3);
    expect(await cache.get('parallel', names)).toBe('After p-1,After p-2,After p-3');
  });
});
