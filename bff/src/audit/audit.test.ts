/**
 * The agency's audit trail (issue 16): every change through the console's routes writes exactly one
 * typed entry in its own transaction, a refused request writes none, secrets appear only as
 * fingerprints, nothing can change or remove an entry, and each reader sees only their scope.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '@ecoo/shared/api';
import { AuditEventSchema, AuditListSchema, auditActions, type AuditAction, type AuditEntry } from '@ecoo/shared/audit/schemas';
import { BackgroundJobSchema } from '@ecoo/shared/images/schemas';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { parseCsv } from '@ecoo/shared/text/csv';
import { addAgency, addUser, signedInAs, startTestApp, testPassword, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { linkIn, SmtpInbox } from '../testing/smtp-inbox.ts';
import { officeInput, testChecksumKey } from '../testing/office-input.ts';
import { uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { devPicture } from '../testing/pictures.ts';
import { officerRequestContext, requestOfficer } from '../testing/officer-requests.ts';
import { isPostgres } from '../db/portable.ts';
import { secretFingerprint } from './record.ts';

const domain = 'audit-trail.gov.in';
let app: TestApp;
let inbox: SmtpInbox;
let agencyId: string;
let otherAgencyId: string;
let admin: TestClient;
let adminUser: { id: string; email: string };
let otherAdmin: TestClient;
let reviewer: TestClient;
let officeId: string;
const ctx = officerRequestContext(domain, () => ({ app, inbox, agencyId, officeId, admin }));

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: { IMAGE_WORKERS: '1' } });
  agencyId = (await addAgency(app.db, { name: 'Audit Trail Agency', emailDomains: [domain] })).id;
  otherAgencyId = (await addAgency(app.db, { name: 'Other Audit Agency', emailDomains: ['other-audit.gov.in'] })).id;
  ({ client: admin, user: adminUser } = await signedInAs(app, 'agency-admin', agencyId));
  otherAdmin = (await signedInAs(app, 'agency-admin', otherAgencyId)).client;
  reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
  officeId = await createOffice(admin, { name: 'Audit Head Office' });
});
afterAll(async () => {
  await app?.stop();
  await inbox?.stop();
});

async function createOffice(client: TestClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/offices', officeInput(overrides));
  expect(response.status, await response.clone().text()).toBe(201);
  return OfficeSchema.parse(await response.json()).id;
}

const allRows = () => app.db.selectFrom('audit_entries').selectAll().execute();

/** The entries that `act` added, in the order written. */
async function entriesOf(act: () => Promise<unknown>) {
  const before = new Set((await allRows()).map((row) => row.id));
  await act();
  return (await allRows()).filter((row) => !before.has(row.id)).sort((a, b) => a.at.localeCompare(b.at));
}

const expectStatus = async (response: Promise<Response>, status: number) => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
};

