import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import type { Db } from './connect.ts';
import { precompile } from './precompiled.ts';

let db: Db;
beforeAll(async () => {
  // Placeholders differ ($1 on PostgreSQL, ? on SQLite): precompile must fill either.
  db = await openTestDatabase();
  const now = new Date().toISOString();
  for (const [id, name] of [['a', 'Alpha'], ['b', 'Beta'], ['c', 'Gamma']]) {
    await db.insertInto('agencies').values({ id: id!, code: id!, name: name!, certifies: 'All', is_demo: 0, created_at: now, updated_at: now }).execute();
  }
});
afterAll(() => db.destroy());

describe('precompile', () => {
  it('runs the same query with each call’s values in place of the markers, fixed values kept', async () => {
    const byIdOrName = precompile(db, (id: string, name: string) => db.selectFrom('agencies').select('code').where((eb) => eb.or([eb('id', '=', id), eb('name', '=', name)])).where('is_demo', '=', 0).orderBy('code'), 2);
    expect((await byIdOrName('a', 'Gamma')).map((r) => r.code)).toEqual(['a', 'c']);
    expect((await byIdOrName('b', 'nobody')).map((r) => r.code)).toEqual(['b']);
  });

  it('refuses a builder that does not use every argument', () => {
    expect(() => precompile(db, (_unused: string) => db.selectFrom('agencies').select('code'), 1)).toThrow(/does not reach/);
  });
});
