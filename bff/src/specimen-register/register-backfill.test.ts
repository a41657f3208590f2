/**
 * The periods of use of stamps and signatures accepted before the specimen register existed, as
 * its migration writes them: each version from its acceptance to the next one, and a version in
 * use again after a reinstatement from that reinstatement (the trail's time of it) on. Histories
 * made through the routes are in register-backfill-replay.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Migrator, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPostgres, connectSqlite, nowIso, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { freshPostgresUrl, testDatabaseKind } from '../testing/test-database.ts';
import { addUser } from '../testing/test-app.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function databaseBeforeTheRegister(): Promise<Db> {
  const db = testDatabaseKind === 'postgres' ? connectPostgres(await freshPostgresUrl()) : connectSqlite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-register-')), 'test.sqlite'));
  cleanups.push(() => db.destroy());
  const folder = new URL('../db/migrations/', import.meta.url);
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.ts'));
  const migrations: Record<string, Migration> = Object.fromEntries(await Promise.all(names.map(async (name) => [path.basename(name, '.ts'), (await import(new URL(name, folder).href)) as Migration] as const)));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('2026-12-01T0830-audit-trail');
  expect(error).toBeUndefined();
  return db;
}

describe('the specimen register migration', () => {
  it('backfills periods of use from acceptances and a reinstatement in the trail, leaves a subject with one version open, and closes an office closed before the trail', async () => {
    const db = await databaseBeforeTheRegister();
    // Straight into the old schema: today's createAgency writes columns it does not have yet.
    const agencyId = randomUUID();
    await db.insertInto('agencies').values({ id: agencyId, code: `old-${agencyId.slice(0, 8)}`, name: 'Agency before the register', certifies: 'All products', is_demo: 0, created_at: nowIso(), updated_at: nowIso() }).execute();
    const admin = await addUser(db, 'agency-admin', { agencyId });
    const officer = await addUser(db, 'issuing-officer', { agencyId });
    const office = (code: string) => ({
      id: randomUUID(), agency_id: agencyId, code, name: `Office ${code}`, address_line1: 'Line 1', address_line2: '', city: 'Mumbai', state: 'Maharashtra', pin_code: '400001',
      phone: '02222000000', email: 'office@agency.gov.in', gstin: '27AAAAA0000A1Z5', merchant_id: 'M1', checksum_key_sealed: 'sealed', checksum_key_fingerprint: 'sha256:0000000000000000',
      is_e_wallet_enabled: 0, e_wallet_changed_at: null, e_wallet_changed_by: null, is_active: 1, stamp_version_id: null, created_at: nowIso(), updated_at: nowIso(),
    });
    const reinstated = office('REIN');
    const single = office('ONE');
    await db.insertInto('offices').values([reinstated, single]).execute();

    let n = 0;
    async function version(purpose: 'office-stamp' | 'officer-signature', subjectId: string, number: number, acceptedAt: string): Promise<string> {
      n += 1;
      const [uploadId, jobId, versionId] = [randomUUID(), randomUUID(), randomUUID()];
      const sha = String(n).padStart(64, '0');
      await db.insertInto('image_uploads').values({ id: uploadId, agency_id: agencyId, purpose, subject_id: subjectId, file_name: 'p.jpg', content_type: 'image/jpeg', byte_size: 1, width: 1, height: 1, original_sha256: sha, uploaded_by: admin.id, uploaded_at: acceptedAt }).execute();
      await db.insertInto('image_jobs').values({ id: jobId, upload_id: uploadId, agency_id: agencyId, use_model: 'auto', state: 'done', step: null, attempts: 1, failure_reason: null, queued_at: acceptedAt, started_at: acceptedAt, finished_at: acceptedAt, chosen_method: 'ink', original_preview_sha256: sha, accepted_version_id: versionId }).execute();
      await db.insertInto('image_versions').values({ id: versionId, agency_id: agencyId, purpose, subject_id: subjectId, version: number, job_id: jobId, method: 'ink', sensitivity: 50, png_sha256: sha, width: 1, height: 1, accepted_by: admin.id, accepted_at: acceptedAt }).execute();
      return versionId;
    }
    const stamp1 = await version('office-stamp', reinstated.id, 1, '2026-01-01T05:00:00.000Z');
    const stamp2 = await version('office-stamp', reinstated.id, 2, '2026-02-01T05:00:00.000Z');
    const stamp3 = await version('office-stamp', reinstated.id, 3, '2026-03-01T05:00:00.000Z');
    const only = await version('office-stamp', single.id, 1, '2026-01-15T05:00:00.000Z');
    const signature1 = await version('officer-signature', officer.id, 1, '2026-01-10T05:00:00.000Z');
    const signature2 = await version('officer-signature', officer.id, 2, '2026-04-10T05:00:00.000Z');
    await db.updateTable('offices').set({ stamp_version_id: stamp1 }).where('id', '=', reinstated.id).execute();
    await db.updateTable('offices').set({ stamp_version_id: only }).where('id', '=', single.id).execute();
    await db.updateTable('officers').set({ signature_version_id: signature2 }).where('user_id', '=', officer.id).execute();
    const audit = (action: string, subjectId: string, at: string, details: unknown) => ({
      id: randomUUID(), at, actor_id: admin.id, action, subject_type: 'office', subject_id: subjectId, agency_id: agencyId, details: JSON.stringify(details), actor_role: 'agency-admin' as const, office_id: subjectId, officer_id: null,
    });
    // Version 1 reinstated after version 3: the trail names the version it made current.
    await db.insertInto('audit_entries').values([audit('office.stamp-reinstated', reinstated.id, '2026-03-10T05:00:00.000Z', { changes: [{ field: 'stampVersion', before: 3, after: 1 }] })]).execute();
    // A refused officer who requested again: the signature was cleared then, with none after.
    const reopened = await addUser(db, 'issuing-officer', { agencyId });
    const cleared = await version('officer-signature', reopened.id, 1, '2026-01-20T05:00:00.000Z');
    await db.insertInto('audit_entries').values([{ ...audit('officer.requested-again', reopened.id, '2026-02-05T05:00:00.000Z', { changes: [] }), subject_type: 'user', office_id: null, officer_id: reopened.id }]).execute();
    // An office closed before the trail existed: closed from its last change, the latest it can have been.
    await db.updateTable('offices').set({ is_active: 0, updated_at: '2026-04-01T05:00:00.000Z' }).where('id', '=', single.id).execute();

    await migrateToLatest(db);

    const periods = await db.selectFrom('image_use_periods').select(['subject_id', 'version_id', 'began_at', 'ended_at']).orderBy('subject_id').orderBy('began_at').execute();
    const of = (subjectId: string) => periods.filter((row) => row.subject_id === subjectId).map(({ version_id, began_at, ended_at }) => [version_id, began_at, ended_at]);
    expect(of(reinstated.id)).toEqual([
      [stamp1, '2026-01-01T05:00:00.000Z', '2026-02-01T05:00:00.000Z'],
      [stamp2, '2026-02-01T05:00:00.000Z', '2026-03-01T05:00:00.000Z'],
      [stamp3, '2026-03-01T05:00:00.000Z', '2026-03-10T05:00:00.000Z'],
      [stamp1, '2026-03-10T05:00:00.000Z', null],
    ]);
    expect(of(single.id)).toEqual([[only, '2026-01-15T05:00:00.000Z', null]]);
    expect(of(officer.id)).toEqual([
      [signature1, '2026-01-10T05:00:00.000Z', '2026-04-10T05:00:00.000Z'],
      [signature2, '2026-04-10T05:00:00.000Z', null],
    ]);
    expect(of(reopened.id)).toEqual([[cleared, '2026-01-20T05:00:00.000Z', '2026-02-05T05:00:00.000Z']]);
    expect(new Set(periods.map((row) => row.subject_id))).toEqual(new Set([reinstated.id, single.id, officer.id, reopened.id]));
    expect(await db.selectFrom('office_deactivations').select(['office_id', 'deactivated_at', 'reactivated_at']).execute()).toEqual([{ office_id: single.id, deactivated_at: '2026-04-01T05:00:00.000Z', reactivated_at: null }]);
  });
});