const trail = async (client: TestClient, query = '') => {
  const response = await client.get(`/api/audit${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return AuditListSchema.parse(await response.json());
};

describe('one audit entry per change', () => {
  it('each change of an office, an officer and an agency writes exactly one typed entry with actor, role, agency, target and before/after; each refusal writes none', async () => {
    let createdOffice = '';
    const created = await entriesOf(async () => (createdOffice = await createOffice(admin, { name: 'Pune office' })));
    expect(created.map((row) => [row.action, row.actor_role, row.office_id])).toEqual([['office.created', 'agency-admin', createdOffice]]);
    const office = OfficeSchema.parse(await (await admin.get(`/api/offices/${createdOffice}`)).json());
    const { checksumKey: _key, ...details } = officeInput({ code: office.code, name: 'Pune office, Shivajinagar' });

    const edited = await entriesOf(() => expectStatus(admin.put(`/api/offices/${createdOffice}`, details), 200));
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ action: 'office.updated', actor_id: adminUser.id, actor_role: 'agency-admin', agency_id: agencyId, subject_type: 'office', subject_id: createdOffice, office_id: createdOffice, officer_id: null });
    expect(AuditEventSchema.parse({ action: edited[0]!.action, details: JSON.parse(edited[0]!.details) })).toEqual({
      action: 'office.updated',
      details: { changes: [{ field: 'name', before: 'Pune office', after: 'Pune office, Shivajinagar' }] },
    });
    expect((await entriesOf(() => expectStatus(admin.put(`/api/offices/${createdOffice}/e-wallet`, { isEnabled: true }), 200))).map((row) => row.action)).toEqual(['office.e-wallet-enabled']);
    expect((await entriesOf(() => expectStatus(admin.put(`/api/offices/${createdOffice}/status`, { isActive: false }), 200))).map((row) => row.action)).toEqual(['office.deactivated']);

    // Refused: bad input (400), another agency's office (404: it reveals nothing), the wrong role (403), signed out (401).
    expect(await entriesOf(() => expectStatus(admin.put(`/api/offices/${createdOffice}`, { ...details, pinCode: '12' }), 400))).toEqual([]);
    expect(await entriesOf(() => expectStatus(otherAdmin.put(`/api/offices/${createdOffice}/e-wallet`, { isEnabled: false }), 404))).toEqual([]);
    expect(await entriesOf(() => expectStatus(admin.post('/api/agencies', { code: 'x-agency', name: 'X', certifies: 'All', emailDomains: ['x.gov.in'] }), 403))).toEqual([]);
    expect(await entriesOf(() => expectStatus(app.client().put(`/api/offices/${createdOffice}/e-wallet`, { isEnabled: false }), 401))).toEqual([]);

    // An officer's request, from the signed-out form and the mailed link, then the administrator's decisions.
    let officer = { id: '', email: '' };
    const requested = await entriesOf(async () => (officer = await requestOfficer(ctx)));
    expect(requested.map((row) => [row.action, row.actor_id, row.officer_id, row.office_id])).toEqual([
      ['officer.requested', null, officer.id, officeId],
      ['officer.email-confirmed', null, officer.id, null],
    ]);
    const approved = await entriesOf(() => expectStatus(admin.post(`/api/officers/${officer.id}/approval`), 200));
    expect(approved.map((row) => [row.action, row.actor_role, row.officer_id, row.office_id, row.agency_id])).toEqual([['officer.approved', 'agency-admin', officer.id, officeId, agencyId]]);
    expect(await entriesOf(() => expectStatus(admin.post(`/api/officers/${officer.id}/approval`), 409))).toEqual([]);
    expect(await entriesOf(() => expectStatus(otherAdmin.put(`/api/officers/${officer.id}/offices`, { officeIds: [officeId] }), 404))).toEqual([]);
    expect((await entriesOf(() => expectStatus(admin.put(`/api/officers/${officer.id}/offices`, { officeIds: [officeId] }), 200))).map((row) => row.action)).toEqual(['officer.offices-mapped']);

    // The reviewer's register of agencies.
    const agencyRows = await entriesOf(() => expectStatus(reviewer.post('/api/agencies', { code: 'audit-new', name: 'New Audit Agency', certifies: 'All products', emailDomains: ['new-audit.gov.in'] }), 201));
    expect(agencyRows.map((row) => [row.action, row.actor_role, row.subject_type])).toEqual([['agency.created', 'dgft-reviewer', 'agency']]);
  });

  it('a stamp upload is one entry, and so is its acceptance; a refused upload writes none', async () => {
    const refused = await entriesOf(() => expectStatus(uploadStamp(admin, officeId, Buffer.from('%PDF-1.4 not a picture'), 'stamp.jpg'), 415));
    expect(refused).toEqual([]);
    let jobId = '';
    const uploaded = await entriesOf(async () => {
      const response = await uploadStamp(admin, officeId, devPicture('d009-round-scan'));
      expect(response.status, await response.clone().text()).toBe(202);
      jobId = BackgroundJobSchema.parse(await response.json()).id;
    });
    expect(uploaded.map((row) => [row.action, row.office_id, JSON.parse(row.details).jobId])).toEqual([['office.stamp-uploaded', officeId, jobId]]);
    const job = await waitForJob(admin, jobId);
    const accepted = await entriesOf(() => expectStatus(admin.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 }), 201));
    expect(accepted.map((row) => [row.action, row.office_id, row.details])).toEqual([['office.stamp-accepted', officeId, JSON.stringify({ changes: [{ field: 'stampVersion', before: null, after: 1 }] })]]);
    expect((await trail(admin, `?action=office.stamp-accepted&office=${encodeURIComponent('Audit Head Office')}`)).entries).toHaveLength(1);
  });
});

describe('secrets in the audit trail', () => {
  it('keeps the checksum key, the reset link and the password only as fingerprints', async () => {
    const email = `secrets.${Date.now()}@${domain}`;
    const user = await addUser(app.db, 'agency-admin', { agencyId, email });
    const rows = await entriesOf(async () => {
      await expectStatus(app.client().post('/api/password-reset-requests', { email }), 202);
      const token = linkIn(await inbox.waitFor(email, /password/i, 10_000)).split('#token=')[1]!;
      await expectStatus(app.client().put('/api/password', { token, password: 'a new password for audit 2026' }), 204);
    });
    const token = linkIn(inbox.mails.filter((mail) => mail.to.includes(email)).at(-1)!).split('#token=')[1]!;
    expect(rows.map((row) => [row.action, row.subject_id])).toEqual([
      ['password.reset-link-issued', user.id],
      ['password.set', user.id],
    ]);
    for (const row of rows) expect(JSON.parse(row.details)).toEqual({ linkFingerprint: secretFingerprint(token) });
    const everything = (await allRows()).map((row) => row.details).join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(testChecksumKey);
    expect(everything).not.toContain('a new password for audit 2026');
    expect(everything).not.toContain(testPassword);
  });
});

/**
 * Every route that changes state, with the actions it writes (one per change) or why it writes
 * none. A new route fails the test below until it is listed here, so it cannot be added unaudited.
 */
const auditedRoutes: Record<string, readonly AuditAction[] | { notAudited: string }> = {
  signIn: { notAudited: 'a session, not a change of the agency: sign-ins are kept in sign_in_addresses and failures' },
  signOut: { notAudited: 'ends a session only' },
  chooseLanguage: { notAudited: "the person's own display language" },
  requestPasswordReset: ['password.reset-link-issued'],
  setPassword: ['password.set'],
  createAgency: ['agency.created'],
  updateAgency: ['agency.updated'],
  submitRegistration: ['registration.submitted', 'officer.requested'],
  confirmOfficerRequest: ['officer.email-confirmed', 'officer.requested-again'],
  activateRegistration: ['registration.activated'],
  rejectRegistration: ['registration.rejected'],
  createOffice: ['office.created'],
  updateOffice: ['office.updated'],
  setOfficeEWallet: ['office.e-wallet-enabled', 'office.e-wallet-disabled'],
  setOfficeActive: ['office.deactivated', 'office.reactivated'],
  dryRunOfficeImport: { notAudited: 'a dry run stores nothing' },
  importOffices: ['office.created'],
  uploadOfficeStamp: ['office.stamp-uploaded'],
  uploadOfficerSignature: ['officer.signature-uploaded'],
  retryImageJob: ['office.stamp-retried', 'officer.signature-retried'],
  acceptImageJob: ['office.stamp-accepted', 'officer.signature-accepted'],
  reinstateImageVersion: ['office.stamp-reinstated', 'officer.signature-reinstated'],
  approveOfficer: ['officer.approved'],
  rejectOfficer: ['officer.rejected'],
  mapOfficerOffices: ['officer.offices-mapped'],
  deactivateOfficer: ['officer.deactivated'],
  reactivateOfficer: ['officer.reactivated'],
  deactivateAdministrator: ['administrator.deactivated'],
  reactivateAdministrator: ['administrator.reactivated'],
  issueDscChallenge: { notAudited: 'a 10-minute challenge bound to the session; the registration it leads to is audited' },
  registerDsc: ['dsc.registered'],
  requestSpecimenCertificate: ['specimen.requested'],
  createRegisterLink: ['specimen-register.link-created'],
  revokeRegisterLink: ['specimen-register.link-revoked'],
};

describe('the vocabulary and the route table', () => {
  it('lists every route that changes state with its actions or the reason it has none, and every action comes from a route (or the command line)', () => {
    const changing = Object.entries(api).filter(([, endpoint]) => endpoint.method !== 'get').map(([name]) => name);
    expect(Object.keys(auditedRoutes).sort()).toEqual(changing.sort());
    const named = new Set(Object.values(auditedRoutes).flatMap((actions) => (Array.isArray(actions) ? actions : [])));
    // The first reviewer is made by `npm run create-reviewer`, not a route.
    expect(auditActions.filter((action) => !named.has(action))).toEqual(['reviewer.created']);
  });
});

describe('append-only', () => {
  it('the route table has no way to change an entry: the audit routes are reads, and no other route names the trail', () => {
    const auditRoutes = Object.entries(api).filter(([, endpoint]) => endpoint.path.startsWith('/api/audit'));
    expect(auditRoutes.map(([name, endpoint]) => [name, endpoint.method])).toEqual([
      ['listAuditEntries', 'get'],
      ['exportAuditEntries', 'get'],
    ]);
    for (const [name, endpoint] of Object.entries(api)) if (endpoint.method !== 'get') expect(endpoint.path, name).not.toMatch(/audit/);
  });

  it('PUT, PATCH, POST and DELETE on the trail answer without changing anything', async () => {
    const before = await allRows();
    const [entry] = before;
    for (const method of ['PUT', 'PATCH', 'POST', 'DELETE']) {
      for (const target of ['/api/audit', `/api/audit/${entry!.id}`]) {
        const response = await reviewer.request(method, target, { json: {} });
        expect([404, 405], `${method} ${target}`).toContain(response.status);
      }
    }
    expect(await allRows()).toEqual(before);
  });

  it('no source file updates or deletes audit_entries (only the migration that guards it names the table so)', () => {
    const sourceRoot = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !full.includes(`${path.sep}migrations${path.sep}`)) {
          const text = fs.readFileSync(full, 'utf8');
          if (/(updateTable|deleteFrom)\(\s*'audit_entries/.test(text) || /(update|delete from|truncate)\s+audit_entries/i.test(text)) offenders.push(path.relative(sourceRoot, full));
        }
      }
    };
    walk(sourceRoot);
    expect(offenders).toEqual([]);
  });

  it('the database itself refuses UPDATE and DELETE of an entry (and TRUNCATE on PostgreSQL)', async () => {
    const before = await allRows();
    await expect(app.db.updateTable('audit_entries').set({ action: 'office.updated' }).execute()).rejects.toThrow(/append-only/);
    await expect(app.db.deleteFrom('audit_entries').execute()).rejects.toThrow(/append-only/);
    if (isPostgres(app.db)) await expect(sql`truncate audit_entries`.execute(app.db)).rejects.toThrow(/append-only/);
    expect(await allRows()).toEqual(before);
  });
});

describe('who sees which entries', () => {
  it("an administrator sees only their own agency's entries, whatever the query asks; the reviewer sees every agency's", async () => {
    await createOffice(otherAdmin, { name: 'Other agency office' });
    const own = await trail(admin, `?agencyId=${otherAgencyId}&pageSize=200`);
    expect(own.entries.length).toBeGreaterThan(0);
    expect(own.entries.every((entry) => entry.agency?.id === agencyId)).toBe(true);
    const other = await trail(otherAdmin, '?pageSize=200');
    // The agency's own entry in the register (made by the test, signed out) and its office.
    expect(other.entries.map((entry) => entry.event.action)).toEqual(['office.created', 'agency.created']);
    expect(other.entries[0]).toMatchObject({ agency: { id: otherAgencyId }, actor: { role: 'agency-admin' }, office: { name: 'Other agency office' } });

    const everything = await trail(reviewer, '?pageSize=200');
    expect(everything.entries.some((entry) => entry.agency?.id === agencyId)).toBe(true);
    expect(everything.entries.some((entry) => entry.agency?.id === otherAgencyId)).toBe(true);
    const filtered = await trail(reviewer, `?agencyId=${otherAgencyId}`);
    expect(filtered.entries.map((entry) => entry.agency?.id)).toEqual([otherAgencyId, otherAgencyId]);
    const csv = await (await otherAdmin.get(`/api/audit/export?agencyId=${agencyId}`)).text();
    expect(csv).not.toContain('Audit Head Office');
  });

  it('officers get 403 and the signed-out 401, for the list and the export', async () => {
    const officer = (await signedInAs(app, 'issuing-officer', agencyId)).client;
    for (const target of ['/api/audit', '/api/audit/export']) {
      expect((await officer.get(target)).status).toBe(403);
      expect((await app.client().get(target)).status).toBe(401);
    }
  });
});

describe('filters, pages and the CSV', () => {
  it('filters by action, office, actor, officer and dates, newest first, a page at a time', async () => {
    const pune = await createOffice(admin, { name: 'Filter Nashik office', code: 'NSK-77' });
    for (const isEnabled of [true, false, true]) await expectStatus(admin.put(`/api/offices/${pune}/e-wallet`, { isEnabled }), 200);
    const byOffice = await trail(admin, '?office=nsk-77');
    expect(byOffice.entries.map((entry) => entry.event.action)).toEqual(['office.e-wallet-enabled', 'office.e-wallet-disabled', 'office.e-wallet-enabled', 'office.created']);
    expect(byOffice.total).toBe(4);
    const paged = await trail(admin, '?office=Nashik&pageSize=3&page=2');
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.entries.map((entry) => entry.event.action)).toEqual(['office.created']);
    expect((await trail(admin, '?office=Nashik&action=office.e-wallet-disabled')).total).toBe(1);
    expect((await trail(admin, `?office=Nashik&actor=${encodeURIComponent(adminUser.email)}`)).total).toBe(4);
    expect((await trail(admin, '?office=Nashik&actor=somebody-else')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await trail(admin, `?office=Nashik&from=${today}&to=${today}`)).total).toBe(4);
    expect((await trail(admin, '?office=Nashik&to=2020-01-01')).total).toBe(0);
    expect((await admin.get('/api/audit?action=office.exploded')).status).toBe(400);

    const officer = await requestOfficer(ctx, { name: 'Meena Iyer' });
    const officerEntries = (await trail(admin, '?officer=meena%20iyer')).entries;
    expect(officerEntries.map((entry: AuditEntry) => [entry.event.action, entry.officer?.id, entry.officer?.name])).toEqual([
      ['officer.email-confirmed', officer.id, 'Meena Iyer'],
      ['officer.requested', officer.id, 'Meena Iyer'],
    ]);
  });

  it('the CSV holds the same entries in the reader\'s language, and an office named like a formula is neutralised', async () => {
    await createOffice(admin, { name: '=HYPERLINK("http://evil.example","click")', code: 'EVIL-1' });
    const response = await admin.get('/api/audit/export?office=EVIL-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const { rows } = parseCsv(await response.text());
    expect(rows[0]).toEqual(['When', 'Done by', 'Role', 'Agency', 'Action', 'Office code', 'Office', 'Officer', 'Changed record', 'Before and after']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(1, 7)).toEqual(['Test agency-admin', 'Agency administrator', 'Audit Trail Agency', 'Office added', 'EVIL-1', `'=HYPERLINK("http://evil.example","click")`]);
    // The details hold the name too, inside JSON: the cell starts with {, which no spreadsheet runs.
    expect(rows[1]![9]!.startsWith('{')).toBe(true);
    expect(rows[1]![8]).toMatch(/^Office [0-9a-f-]{36}$/);

    const hindi = await admin.request('GET', '/api/audit/export?office=EVIL-1', { headers: { 'Accept-Language': 'hi-IN' } });
    const hindiRows = parseCsv(await hindi.text()).rows;
    expect(hindiRows[0]!.slice(0, 5)).toEqual(['कब', 'किसने किया', 'भूमिका', 'एजेंसी', 'कार्रवाई']);
    expect(hindiRows[1]![4]).toBe('कार्यालय जोड़ा गया');
  });
});
