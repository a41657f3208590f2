import { z } from 'zod';
import { DscStatusSchema } from '../dsc/schemas.ts';
import { IdSchema, InstantSchema } from '../common/fields.ts';
import { FieldChangeSchema } from '../offices/audit.ts';
import { multiLineTextSchema } from '../validation/line-text.ts';

/**
 * An issuing officer's account, as User Management shows it (Trade Notice 23/2024-25 §3.I.viii):
 * pending until the agency's administrator approves or rejects the request; deactivated officers
 * keep their record and every revocation.
 */
export const officerStatuses = ['pending', 'active', 'deactivated', 'rejected'] as const;
export const OfficerStatusSchema = z.enum(officerStatuses);
export type OfficerStatus = z.infer<typeof OfficerStatusSchema>;

/** An office as an applicant picks it: public facts only. */
export const PublicOfficeSchema = z.object({ id: IdSchema, code: z.string(), name: z.string(), city: z.string(), state: z.string() });
export type PublicOffice = z.infer<typeof PublicOfficeSchema>;
export const PublicOfficeListSchema = z.object({ items: z.array(PublicOfficeSchema) });
export type PublicOfficeList = z.infer<typeof PublicOfficeListSchema>;

export const OfficerOfficeSchema = z.object({ id: IdSchema, code: z.string(), name: z.string(), isActive: z.boolean() });
export type OfficerOffice = z.infer<typeof OfficerOfficeSchema>;

export const SignatureStatusSchema = z.object({ versionId: IdSchema.nullable(), version: z.number().int().positive().nullable() });

/** A revocation is kept for good: certificates signed after its effective date are not the officer's. */
export const RevocationSchema = z.object({
  id: IdSchema,
  effectiveDate: z.iso.date(),
  reason: z.string(),
  revokedAt: InstantSchema,
  revokedBy: z.string(),
  reactivatedAt: InstantSchema.nullable(),
  reactivatedBy: z.string().nullable(),
});
export type Revocation = z.infer<typeof RevocationSchema>;

export const OfficerSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  designation: z.string(),
  status: OfficerStatusSchema,
  offices: z.array(OfficerOfficeSchema),
  signature: SignatureStatusSchema,
  /** The office chosen at registration: what a pending request is about, before any mapping. */
  requestedOffice: OfficerOfficeSchema.nullable(),
  requestedAt: InstantSchema,
  /** Their digital signature certificate: none, active, expiring within 30 days, or expired. */
  dsc: DscStatusSchema,
});
export type OfficerSummary = z.infer<typeof OfficerSummarySchema>;

export const OfficerSchema = OfficerSummarySchema.extend({
  mobile: z.string(),
  decidedAt: InstantSchema.nullable(),
  decidedBy: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  revocations: z.array(RevocationSchema),
});
export type Officer = z.infer<typeof OfficerSchema>;

export const OfficerCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  deactivated: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type OfficerCounts = z.infer<typeof OfficerCountsSchema>;

export const OfficerListQuerySchema = z.strictObject({
  status: OfficerStatusSchema.optional(),
  officeId: IdSchema.optional(),
  q: z.string().trim().max(100, 'validation.tooLong').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OfficerListQuery = z.input<typeof OfficerListQuerySchema>;

export const OfficerListSchema = z.object({
  items: z.array(OfficerSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** Per status, under the same office and search filters as the list (so the tabs agree with it). */
  counts: OfficerCountsSchema,
});

/** The agency's offices as User Management names them (filters, mapping): no address or payment details. */
export const OfficeChoiceListSchema = z.object({ items: z.array(OfficerOfficeSchema) });
export type OfficeChoiceList = z.infer<typeof OfficeChoiceListSchema>;
export type OfficerList = z.infer<typeof OfficerListSchema>;

/** Mailed and kept on record: line breaks are fine, other control, invisible format and half characters are not. */
export const ReasonSchema = multiLineTextSchema(10, 1000, 'validation.reason.short');

export const OfficerRejectionSchema = z.strictObject({ reason: ReasonSchema });
export type OfficerRejection = z.input<typeof OfficerRejectionSchema>;

export const OfficeMappingSchema = z.strictObject({
  officeIds: z
    .array(IdSchema)
    .min(1, 'validation.officeMapping.empty')
    .max(200, 'validation.tooLong')
    .refine((ids) => new Set(ids).size === ids.length, 'validation.officeMapping.duplicate'),
});
export type OfficeMapping = z.input<typeof OfficeMappingSchema>;

/** Deactivation takes effect at once; the effective date may be earlier (the officer left last week), never later. */
export const DeactivationSchema = z.strictObject({
  effectiveDate: z.iso.date('validation.date'),
  reason: ReasonSchema,
});
export type Deactivation = z.input<typeof DeactivationSchema>;

export const AccountAuditEntrySchema = z.object({
  at: InstantSchema,
  actor: z.string().nullable(),
  action: z.string(),
  changes: z.array(FieldChangeSchema),
});
export type AccountAuditEntry = z.infer<typeof AccountAuditEntrySchema>;
export const AccountAuditListSchema = z.object({ entries: z.array(AccountAuditEntrySchema) });
export type AccountAuditList = z.infer<typeof AccountAuditListSchema>;

/** What a signed-in issuing officer sees on My Dashboard. */
export const OfficerProfileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  designation: z.string(),
  agency: z.object({ id: IdSchema, name: z.string() }),
  offices: z.array(OfficerOfficeSchema),
  signature: SignatureStatusSchema,
  dsc: DscStatusSchema,
});
export type OfficerProfile = z.infer<typeof OfficerProfileSchema>;
