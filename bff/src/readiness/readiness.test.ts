/**
 * Go-live readiness (issue 16): what each active office still lacks, computed from the database,
 * for the agency's administrator (their agency only) and the DGFT reviewer (every agency, filtered,
 * as CSV). The gaps are closed here through the console's own routes, one at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { ProblemSchema } from '@ecoo/shared/problem';
import { MyReadinessSchema, ReadinessListSchema, type OfficeReadiness } from '@ecoo/shared/readiness/schemas';
import { parseCsv } from '@ecoo/shared/text/csv';
import { todayInIndia } from '../accounts/index.ts';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { newOffice, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { devPicture } from '../testing/pictures.ts';
import { insertDscRows } from '../testing/dsc-rows.ts';
import { officeInput } from '../testing/office-input.ts';
import { officerRequestContext, requestOfficer } from '../testing/officer-requests.ts';
import { daysFromNow, expectRecord, makeLeaf, makeTestPki, registerDsc, signedInOfficer, writeTrustFolders, type TestPki } from '../testing/test-pki.ts';

const domain = 'readiness.gov.in';
let app: TestApp;
let inbox: SmtpInbox;
let pki: TestPki;
let agencyId: string;
let admin: TestClient;
let reviewer: TestClient;
let requestOfficeId: string;

beforeAll(async () => {
  pki = await makeTestPki();
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: { ...writeTrustFolders({ roots: [pki.root] }).env, IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db, { name: 'Readiness Test Agency', emailDomains: [domain] })).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
  reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
});
afterAll(async () => {
  await app?.stop();
  await inbox?.stop();
});

const myReadiness = async (client: TestClient, query = '') => {
  const response = await client.get(`/api/readiness${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return MyReadinessSchema.parse(await response.json());
};
const reviewerList = async (query = '') => {
  const response = await reviewer.get(`/api/readiness/offices${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ReadinessListSchema.parse(await response.json());
};
/** The office's entry among all of the administrator's offices, gaps or not. */
const readinessOf = async (officeId: string): Promise<OfficeReadiness | undefined> =>
  (await myReadiness(admin, '?gap=all&pageSize=200')).items.find((item) => item.office.id === officeId);

async function acceptPicture(upload: Promise<Response>): Promise<string> {
  const job = await waitForJob(admin, BackgroundJobSchema.parse(await (await upload).json()).id);
  const response = await admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  expect(response.status, await response.clone().text()).toBe(201);
  return ImageVersionSchema.parse(await response.json()).id;
}

