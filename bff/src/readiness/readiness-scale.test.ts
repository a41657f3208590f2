/**
 * Readiness at DGFT's scale: 125 agencies with four active offices and eight officers each. The
 * rows come from four grouped queries whatever the count, so the reviewer's whole list stays fast,
 * and every office still gets its own officers' counts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyReadinessSchema, ReadinessListSchema } from '@ecoo/shared/readiness/schemas';
import { nowIso } from '../db/connect.ts';
import { signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { insertDscRows } from '../testing/dsc-rows.ts';
import { daysFromNow } from '../testing/test-pki.ts';

const agencyCount = 125;
const officesPerAgency = 4;
let app: TestApp;
let reviewer: TestClient;
/** The eighth agency, whose administrator looks at it. */
let sampleAgencyId = '';

/** Straight into the tables, in one transaction: the routes that make these rows have tests of their own. */
async function seedAgencies() {
  const now = nowIso();
  const agencies = Array.from({ length: agencyCount }, (_, index) => ({ id: randomUUID(), code: `scale-${index}-${randomUUID().slice(0, 6)}`, name: `Scale Agency ${String(index).padStart(3, '0')}`, certifies: 'All products', is_demo: 0, created_at: now, updated_at: now }));
  sampleAgencyId = agencies[7]?.id ?? '';
  const offices = agencies.flatMap((agency) =>
    // The fifth office is deactivated: it issues nothing, so readiness leaves it out.
    Array.from({ length: officesPerAgency + 1 }, (_, index) => ({
      id: randomUUID(), agency_id: agency.id, code: `OFF-${index}`, name: `Office ${index}`, address_line1: 'Plot 12', address_line2: '', city: 'Mumbai', state: 'Maharashtra', pin_code: '400093',
      phone: '9820012345', email: 'office@agency.gov.in', gstin: '27AAPFU0939F1ZV', merchant_id: 'MERCHANT1', checksum_key_sealed: 'sealed', checksum_key_fingerprint: 'ABCD-1234',
      is_e_wallet_enabled: index % 2, e_wallet_changed_at: null, e_wallet_changed_by: null, is_active: index < officesPerAgency ? 1 : 0, stamp_version_id: null, created_at: now, updated_at: now,
    })),
  );
  const activeOffices = offices.filter((office) => office.is_active === 1);
  // Two officers per office; one holds a DSC for 200 days, the other (at each agency's first office) one expiring in 10.
  const officers = activeOffices.flatMap((office) => [0, 1].map((slot) => ({ id: randomUUID(), office, slot })));
  const pending = agencies.map((agency) => ({ id: randomUUID(), agencyId: agency.id }));
  const user = (id: string, agencyId: string, status: 'active' | 'pending') => ({ id, email: `${id}@agency.gov.in`, name: `Officer ${id.slice(0, 4)}`, mobile: null, role: 'issuing-officer' as const, agency_id: agencyId, status, password_hash: null, created_at: now, updated_at: now });
  const officer = (userId: string, agencyId: string) => ({ user_id: userId, agency_id: agencyId, designation: 'Assistant Director', requested_office_id: null, requested_at: now, decided_at: now, decided_by: null, rejection_reason: null, signature_version_id: null, email_confirmed_at: now, updated_at: now });
  await app.db.transaction().execute(async (trx) => {
    await trx.insertInto('agencies').values(agencies).execute();
    for (let start = 0; start < offices.length; start += 200) await trx.insertInto('offices').values(offices.slice(start, start + 200)).execute();
    const users = [...officers.map((entry) => user(entry.id, entry.office.agency_id, 'active')), ...pending.map((entry) => user(entry.id, entry.agencyId, 'pending'))];
    for (let start = 0; start < users.length; start += 500) {
      await trx.insertInto('users').values(users.slice(start, start + 500)).execute();
      await trx.insertInto('officers').values(users.slice(start, start + 500).map((row) => officer(row.id, row.agency_id))).execute();
    }
    await trx.insertInto('officer_offices').values(officers.map((entry) => ({ officer_id: entry.id, office_id: entry.office.id, mapped_at: now, mapped_by: null }))).execute();
  });
  const withDsc = officers.filter((entry) => entry.slot === 0 || entry.office.code === 'OFF-0');
  for (let start = 0; start < withDsc.length; start += 300) {
    await insertDscRows(app.db, withDsc.slice(start, start + 300).map((entry) => ({ userId: entry.id, agencyId: entry.office.agency_id, notAfter: daysFromNow(entry.slot === 0 ? 200 : 10) })));
  }
}

beforeAll(async () => {
  app = await startTestApp();
  await seedAgencies();
  reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
}, 120_000);
afterAll(() => app?.stop());

describe('readiness of 125 agencies', () => {
  it('answers the reviewer every office with its own counts in one request, quickly', async () => {
    await reviewer.get('/api/readiness/offices?pageSize=1');
    const started = performance.now();
    const response = await reviewer.get('/api/readiness/offices?pageSize=200&page=3');
    const elapsed = performance.now() - started;
    const list = ReadinessListSchema.parse(await response.json());

    expect([list.total, list.summary.offices, list.summary.readyOffices, list.items.length]).toEqual([agencyCount * officesPerAgency, agencyCount * officesPerAgency, 0, 100]);
    for (const row of list.items) {
      const isFirst = row.office?.code === 'OFF-0';
      expect(row.officers).toEqual({ mapped: 2, withSignature: 0, withDsc: isFirst ? 2 : 1, ready: 0 });
      // Officers with DSCs but no signature: the signature is what is missing, not the DSC.
      expect(row.gaps).toEqual(['stamp', 'signature']);
      expect(row.agency).toMatchObject({ pendingOfficerRequests: 1, expiringDscs: 1 });
    }
    expect(elapsed).toBeLessThan(3000);
  });

  it("gives one agency's administrator their four offices only", async () => {
    const admin = (await signedInAs(app, 'agency-admin', sampleAgencyId)).client;
    const mine = MyReadinessSchema.parse(await (await admin.get('/api/readiness?gap=all')).json());
    expect([mine.agency.name, mine.total, mine.items.map((item) => item.office.code)]).toEqual(['Scale Agency 007', 4, ['OFF-0', 'OFF-1', 'OFF-2', 'OFF-3']]);
  });
});
