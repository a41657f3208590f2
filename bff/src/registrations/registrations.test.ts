import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '@ecoo/shared/problem';
import { RegistrationListSchema, RegistrationReceiptSchema, RegistrationSchema } from '@ecoo/shared/registrations/schemas';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { SmtpInbox, linkIn } from '../testing/smtp-inbox.ts';
import { htmlPdfPolyglot, jpegLetter, letterForm, pdfEncrypted, pdfInflationBomb, pdfLetter, pdfWithAttachment, pdfWithInlineJavaScript, pdfWithJavaScript, pdfWithRemoteGoTo, pngBomb, pngLetter } from '../testing/letters.ts';
import { sha256Hex } from '../storage/files.ts';
import { registrationReference } from '@ecoo/shared/registrations/reference';

let app: TestApp;
let inbox: SmtpInbox;
let agency: Awaited<ReturnType<typeof addAgency>>;
let sequence = 0;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  app = await startTestApp({ smtpUrl: inbox.url });
  agency = await addAgency(app.db, { name: 'Marine Products Export Development Authority', emailDomains: ['mpeda.gov.in', 'mpeda.in'] });
  // Another agency's domain: registering with it for MPEDA must be refused.
  await addAgency(app.db, { emailDomains: ['other.gov.in'] });
});
afterAll(async () => {
  await app.stop();
  await inbox.stop();
});

const uniqueEmail = (domain = 'mpeda.gov.in') => `officer${++sequence}.${Date.now()}@${domain}`;
const fieldsFor = (email: string, overrides: Record<string, string> = {}) => ({
  registerAs: 'coo-authorized-agency',
  agencyId: agency.id,
  role: 'administrator',
  name: 'Meera Nair',
  mobile: '9847012345',
  email,
  ...overrides,
});

async function submit(fields: Record<string, string>, letter?: { bytes: Buffer; name: string; type?: string }) {
  return app.client().upload('/api/registrations', letterForm(fields, letter));
}

async function submitValid(email = uniqueEmail()) {
  const response = await submit(fieldsFor(email), { bytes: await pdfLetter(), name: 'letter.pdf' });
  expect(response.status).toBe(201);
  return RegistrationReceiptSchema.parse(await response.json());
}