describe("an administrator's go-live readiness", () => {
  it('changes as each gap is closed in turn: payment parameters, stamp, officer mapped, signature, DSC (an expired one does not count, one with 20 days left is counted as expiring)', async () => {
    const officeId = await newOffice(admin);
    // The API never saves an office without its payment parameters; a row can still lack them
    // (written outside the API, as a migration would), and that is the gap's only way in.
    await app.db.updateTable('offices').set({ merchant_id: '' }).where('id', '=', officeId).execute();
    expect(await readinessOf(officeId)).toMatchObject({ gaps: ['payment-parameters', 'stamp', 'officer'], isPaymentParamsSet: false, isStampAccepted: false, isEWalletEnabled: false });

    const office = OfficeSchema.parse(await (await admin.get(`/api/offices/${officeId}`)).json());
    const { checksumKey: _keptKey, ...details } = officeInput({ code: office.code, merchantId: 'EICREADY2026' });
    expect((await admin.put(`/api/offices/${officeId}`, details)).status).toBe(200);
    expect((await readinessOf(officeId))?.gaps).toEqual(['stamp', 'officer']);
    expect((await admin.put(`/api/offices/${officeId}/e-wallet`, { isEnabled: true })).status).toBe(200);
    expect(await readinessOf(officeId)).toMatchObject({ gaps: ['stamp', 'officer'], isPaymentParamsSet: true, isEWalletEnabled: true });

    await acceptPicture(uploadStamp(admin, officeId, devPicture('d009-round-scan')));
    expect(await readinessOf(officeId)).toMatchObject({ gaps: ['officer'], isStampAccepted: true });

    // An active officer of the agency who is not mapped to the office does not count for it.
    const officer = await signedInOfficer(app, agencyId, 'Ravi Kulkarni');
    expect((await readinessOf(officeId))?.gaps).toEqual(['officer']);
    expect((await admin.put(`/api/officers/${officer.id}/offices`, { officeIds: [officeId] })).status).toBe(200);
    expect(await readinessOf(officeId)).toMatchObject({ gaps: ['signature', 'dsc'], officers: { mapped: 1, withSignature: 0, withDsc: 0, ready: 0 } });

    await acceptPicture(uploadSignature(admin, officer.id, devPicture('d006-signature-scan')));
    expect(await readinessOf(officeId)).toMatchObject({ gaps: ['dsc'], officers: { mapped: 1, withSignature: 1, withDsc: 0, ready: 0 } });

    await insertDscRows(app.db, [{ userId: officer.id, agencyId, notAfter: daysFromNow(-1), holderName: 'Ravi Kulkarni' }]);
    const withExpired = await myReadiness(admin, '?gap=all&pageSize=200');
    expect(withExpired.items.find((item) => item.office.id === officeId)).toMatchObject({ gaps: ['dsc'], officers: { withDsc: 0, ready: 0 } });
    expect(withExpired.agency.expiringDscs).toBe(0);

    await expectRecord(await registerDsc(officer.client, await makeLeaf({ issuer: pki.root, notAfter: daysFromNow(20) })));
    const ready = await myReadiness(admin, '?gap=none');
    expect(ready.items.map((item) => [item.office.id, item.gaps, item.officers])).toEqual([[officeId, [], { mapped: 1, withSignature: 1, withDsc: 1, ready: 1 }]]);
    expect(ready.agency).toMatchObject({ id: agencyId, expiringDscs: 1 });
    expect((await myReadiness(admin)).items.map((item) => item.office.id)).not.toContain(officeId);

    // The one ready officer deactivated: the office has no active officer again, and their DSC is not counted.
    const deactivation = { effectiveDate: todayInIndia(), reason: 'Transferred to another agency.' };
    expect((await admin.post(`/api/officers/${officer.id}/deactivation`, deactivation)).status).toBe(200);
    const after = await myReadiness(admin, '?gap=all&pageSize=200');
    expect(after.items.find((item) => item.office.id === officeId)?.gaps).toEqual(['officer']);
    expect(after.agency.expiringDscs).toBe(0);
  });

  it("counts the agency's officer requests once their email is confirmed, and says how many offices are ready", async () => {
    requestOfficeId = await newOffice(admin);
    const ctx = officerRequestContext(domain, () => ({ app, inbox, agencyId, officeId: requestOfficeId, admin }));
    const before = (await myReadiness(admin)).agency.pendingOfficerRequests;
    await requestOfficer(ctx, {}, { confirm: false });
    expect((await myReadiness(admin)).agency.pendingOfficerRequests).toBe(before);
    await requestOfficer(ctx);
    const mine = await myReadiness(admin, '?gap=all&pageSize=200');
    expect(mine.agency.pendingOfficerRequests).toBe(before + 1);
    expect([mine.summary.offices, mine.summary.readyOffices]).toEqual([mine.total, mine.items.filter((item) => item.gaps.length === 0).length]);
    expect((await myReadiness(admin)).total).toBe(mine.summary.offices - mine.summary.readyOffices);
    expect(mine.items.find((item) => item.office.id === requestOfficeId)?.gaps).toEqual(['stamp', 'officer']);
  });
});

describe('who sees readiness', () => {
  it("shows an administrator only their agency's offices, and refuses to be pointed at another agency", async () => {
    const other = await addAgency(app.db, { name: 'Other Readiness Agency' });
    const otherAdmin = (await signedInAs(app, 'agency-admin', other.id)).client;
    const otherOffice = await newOffice(otherAdmin);
    const mine = await myReadiness(admin, '?gap=all&pageSize=200');
    expect(mine.agency.id).toBe(agencyId);
    expect(mine.items.map((item) => item.office.id)).not.toContain(otherOffice);
    expect(mine.items.length).toBeGreaterThan(0);
    const theirs = await myReadiness(otherAdmin, '?gap=all&pageSize=200');
    expect(theirs.items.map((item) => item.office.id)).toEqual([otherOffice]);
    expect(theirs.agency).toMatchObject({ id: other.id, pendingOfficerRequests: 0 });
    const pointed = await admin.get(`/api/readiness?agencyId=${other.id}`);
    expect(pointed.status).toBe(400);
    expect(await pointed.text()).not.toContain(otherOffice);
  });

  it('answers 401 signed out, 403 to officers, and keeps each role to its own view', async () => {
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).client;
    const paths = ['/api/readiness', '/api/readiness/offices', '/api/readiness/offices/export'];
    for (const path of paths) {
      const signedOut = await app.client().get(path);
      expect([path, signedOut.status, ProblemSchema.parse(await signedOut.json()).code]).toEqual([path, 401, 'problem.unauthenticated']);
      expect([path, (await officer.get(path)).status]).toEqual([path, 403]);
    }
    expect((await reviewer.get('/api/readiness')).status).toBe(403);
    expect((await admin.get('/api/readiness/offices')).status).toBe(403);
    expect((await admin.get('/api/readiness/offices/export')).status).toBe(403);
  });
});

