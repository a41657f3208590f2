import { type Kysely, sql } from 'kysely';
import { hasColumn, isPostgres } from '../portable.ts';

/**
 * The agency's audit trail (issue 16): each entry also keeps the actor's role, and the office and
 * officer it concerns, so the trail can be filtered by them without reading every entry's details.
 * Entries written before this migration get them from their subject and actor. Then the table
 * becomes append-only in the database itself: a trigger refuses every UPDATE and DELETE (and, on
 * PostgreSQL, TRUNCATE), so not even a mistaken repository function or a console session can
 * rewrite the record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['actor_role', 'office_id', 'officer_id']) {
    if (!(await hasColumn(db, 'audit_entries', column))) await db.schema.alterTable('audit_entries').addColumn(column, 'text').execute();
  }
  await sql`update audit_entries set actor_role = (select role from users where users.id = audit_entries.actor_id) where actor_id is not null`.execute(db);
  await sql`update audit_entries set office_id = subject_id where subject_type = 'office'`.execute(db);
  await sql`update audit_entries set officer_id = subject_id where subject_type = 'user' and (action like 'officer.%' or action like 'dsc.%')`.execute(db);
  await db.schema.createIndex('audit_entries_agency_at').ifNotExists().on('audit_entries').columns(['agency_id', 'at']).execute();
  await db.schema.createIndex('audit_entries_at').ifNotExists().on('audit_entries').column('at').execute();
  if (isPostgres(db)) {
    await sql`create or replace function audit_entries_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_entries is append-only: % refused', tg_op; end $$`.execute(db);
    await sql`drop trigger if exists audit_entries_no_change on audit_entries`.execute(db);
    await sql`create trigger audit_entries_no_change before update or delete on audit_entries for each row execute function audit_entries_append_only()`.execute(db);
    await sql`drop trigger if exists audit_entries_no_truncate on audit_entries`.execute(db);
    await sql`create trigger audit_entries_no_truncate before truncate on audit_entries for each statement execute function audit_entries_append_only()`.execute(db);
  } else {
    await sql`create trigger if not exists audit_entries_no_update before update on audit_entries begin select raise(abort, 'audit_entries is append-only: UPDATE refused'); end`.execute(db);
    await sql`create trigger if not exists audit_entries_no_delete before delete on audit_entries begin select raise(abort, 'audit_entries is append-only: DELETE refused'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_entries_no_change on audit_entries`.execute(db);
    await sql`drop trigger if exists audit_entries_no_truncate on audit_entries`.execute(db);
    await sql`drop function if exists audit_entries_append_only()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_entries_no_update`.execute(db);
    await sql`drop trigger if exists audit_entries_no_delete`.execute(db);
  }
  await db.schema.dropIndex('audit_entries_at').ifExists().execute();
  await db.schema.dropIndex('audit_entries_agency_at').ifExists().execute();
  for (const column of ['officer_id', 'office_id', 'actor_role']) await db.schema.alterTable('audit_entries').dropColumn(column).execute();
}
