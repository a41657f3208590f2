import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { letterForm, pdfLetter } from '../testing/letters.ts';
import { LocalDiskFileStore } from '../storage/files.ts';
import { cleanUpRegistrations } from './cleanup.ts';

// Issue 13, fault 1: 20 registrations with 4.5 MB letters from one address were taken in 1.1 s and
// every concurrent upload was buffered. The app here takes 3 registrations an hour in all and one
// upload at a time, and trusts the loopback proxy so X-Forwarded-For names each client's address.
let app: TestApp;
let agencyId: string;
let sequence = 0;
let addressSequence = 0;

beforeAll(async () => {
  app = await startTestApp({ env: { TRUST_PROXY: 'loopback', REGISTRATIONS_PER_HOUR: '3', REGISTRATION_UPLOADS_AT_ONCE: '1' } });
  agencyId = (await addAgency(app.db, { emailDomains: ['limits.gov.in'] })).id;
});
afterAll(async () => {
  await app.stop();
});

const fields = () => ({ registerAs: 'coo-authorized-agency', agencyId, role: 'administrator', name: 'Asha Rao', mobile: '9820012345', email: `asha${++sequence}@limits.gov.in` });
const newAddress = () => `198.51.100.${++addressSequence}`;
const submitFrom = async (address: string) =>
  app.client().request('POST', '/api/registrations', { form: letterForm(fields(), { bytes: await pdfLetter(), name: 'letter.pdf' }), headers: { 'x-forwarded-for': address } });

describe('public registrations overall', () => {
  it('are taken up to the hourly limit whatever the addresses; beyond it, 429 with Retry-After and nothing stored', async () => {
    const statuses = [];
    for (let submission = 0; submission < 3; submission++) statuses.push((await submitFrom(newAddress())).status);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await submitFrom(newAddress());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(ProblemSchema.parse(await refused.json()).code).toBe('problem.registrationsBusy');
    expect(await app.db.selectFrom('registrations').select('id').execute()).toHaveLength(3);
    await app.db.deleteFrom('registration_attempts').execute();
  });

  it('holds one letter upload at a time: another meanwhile answers 503 with Retry-After before its body is read', async () => {
    const client = app.client();
    const session = (await (await client.get('/api/session')).json()) as { csrfToken: string };
    const boundary = 'held-open-upload';
    // An upload that sends its first part and then waits, as a slow connection would.
    const held = http.request(`${app.baseUrl}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': session.csrfToken, cookie: client.cookieHeader, 'x-forwarded-for': newAddress() },
    });
    const heldAnswer = new Promise<number>((resolve, reject) => {
      held.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      held.on('error', reject);
    });
    held.write(`--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="letter.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busy = await submitFrom(newAddress());
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ProblemSchema.parse(await busy.json()).code).toBe('problem.uploadsBusy');
    held.end(`\r\n--${boundary}--\r\n`);
    expect(await heldAnswer).toBe(400);
    expect((await submitFrom(newAddress())).status).toBe(201);
    await app.db.deleteFrom('registration_attempts').execute();
  });
});

describe('cleanUpRegistrations', () => {
  it('removes the letters of registrations rejected over 90 days ago (the row and its decision stay), keeps pending ones, and is idempotent', async () => {
    await app.db.deleteFrom('registration_attempts').execute();
    const [old, recent, pending] = [await submitFrom(newAddress()), await submitFrom(newAddress()), await submitFrom(newAddress())];
    const ids = await Promise.all([old, recent, pending].map(async (response) => ((await response.json()) as { id: string }).id));
    const { client: reviewer } = await signedInAs(app, 'dgft-reviewer');
    for (const id of ids.slice(0, 2)) expect((await reviewer.post(`/api/registrations/${id}/rejection`, { reason: 'The letter is not on the letterhead.' })).status).toBe(200);
    await app.db.updateTable('registrations').set({ decided_at: new Date(Date.now() - 91 * 24 * 60 * 60_000).toISOString() }).where('id', '=', ids[0]!).execute();
    const deps = { db: app.db, files: fileStoreOf(app), letterRetentionDays: 90 };
    await cleanUpRegistrations(deps);
    await cleanUpRegistrations(deps);
    expect((await reviewer.get(`/api/registrations/${ids[0]}/letter`)).status).toBe(410);
    expect((await reviewer.get(`/api/registrations/${ids[1]}/letter`)).status).toBe(200);
    expect((await reviewer.get(`/api/registrations/${ids[2]}/letter`)).status).toBe(200);
    expect((await reviewer.get(`/api/registrations/${ids[0]}`)).status).toBe(200);
  });
});

const fileStoreOf = (testApp: TestApp) => new LocalDiskFileStore(`${testApp.dataDir}/files`);
