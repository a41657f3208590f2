import type { Kysely } from 'kysely';
import { hasColumn } from '../portable.ts';

/**
 * Each mail names its template (the subject's message key), so limits per recipient and kind of
 * mail can count what was sent, whatever language or wording the text had. Older mails have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasColumn(db, 'mails', 'template'))) await db.schema.alterTable('mails').addColumn('template', 'text').execute();
  await db.schema.createIndex('mails_by_recipient').ifNotExists().on('mails').columns(['to_address', 'template', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mails_by_recipient').ifExists().execute();
  await db.schema.alterTable('mails').dropColumn('template').execute();
}
