import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { OfficeListSchema, OfficeSchema } from '@ecoo/shared/offices/schemas';
import { OfficeAuditListSchema } from '@ecoo/shared/offices/audit';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { officeInput, testChecksumKey } from '../testing/office-input.ts';

let app: TestApp;
let admin: TestClient;
let otherAdmin: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  const agency = await addAgency(app.db, { name: 'Export Inspection Agency, Mumbai' });
  const other = await addAgency(app.db, { name: 'Export Inspection Agency, Kochi' });
  admin = (await signedInAs(app, 'agency-admin', agency.id)).client;
  otherAdmin = (await signedInAs(app, 'agency-admin', other.id)).client;
});
afterAll(() => app.stop());

const secretKey = testChecksumKey;

async function addOffice(client = admin, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/offices', officeInput(overrides));
  expect(response.status).toBe(201);
  return OfficeSchema.parse(await response.json());
}
const problemOf = async (response: Response) => ProblemSchema.parse(await response.json());
const officeCount = async () => Number((await app.db.selectFrom('offices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/offices', () => {
  it('adds the office, answers the key only as a fingerprint, and audits every field', async () => {
    const response = await admin.post('/api/offices', officeInput({ isEWalletEnabled: true }));
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(secretKey);
    const office = OfficeSchema.parse(JSON.parse(text));
    expect(office).toMatchObject({ merchantId: 'EICMUM2024', isEWalletEnabled: true, isActive: true, stampVersionId: null, eWalletChangedBy: 'Test agency-admin' });
    expect(office.checksumKeyFingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const audit = OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${office.id}/audit`)).json());
    expect(audit.entries[0]).toMatchObject({ action: 'office.created', actor: 'Test agency-admin' });
    expect(audit.entries[0]?.changes.find((c) => c.field === 'checksumKey (fingerprint)')?.after).toBe(office.checksumKeyFingerprint);
    expect(JSON.stringify(audit)).not.toContain(secretKey);
  });

  it.each([
    ['merchantId', 'EICMUM\u200B2024', 'U+200B zero-width space at position 7'],
    ['merchantId', ' EICMUM2024', 'U+0020 space at position 1'],
    ['merchantId', 'EICMUM2024\t', 'U+0009 tab at position 11'],
    ['merchantId', 'EICMUM2024\n', 'U+000A line break (line feed) at position 11'],
    ['merchantId', 'EIC\u00A0MUM2024', 'U+00A0 no-break space at position 4'],
    ['merchantId', '\uFEFFEICMUM2024', 'U+FEFF byte-order mark (zero-width no-break space) at position 1'],
    ['merchantId', 'EICМUM2024', 'U+041C Cyrillic capital Em, which looks like "M" at position 4'],
    ['merchantId', 'EICＭUM2024', 'U+FF2D full-width form, which looks like "M" at position 4'],
    ['checksumKey', 'kR9!xQ2#\u200CpL7v', 'U+200C zero-width non-joiner at position 9'],
    ['checksumKey', 'kR9!xQ2# pL7v', 'U+0020 space at position 9'],
    ['checksumKey', 'kR9!xQ2#pL7v\r\n', 'U+000D line break (carriage return) at position 13'],
    ['checksumKey', 'kR9!xQ2#p\u2060L7v', 'U+2060 word joiner at position 10'],
    ['checksumKey', 'kR9!xQ2#pL7\u0432', 'U+0432 non-ASCII character at position 12'],
    ['checksumKey', 'kR9!xQ2#pL7\u0430', 'U+0430 Cyrillic small a, which looks like "a" at position 12'],
    ['name', 'Export\u0000Inspection', 'U+0000 null character (NUL) at position 7'],
    ['addressLine1', 'Plot 12\nMIDC', 'U+000A line break (line feed) at position 8'],
    ['city', 'Mumbai\u202E', 'U+202E right-to-left override at position 7'],
    ['addressLine2', 'Andheri\uDC00', 'U+DC00 lone surrogate (half of a character) at position 8'],
  ])('with %s %j, answers 400 naming %s, and stores nothing', async (field, value, expected) => {
    const before = await officeCount();
    const response = await admin.post('/api/offices', officeInput({ [field]: value }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    const fieldProblem = problem.errors?.find((error) => error.path === field);
    const isPaymentParam = field === 'merchantId' || field === 'checksumKey';
    expect(fieldProblem?.code).toBe(isPaymentParam ? `validation.${field}.chars` : 'validation.text.chars');
    expect(fieldProblem?.message).toContain(expected);
    // The SPA writes the characters out in the reader's language from their codes and positions.
    expect(fieldProblem?.params?.offences).toMatch(/^U\+[0-9A-F]{4,6}@\d+(;U\+[0-9A-F]{4,6}@\d+)*$/);
    expect(await officeCount()).toBe(before);
  });

  it.each(['merchantId', 'checksumKey'])('with a blank %s, answers 400 blank', async (field) => {
    const problem = await problemOf(await admin.post('/api/offices', officeInput({ [field]: '' })));
    expect(problem.errors?.find((error) => error.path === field)?.code).toBe(`validation.${field}.blank`);
  });

  it('with a GSTIN whose check character is wrong, answers 400 on gstin', async () => {
    const problem = await problemOf(await admin.post('/api/offices', officeInput({ gstin: '27AAPFU0939F1ZW' })));
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'gstin', code: 'validation.gstin.check' })]);
  });

  it('with a bad PIN code, state and phone, answers 400 on each', async () => {
    const problem = await problemOf(await admin.post('/api/offices', officeInput({ pinCode: '012345', state: 'Bombay', phone: '12345' })));
    expect(Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.code]))).toEqual({ pinCode: 'validation.pinCode', state: 'validation.state', phone: 'validation.phone' });
  });

  it('with a PIN code written "682 025", a lower-case code and a grouped mobile, stores them as the form shows them', async () => {
    const office = await addOffice(admin, { pinCode: '682 025', code: 'eia-koc-77', phone: '+91 98470 12345' });

    expect(office).toMatchObject({ pinCode: '682025', code: 'EIA-KOC-77', phone: '9847012345' });
    const row = await app.db.selectFrom('offices').select(['pin_code', 'code', 'phone']).where('id', '=', office.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pin_code: '682025', code: 'EIA-KOC-77', phone: '9847012345' });
  });

  it('with a code the agency already uses, answers 409 and stores nothing; another agency may use it', async () => {
    const office = await addOffice();
    const before = await officeCount();
    const response = await admin.post('/api/offices', officeInput({ code: office.code }));
    expect(response.status).toBe(409);
    expect((await problemOf(response)).code).toBe('problem.officeCodeTaken');
    expect(await officeCount()).toBe(before);
    expect((await otherAdmin.post('/api/offices', officeInput({ code: office.code }))).status).toBe(201);
  });

  it('answers 401 signed out, 403 to a reviewer or an officer', async () => {
    expect((await app.client().post('/api/offices', officeInput())).status).toBe(401);
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    expect((await reviewer.post('/api/offices', officeInput())).status).toBe(403);
    const officer = (await signedInAs(app, 'issuing-officer', (await addAgency(app.db)).id)).client;
    expect((await officer.post('/api/offices', officeInput())).status).toBe(403);
  });
});

describe('the Checksum key at rest', () => {
  it('is in neither the database file nor the logs after saving, only sealed and fingerprinted', async () => {
    const key = `Pl41nT3xt!Key-${Date.now()}`;
    const office = await addOffice(admin, { checksumKey: key });
    await admin.put(`/api/offices/${office.id}`, officeInput({ code: office.code, checksumKey: `${key}-2` }));
    await app.db.selectFrom('offices').select('id').execute();
    const databaseBytes = Buffer.concat(
      [app.config.databaseFile, `${app.config.databaseFile}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)),
    );
    expect(databaseBytes.includes(Buffer.from(key))).toBe(false);
    expect(app.logs.join('\n')).not.toContain(key);
    const row = await app.db.selectFrom('offices').select(['checksum_key_sealed', 'checksum_key_fingerprint']).where('id', '=', office.id).executeTakeFirstOrThrow();
    expect(row.checksum_key_sealed.startsWith('v1:')).toBe(true);
    expect(row.checksum_key_fingerprint).not.toBe(office.checksumKeyFingerprint);
  });
});

