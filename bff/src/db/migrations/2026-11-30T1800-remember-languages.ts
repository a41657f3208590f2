import type { Kysely } from 'kysely';
import { hasColumn } from '../portable.ts';

/**
 * The language each person chose (GIGW: English or Hindi), kept with the account so every page and
 * every mail to them speaks it, on any device; a registration keeps the applicant's until the
 * account made from it takes it over. Null: not chosen, the browser's language decides.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasColumn(db, 'users', 'locale'))) await db.schema.alterTable('users').addColumn('locale', 'text').execute();
  if (!(await hasColumn(db, 'registrations', 'locale'))) await db.schema.alterTable('registrations').addColumn('locale', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('locale').execute();
  await db.schema.alterTable('users').dropColumn('locale').execute();
}