const registrationCount = async () => Number((await app.db.selectFrom('registrations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const storedFileCount = () => {
  const root = path.join(app.dataDir, 'files');
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).filter((name) => String(name).length > 60).length : 0;
};

async function expectRefused(response: Response, status: number, code: string, fieldPath?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = ProblemSchema.parse(await response.json());
  if (fieldPath) expect(problem.errors?.find((error) => error.path === fieldPath)?.code).toBe(code);
  else expect(problem.code).toBe(code);
  return problem;
}

describe('POST /api/registrations', () => {
  it('with a PDF letter and an email at a recorded domain, answers 201 and stores the row and the letter by its hash', async () => {
    const bytes = await pdfLetter();
    const email = uniqueEmail('MPEDA.in').toUpperCase();
    const response = await submit(fieldsFor(email), { bytes, name: 'letter.pdf', type: 'application/pdf' });
    expect(response.status).toBe(201);
    const receipt = RegistrationReceiptSchema.parse(await response.json());
    const row = await app.db.selectFrom('registrations').selectAll().where('id', '=', receipt.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', email: email.toLowerCase(), agency_id: agency.id, letter_content_type: 'application/pdf', letter_sha256: sha256Hex(bytes) });
    const stored = fs.readFileSync(path.join(app.dataDir, 'files', row.letter_sha256.slice(0, 2), row.letter_sha256));
    expect(stored.equals(bytes)).toBe(true);
    const audit = await app.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', receipt.id).execute();
    expect(audit.map((entry) => entry.action)).toEqual(['registration.submitted']);
  });

  it.each([
    ['PNG', pngLetter, 'image/png'],
    ['JPEG', jpegLetter, 'image/jpeg'],
  ])('with a %s letter named .pdf, judges it by content and stores it as %s', async (_kind, make, expected) => {
    const response = await submit(fieldsFor(uniqueEmail()), { bytes: await make(), name: 'scan.pdf', type: 'application/pdf' });
    expect(response.status).toBe(201);
    const { id } = RegistrationReceiptSchema.parse(await response.json());
    const row = await app.db.selectFrom('registrations').select('letter_content_type').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.letter_content_type).toBe(expected);
  });

  it('when the email is at a domain not recorded for the agency, answers 400 naming the accepted domains, stores nothing', async () => {
    const [rowsBefore, filesBefore] = [await registrationCount(), storedFileCount()];
    const response = await submit(fieldsFor('meera@gmail.com'), { bytes: await pdfLetter(), name: 'letter.pdf' });
    const problem = await expectRefused(response, 400, 'problem.emailDomainNotOnRecord', 'email');
    const message = problem.errors?.[0]?.message ?? '';
    expect(message).toContain('mpeda.gov.in, mpeda.in');
    expect(message).toContain('gmail.com');
    expect([await registrationCount(), storedFileCount()]).toEqual([rowsBefore, filesBefore]);
  });

  it("when the email is at another agency's domain, answers 400", async () => {
    await expectRefused(await submit(fieldsFor(uniqueEmail('other.gov.in')), { bytes: await pdfLetter(), name: 'l.pdf' }), 400, 'problem.emailDomainNotOnRecord', 'email');
  });

  it('when fields are bad, answers 400 naming each field with its catalogue code', async () => {
    const response = await submit(
      { registerAs: 'exporter', agencyId: '', role: 'administrator', name: '', mobile: '12345', email: 'not-an-email' },
      { bytes: await pdfLetter(), name: 'l.pdf' },
    );
    const problem = await expectRefused(response, 400, 'problem.badRequest');
    const codes = Object.fromEntries((problem.errors ?? []).map((error) => [error.path, error.code]));
    const unknownRole = await expectRefused(await submit({ ...fieldsFor(uniqueEmail()), role: 'exporter' }, { bytes: await pdfLetter(), name: 'l.pdf' }), 400, 'problem.badRequest');
    expect(unknownRole.errors?.map((error) => [error.path, error.code])).toEqual([['role', 'validation.role']]);
    expect(codes).toEqual({
      registerAs: 'validation.registerAs',
      agencyId: 'validation.agency',
      name: 'validation.required',
      mobile: 'validation.mobile',
      email: 'validation.email',
    });
  });

  it('when the agency is not in the register, answers 400 on agencyId', async () => {
    await expectRefused(
      await submit(fieldsFor(uniqueEmail(), { agencyId: '6f1c1a52-1111-4111-8111-111111111111' }), { bytes: await pdfLetter(), name: 'l.pdf' }),
      400,
      'problem.agencyNotFound',
      'agencyId',
    );
  });

  it('without a letter, answers 400 on letter', async () => {
    await expectRefused(await submit(fieldsFor(uniqueEmail())), 400, 'validation.letter.missing', 'letter');
  });

  it.each([
    ['a program renamed .pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), 'a program', 'program'],
    ['an HTML page renamed .png', Buffer.from('<html><script>alert(1)</script></html>'), 'an HTML, XML or SVG page', 'markup'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a GIF image', 'gif'],
    ['a Word document', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]), 'a ZIP archive or Office document', 'zip'],
  ])('with %s, answers 415 saying what the file is, stores nothing', async (_label, bytes, detected, kind) => {
    const [rowsBefore, filesBefore] = [await registrationCount(), storedFileCount()];
    const problem = await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes, name: 'letter.pdf', type: 'application/pdf' }), 415, 'problem.letterType');
    expect(problem.detail).toContain(detected);
    // A code, which the SPA words in the reader's language (file.kind).
    expect(problem.params).toEqual({ detected: kind });
    expect([await registrationCount(), storedFileCount()]).toEqual([rowsBefore, filesBefore]);
  });

  it('with a letter over 5 MB, answers 413 and stores nothing', async () => {
    const filesBefore = storedFileCount();
    const big = Buffer.concat([await pdfLetter(), Buffer.alloc(5 * 1024 * 1024, 32)]);
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: big, name: 'big.pdf' }), 413, 'problem.fileTooLarge');
    expect(storedFileCount()).toBe(filesBefore);
  });

  it('with a truncated PDF, answers 400 letterUnreadable', async () => {
    const bytes = (await pdfLetter()).subarray(0, 300);
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes, name: 'cut.pdf' }), 400, 'problem.letterUnreadable');
  });

  it('with a truncated JPEG, answers 400 letterUnreadable', async () => {
    const bytes = (await jpegLetter()).subarray(0, 200);
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes, name: 'cut.jpg' }), 400, 'problem.letterUnreadable');
  });

  it('with a password-protected PDF, answers 400 letterEncrypted', async () => {
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: await pdfEncrypted(), name: 'locked.pdf' }), 400, 'problem.letterEncrypted');
  });

  it('with a PDF that runs JavaScript, answers 400 letterActiveContent', async () => {
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: await pdfWithJavaScript(), name: 'js.pdf' }), 400, 'problem.letterActiveContent');
  });

  it.each([
    ['inline JavaScript on opening', pdfWithInlineJavaScript],
    ['an attached program', pdfWithAttachment],
    ['a GoToR action to another machine', pdfWithRemoteGoTo],
  ])('with a PDF carrying %s, answers 400 letterActiveContent', async (_label, make) => {
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: await make(), name: 'x.pdf' }), 400, 'problem.letterActiveContent');
  });

  it.each([
    ['a right-to-left override', 'Meera \u202EriaN'],
    ['a lone surrogate', 'Meera Nair\uD800'],
    ['a line break', 'Meera\nNair'],
    ['a NUL', 'Meera\u0000Nair'],
  ])('with a name holding %s, answers 400 on name and stores nothing', async (_, name) => {
    const [rowsBefore, filesBefore] = [await registrationCount(), storedFileCount()];
    await expectRefused(await submit(fieldsFor(uniqueEmail(), { name }), { bytes: await pdfLetter(), name: 'l.pdf' }), 400, 'validation.name', 'name');
    expect([await registrationCount(), storedFileCount()]).toEqual([rowsBefore, filesBefore]);
  });

  it('with an HTML page that has a PDF appended, answers 415: the header must open the file', async () => {
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: await htmlPdfPolyglot(), name: 'x.pdf' }), 415, 'problem.letterType');
  });

  it('with a PDF that inflates to 200 MB, refuses it while the console keeps answering', async () => {
    const bomb = await pdfInflationBomb();
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const upload = submit(fieldsFor(uniqueEmail()), { bytes: bomb, name: 'bomb.pdf' });
    const health = await fetch(`${app.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    await expectRefused(await upload, 400, 'problem.letterUnreadable');
  });

  it('with a PNG decompression bomb (400 megapixels), answers 400 letterTooManyPixels', async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    await expectRefused(await submit(fieldsFor(uniqueEmail()), { bytes: bomb, name: 'bomb.png' }), 400, 'problem.letterTooManyPixels');
  });

  it('with two files, answers 400 unexpectedFile', async () => {
    const form = letterForm(fieldsFor(uniqueEmail()), { bytes: await pdfLetter(), name: 'a.pdf' });
    form.append('letter', new Blob([new Uint8Array(await pdfLetter())]), 'b.pdf');
    await expectRefused(await app.client().upload('/api/registrations', form), 400, 'problem.unexpectedFile');
  });

  // Issue 13, fault 3: a 409 "account exists" / "pending" told anyone which addresses have accounts.
  it('a second registration for an email that is pending answers 201 like a new one, stores nothing, and mails the address', async () => {
    const email = uniqueEmail();
    const first = await submitValid(email);
    const before = { registrations: await registrationCount(), files: storedFileCount() };
    const again = await submit(fieldsFor(email), { bytes: await pngLetter(), name: 'l.png' });
    expect(again.status).toBe(201);
    const receipt = RegistrationReceiptSchema.parse(await again.json());
    expect(Object.keys(receipt).sort()).toEqual(Object.keys(first).sort());
    expect(receipt).toMatchObject({ status: 'pending', email: email.toLowerCase() });
    expect(receipt.id).not.toBe(first.id);
    expect({ registrations: await registrationCount(), files: storedFileCount() }).toEqual(before);
    const mail = await inbox.waitFor(email.toLowerCase(), /tried to register/);
    expect(mail.text).toContain('nothing was registered');
  });

  it('two submissions for one email at the same moment: all answer 201, one is stored', async () => {
    const email = uniqueEmail();
    const bytes = await pdfLetter();
    const statuses = await Promise.all([1, 2, 3].map(() => submit(fieldsFor(email), { bytes, name: 'l.pdf' }).then((r) => r.status)));
    expect(statuses).toEqual([201, 201, 201]);
    expect((await app.db.selectFrom('registrations').select('id').where('email', '=', email.toLowerCase()).execute()).length).toBe(1);
  });

  it('when an account with the email exists, answers 201 as for a new address after checking the letter, stores nothing, and mails the owner', async () => {
    const user = await addUser(app.db, 'agency-admin', { agencyId: agency.id, email: uniqueEmail() });
    // The letter is judged first, whoever holds the address: a bad letter is refused alike.
    await expectRefused(await submit(fieldsFor(user.email), { bytes: Buffer.from('not a letter at all'), name: 'l.pdf' }), 415, 'problem.letterType');
    const before = { registrations: await registrationCount(), files: storedFileCount() };
    const response = await submit(fieldsFor(user.email), { bytes: await pdfLetter(), name: 'l.pdf' });
    expect(response.status).toBe(201);
    expect(RegistrationReceiptSchema.parse(await response.json())).toMatchObject({ status: 'pending', email: user.email });
    expect({ registrations: await registrationCount(), files: storedFileCount() }).toEqual(before);
    expect((await inbox.waitFor(user.email, /tried to register/)).text).toContain(`${app.baseUrl}/sign-in`);
  });

  it('without the CSRF token, answers 403 and stores nothing', async () => {
    const before = await registrationCount();
    const response = await app.client().request('POST', '/api/registrations', { form: letterForm(fieldsFor(uniqueEmail()), { bytes: await pdfLetter(), name: 'l.pdf' }), skipCsrf: true });
    await expectRefused(response, 403, 'problem.csrf');
    expect(await registrationCount()).toBe(before);
  });
});

describe('reviewer routes', () => {
  it('GET /api/registrations lists pending registrations oldest first, paged', async () => {
    const first = await submitValid();
    const second = await submitValid();
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const all = RegistrationListSchema.parse(await (await client.get('/api/registrations?status=pending&pageSize=200')).json());
    const ids = all.items.map((item) => item.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(all.items.every((item) => item.status === 'pending')).toBe(true);
    expect(all.total).toBe(all.items.length);
    const page2 = RegistrationListSchema.parse(await (await client.get('/api/registrations?status=pending&page=2&pageSize=1')).json());
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.id).toBe(all.items[1]?.id);
  });

  it('GET /api/registrations reflects every change at once: a new submission, an activation, a renamed agency', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const pendingIds = async () => RegistrationListSchema.parse(await (await client.get('/api/registrations?pageSize=200')).json()).items.map((i) => i.id);
    const before = await pendingIds();
    const { id } = await submitValid();
    expect(await pendingIds()).toEqual([...before, id]);
    expect((await client.post(`/api/registrations/${id}/activation`)).status).toBe(200);
    expect(await pendingIds()).toEqual(before);
    const { id: another } = await submitValid();
    await client.put(`/api/agencies/${agency.id}`, { code: agency.code, name: 'MPEDA (renamed)', certifies: agency.certifies, emailDomains: agency.emailDomains });
    const list = RegistrationListSchema.parse(await (await client.get('/api/registrations?pageSize=200')).json());
    expect(list.items.find((i) => i.id === another)?.agency.name).toBe('MPEDA (renamed)');
    await client.put(`/api/agencies/${agency.id}`, { code: agency.code, name: agency.name, certifies: agency.certifies, emailDomains: agency.emailDomains });
  });

  it('GET /api/registrations with a bad status answers 400', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    await expectRefused(await client.get('/api/registrations?status=approved'), 400, 'problem.badRequest');
  });

  it.each([
    ['GET', '/api/registrations'],
    ['GET', '/api/registrations/:id'],
    ['GET', '/api/registrations/:id/letter'],
    ['POST', '/api/registrations/:id/activation'],
    ['POST', '/api/registrations/:id/rejection'],
  ])('%s %s answers 401 signed out and 403 to an agency administrator or officer, changing nothing', async (method, template) => {
    const { id } = await submitValid();
    const url = template.replace(':id', id);
    const body = method === 'POST' ? { json: { reason: 'Letter is not on letterhead' } } : {};
    await expectRefused(await app.client().request(method, url, body), 401, 'problem.unauthenticated');
    for (const role of ['agency-admin', 'issuing-officer'] as const) {
      const { client } = await signedInAs(app, role, agency.id);
      await expectRefused(await client.request(method, url, body), 403, 'problem.forbidden');
    }
    const row = await app.db.selectFrom('registrations').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('GET /api/registrations/:id answers the registration, and 404 for an unknown id, 400 for a malformed one', async () => {
    const { id } = await submitValid();
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const registration = RegistrationSchema.parse(await (await client.get(`/api/registrations/${id}`)).json());
    expect(registration).toMatchObject({ id, status: 'pending', mobile: '9847012345', agency: { id: agency.id } });
    await expectRefused(await client.get('/api/registrations/6f1c1a52-1111-4111-8111-111111111111'), 404, 'problem.registrationNotFound');
    await expectRefused(await client.get('/api/registrations/not-a-uuid'), 400, 'problem.badRequest');
  });

  it('GET /api/registrations/:id/letter answers the letter bytes with its type, inline, not sniffable', async () => {
    const bytes = await pngLetter();
    const response = await submit(fieldsFor(uniqueEmail()), { bytes, name: 'scan "1".png' });
    const { id } = RegistrationReceiptSchema.parse(await response.json());
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const letter = await client.get(`/api/registrations/${id}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('image/png');
    expect(letter.headers.get('x-content-type-options')).toBe('nosniff');
    // Our own review page frames the letter; nothing else may.
    expect(letter.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(letter.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(letter.headers.get('content-disposition')).toBe("inline; filename=\"scan 1.png\"; filename*=UTF-8''scan%201.png");
    expect(Buffer.from(await letter.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('POST activation creates the administrator, emails a single-use set-password link over SMTP, and the administrator can then sign in', async () => {
    const email = uniqueEmail();
    const { id } = await submitValid(email);
    const { client, user: reviewer } = await signedInAs(app, 'dgft-reviewer');
    const response = await client.post(`/api/registrations/${id}/activation`);
    expect(response.status).toBe(200);
    const registration = RegistrationSchema.parse(await response.json());
    expect(registration).toMatchObject({ status: 'activated', decidedBy: 'Test dgft-reviewer' });

    const account = await app.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: 'agency-admin', agency_id: agency.id, status: 'active', password_hash: null });
    const audit = await app.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', id).where('action', '=', 'registration.activated').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(reviewer.id);

    const mail = await inbox.waitFor(email, /is active/);
    expect(mail.subject).toContain(agency.name);
    // The short reference the applicant was given on submitting, so a call about it can cite it.
    expect(mail.text).toContain(`(registration ${registrationReference(id)})`);
    const link = linkIn(mail);
    expect(link.startsWith(`${app.baseUrl}/set-password#token=`)).toBe(true);
    const token = link.split('#token=')[1];
    const token_row = await app.db.selectFrom('password_tokens').selectAll().where('user_id', '=', account.id).executeTakeFirstOrThrow();
    const validForHours = (Date.parse(token_row.expires_at) - Date.parse(token_row.created_at)) / 3_600_000;
    expect(validForHours).toBe(24);

    const admin = app.client();
    expect((await admin.put('/api/password', { token, password: 'a new strong password' })).status).toBe(204);
    expect((await admin.put('/api/password', { token, password: 'another strong password' })).status).toBe(400);
    const signIn = await admin.signIn(email, 'a new strong password');
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ user: { role: 'agency-admin', agency: { id: agency.id, name: agency.name } } });
  });

  it('POST activation of a decided registration answers 409 and sends no second mail', async () => {
    const email = uniqueEmail();
    const { id } = await submitValid(email);
    const { client } = await signedInAs(app, 'dgft-reviewer');
    expect((await client.post(`/api/registrations/${id}/activation`)).status).toBe(200);
    await inbox.waitFor(email);
    await expectRefused(await client.post(`/api/registrations/${id}/activation`), 409, 'problem.registrationDecided');
    await expectRefused(await client.post(`/api/registrations/${id}/rejection`, { reason: 'Changed my mind about it' }), 409, 'problem.registrationDecided');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(inbox.mails.filter((mail) => mail.to.includes(email))).toHaveLength(1);
  });

  it('POST rejection records the reason and emails it; a short reason answers 400 and changes nothing', async () => {
    const email = uniqueEmail();
    const { id } = await submitValid(email);
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const short = await client.post(`/api/registrations/${id}/rejection`, { reason: 'no' });
    await expectRefused(short, 400, 'validation.reason', 'reason');
    expect((await app.db.selectFrom('registrations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('pending');

    const reason = 'The authorisation letter is not on the agency letterhead.';
    const response = await client.post(`/api/registrations/${id}/rejection`, { reason });
    expect(response.status).toBe(200);
    expect(RegistrationSchema.parse(await response.json())).toMatchObject({ status: 'rejected', rejectionReason: reason });
    const mail = await inbox.waitFor(email, /not approved/);
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(`registration ${registrationReference(id)} as administrator`);
    expect(await app.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
    // A rejected applicant may register again.
    await submitValid(email);
  });

  // The reason is mailed to the applicant and shown on the review page: lines of visible text only.
  it.each([
    ['a NUL and an escape sequence', 'Not ours.\u0000\u001b[31m forged line', 'U+0000 null character (NUL) at position 10'],
    ['a right-to-left override', 'The letter is \u202Edengisnu.', 'U+202E right-to-left override at position 15'],
    ['a lone surrogate', 'The letter is unsigned.\uD800', 'U+D800 lone surrogate (half of a character) at position 24'],
    ['a line separator', 'The letter is unsigned.\u2028Forged line', 'U+2028 line separator at position 24'],
    ['a carriage return without a line feed', 'The letter is unsigned.\rForged line', 'U+000D line break (carriage return) at position 24'],
  ])('POST rejection with a reason holding %s answers 400 naming it, and changes nothing', async (_, reason, expected) => {
    const email = uniqueEmail();
    const { id } = await submitValid(email);
    const { client } = await signedInAs(app, 'dgft-reviewer');
    const before = await (await client.get(`/api/registrations/${id}`)).json();
    const problem = await expectRefused(await client.post(`/api/registrations/${id}/rejection`, { reason }), 400, 'validation.text.multiLineChars', 'reason');
    expect(problem.errors?.find((error) => error.path === 'reason')?.message).toContain(expected);
    expect(await (await client.get(`/api/registrations/${id}`)).json()).toEqual(before);
    expect(RegistrationSchema.parse(before)).toMatchObject({ status: 'pending', rejectionReason: null });
  });

  it('POST rejection keeps the line breaks of a reason written on several lines (LF or CR LF)', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    for (const reason of ['The letter is unsigned.\nAttach a signed copy.', 'The letter is unsigned.\r\nAttach a signed copy.']) {
      const { id } = await submitValid();
      const response = await client.post(`/api/registrations/${id}/rejection`, { reason });
      expect(response.status).toBe(200);
      expect(RegistrationSchema.parse(await response.json()).rejectionReason).toBe(reason);
    }
  });

  it('POST activation for an unknown registration answers 404', async () => {
    const { client } = await signedInAs(app, 'dgft-reviewer');
    await expectRefused(await client.post('/api/registrations/6f1c1a52-1111-4111-8111-111111111111/activation'), 404, 'problem.registrationNotFound');
  });

});