describe("the DGFT reviewer's readiness of every agency", () => {
  it('lists every agency\'s offices with their agency, an agency without an office once, and filters by agency and by gap', async () => {
    const empty = await addAgency(app.db, { name: 'Agency Without Offices' });
    const all = await reviewerList('?pageSize=200');
    const agencies = new Set(all.items.map((row) => row.agency.id));
    expect(agencies.has(agencyId)).toBe(true);
    expect(all.items.filter((row) => row.agency.id === empty.id)).toEqual([
      expect.objectContaining({ office: null, gaps: ['office'], officers: { mapped: 0, withSignature: 0, withDsc: 0, ready: 0 } }),
    ]);
    expect(all.summary.offices).toBe(all.items.filter((row) => row.office !== null).length);

    const own = await reviewerList(`?agencyId=${agencyId}&pageSize=200`);
    expect(new Set(own.items.map((row) => row.agency.id))).toEqual(new Set([agencyId]));
    expect(own.items.map((row) => row.office?.id).sort()).toEqual((await myReadiness(admin, '?gap=all&pageSize=200')).items.map((item) => item.office.id).sort());
    expect(own.items.find((row) => row.office?.id === requestOfficeId)?.agency.pendingOfficerRequests).toBeGreaterThan(0);

    const missingStamp = await reviewerList('?gap=stamp&pageSize=200');
    expect(missingStamp.items.length).toBeGreaterThan(0);
    expect(missingStamp.items.every((row) => row.gaps.includes('stamp'))).toBe(true);
    expect(missingStamp.items.map((row) => row.office?.id)).toContain(requestOfficeId);
    const ready = await reviewerList('?gap=none&pageSize=200');
    expect(ready.items.every((row) => row.gaps.length === 0)).toBe(true);
    expect(ready.total).toBe(all.summary.readyOffices);
    const withGaps = await reviewerList('?gap=any&pageSize=200');
    expect(withGaps.total + ready.total).toBe(all.total);

    const firstPage = await reviewerList('?pageSize=1');
    const secondPage = await reviewerList('?pageSize=1&page=2');
    expect([firstPage.items.length, firstPage.total, secondPage.items[0]]).toEqual([1, all.total, all.items[1]]);
    expect((await reviewer.get('/api/readiness/offices?gap=everything')).status).toBe(400);
  });

  it('exports the filtered rows as CSV in which names that a spreadsheet would run as formulas are neutralised', async () => {
    const risky = await addAgency(app.db, { name: '@SUM(1+1)*cmd|calc', emailDomains: ['risky.gov.in'] });
    const riskyAdmin = (await signedInAs(app, 'agency-admin', risky.id)).client;
    const created = await riskyAdmin.post('/api/offices', officeInput({ name: '=HYPERLINK("http://evil.example","Open")', city: '+Mumbai-1' }));
    expect(created.status, await created.clone().text()).toBe(201);

    const response = await reviewer.get(`/api/readiness/offices/export?agencyId=${risky.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="go-live-readiness-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await response.text();
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
    const { rows } = parseCsv(text);
    expect(rows[0]).toEqual(['Agency', 'Office code', 'Office', 'City', 'Payment parameters', 'E-wallet', 'Stamp accepted', 'Active officers mapped', 'Officers with an accepted signature', 'Officers with an unexpired DSC', 'Officers ready to sign (signature and DSC)', 'What is missing', 'Officer requests awaiting approval', 'DSCs expiring within 30 days']);
    expect(rows.slice(1)).toEqual([
      ["'@SUM(1+1)*cmd|calc", expect.any(String), `'=HYPERLINK("http://evil.example","Open")`, "'+Mumbai-1", 'Yes', 'Off', 'No', '0', '0', '0', '0', 'No stamp accepted; No active officer mapped', '0', '0'],
    ]);

    const filtered = parseCsv(await (await reviewer.get(`/api/readiness/offices/export?agencyId=${risky.id}&gap=none`)).text()).rows;
    expect(filtered).toHaveLength(1);
    const hindi = await reviewer.request('GET', `/api/readiness/offices/export?agencyId=${risky.id}`, { headers: { 'Accept-Language': 'hi-IN' } });
    expect(parseCsv(await hindi.text()).rows[1]?.at(-3)).toBe('कोई मुहर स्वीकृत नहीं; कोई सक्रिय अधिकारी संबद्ध नहीं');
  });
});
