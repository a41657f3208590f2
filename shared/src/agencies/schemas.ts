import { z } from 'zod';
import { EmailDomainSchema, IdSchema } from '../common/fields.ts';
import { lineTextSchema } from '../validation/line-text.ts';

export const AgencySchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  certifies: z.string(),
  emailDomains: z.array(z.string()),
  isDemo: z.boolean(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyListSchema = z.object({ agencies: z.array(AgencySchema) });
export type AgencyList = z.infer<typeof AgencyListSchema>;

export const AgencyInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/, 'validation.agencyCode'),
  /** Shown on the public Register form, in mails and on every page of the agency: one line each. */
  name: lineTextSchema(3, 200),
  certifies: lineTextSchema(3, 500),
  emailDomains: z
    .array(EmailDomainSchema)
    .min(1, 'validation.domains.none')
    .max(20, 'validation.tooLong')
    .transform((domains) => [...new Set(domains)]),
});
export type AgencyInput = z.input<typeof AgencyInputSchema>;
