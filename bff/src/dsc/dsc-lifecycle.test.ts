import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpiringDscListSchema } from '@ecoo/shared/dsc/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { newOffice } from '../testing/image-jobs.ts';
import { approvedOfficer, officerRequestContext } from '../testing/officer-requests.ts';
import {
  daysFromNow,
  dscOverview,
  expectProblem,
  expectRecord,
  expectRecordOf,
  expectRefusal,
  issueChallenge,
  makeLeaf,
  makeTestPki,
  pkcs12Of,
  privateKeyDer,
  privateKeyPemsOf,
  registerDsc,
  signCms,
  signedInOfficer,
  toPem,
  uploadDsc,
  writeTrustFolders,
  type Identity,
  type TestPki,
} from '../testing/test-pki.ts';
import { testDatabaseKind } from '../testing/test-database.ts';

/**
 * The challenge's life (one use, ten minutes, one sign-in), one active DSC per officer and one
 * officer per DSC, keys that must never be uploaded, and what administrators see.
 */

let app: TestApp;
let agencyId: string;
let otherAgencyId: string;
let admin: TestClient;
let otherAdmin: TestClient;
let pki: TestPki;
let inbox: SmtpInbox;
let officeId: string;

beforeAll(async () => {
  pki = await makeTestPki();
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: writeTrustFolders({ roots: [pki.root] }).env });
  agencyId = (await addAgency(app.db)).id;
  otherAgencyId = (await addAgency(app.db)).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
  otherAdmin = (await signedInAs(app, 'agency-admin', otherAgencyId)).client;
  officeId = await newOffice(admin);
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const requestContext = officerRequestContext('agency.gov.in', () => ({ app, inbox, agencyId, officeId, admin }));

const officer = (name?: string) => signedInOfficer(app, agencyId, name);
const dscOf = (options: Parameters<typeof makeLeaf>[0] = {}) => makeLeaf({ issuer: pki.root, kind: 'ec', ...options });
const register = (client: TestClient, dsc: Identity) => registerDsc(client, dsc);

describe('the challenge', () => {
  it('is 256 random bits after the prefix, valid 10 minutes, new every time', async () => {
    const { client } = await officer();
    const first = await issueChallenge(client);
    const second = await issueChallenge(client);
    for (const issued of [first, second]) {
      expect(issued.challenge).toMatch(/^eCoO-DSC-challenge:[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(issued.expiresAt) - Date.parse(issued.issuedAt)).toBe(10 * 60 * 1000);
      expect(Math.abs(Date.parse(issued.issuedAt) - Date.now())).toBeLessThan(60_000);
    }
    expect(second.challenge).not.toBe(first.challenge);
  });

  it('is kept only as its hash', async () => {
    const { client, id } = await officer();
    const { challenge } = await issueChallenge(client);
    const rows = await app.db.selectFrom('dsc_challenges').selectAll().where('user_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(challenge.split(':')[1]);
  });

  it('serves once: used again, even with another DSC, it is refused', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    const first = await dscOf();
    expectRecordOf(await expectRecord(await uploadDsc(client, { challenge, signature: await signCms(challenge, first) })), first);
    const second = await dscOf();
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, second) }), 422, 'problem.dsc.challengeUsed');
  });

  it('is refused once expired', async () => {
    const { client, id } = await officer();
    const { challenge } = await issueChallenge(client);
    await app.db.updateTable('dsc_challenges').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('user_id', '=', id).execute();
    const dsc = await dscOf();
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc) }), 422, 'problem.dsc.challengeExpired');
  });

  it("is refused to another officer, who signed it with their own DSC", async () => {
    const owner = await officer();
    const { challenge } = await issueChallenge(owner.client);
    const thief = await officer();
    const dsc = await dscOf();
    await expectRefusal(app, thief.client, async () => uploadDsc(thief.client, { challenge, signature: await signCms(challenge, dsc) }), 422, 'problem.dsc.challengeNotYours');
  });

  it("stays usable by its officer after another officer's attempt with it", async () => {
    const owner = await officer();
    const { challenge } = await issueChallenge(owner.client);
    const thief = await officer();
    await expectProblem(await uploadDsc(thief.client, { challenge, signature: await signCms(challenge, await dscOf()) }), 422, 'problem.dsc.challengeNotYours');
    const dsc = await dscOf();
    expectRecordOf(await expectRecord(await uploadDsc(owner.client, { challenge, signature: await signCms(challenge, dsc) })), dsc);
  });

  it('is bound to the sign-in that asked for it', async () => {
    const { client, email, password } = await officer();
    const { challenge } = await issueChallenge(client);
    const otherSession = app.client();
    expect((await otherSession.signIn(email, password)).status).toBe(200);
    const dsc = await dscOf();
    await expectRefusal(app, otherSession, async () => uploadDsc(otherSession, { challenge, signature: await signCms(challenge, dsc) }), 422, 'problem.dsc.challengeNotYours');
  });

  it('is refused when the console never issued it', async () => {
    const { client } = await officer();
    const challenge = `eCoO-DSC-challenge:${randomBytes(32).toString('base64url')}`;
    const dsc = await dscOf();
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc) }), 422, 'problem.dsc.challengeUnknown');
  });

  it('must have its form', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const challenge = 'eCoO-DSC-challenge:short';
    const problem = await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc) }), 400, 'problem.badRequest');
    expect(problem.errors?.find((error) => error.path === 'challenge')?.code).toBe('validation.dscChallenge');
  });

  it('is given 30 times an hour to one officer, however many ask at once: 40 simultaneous requests get 30 challenges and 10 refusals', async () => {
    const { client, id } = await officer();
    const answers = await Promise.all(Array.from({ length: 40 }, () => client.post('/api/me/dsc/challenges')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const stored = await app.db.selectFrom('dsc_challenges').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(30);
  });

  it('is for signed-in issuing officers only', async () => {
    await expectProblem(await app.client().post('/api/me/dsc/challenges'), 401, 'problem.unauthenticated');
    await expectProblem(await app.client().get('/api/me/dsc'), 401, 'problem.unauthenticated');
    await expectProblem(await admin.post('/api/me/dsc/challenges'), 403, 'problem.forbidden');
    await expectProblem(await admin.get('/api/me/dsc'), 403, 'problem.forbidden');
  });
});

