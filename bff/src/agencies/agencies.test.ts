import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { AgencyListSchema, AgencySchema } from '@ecoo/shared/agencies/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const input = (code: string) => ({ code, name: 'Coir Board', certifies: 'Coir and coir products', emailDomains: ['coirboard.gov.in', 'COIRBOARD.gov.in', 'coir.nic.in'] });
const problemOf = async (response: Response) => ProblemSchema.parse(await response.json());
const agencyCount = async () => Number((await app.db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /api/agencies', () => {
  it('is public and lists each agency with its recorded domains', async () => {
    const agency = await addAgency(app.db, { emailDomains: ['eicindia.gov.in'] });
    const response = await fetch(`${app.baseUrl}/api/agencies`);
    expect(response.status).toBe(200);
    const list = AgencyListSchema.parse(await response.json());
    expect(list.agencies.find((a) => a.id === agency.id)?.emailDomains).toEqual(['eicindia.gov.in']);
  });
});

describe('POST /api/agencies', () => {
  it('as a DGFT reviewer, answers 201 with domains lower-cased and de-duplicated, and audits it', async () => {
    const { client, user } = await signedInAs(app, 'dgft-reviewer');
    const response = await client.post('/api/agencies', input('coir-board'));
    expect(response.status).toBe(201);
    const agency = AgencySchema.parse(await response.json());
    expect(agency).toMatchObject({ code: 'coir-board', isDemo: false, emailDomains: ['coir.nic.in', 'coirboard.gov.in'] });
    const audit = await app.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', agency.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'agency.created', actor_id: user.id });
  });

  it('with a code in use, answers 409 and adds nothing', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    await client.post('/api/agencies', input('tobacco-board'));
    const before = await agencyCount();
    const response = await client.post('/api/agencies', input('tobacco-board'));
    expect(response.status).toBe(409);
    expect((await problemOf(response)).code).toBe('problem.agencyCodeTaken');
    expect(await agencyCount()).toBe(before);
  });

  it('with bad fields, answers 400 per field', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const response = await client.post('/api/agencies', { code: 'Bad Code', name: 'X', certifies: '', emailDomains: ['@gmail', 'ok.gov.in'], extra: 1 });
    const problem = await problemOf(response);
    expect(response.status).toBe(400);
    expect(Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.code]))).toEqual({
      code: 'validation.agencyCode',
      name: 'validation.tooShort',
      certifies: 'validation.tooShort',
      'emailDomains.0': 'validation.domain',
      '': 'validation.unknownField',
    });
  });

  // The register is shown on the public Register form, in mails and on every administrator's page:
  // one line of visible text each, refused alike by the form and here.
  it.each([
    ['name', 'Coir\u0000Board', 'U+0000 null character (NUL) at position 5'],
    ['name', 'Coir Board\r\nBcc: x@evil.example', 'U+000D line break (carriage return) at position 11'],
    ['name', 'Coir \u202EdraoB', 'U+202E right-to-left override at position 6'],
    ['certifies', 'Coir and coir\nproducts', 'U+000A line break (line feed) at position 14'],
    ['certifies', 'Coir products\uD800', 'U+D800 lone surrogate (half of a character) at position 14'],
    ['certifies', 'Coir\u2028products', 'U+2028 line separator at position 5'],
  ])('with %s %j, answers 400 naming %s on that field, and adds nothing', async (field, value, expected) => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const before = await agencyCount();
    const response = await client.post('/api/agencies', { ...input(`chars-${before}`), [field]: value });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([expect.objectContaining({ path: field, code: 'validation.text.chars', message: expect.stringContaining(expected) })]);
    expect(await agencyCount()).toBe(before);
  });

  it('with a name one character long, says how many characters it needs', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const problem = await problemOf(await client.post('/api/agencies', { ...input('short-name'), name: 'X' }));
    expect(problem.errors?.[0]).toMatchObject({ path: 'name', code: 'validation.tooShort', message: 'Enter at least 3 characters.' });
  });

  it('with no domains, answers 400 domains.none', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const problem = await problemOf(await client.post('/api/agencies', { ...input('no-domains'), emailDomains: [] }));
    expect(problem.errors?.[0]).toMatchObject({ path: 'emailDomains', code: 'validation.domains.none' });
  });

  it('answers 401 signed out and 403 to agency administrators and officers, adding nothing', async () => {
    const before = await agencyCount();
    expect((await app.client().post('/api/agencies', input('x-signed-out'))).status).toBe(401);
    const agency = await addAgency(app.db);
    for (const role of ['agency-admin', 'issuing-officer'] as const) {
      const { client } = await signedInAs(app, role, agency.id);
      expect((await client.post('/api/agencies', input(`x-${role}`))).status).toBe(403);
    }
    expect(await agencyCount()).toBe(before + 1);
  });
});

describe('PUT /api/agencies/:agencyId', () => {
  it('as a reviewer, replaces name, scope and domains and audits before and after', async () => {
    const agency = await addAgency(app.db, { emailDomains: ['old.gov.in'] });
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const response = await client.put(`/api/agencies/${agency.id}`, { code: agency.code, name: 'Renamed Agency', certifies: 'Marine products', emailDomains: ['new.gov.in'] });
    expect(response.status).toBe(200);
    expect(AgencySchema.parse(await response.json())).toMatchObject({ name: 'Renamed Agency', emailDomains: ['new.gov.in'] });
    const audit = await app.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', agency.id).where('action', '=', 'agency.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ before: { emailDomains: ['old.gov.in'] }, after: { emailDomains: ['new.gov.in'] } });
  });

  it("taking another agency's code answers 409 and changes nothing", async () => {
    const [a, b] = [await addAgency(app.db), await addAgency(app.db)];
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const response = await client.put(`/api/agencies/${a.id}`, { code: b.code, name: a.name, certifies: a.certifies, emailDomains: a.emailDomains });
    expect(response.status).toBe(409);
    expect((await app.db.selectFrom('agencies').select('code').where('id', '=', a.id).executeTakeFirstOrThrow()).code).toBe(a.code);
  });

  it.each([
    ['name', 'Renamed\u202E Agency'],
    ['certifies', 'Marine products\t(frozen)'],
    ['certifies', 'Marine \uDC00products'],
  ])('with %s %j, answers 400 on that field and the register is unchanged', async (field, value) => {
    const agency = await addAgency(app.db, { emailDomains: ['kept.gov.in'] });
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const listed = async () => AgencyListSchema.parse(await (await fetch(`${app.baseUrl}/api/agencies`)).json()).agencies.find((a) => a.id === agency.id);
    const before = await listed();
    const response = await client.put(`/api/agencies/${agency.id}`, { code: agency.code, name: agency.name, certifies: agency.certifies, emailDomains: agency.emailDomains, [field]: value });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([expect.objectContaining({ path: field, code: 'validation.text.chars' })]);
    expect(await listed()).toEqual(before);
  });

  it('an unknown agency answers 404; a malformed id 400; an administrator 403', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const body = input('whatever-code');
    expect((await client.put('/api/agencies/6f1c1a52-1111-4111-8111-111111111111', body)).status).toBe(404);
    expect((await client.put('/api/agencies/nope', body)).status).toBe(400);
    const agency = await addAgency(app.db);
    const admin = await signedInAs(app, 'agency-admin', agency.id);
    expect((await admin.client.put(`/api/agencies/${agency.id}`, body)).status).toBe(403);
  });
});
