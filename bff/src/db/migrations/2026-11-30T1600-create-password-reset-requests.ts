import type { Kysely } from 'kysely';
import { autoIncrementKey } from '../portable.ts';

/**
 * Every "Forgot your password?" request is a row, whether or not the address has an account: the
 * request path then does the same work for both (one insert, one count), and the link is issued and
 * mailed off the request path. The rows also count requests per address and mails per account.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('password_reset_requests')
    .ifNotExists()
    .addColumn('id', ...autoIncrementKey(db))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('is_mailed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('password_reset_requests_by_email').ifNotExists().on('password_reset_requests').columns(['email', 'at']).execute();
  await db.schema.createIndex('password_reset_requests_by_address').ifNotExists().on('password_reset_requests').columns(['address', 'at']).execute();
  await db.schema.createIndex('password_reset_requests_unprocessed').ifNotExists().on('password_reset_requests').columns(['processed_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_reset_requests').ifExists().execute();
}