describe('one active DSC per officer, one officer per DSC', () => {
  it('shows none before the first registration', async () => {
    const { client, id, name } = await officer();
    expect(await dscOverview(client)).toEqual({ officer: { id, name }, active: null, history: [] });
  });

  it('replaces the active DSC with a new one, which moves the old to the history, newest first', async () => {
    const { client } = await officer();
    const [first, second, third] = [await dscOf(), await dscOf({ kind: 'rsa' }), await dscOf()];
    const one = await expectRecord(await register(client, first));
    const two = await expectRecord(await register(client, second));
    expectRecordOf(two, second);
    let overview = await dscOverview(client);
    expect(overview.active).toEqual(two);
    expect(overview.history).toHaveLength(1);
    expect(overview.history[0]).toMatchObject({ ...one, replacedAt: expect.any(String) as string, daysLeft: one.daysLeft });
    expect(Date.parse(overview.history[0]!.replacedAt!)).toBeGreaterThanOrEqual(Date.parse(one.registeredAt));
    const three = await expectRecord(await register(client, third));
    overview = await dscOverview(client);
    expect(overview.active).toEqual(three);
    expect(overview.history.map((record) => record.id)).toEqual([two.id, one.id]);
    expect(overview.history.every((record) => record.replacedAt !== null)).toBe(true);
  });

  it('registers one DSC when the same challenge is uploaded twice at once', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    const [first, second] = [await dscOf(), await dscOf()];
    const responses = await Promise.all([first, second].map(async (dsc) => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc) })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 422]);
    await expectProblem(responses.find((response) => response.status === 422)!, 422, 'problem.dsc.challengeUsed');
    const overview = await dscOverview(client);
    expect(overview.history).toEqual([]);
    expect(overview.active).toEqual(await responses.find((response) => response.status === 201)!.json());
  });

  it('gives a DSC to one of two officers registering it at once', async () => {
    const [first, second] = [await officer(), await officer()];
    const dsc = await dscOf();
    const responses = await Promise.all([first, second].map((one) => register(one.client, dsc)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    await expectProblem(responses.find((response) => response.status === 409)!, 409, 'problem.dsc.takenByOtherOfficer');
    const actives = [(await dscOverview(first.client)).active, (await dscOverview(second.client)).active];
    expect(actives.filter((active) => active !== null)).toHaveLength(1);
  });

  it('answers that a DSC already active changes nothing', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    await expectRecord(await register(client, dsc));
    await expectRefusal(app, client, () => register(client, dsc), 409, 'problem.dsc.alreadyActive');
  });

  it("refuses another officer's DSC to a second officer, even signed with its key", async () => {
    const first = await officer();
    const dsc = await dscOf();
    await expectRecord(await register(first.client, dsc));
    const second = await officer();
    await expectRefusal(app, second.client, () => register(second.client, dsc), 409, 'problem.dsc.takenByOtherOfficer');
    expect((await dscOverview(first.client)).active?.fingerprintSha256).toBeTruthy();
  });

  it('refuses to a second officer a DSC the first has since replaced: it is still theirs', async () => {
    const first = await officer();
    const dsc = await dscOf();
    await expectRecord(await register(first.client, dsc));
    await expectRecord(await register(first.client, await dscOf()));
    const second = await officer();
    await expectRefusal(app, second.client, () => register(second.client, dsc), 409, 'problem.dsc.takenByOtherOfficer');
  });
});

