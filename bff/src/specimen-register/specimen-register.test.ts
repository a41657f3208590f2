/**
 * The specimen register (issue 16): which stamp and signature an agency used on a day, for partner
 * customs through a link the administrator shares and can revoke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../db/connect.ts';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { activeRegisterToken, registerEntryPath } from './index.ts';

let app: TestApp;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp();
  agencyId = (await addAgency(app.db, { name: 'Register Test Agency', emailDomains: ['register.gov.in'] })).id;
});
afterAll(async () => {
  await app?.stop();
});

describe('the helpers the specimen certificate uses', () => {
  it('activeRegisterToken, when the agency has no link, answers undefined; with a revoked one too; with an active one, its token', async () => {
    const { user } = await signedInAs(app, 'agency-admin', agencyId);
    expect(await activeRegisterToken(app.db, agencyId)).toBeUndefined();
    const at = nowIso();
    await app.db.insertInto('specimen_register_links').values({ id: 'revoked-link', agency_id: agencyId, token: 'revoked-token', created_by: user.id, created_at: at, revoked_by: user.id, revoked_at: at }).execute();
    expect(await activeRegisterToken(app.db, agencyId)).toBeUndefined();
    await app.db.insertInto('specimen_register_links').values({ id: 'active-link', agency_id: agencyId, token: 'active-token', created_by: user.id, created_at: at, revoked_by: null, revoked_at: null }).execute();
    expect(await activeRegisterToken(app.db, agencyId)).toBe('active-token');
  });

  it('registerEntryPath names the token, office, officer and date, each URL-encoded', () => {
    expect(registerEntryPath('abc-_9', { officeId: 'o 1', officerId: 'u&2', date: '2026-03-12' })).toBe('/register/abc-_9?office=o%201&officer=u%262&date=2026-03-12');
  });
});
