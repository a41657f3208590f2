import { type Kysely, sql } from 'kysely';
import { unwatchTables, watchTables } from '../change-counters.ts';
import { bytesType } from '../portable.ts';

/**
 * Register Digital Signature Certificate (Trade Notice 23/2024-25 §3.II.iii): the one-time
 * challenges officers sign, and every DSC an officer registered, with the proof (challenge and
 * .p7s) kept so that an auditor can verify the registration again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dsc_challenges')
    .ifNotExists()
    // SHA-256 of the challenge text: the table never needs the text itself.
    .addColumn('challenge_sha256', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('session_id_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('dsc_challenges_by_user').ifNotExists().on('dsc_challenges').columns(['user_id', 'issued_at']).execute();

  await db.schema
    .createTable('officer_dscs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('officers.user_id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
    .addColumn('public_key_sha256', 'text', (c) => c.notNull())
    .addColumn('certificate_der', bytesType(db), (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('classes', 'text', (c) => c.notNull())
    .addColumn('policies', 'text', (c) => c.notNull())
    .addColumn('key_algorithm', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('signature_der', bytesType(db), (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .addColumn('warned_30_days_at', 'text')
    .addColumn('warned_7_days_at', 'text')
    .execute();
  // One active DSC per officer, and an active key is one officer's: enforced by the database too,
  // so two requests racing (or two instances) cannot both win. The key, not the certificate's
  // fingerprint: an ECDSA signature can be re-encoded into a twin certificate with another fingerprint.
  await db.schema.createIndex('officer_dscs_one_active').ifNotExists().unique().on('officer_dscs').column('user_id').where(sql.ref('replaced_at'), 'is', null).execute();
  await db.schema.createIndex('officer_dscs_active_key').ifNotExists().unique().on('officer_dscs').column('public_key_sha256').where(sql.ref('replaced_at'), 'is', null).execute();
  await db.schema.createIndex('officer_dscs_by_key').ifNotExists().on('officer_dscs').columns(['public_key_sha256', 'user_id']).execute();
  await db.schema.createIndex('officer_dscs_by_issuer_serial').ifNotExists().on('officer_dscs').columns(['issuer', 'serial_number']).execute();
  await db.schema.createIndex('officer_dscs_by_expiry').ifNotExists().on('officer_dscs').columns(['agency_id', 'not_after']).execute();
  // User Management's cached list shows each officer's DSC state.
  await watchTables(db, ['officer_dscs']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unwatchTables(db, ['officer_dscs']);
  await db.schema.dropTable('officer_dscs').ifExists().execute();
  await db.schema.dropTable('dsc_challenges').ifExists().execute();
}
