import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';

const dayMs = 86_400_000;

/**
 * An officer's DSC written straight into the table, for tests about its dates (expired, expiring,
 * many at once): registering one through the route is dsc-registration.test.ts's, and the route
 * refuses an expired certificate anyway.
 */
export async function insertDscRows(db: Db, dscs: ReadonlyArray<{ userId: string; agencyId: string; notAfter: Date; holderName?: string; replaced?: boolean }>): Promise<void> {
  if (dscs.length === 0) return;
  const now = new Date();
  await db
    .insertInto('officer_dscs')
    .values(
      dscs.map((dsc) => {
        const holder = (dsc.holderName ?? 'Test Officer').toUpperCase();
        return {
          id: randomUUID(), user_id: dsc.userId, agency_id: dsc.agencyId, fingerprint_sha256: randomUUID(), public_key_sha256: randomUUID(), certificate_der: Buffer.from('30', 'hex'),
          holder_name: holder, subject: `CN=${holder}`, issuer: 'CN=Test CA', issuer_name: 'Test CA', serial_number: '01', classes: '["class-3"]',
          policies: '["2.16.356.100.2.3"]', key_algorithm: 'RSA 2048', not_before: new Date(now.getTime() - 300 * dayMs).toISOString(), not_after: dsc.notAfter.toISOString(), is_demo: 0,
          challenge: 'eCoO-DSC-challenge:x', signature_der: Buffer.from('30', 'hex'), registered_at: now.toISOString(), replaced_at: dsc.replaced ? now.toISOString() : null,
          warned_30_days_at: null, warned_7_days_at: null,
        };
      }),
    )
    .execute();
}
