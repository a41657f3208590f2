import { type Kysely, sql } from 'kysely';

/**
 * Issuing officers (Trade Notice 23/2024-25 §3.II): what is theirs beyond the account, the offices
 * they are mapped to, and the revocations of any account, kept for good. The officer's current
 * signature moves from users to officers, so the images feature never writes the accounts' table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('officers')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('designation', 'text', (c) => c.notNull())
    .addColumn('requested_office_id', 'text', (c) => c.references('offices.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('rejection_reason', 'text')
    .addColumn('signature_version_id', 'text', (c) => c.references('image_versions.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('officers_by_agency').ifNotExists().on('officers').columns(['agency_id', 'requested_at']).execute();

  await db.schema
    .createTable('officer_offices')
    .ifNotExists()
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.user_id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('mapped_at', 'text', (c) => c.notNull())
    .addColumn('mapped_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('officer_offices_pk', ['officer_id', 'office_id'])
    .execute();
  await db.schema.createIndex('officer_offices_by_office').ifNotExists().on('officer_offices').columns(['office_id', 'officer_id']).execute();

  await db.schema
    .createTable('account_revocations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .addColumn('reactivated_at', 'text')
    .addColumn('reactivated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('account_revocations_by_user').ifNotExists().on('account_revocations').columns(['user_id', 'revoked_at']).execute();

  // User Management and the reviewer's administrators list page through users by agency, role and status.
  await db.schema.createIndex('users_by_agency_role').ifNotExists().on('users').columns(['agency_id', 'role', 'status']).execute();

  // Officers made before this feature (tests, scripts) get their officer record; their signature moves with them.
  await sql`
    insert into officers (user_id, agency_id, designation, requested_office_id, requested_at, decided_at, decided_by, rejection_reason, signature_version_id, updated_at)
    select id, agency_id, 'Issuing officer', null, created_at, created_at, null, null, signature_version_id, updated_at
    from users where role = 'issuing-officer' and agency_id is not null
    on conflict (user_id) do nothing`.execute(db);
}

/** The copied signature column stays in users (SQLite cannot drop a referencing column), so this is not undone: restore the backup. */
export async function down(): Promise<void> {
  throw new Error('The officers migration cannot be undone on SQLite: restore the data folder from the backup taken before it.');
}
