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

/** A pending officer request, answered 201. */
export async function requestOfficer(ctx: OfficerRequestContext, overrides: Record<string, string> = {}) {
  const fields = officerFields(ctx, overrides);
  const response = await submitRegistration(ctx, fields);
  expect(response.status).toBe(201);
  return { ...RegistrationReceiptSchema.parse(await response.json()), fields };
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
