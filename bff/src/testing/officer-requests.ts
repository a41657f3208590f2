import { expect } from 'vitest';
import { RegistrationReceiptSchema } from '@ecoo/shared/registrations/schemas';
import type { TestApp } from './test-app.ts';
import type { TestClient } from './test-client.ts';
import { linkIn, type SmtpInbox } from './smtp-inbox.ts';
import { letterForm } from './letters.ts';

/** Where a test's officers register: the agency, its default office and email domain, and its administrator. */
export interface OfficerRequestContext {
  app: TestApp;
  inbox: SmtpInbox;
  agencyId: () => string;
  officeId: () => string;
  domain: string;
  admin: () => TestClient;
}

/**
 * A context over a test file's variables, read when used: they are set in beforeAll, after the
 * context is made at the top of the file.
 */
export function officerRequestContext(
  domain: string,
  current: () => { app: TestApp; inbox: SmtpInbox; agencyId: string; officeId: string; admin: TestClient },
): OfficerRequestContext {
  return {
    domain,
    get app() {
      return current().app;
    },
    get inbox() {
      return current().inbox;
    },
    agencyId: () => current().agencyId,
    officeId: () => current().officeId,
    admin: () => current().admin,
  };
}

let sequence = 0;
export const officerPassword = 'officer password 2026';

export const officerFields = (ctx: OfficerRequestContext, overrides: Record<string, string> = {}) => ({
  registerAs: 'coo-authorized-agency',
  agencyId: ctx.agencyId(),
  role: 'officer',
  officeId: ctx.officeId(),
  name: 'Ravi Kulkarni',
  designation: 'Deputy Director',
  mobile: '9820012345',
  email: `officer${++sequence}.${Date.now()}@${ctx.domain}`,
  ...overrides,
});

/** The public Register route, signed out, as a browser sends it (multipart). */
export const submitRegistration = (ctx: OfficerRequestContext, fields: Record<string, string>, letter?: { bytes: Buffer; name: string }) =>
  ctx.app.client().upload('/api/registrations', letterForm(fields, letter));

const confirmationMails = (ctx: OfficerRequestContext, email: string) =>
  ctx.inbox.mails.filter((mail) => mail.to.includes(email) && mail.subject.startsWith('Confirm your request'));

/** The token of the confirmation link mailed to `email` after the `seen` ones before it. */
export async function confirmationToken(ctx: OfficerRequestContext, email: string, seen = 0): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (confirmationMails(ctx, email).length <= seen) {
    if (Date.now() > deadline) throw new Error(`no confirmation mail to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const match = /\/register\/confirm#token=([A-Za-z0-9_-]+)/.exec(confirmationMails(ctx, email).at(-1)?.text ?? '');
  if (!match?.[1]) throw new Error(`no confirmation link for ${email}`);
  return match[1];
}

/** The applicant opens the mailed link: the request reaches the administrator. */
export async function confirmRequest(ctx: OfficerRequestContext, email: string, seen = 0): Promise<void> {
  const token = await confirmationToken(ctx, email, seen);
  const response = await ctx.app.client().post('/api/registrations/officer-confirmations', { token });
  expect(response.status).toBe(200);
}

/** A pending officer request, answered 201, its email confirmed from the mail unless `confirm` is false. */
export async function requestOfficer(ctx: OfficerRequestContext, overrides: Record<string, string> = {}, options: { confirm?: boolean } = {}) {
  const fields = officerFields(ctx, overrides);
  const seen = confirmationMails(ctx, fields.email).length;
  const response = await submitRegistration(ctx, fields);
  expect(response.status).toBe(201);
  const receipt = RegistrationReceiptSchema.parse(await response.json());
  if (options.confirm !== false) await confirmRequest(ctx, fields.email, seen);
  return { ...receipt, fields };
}

/** An officer approved by the administrator, with a password set from the mail, signed in. */
export async function approvedOfficer(ctx: OfficerRequestContext, overrides: Record<string, string> = {}) {
  const { id, email } = await requestOfficer(ctx, overrides);
  expect((await ctx.admin().post(`/api/officers/${id}/approval`)).status).toBe(200);
  const token = linkIn(await ctx.inbox.waitFor(email, /is approved/)).split('#token=')[1];
  const client = ctx.app.client();
  expect((await client.put('/api/password', { token, password: officerPassword })).status).toBe(204);
  expect((await client.signIn(email, officerPassword)).status).toBe(200);
  return { id, email, client };
}
