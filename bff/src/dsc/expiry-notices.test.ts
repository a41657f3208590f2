/**
 * DSCs that expire soon: mailed to their officer at 30 and at 7 days (real SMTP, once each, whatever
 * the rounds), flagged on the administrator's dashboard list, the officer list and the officer's profile.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpiringDscListSchema } from '@ecoo/shared/dsc/schemas';
import { OfficerListSchema, OfficerProfileSchema } from '@ecoo/shared/officers/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';

const dayMs = 86_400_000;
let app: TestApp;
let inbox: SmtpInbox;
let agencyId: string;
let admin: TestClient;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
  agencyId = (await addAgency(app.db, { name: 'Expiry Agency', emailDomains: ['expiry.gov.in'] })).id;
  ({ client: admin } = await signedInAs(app, 'agency-admin', agencyId));
});

afterAll(async () => {
  await app?.stop();
  await inbox?.stop();
});

/** An officer with an active DSC ending at `notAfter`: the registration itself is dsc-registration.test.ts's. */
async function officerWithDsc(name: string, notAfter: Date, options: { agencyId?: string; replaced?: boolean; status?: 'active' | 'disabled' } = {}) {
  const officer = await addUser(app.db, 'issuing-officer', { agencyId: options.agencyId ?? agencyId, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@expiry.gov.in`, status: options.status });
  await app.db
    .insertInto('officer_dscs')
    .values({
      id: randomUUID(), user_id: officer.id, agency_id: options.agencyId ?? agencyId, fingerprint_sha256: randomUUID(), public_key_sha256: randomUUID(), certificate_der: Buffer.from('30', 'hex'),
      holder_name: name.toUpperCase(), subject: `CN=${name.toUpperCase()}`, issuer: 'CN=Test CA', issuer_name: 'Test CA', serial_number: '01', classes: '["class-3"]',
      policies: '["2.16.356.100.2.3"]', key_algorithm: 'RSA 2048', not_before: new Date(Date.now() - 300 * dayMs).toISOString(), not_after: notAfter.toISOString(), is_demo: 0,
      challenge: 'eCoO-DSC-challenge:x', signature_der: Buffer.from('30', 'hex'), registered_at: new Date().toISOString(), replaced_at: options.replaced ? new Date().toISOString() : null,
      warned_30_days_at: null, warned_7_days_at: null,
    })
    .execute();
  return officer;
}

const mailsTo = (email: string) => inbox.mails.filter((mail) => mail.to.includes(email));

describe('DSC expiry notices', () => {
  it('mails once at 30 days and once at 7, however many rounds run, with the date and the page to register a new DSC', async () => {
    const start = new Date();
    const officer = await officerWithDsc('Meena Kulkarni', new Date(start.getTime() + 40 * dayMs));
    await app.dscExpiryNotices.sendDue(start);
    expect(mailsTo(officer.email)).toHaveLength(0);

    const at29 = new Date(start.getTime() + 11 * dayMs + 60_000);
    await app.dscExpiryNotices.sendDue(at29);
    await app.dscExpiryNotices.sendDue(at29);
    const first = await inbox.waitFor(officer.email, /expires in 28 days/);
    expect(first.text).toContain('Meena Kulkarni');
    expect(first.text).toContain(new Date(start.getTime() + 40 * dayMs).toISOString().slice(0, 10));
    expect(first.text).toContain(`${app.baseUrl}/dashboard/dsc`);

    const at6 = new Date(start.getTime() + 34 * dayMs);
    await Promise.all([app.dscExpiryNotices.sendDue(at6), app.dscExpiryNotices.sendDue(at6)]);
    await inbox.waitFor(officer.email, /expires in 6 days/);
    await app.dscExpiryNotices.sendDue(new Date(start.getTime() + 38 * dayMs));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(mailsTo(officer.email).map((mail) => mail.subject)).toEqual([
      'Your digital signature certificate expires in 28 days',
      'Your digital signature certificate expires in 6 days',
    ]);
  });

  it('sends a DSC first seen inside 7 days the 7-day notice only, and nothing for replaced, expired or deactivated officers\' DSCs', async () => {
    const now = new Date();
    const late = await officerWithDsc('Late Registrant', new Date(now.getTime() + 5 * dayMs));
    const replaced = await officerWithDsc('Replaced Holder', new Date(now.getTime() + 5 * dayMs), { replaced: true });
    const expired = await officerWithDsc('Expired Holder', new Date(now.getTime() - dayMs));
    const disabled = await officerWithDsc('Disabled Holder', new Date(now.getTime() + 5 * dayMs), { status: 'disabled' });
    await app.dscExpiryNotices.sendDue(now);
    await app.dscExpiryNotices.sendDue(new Date(now.getTime() + 60_000));
    await inbox.waitFor(late.email, /expires in 5 days/);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(mailsTo(late.email)).toHaveLength(1);
    for (const officer of [replaced, expired, disabled]) expect(mailsTo(officer.email)).toHaveLength(0);
  });
});

describe('DSC expiry on the dashboards', () => {
  it("lists the agency's DSCs expiring within 30 days or expired, soonest first; not later ones, nor another agency's", async () => {
    const now = Date.now();
    const soon = await officerWithDsc('Soon Expiring', new Date(now + 10 * dayMs + 3_600_000));
    const gone = await officerWithDsc('Already Expired', new Date(now - 2 * dayMs));
    const later = await officerWithDsc('Later Expiring', new Date(now + 60 * dayMs));
    const otherAgency = (await addAgency(app.db, { name: 'Other Expiry Agency', emailDomains: ['other-expiry.gov.in'] })).id;
    const foreign = await officerWithDsc('Foreign Officer', new Date(now + 3 * dayMs), { agencyId: otherAgency });

    const response = await admin.get('/api/dsc/expiring');
    expect(response.status).toBe(200);
    const { items } = ExpiringDscListSchema.parse(await response.json());
    const ids = items.map((item) => item.officerId);
    expect(ids).toContain(soon.id);
    expect(ids).toContain(gone.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(foreign.id);
    expect(ids.indexOf(gone.id)).toBeLessThan(ids.indexOf(soon.id));
    expect(items.find((item) => item.officerId === soon.id)).toMatchObject({ daysLeft: 10, holderName: 'SOON EXPIRING' });

    const list = OfficerListSchema.parse(await (await admin.get('/api/officers?status=active&pageSize=200')).json());
    const stateOf = (id: string) => list.items.find((item) => item.id === id)?.dsc.state;
    expect([stateOf(soon.id), stateOf(gone.id), stateOf(later.id)]).toEqual(['expiring', 'expired', 'active']);

    const officer = app.client();
    expect((await officer.signIn(soon.email, soon.password)).status).toBe(200);
    const profile = OfficerProfileSchema.parse(await (await officer.get('/api/me/officer-profile')).json());
    expect(profile.dsc).toMatchObject({ state: 'expiring', daysLeft: 10 });
  });

  it('is for administrators: officers get 403, signed-out callers 401', async () => {
    const { client: officer } = await signedInAs(app, 'issuing-officer', agencyId);
    expect((await officer.get('/api/dsc/expiring')).status).toBe(403);
    expect((await app.client().get('/api/dsc/expiring')).status).toBe(401);
  });
});
