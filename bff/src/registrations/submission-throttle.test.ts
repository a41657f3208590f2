import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { officeInput } from '../testing/office-input.ts';
import { pdfLetter } from '../testing/letters.ts';
import { officerFields, submitRegistration, officerRequestContext } from '../testing/officer-requests.ts';

let app: TestApp;
let inbox: SmtpInbox;
let admin: TestClient;
let agencyId: string;
let officeId: string;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url, env: { REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3' } });
  agencyId = (await addAgency(app.db, { emailDomains: ['throttle.gov.in'] })).id;
  admin = (await signedInAs(app, 'agency-admin', agencyId)).client;
  officeId = OfficeSchema.parse(await (await admin.post('/api/offices', officeInput())).json()).id;
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const ctx = officerRequestContext('throttle.gov.in', () => ({ app, inbox, agencyId, officeId, admin }));
const userCount = async () => Number((await app.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const mailCount = async () => Number((await app.db.selectFrom('mails').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('public registrations from one address', () => {
  it('are taken up to the hourly limit; beyond it the answer is 429 with Retry-After, and nothing is stored or mailed', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => submitRegistration(ctx, officerFields(ctx))));
    expect(answers.map((response) => response.status).sort()).toEqual([201, 201, 201, 429, 429]);
    const before = { users: await userCount(), mails: await mailCount() };
    const refused = await submitRegistration(ctx, officerFields(ctx));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(ProblemSchema.parse(await refused.json()).code).toBe('problem.registrationThrottled');
    // Administrators' registrations share the limit: the form is the same.
    const letter = { bytes: await pdfLetter(), name: 'letter.pdf' };
    const administrator = await submitRegistration(ctx, { registerAs: 'coo-authorized-agency', agencyId, role: 'administrator', name: 'Asha Rao', mobile: '9820012345', email: 'asha@throttle.gov.in' }, letter);
    expect(administrator.status).toBe(429);
    expect({ users: await userCount(), mails: await mailCount() }).toEqual(before);
    expect(await app.db.selectFrom('registrations').select('id').execute()).toEqual([]);
  });
});
