import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { LocalDiskFileStore } from '../storage/files.ts';
import { SecretSealer } from '../secrets/seal.ts';
import { demoAccounts, seedDemoData } from './seed.ts';

let app: TestApp;
const sealer = new SecretSealer(randomBytes(32));

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('demo data', () => {
  it('seeds an empty register once: agencies, accounts, pending registrations and two offices of the demo administrator', async () => {
    const files = new LocalDiskFileStore(path.join(app.dataDir, 'files'));
    expect(await seedDemoData(app.db, files, sealer)).toBe(true);
    const admin = await app.db.selectFrom('users').selectAll().where('email', '=', demoAccounts.admin.email).executeTakeFirstOrThrow();
    const offices = await app.db.selectFrom('offices').selectAll().orderBy('code').execute();
    expect(offices.map((office) => [office.code, office.agency_id])).toEqual([
      ['EIA-MUM-01', admin.agency_id],
      ['EIA-MUM-02', admin.agency_id],
    ]);
    // The keys are sealed to their office like any other: they open there and nowhere else.
    expect(sealer.open(offices[0]!.checksum_key_sealed, offices[0]!.id)).toBe('demo-Kx7#pQ2v9LmZ');
    expect(() => sealer.open(offices[0]!.checksum_key_sealed, offices[1]!.id)).toThrow();
    const pending = await app.db.selectFrom('registrations').select('id').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(3);
    // The demo officer can sign in and is mapped to the head office; a second officer's request waits for the administrator.
    const officers = await app.db
      .selectFrom('officers')
      .innerJoin('users', 'users.id', 'officers.user_id')
      .select(['users.email', 'users.status', 'officers.agency_id', 'users.password_hash'])
      .orderBy('users.email')
      .execute();
    expect(officers.map((officer) => [officer.email, officer.status, officer.agency_id, officer.password_hash !== null])).toEqual([
      ['anil.patil@eicindia.gov.in', 'pending', admin.agency_id, false],
      [demoAccounts.officer.email, 'active', admin.agency_id, true],
    ]);
    const mapped = await app.db.selectFrom('officer_offices').innerJoin('offices', 'offices.id', 'officer_offices.office_id').select('offices.code').execute();
    expect(mapped.map((row) => row.code)).toEqual(['EIA-MUM-01']);

    expect(await seedDemoData(app.db, files, sealer)).toBe(false);
    expect(await app.db.selectFrom('offices').select('id').execute()).toHaveLength(2);
  });
});
