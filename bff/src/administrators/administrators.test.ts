import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { AdministratorListSchema, AdministratorSchema } from '@ecoo/shared/administrators/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { todayInIndia } from '../accounts/index.ts';

let app: TestApp;
let inbox: SmtpInbox;
let reviewer: TestClient;
let agency: { id: string; name: string };

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
  agency = await addAgency(app.db, { name: 'Marine Products Export Development Authority' });
  reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

async function expectProblem(response: Response, status: number, code: string, fieldPath?: string) {
  expect(response.status).toBe(status);
  const problem = ProblemSchema.parse(await response.json());
  if (fieldPath) expect(problem.errors?.find((error) => error.path === fieldPath)?.code).toBe(code);
  else expect(problem.code).toBe(code);
}
const revocationCount = async () => Number((await app.db.selectFrom('account_revocations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const deactivation = { effectiveDate: todayInIndia(), reason: 'Has left the agency for another post.' };

describe('the DGFT reviewer and agency administrators', () => {
  it('lists the administrators of every agency, filtered by agency and status and searched', async () => {
    const other = await addAgency(app.db, { name: 'Spices Board' });
    const mine = await addUser(app.db, 'agency-admin', { agencyId: agency.id, name: 'Lakshmi Menon' });
    await addUser(app.db, 'agency-admin', { agencyId: other.id, name: 'Joseph Kurian' });
    await addUser(app.db, 'issuing-officer', { agencyId: agency.id, name: 'Not An Administrator' });
    const list = async (query = '') => AdministratorListSchema.parse(await (await reviewer.get(`/api/administrators${query}`)).json());
    const all = await list();
    expect(all.items.map((item) => item.name)).toEqual(expect.arrayContaining(['Lakshmi Menon', 'Joseph Kurian']));
    expect(all.items.map((item) => item.name)).not.toContain('Not An Administrator');
    expect((await list(`?agencyId=${agency.id}`)).items.map((item) => [item.name, item.agency.name])).toEqual([['Lakshmi Menon', agency.name]]);
    expect((await list('?q=kurian')).items.map((item) => item.name)).toEqual(['Joseph Kurian']);
    expect((await list(`?q=${encodeURIComponent(mine.email)}`)).items.map((item) => item.id)).toEqual([mine.id]);
    expect((await list('?status=deactivated&q=kurian')).total).toBe(0);
  });

  it("deactivates an administrator with a reason: kept revocation, sessions ended at once, mailed; reactivation keeps it", async () => {
    const team = await addAgency(app.db, { name: 'Textiles Committee' });
    const leaving = await signedInAs(app, 'agency-admin', team.id);
    await addUser(app.db, 'agency-admin', { agencyId: team.id });
    expect((await leaving.client.get('/api/offices')).status).toBe(200);
    const response = await reviewer.post(`/api/administrators/${leaving.user.id}/deactivation`, deactivation);
    expect(response.status).toBe(200);
    expect(AdministratorSchema.parse(await response.json())).toMatchObject({ status: 'deactivated', revocations: [{ reason: deactivation.reason, revokedBy: 'Test dgft-reviewer' }] });
    await expectProblem(await leaving.client.get('/api/offices'), 401, 'problem.unauthenticated');
    const mail = await inbox.waitFor(leaving.user.email, /deactivated/);
    expect(mail.text).toContain(deactivation.reason);
    await expectProblem(await reviewer.post(`/api/administrators/${leaving.user.id}/deactivation`, deactivation), 409, 'problem.administratorNotActive');
    const stayed = AdministratorListSchema.parse(await (await reviewer.get(`/api/administrators?agencyId=${team.id}`)).json());
    expect(stayed.items.map((item) => [item.status, item.isLastActive]).sort()).toEqual([['active', true], ['deactivated', false]]);
    const back = AdministratorSchema.parse(await (await reviewer.post(`/api/administrators/${leaving.user.id}/reactivation`)).json());
    expect([back.status, back.revocations.length, back.revocations[0]?.reactivatedBy]).toEqual(['active', 1, 'Test dgft-reviewer']);
    await expectProblem(await reviewer.post(`/api/administrators/${leaving.user.id}/reactivation`), 409, 'problem.administratorNotDeactivated');
  });

  it("refuses to deactivate an agency's last active administrator, naming what to do, and changes nothing", async () => {
    const lone = await addAgency(app.db, { name: 'Coir Board' });
    const only = await addUser(app.db, 'agency-admin', { agencyId: lone.id, name: 'Sole Administrator' });
    // The list says so before anyone fills the form.
    const listed = AdministratorListSchema.parse(await (await reviewer.get(`/api/administrators?agencyId=${lone.id}`)).json());
    expect(listed.items.map((item) => [item.name, item.isLastActive])).toEqual([['Sole Administrator', true]]);
    const before = await revocationCount();
    const response = await reviewer.post(`/api/administrators/${only.id}/deactivation`, deactivation);
    expect(response.status).toBe(409);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe('problem.lastAdministrator');
    expect(problem.detail).toContain('Sole Administrator is the last active administrator of Coir Board');
    expect(await revocationCount()).toBe(before);
  });

  it('refuses bad input with its own message: future date, short reason, unknown or non-administrator account', async () => {
    const target = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    const officer = await addUser(app.db, 'issuing-officer', { agencyId: agency.id });
    const before = await revocationCount();
    const future = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
    await expectProblem(await reviewer.post(`/api/administrators/${target.id}/deactivation`, { ...deactivation, effectiveDate: future }), 400, 'problem.effectiveDateInFuture', 'effectiveDate');
    await expectProblem(await reviewer.post(`/api/administrators/${target.id}/deactivation`, { ...deactivation, reason: 'gone' }), 400, 'validation.reason.short', 'reason');
    await expectProblem(await reviewer.post(`/api/administrators/${officer.id}/deactivation`, deactivation), 404, 'problem.administratorNotFound');
    await expectProblem(await reviewer.post('/api/administrators/00000000-0000-4000-8000-000000000000/deactivation', deactivation), 404, 'problem.administratorNotFound');
    expect(await revocationCount()).toBe(before);
  });

  it.each([
    ['a lone surrogate', 'Has left the agency.\uD800', 'U+D800 lone surrogate (half of a character) at position 21'],
    ['a right-to-left override', 'Has left the \u202Eycnega.', 'U+202E right-to-left override at position 14'],
    ['a NUL', 'Has left\u0000 the agency.', 'U+0000 null character (NUL) at position 9'],
  ])('refuses a deactivation reason holding %s, naming it, and changes nothing', async (_, reason, expected) => {
    const target = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    const listed = async () => AdministratorListSchema.parse(await (await reviewer.get(`/api/administrators?agencyId=${agency.id}&q=${encodeURIComponent(target.email)}`)).json());
    const [before, revocations] = [await listed(), await revocationCount()];
    const response = await reviewer.post(`/api/administrators/${target.id}/deactivation`, { ...deactivation, reason });
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'reason', code: 'validation.text.multiLineChars', message: expect.stringContaining(expected) })]);
    expect(await revocationCount()).toBe(revocations);
    expect(await listed()).toEqual(before);
    expect(before.items.map((item) => item.status)).toEqual(['active']);
  });

  it('is the reviewer’s alone: 401 signed out, 403 for administrators and officers', async () => {
    const target = await addUser(app.db, 'agency-admin', { agencyId: agency.id });
    const administrator = (await signedInAs(app, 'agency-admin', agency.id)).client;
    const officer = (await signedInAs(app, 'issuing-officer', agency.id)).client;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/administrators'],
      ['POST', `/api/administrators/${target.id}/deactivation`, deactivation],
      ['POST', `/api/administrators/${target.id}/reactivation`],
    ];
    for (const [method, path, json] of routes) {
      expect((await app.client().request(method, path, { json })).status).toBe(401);
      await expectProblem(await administrator.request(method, path, { json }), 403, 'problem.forbidden');
      await expectProblem(await officer.request(method, path, { json }), 403, 'problem.forbidden');
    }
  });
});