describe('a private key uploaded by mistake', () => {
  let dsc: Identity;
  let keyDer: Buffer;
  let keyPem: string;
  let bundle: Buffer;
  let otherForms: { encrypted: string; traditional: string };
  beforeAll(async () => {
    dsc = await dscOf({ kind: 'rsa' });
    keyDer = await privateKeyDer(dsc);
    keyPem = toPem(keyDer, 'PRIVATE KEY');
    bundle = await pkcs12Of(dsc);
    otherForms = await privateKeyPemsOf(dsc);
  });

  const attempts: Array<[string, (challenge: string) => Promise<{ signature?: Buffer; certificate?: Buffer }>, string]> = [
    ['a PEM private key as the certificate', async (challenge) => ({ signature: await signCms(challenge, dsc, { certificates: [] }), certificate: Buffer.from(keyPem) }), 'problem.dsc.privateKeyUploaded'],
    ['a DER PKCS#8 private key as the signature', async () => ({ signature: keyDer }), 'problem.dsc.privateKeyUploaded'],
    ['a PEM private key as the signature', async () => ({ signature: Buffer.from(keyPem) }), 'problem.dsc.privateKeyUploaded'],
    ['an encrypted PKCS#8 key (ENCRYPTED PRIVATE KEY) as the certificate', async (challenge) => ({ signature: await signCms(challenge, dsc, { certificates: [] }), certificate: Buffer.from(otherForms.encrypted) }), 'problem.dsc.privateKeyUploaded'],
    ['a traditional RSA PRIVATE KEY as the signature', async () => ({ signature: Buffer.from(otherForms.traditional) }), 'problem.dsc.privateKeyUploaded'],
    ['a PKCS#12 bundle as the signature', async () => ({ signature: bundle }), 'problem.dsc.pkcs12Uploaded'],
    ['a PKCS#12 bundle as the certificate', async (challenge) => ({ signature: await signCms(challenge, dsc, { certificates: [] }), certificate: bundle }), 'problem.dsc.pkcs12Uploaded'],
  ];

  it.each(attempts)('is refused: %s', async (_, files, code) => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    const problem = await expectRefusal(app, client, async () => uploadDsc(client, { challenge, ...(await files(challenge)) }), 422, code);
    expect(problem.detail).toMatch(/certificate|signature/);
  });

  it('is named first, even with a challenge that is not this sign-in\'s or is unknown', async () => {
    const { client } = await officer();
    const { client: other } = await officer();
    const { challenge } = await issueChallenge(other);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: Buffer.from(keyPem) }), 422, 'problem.dsc.privateKeyUploaded');
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge: `eCoO-DSC-challenge:${'A'.repeat(43)}`, signature: bundle }), 422, 'problem.dsc.pkcs12Uploaded');
  });

  it('is found nowhere afterwards: not in the logs, not in the data folder', async () => {
    const body = [keyPem, otherForms.encrypted, otherForms.traditional].flatMap((pem) => pem.split('\n').filter((line) => line && !line.startsWith('-----')));
    const logs = app.logs.join('\n');
    expect(logs).not.toContain('PRIVATE KEY');
    expect(logs).not.toContain(keyDer.toString('base64'));
    expect(logs).not.toContain(keyDer.toString('hex'));
    expect(logs).not.toContain(bundle.toString('base64'));
    for (const line of body) expect(logs).not.toContain(line);
    const files = fs.readdirSync(app.dataDir, { recursive: true }).map((name) => path.join(app.dataDir, String(name)));
    // On SQLite the database is a file in the data folder; on PostgreSQL its rows are read below.
    if (testDatabaseKind === 'sqlite') expect(files.some((file) => file.endsWith('.sqlite'))).toBe(true);
    const stored = await app.db.selectFrom('officer_dscs').select(['certificate_der', 'signature_der']).execute();
    for (const row of stored) for (const bytes of [row.certificate_der, row.signature_der]) expect(Buffer.from(bytes).includes(keyDer)).toBe(false);
    for (const file of files.filter((name) => fs.statSync(name).isFile())) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(keyDer), file).toBe(false);
      expect(bytes.includes(bundle), file).toBe(false);
      expect(bytes.includes(Buffer.from(keyDer.toString('base64'))), file).toBe(false);
      for (const line of body) expect(bytes.includes(Buffer.from(line)), file).toBe(false);
    }
  });
});

