import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSqlite } from './connect.ts';

let dir: string;
let db: Kysely<any>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-connect-'));
  db = connectSqlite(path.join(dir, 'test.sqlite'));
  await db.schema.createTable('letters').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text').addColumn('size', 'integer').execute();
  await db.insertInto('letters').values([{ id: 1, name: 'a.pdf', size: 10 }, { id: 2, name: null, size: 20 }]).execute();
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('connectSqlite', () => {
  it('a query run twice, answers plain objects named by column, nulls and aliases included, both times', async () => {
    const select = () => db.selectFrom('letters').select(['id', 'name', 'size as bytes']).orderBy('id').execute();
    const expected = [{ id: 1, name: 'a.pdf', bytes: 10 }, { id: 2, name: null, bytes: 20 }];
    expect(await select()).toEqual(expected);
    expect(await select()).toEqual(expected);
  });

  it('a write after reads of the same table, counts its changes and is read back', async () => {
    await db.selectFrom('letters').selectAll().execute();
    const result = await db.updateTable('letters').set({ size: 30 }).where('id', '=', 2).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
    expect(await db.selectFrom('letters').select('size').where('id', '=', 2).executeTakeFirst()).toEqual({ size: 30 });
  });

  it('a select * run before and after a column is added, answers the new column after', async () => {
    const select = () => db.selectFrom('letters').selectAll().where('id', '=', 1).executeTakeFirst();
    expect(await select()).toEqual({ id: 1, name: 'a.pdf', size: 10 });
    await db.schema.alterTable('letters').addColumn('pages', 'integer', (c) => c.defaultTo(1)).execute();
    expect(await select()).toEqual({ id: 1, name: 'a.pdf', size: 10, pages: 1 });
  });
});