describe('GET /api/offices', () => {
  it("lists only the actor's agency, searches and sorts", async () => {
    const a = await addOffice(admin, { name: 'Zeta office', city: 'Pune' });
    const b = await addOffice(admin, { name: 'Alpha office', city: 'Nagpur' });
    const foreign = await addOffice(otherAdmin, { name: 'Alpha office elsewhere' });
    const list = OfficeListSchema.parse(await (await admin.get('/api/offices?sort=name')).json());
    const ids = list.offices.map((o) => o.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(foreign.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const searched = OfficeListSchema.parse(await (await admin.get('/api/offices?search=nagpur')).json());
    expect(searched.offices.map((o) => o.id)).toEqual([b.id]);
    const descending = OfficeListSchema.parse(await (await admin.get('/api/offices?sort=name&direction=desc')).json());
    expect(descending.offices.map((o) => o.id).indexOf(a.id)).toBeLessThan(descending.offices.map((o) => o.id).indexOf(b.id));
  });

  it('answers a page at a time with the total, keeping the search and the sort', async () => {
    const { client } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
    const names = ['Paging office C', 'Paging office A', 'Paging office E', 'Paging office B', 'Paging office D'];
    for (const [index, name] of names.entries()) await addOffice(client, { name, code: `PAGE-${index}` });
    await addOffice(client, { name: 'Elsewhere', code: 'OTHER-1' });
    const pageOf = async (query: string) => OfficeListSchema.parse(await (await client.get(`/api/offices?search=paging&${query}`)).json());

    const first = await pageOf('pageSize=2');
    expect([first.total, first.page, first.pageSize, first.offices.map((o) => o.name)]).toEqual([5, 1, 2, ['Paging office A', 'Paging office B']]);
    const last = await pageOf('pageSize=2&page=3&sort=name&direction=asc');
    expect([last.total, last.page, last.offices.map((o) => o.name)]).toEqual([5, 3, ['Paging office E']]);
    const descending = await pageOf('pageSize=2&page=2&direction=desc');
    expect(descending.offices.map((o) => o.name)).toEqual(['Paging office C', 'Paging office B']);
    const beyond = await pageOf('pageSize=2&page=9');
    expect([beyond.total, beyond.offices]).toEqual([5, []]);
    const everything = OfficeListSchema.parse(await (await client.get('/api/offices')).json());
    expect([everything.total, everything.pageSize, everything.offices.length]).toEqual([6, 50, 6]);
  });

  it.each(['page=0', 'pageSize=0', 'pageSize=201', 'page=x'])('answers 400 for %s', async (query) => {
    expect((await admin.get(`/api/offices?${query}`)).status).toBe(400);
  });

  it('treats % and _ in the search as plain characters', async () => {
    await addOffice(admin, { name: 'Plain office' });
    const list = OfficeListSchema.parse(await (await admin.get('/api/offices?search=%25')).json());
    expect(list.offices).toEqual([]);
  });

  it('answers 400 for an unknown sort', async () => {
    expect((await admin.get('/api/offices?sort=password')).status).toBe(400);
  });
});

describe('GET /api/offices/:id/audit', () => {
  it('answers the history newest first, a page at a time, with the total', async () => {
    const office = await addOffice(admin, { code: 'HIST-01' });
    for (const isEnabled of [true, false, true]) expect((await admin.put(`/api/offices/${office.id}/e-wallet`, { isEnabled })).status).toBe(200);
    const pageOf = async (query: string) => OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${office.id}/audit?${query}`)).json());

    const first = await pageOf('pageSize=3');
    expect([first.total, first.page, first.pageSize]).toEqual([4, 1, 3]);
    expect(first.entries.map((entry) => entry.action)).toEqual(['office.e-wallet-enabled', 'office.e-wallet-disabled', 'office.e-wallet-enabled']);
    expect(first.entries.map((entry) => entry.at)).toEqual(first.entries.map((entry) => entry.at).sort().reverse());
    const second = await pageOf('pageSize=3&page=2');
    expect(second.entries.map((entry) => entry.action)).toEqual(['office.created']);
    expect((await admin.get(`/api/offices/${office.id}/audit?pageSize=500`)).status).toBe(400);
  });
});

describe('one office', () => {
  it("GET another agency's office answers 404 as an unknown one does, and reveals nothing", async () => {
    const office = await addOffice(otherAdmin);
    const response = await admin.get(`/api/offices/${office.id}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(office.name);
    expect((await admin.get('/api/offices/6f1c1a52-1111-4111-8111-111111111111')).status).toBe(404);
  });

  it.each([
    ['PUT', '', () => officeInput()],
    ['PUT', '/e-wallet', () => ({ isEnabled: true })],
    ['PUT', '/status', () => ({ isActive: false })],
    ['GET', '/audit', () => undefined],
  ])("%s %s of another agency's office answers 404 and changes nothing", async (method, suffix, body) => {
    const office = await addOffice(otherAdmin);
    const response = await admin.request(method, `/api/offices/${office.id}${suffix}`, body() ? { json: body() } : {});
    expect(response.status).toBe(404);
    const row = await app.db.selectFrom('offices').selectAll().where('id', '=', office.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_active: 1, is_e_wallet_enabled: 0, updated_at: office.updatedAt });
  });

  it('PUT without a key keeps the stored key; with a new one replaces it; the audit lists old and new values', async () => {
    const office = await addOffice();
    const sealedBefore = (await app.db.selectFrom('offices').select('checksum_key_sealed').where('id', '=', office.id).executeTakeFirstOrThrow()).checksum_key_sealed;
    const { checksumKey: _, ...withoutKey } = officeInput({ code: office.code, city: 'Thane' });
    const kept = OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}`, withoutKey)).json());
    expect(kept).toMatchObject({ city: 'Thane', checksumKeyFingerprint: office.checksumKeyFingerprint });
    expect((await app.db.selectFrom('offices').select('checksum_key_sealed').where('id', '=', office.id).executeTakeFirstOrThrow()).checksum_key_sealed).toBe(sealedBefore);
    const replaced = OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}`, officeInput({ code: office.code, city: 'Thane', checksumKey: 'AnotherKey#2026' }))).json());
    expect(replaced.checksumKeyFingerprint).not.toBe(office.checksumKeyFingerprint);
    const audit = OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${office.id}/audit`)).json());
    expect(audit.entries.map((e) => e.action)).toEqual(['office.updated', 'office.updated', 'office.created']);
    expect(audit.entries[1]?.changes).toEqual([{ field: 'city', before: 'Mumbai', after: 'Thane' }]);
    expect(audit.entries[0]?.changes).toEqual([{ field: 'checksumKey (fingerprint)', before: office.checksumKeyFingerprint, after: replaced.checksumKeyFingerprint }]);
  });

  it('PUT with an invisible character in the Merchant ID answers 400 and changes nothing', async () => {
    const office = await addOffice();
    const response = await admin.put(`/api/offices/${office.id}`, officeInput({ code: office.code, merchantId: 'EICMUM\u200B2024' }));
    expect(response.status).toBe(400);
    expect((await app.db.selectFrom('offices').select('merchant_id').where('id', '=', office.id).executeTakeFirstOrThrow()).merchant_id).toBe('EICMUM2024');
  });

  // Writes to different offices share no rows, so neither database has a reason to refuse one.
  // PostgreSQL did: every write to a table also raised that table's one change counter, and under
  // SERIALIZABLE two transactions updating one row cannot both commit, so renames of different
  // offices took turns through the retries and some ran out of them (409).
  it('eight renames of eight offices of one agency at the same moment all succeed, three rounds running', async () => {
    const offices = await Promise.all(Array.from({ length: 8 }, () => addOffice()));
    for (let round = 1; round <= 3; round += 1) {
      const answers = await Promise.all(offices.map((office) => admin.put(`/api/offices/${office.id}`, officeInput({ code: office.code, name: `${office.code} round ${round}` }))));
      expect(answers.map((answer) => answer.status)).toEqual(offices.map(() => 200));
    }
    const names = await app.db.selectFrom('offices').select(['code', 'name']).where('id', 'in', offices.map((office) => office.id)).execute();
    expect(names.map((office) => office.name).sort()).toEqual(offices.map((office) => `${office.code} round 3`).sort());
  });

  it("PUT taking another office's code answers 409", async () => {
    const [a, b] = [await addOffice(), await addOffice()];
    expect((await admin.put(`/api/offices/${a.id}`, officeInput({ code: b.code }))).status).toBe(409);
  });

  it('PUT e-wallet records who changed it and when; repeating it changes nothing', async () => {
    const office = await addOffice();
    const enabled = OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}/e-wallet`, { isEnabled: true })).json());
    expect(enabled).toMatchObject({ isEWalletEnabled: true, eWalletChangedBy: 'Test agency-admin' });
    expect(enabled.eWalletChangedAt).not.toBeNull();
    const again = OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}/e-wallet`, { isEnabled: true })).json());
    expect(again.eWalletChangedAt).toBe(enabled.eWalletChangedAt);
    const audit = OfficeAuditListSchema.parse(await (await admin.get(`/api/offices/${office.id}/audit`)).json());
    expect(audit.entries.map((e) => e.action)).toEqual(['office.e-wallet-enabled', 'office.created']);
  });

  it('PUT status deactivates (the office leaves the active list but is kept) and reactivates', async () => {
    const office = await addOffice();
    expect(OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}/status`, { isActive: false })).json()).isActive).toBe(false);
    const active = OfficeListSchema.parse(await (await admin.get('/api/offices')).json()).offices.map((o) => o.id);
    const inactive = OfficeListSchema.parse(await (await admin.get('/api/offices?status=inactive')).json()).offices.map((o) => o.id);
    expect(active).not.toContain(office.id);
    expect(inactive).toContain(office.id);
    expect(OfficeSchema.parse(await (await admin.put(`/api/offices/${office.id}/status`, { isActive: true })).json()).isActive).toBe(true);
  });

  it.each([
    ['GET', ''],
    ['PUT', '/e-wallet'],
    ['GET', '/audit'],
  ])('%s %s answers 401 signed out', async (method, suffix) => {
    const office = await addOffice();
    expect((await app.client().request(method, `/api/offices/${office.id}${suffix}`, method === 'PUT' ? { json: { isEnabled: true } } : {})).status).toBe(401);
  });
});