describe('what the administrator sees', () => {
  it('registers the DSC of an officer who registered, was approved and set a password', async () => {
    const { id, client } = await approvedOfficer(requestContext, { name: 'Sunita Patil' });
    const dsc = await dscOf({ commonName: 'Sunita Patil' });
    const record = await expectRecord(await register(client, dsc));
    expectRecordOf(record, dsc);
    expect(record.holderDiffersFromOfficer).toBe(false);
    expect(await dscOverview(admin, `/api/officers/${id}/dsc`)).toEqual({ officer: { id, name: 'Sunita Patil' }, active: record, history: [] });
  });

  it("shows the officer's DSC and history, and flags a holder name other than the officer's", async () => {
    const { client, id } = await officer('Anita Desai');
    const old = await expectRecord(await register(client, await dscOf({ commonName: 'Anita Desai' })));
    const record = await expectRecord(await register(client, await dscOf({ commonName: 'Ravi Kulkarni' })));
    expect(old.holderDiffersFromOfficer).toBe(false);
    expect(record.holderDiffersFromOfficer).toBe(true);
    const seen = await dscOverview(admin, `/api/officers/${id}/dsc`);
    expect(seen.officer).toEqual({ id, name: 'Anita Desai' });
    expect(seen.active).toEqual(record);
    expect(seen.history.map((entry) => entry.id)).toEqual([old.id]);
    expect(seen).toEqual(await dscOverview(client));
  });

  it('shows an officer with no DSC as such', async () => {
    const { id } = await officer();
    expect((await dscOverview(admin, `/api/officers/${id}/dsc`)).active).toBeNull();
  });

  it("answers 404 for another agency's officer or an unknown one, 401 signed out, 403 to a reviewer or an officer", async () => {
    const { client, id } = await officer();
    await expectRecord(await register(client, await dscOf()));
    const otherResponse = await otherAdmin.get(`/api/officers/${id}/dsc`);
    expect(otherResponse.status).toBe(404);
    expect(await otherResponse.text()).not.toContain('Ravi Kulkarni');
    expect((await admin.get('/api/officers/00000000-0000-4000-8000-000000000000/dsc')).status).toBe(404);
    expect((await admin.get(`/api/officers/${(await signedInAs(app, 'agency-admin', agencyId)).user.id}/dsc`)).status).toBe(404);
    await expectProblem(await app.client().get(`/api/officers/${id}/dsc`), 401, 'problem.unauthenticated');
    await expectProblem(await (await signedInAs(app, 'dgft-reviewer')).client.get(`/api/officers/${id}/dsc`), 403, 'problem.forbidden');
    await expectProblem(await client.get(`/api/officers/${id}/dsc`), 403, 'problem.forbidden');
  });

  it('lists the DSCs that expire within 30 days, of this agency only', async () => {
    const soon = await officer('Meera Iyer');
    const later = await officer('Kiran Rao');
    const soonDsc = await dscOf({ commonName: 'Meera Iyer', notAfter: daysFromNow(10) });
    await expectRecord(await register(soon.client, soonDsc));
    await expectRecord(await register(later.client, await dscOf({ commonName: 'Kiran Rao', notAfter: daysFromNow(200) })));
    const response = await admin.get('/api/dsc/expiring');
    expect(response.status).toBe(200);
    const { items } = ExpiringDscListSchema.parse(await response.json());
    const item = items.find((entry) => entry.officerId === soon.id);
    expect(item).toMatchObject({ officerName: 'Meera Iyer', holderName: 'Meera Iyer' });
    expect(Date.parse(item?.notAfter ?? '')).toBe(soonDsc.certificate.notAfter.getTime());
    expect([9, 10]).toContain(item?.daysLeft);
    expect(items.some((entry) => entry.officerId === later.id)).toBe(false);
    const others = ExpiringDscListSchema.parse(await (await otherAdmin.get('/api/dsc/expiring')).json());
    expect(others.items.some((entry) => entry.officerId === soon.id)).toBe(false);
    await expectProblem(await soon.client.get('/api/dsc/expiring'), 403, 'problem.forbidden');
  });
});
